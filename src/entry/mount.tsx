/**
 * Renders the pane (src/taskpane) with whatever host adapter the page's composition root connects:
 * the shell at once, then again when the host is known.
 */
import { createRoot } from "react-dom/client";
import type { OfficeAdapter } from "../ports/host";
import { App } from "../taskpane/App";
import { requestedView } from "../taskpane/views";

export function mountPane(connect: () => Promise<OfficeAdapter>): void {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  const initialView = requestedView(window.location.search);
  root.render(<App adapter={null} operations={null} initialView={initialView} />);
  void connect().then((adapter) =>
    root.render(<App adapter={adapter} operations={adapter.operations ?? null} initialView={initialView} />),
  );
}
