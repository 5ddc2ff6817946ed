/**
 * The one place that reads WPS's global `Application`. Everything else gets the OfficeAdapter (the
 * pane's host port) this returns, as the Office path's connectOffice gives it.
 */
import type { OfficeAdapter, TemplateSheets, WorkbookAdapter } from "../ports/host";
import { TEMPLATE_SHEET_NAMES } from "../host-kit/template-names";
import type { WpsApplication } from "./api";
import type { TemplateSource } from "./insert-template";
import { createWpsOperations } from "./operations";
import { listSheets, readWorkbook } from "./sheets";
import { wpsSupport } from "./support";

export { wpsApplication } from "./global";

function workbookAdapter(app: WpsApplication): WorkbookAdapter {
  const workbook = () => {
    const wb = app.ActiveWorkbook;
    if (!wb) throw new Error("WPS 表格中没有打开的工作簿：请先打开或新建一个工作簿，再使用本加载项。");
    return wb;
  };
  return {
    async findTemplateSheets(): Promise<TemplateSheets> {
      const sheets = listSheets(workbook().Worksheets).map((ws) => ws.Name);
      const lower = new Set(sheets.map((n) => n.toLowerCase()));
      return {
        present: TEMPLATE_SHEET_NAMES.filter((n) => lower.has(n.toLowerCase())),
        missing: TEMPLATE_SHEET_NAMES.filter((n) => !lower.has(n.toLowerCase())),
        activeSheet: app.ActiveSheet?.Name ?? "",
      };
    },
    readGrid: async () => readWorkbook(workbook()),
  };
}

export function connectWps(app: WpsApplication, template: TemplateSource): OfficeAdapter {
  const { ok, version } = wpsSupport(app);
  return {
    host: { kind: "wps", version, supported: ok },
    theme: "light",
    // An old WPS gets no template status; every operation answers with the version it needs.
    workbook: ok ? workbookAdapter(app) : null,
    operations: createWpsOperations({ app, template }),
  };
}
