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
import { columnLetter } from "../../../src/core/a1";
import { MARK_FILL } from "../../../src/host-kit/mark-signature";
import { layoutOf } from "./layout";
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
  const after = <T>(result: T): T => {
    scheduleRender();
    return result;
  };
  return {
    edit: (sheet: string, address: string, value: Parameters<ExcelSim["edit"]>[2]) =>
      after(sim.edit(sheet, address, value)),
    insertRows: (sheet: string, row: number, count = 1) => after(sim.insertRows(sheet, row, count)),
    deleteRows: (sheet: string, row: number, count = 1) => after(sim.deleteRows(sheet, row, count)),
    activate: (sheet: string) => after(sim.activate(sheet)),
    values: (sheet: string) =>
      sim.values(sheet).map((row) => row.map((v) => (v !== null && typeof v === "object" ? v.error : v))),
    selection: () => sim.selection(),
    marks: () => sim.marks(),
    names: () => sim.names(),
    sheets: () => sim.workbook.sheets.map((s) => s.name),
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
    activeSheet: () => sim.activeSheet(),
    stats: sim.stats,
    settled: () => sim.settled(),
  };
}

// ---- a view of the simulated workbook, beside the pane ----

let pending = false;
function scheduleRender(): void {
  if (pending) return;
  pending = true;
  setTimeout(() => {
    pending = false;
    render();
  }, 50);
}
sim.handlers.changed.add(() => scheduleRender());
sim.handlers.activated.add(() => scheduleRender());
setInterval(render, 1000); // selection and marks change without events

function render(): void {
  let host = document.getElementById("excel-sim");
  if (!host) {
    document.body.style.display = "flex";
    document.body.style.alignItems = "flex-start";
    const pane = document.getElementById("container");
    if (pane)
      Object.assign(pane.style, {
        width: "360px",
        flex: "0 0 360px",
        borderRight: "1px solid #999",
        minHeight: "100vh",
      });
    host = document.createElement("section");
    host.id = "excel-sim";
    host.setAttribute("aria-label", "模拟的 Excel 工作簿");
    Object.assign(host.style, {
      flex: "1",
      overflow: "auto",
      height: "100vh",
      font: "12px sans-serif",
      padding: "4px",
    });
    document.body.appendChild(host);
  }
  const active = sim.workbook.sheetByKey(sim.workbook.activeSheetId);
  const marks = new Set(sim.marks().map((m) => `${m.sheet}!${m.address}`));
  const sel = sim.selection();
  const tabs = sim.workbook.sheets
    .filter((s) => s.visibility === "Visible")
    .map(
      (s) =>
        `<button data-sheet="${escape(s.name)}" style="font-weight:${s === active ? "bold" : "normal"}">${escape(s.name)}</button>`,
    )
    .join(" ");
  const used = active ? sim.workbook.usedRect(active) : null;
  const rows = Math.min(Math.max(used?.bottom ?? 0, 20) + 2, 400);
  const cols = Math.min(Math.max(used?.right ?? 0, 6), 30);
  let table = `<tr><th></th>${Array.from({ length: cols }, (_, c) => `<th>${columnLetter(c + 1)}</th>`).join("")}</tr>`;
  for (let r = 1; r <= rows && active; r++) {
    table += `<tr><th>${r}</th>`;
    for (let c = 1; c <= cols; c++) {
      const address = `${columnLetter(c)}${r}`;
      const v = sim.workbook.get(active, r, c);
      const text = v === null ? "" : typeof v === "object" ? v.error : String(v);
      const marked = marks.has(`${active.name}!${address}`);
      const selected = sel?.sheet === active.name && sel.address === address;
      table += `<td data-address="${address}" title="${address}" style="border:1px solid #ddd;min-width:40px;max-width:160px;height:16px;overflow:hidden;white-space:nowrap;${
        marked ? `background:${MARK_FILL};` : ""
      }${selected ? "outline:2px solid #217346;" : ""}">${escape(text)}</td>`;
    }
    table += "</tr>";
  }
  const opened = sim.createdCount
    ? `<p style="margin:4px 0" aria-label="新打开的工作簿">Excel.createWorkbook 已打开 ${sim.createdCount} 个新工作簿（当前工作簿不变）。</p>`
    : "";
  host.innerHTML = `<div>${tabs}</div>${opened}<p style="margin:4px 0">点击单元格可输入内容（模拟用户编辑）。</p><table style="border-collapse:collapse">${table}</table>`;
  host
    .querySelectorAll<HTMLButtonElement>("button[data-sheet]")
    .forEach((b) => (b.onclick = () => pageApi().activate(b.dataset.sheet ?? "")));
  host.querySelectorAll<HTMLTableCellElement>("td[data-address]").forEach(
    (td) =>
      (td.onclick = () => {
        if (!active) return;
        const value = window.prompt(`${active.name}!${td.dataset.address}`, td.textContent ?? "");
        if (value === null) return;
        try {
          pageApi().edit(active.name, td.dataset.address ?? "", value);
        } catch (e) {
          window.alert(String(e));
        }
      }),
  );
}

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

window.addEventListener("DOMContentLoaded", render);
