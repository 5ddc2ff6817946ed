import type { TemplateSheets, WorkbookAdapter } from "../ports/host";
import type { ExcelRunner } from "./runner";
import { readWorkbookGrid } from "./read-grid";
import { TEMPLATE_SHEET_NAMES } from "../host-kit/template-names";

export { TEMPLATE_SHEET_NAMES };

export function createWorkbookAdapter(excel: ExcelRunner): WorkbookAdapter {
  return {
    findTemplateSheets: () =>
      excel.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        // Queue every probe first so the whole question costs one round trip.
        const probes = TEMPLATE_SHEET_NAMES.map((name) => ({ name, sheet: worksheets.getItemOrNullObject(name) }));
        const active = worksheets.getActiveWorksheet();
        active.load("name");
        await context.sync();
        const result: TemplateSheets = {
          present: probes.filter((p) => !p.sheet.isNullObject).map((p) => p.name),
          missing: probes.filter((p) => p.sheet.isNullObject).map((p) => p.name),
          activeSheet: active.name,
        };
        return result;
      }),
    readGrid: () => readWorkbookGrid(excel),
  };
}
