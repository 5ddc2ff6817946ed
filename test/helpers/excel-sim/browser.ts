/**
 * The sim page (`npm run sim`, the browser test): the strict Excel stand-in installed as the Office
 * and Excel globals before the pane loads, a view of the simulated workbook beside the pane, and
 * `window.excelSim` for people and tests:
 *   edit(sheet, address, value)  a user's typing (value) or paste (2-D array)
 *   insertRows(sheet, row, count), deleteRows(sheet, row, count), activate(sheet)
 *   values(sheet), selection() → { sheet, address }, marks() → the cells marked invalid
 *   sheets(), charts(sheet) → the charts the add-in added there
 *   workbooks() → the workbooks Excel.createWorkbook opened (their sheet names), workbookValues(i, sheet)
 *   names(), stats (syncs per Excel.run, unloaded reads, formulas written), settled()
 * Query string: ?api=1.12 makes requirement sets above ExcelApi 1.12 unsupported; ?theme=dark.
 */
import { layoutOf } from "./layout";
import { commonPageApi, installWorkbookView } from "./page-view";
import { readInsertedWorkbook } from "./reader";
import { ExcelSim } from "./sim";

const params = new URLSearchParams(window.location.search);
const maxMinor = params.has("api") ? Number((params.get("api") ?? "").split(".")[1]) : Infinity;
const sim = new ExcelSim({ read: readInsertedWorkbook });
sim.workbook.addSheet("Sheet1");

const office = {
  HostType: { Excel: "Excel" },
  onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
  context: {
    officeTheme: { bodyBackgroundColor: params.get("theme") === "dark" ? "#262626" : "#ffffff" },
    requirements: {
      isSetSupported: (name: string, version: string) =>
        name === "ExcelApi" && Number(version.split(".")[1]) <= maxMinor,
    },
  },
  actions: { associate: () => undefined },
};
Object.assign(window, {
  Office: office,
  Excel: {
    run: sim.excel.run,
    createWorkbook: (base64?: string) => sim.createWorkbook(base64).finally(scheduleRender),
  },
  excelSim: pageApi(),
});

function pageApi() {
  return {
    ...commonPageApi(sim, scheduleRender),
    /** The workbooks Excel.createWorkbook opened: each one's sheet names (hidden ones included). */
    workbooks: async () => (await sim.created()).map((g) => g.sheets.map((s) => s.name)),
    /** How many workbooks Excel.createWorkbook opened (without reading them). */
    workbookCount: () => sim.createdCount,
    /** The values of a sheet of the i-th workbook createWorkbook opened (dates as ISO text). */
    workbookValues: async (i: number, sheet: string) =>
      ((await sim.created())[i]?.sheets.find((s) => s.name === sheet)?.rows ?? []).map((row) =>
        (row ?? []).map((v) =>
          v instanceof Date ? v.toISOString() : v !== null && typeof v === "object" ? v.error : v,
        ),
      ),
    charts: (sheet: string) => layoutOf(sim.workbook.sheet(sheet)).charts,
    stats: sim.stats,
  };
}

// ---- a view of the simulated workbook, beside the pane ----

const view = installWorkbookView(
  sim,
  { activate: (s) => sim.activate(s), edit: (s, a, v) => sim.edit(s, a, v) },
  {
    id: "excel-sim",
    label: "模拟的 Excel 工作簿",
    accent: "#217346",
    note: () =>
      sim.createdCount
        ? `<p style="margin:4px 0" aria-label="新打开的工作簿">Excel.createWorkbook 已打开 ${sim.createdCount} 个新工作簿（当前工作簿不变）。</p>`
        : "",
  },
);
function scheduleRender(): void {
  view.schedule();
}
sim.handlers.changed.add(() => scheduleRender());
sim.handlers.activated.add(() => scheduleRender());
