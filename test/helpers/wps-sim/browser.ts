/**
 * The WPS sim page (`npm run sim -- --host wps`, the browser tests): the strict WPS 表格 stand-in
 * installed as window.Application (and its alias wps) before the pane loads, a view of the simulated
 * workbook beside the pane, and `window.wpsSim` offering what window.excelSim offers:
 *   edit(sheet, address, value), insertRows, deleteRows, activate, values(sheet), selection(),
 *   marks(), names(), sheets(), activeSheet(), settled()
 * and, WPS's own: ready() (the template read, so Workbooks.Open can open it), workbooks() (the
 * workbooks opened besides the user's, the 汇总 master: their sheet names), workbookCount(),
 * workbookValues(i, sheet), stats (calls by member).
 * Query string: ?version=10.8.2 (an old WPS), ?address=property, ?ownWriteEvents=1, ?copyKeeps=none
 * (copies lose protection and validation).
 */
import { commonPageApi, installWorkbookView } from "../excel-sim/page-view";
import { readInsertedWorkbook } from "../excel-sim/reader";
import { WpsSim } from "./sim";

const params = new URLSearchParams(window.location.search);
const sim = new WpsSim({
  read: readInsertedWorkbook,
  version: params.get("version") ?? undefined,
  memberStyle: params.get("address") === "property" ? "property" : "method",
  ownWriteEvents: params.get("ownWriteEvents") === "1",
  ...(params.get("copyKeeps") === "none" ? { copyKeeps: { protection: false, validation: false, names: "none" } } : {}),
});
sim.workbook.addSheet("Sheet1");

// The template the pane will insert, read beforehand: WPS's Workbooks.Open is synchronous.
const ready = fetch("template.xlsx")
  .then((r) => r.arrayBuffer())
  .then((b) => sim.know(new Uint8Array(b)));

const api = {
  ...commonPageApi(sim, () => view.schedule()),
  ready: () => ready,
  /** The workbooks opened besides the user's (the 汇总 master): each one's sheet names. */
  workbooks: async () => (await sim.opened()).map((g) => g.sheets.map((s) => s.name)),
  workbookCount: () => sim.openedCount,
  workbookValues: async (i: number, sheet: string) =>
    ((await sim.opened())[i]?.sheets.find((s) => s.name === sheet)?.rows ?? []).map((row) =>
      (row ?? []).map((v) => (v instanceof Date ? v.toISOString() : v !== null && typeof v === "object" ? v.error : v)),
    ),
  stats: () => ({ calls: sim.stats.calls, byMember: Object.fromEntries(sim.stats.byMember) }),
};

Object.assign(window, { Application: sim.application, wps: sim.application, wpsSim: api });

const view = installWorkbookView(
  sim,
  { activate: (s) => sim.activate(s), edit: (s, a, v) => sim.edit(s, a, v) },
  {
    id: "wps-sim",
    label: "模拟的 WPS 表格工作簿",
    accent: "#c0392b",
    note: () =>
      sim.openedCount
        ? `<p style="margin:4px 0" aria-label="新打开的工作簿">WPS 已打开 ${sim.openedCount} 个新工作簿（当前工作簿不变）。</p>`
        : "",
  },
);
sim.handlers.SheetChange.add(() => view.schedule());
sim.handlers.SheetActivate.add(() => view.schedule());
