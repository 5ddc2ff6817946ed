/**
 * The task pane's composition root: connects the host adapter (src/office) and renders the pane
 * (src/taskpane) with it. The only module that sees both, so neither imports the other.
 */
import { createRoot } from "react-dom/client";
import { connectOffice } from "../office/connect";
import { App } from "../taskpane/App";
import { requestedView } from "../taskpane/views";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const initialView = requestedView(window.location.search);
  // Render the shell at once, then again when it is known whether this is Excel.
  root.render(<App adapter={null} operations={null} initialView={initialView} />);
  // In Excel, connectOffice also gives the Office.js TaskPaneOperations (src/office/operations.ts).
  void connectOffice().then((adapter) =>
    root.render(<App adapter={adapter} operations={adapter.operations ?? null} initialView={initialView} />),
  );
}
