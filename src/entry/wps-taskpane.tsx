/**
 * The WPS 表格 task pane's composition root: the same pane (src/taskpane) on the WPS adapter
 * (src/wps). Opened outside WPS, the pane says so.
 */
import { templateFromServer } from "../host-kit/template-asset";
import { connectWps, wpsApplication } from "../wps/connect";
import { mountPane } from "./mount";

mountPane(async () => {
  const app = wpsApplication(window);
  if (!app) return { host: { kind: "outside", reason: "no-wps" }, theme: "light", workbook: null, operations: null };
  return connectWps(app, templateFromServer());
});
