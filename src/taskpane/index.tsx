import { createRoot } from "react-dom/client";
import { connectOffice } from "../office/connect";
import { App } from "./App";
import { viewFromSearch } from "./views";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const initialView = viewFromSearch(window.location.search);
  // Render the shell at once, then again when it is known whether this is Excel.
  root.render(<App adapter={null} operations={null} initialView={initialView} />);
  // The Office.js TaskPaneOperations (src/office, issue 9 "office") are passed here once they exist;
  // until then the views describe their features and offer no actions.
  void connectOffice().then((adapter) => root.render(<App adapter={adapter} operations={null} initialView={initialView} />));
}
