/**
 * The Excel task pane's composition root: connects the Office.js adapter (src/office) and renders the
 * pane (src/taskpane) with it. Only src/entry sees both, so neither imports the other.
 */
import { connectOffice } from "../office/connect";
import { mountPane } from "./mount";

// In Excel, connectOffice also gives the Office.js TaskPaneOperations (src/office/operations.ts).
mountPane(() => connectOffice());
