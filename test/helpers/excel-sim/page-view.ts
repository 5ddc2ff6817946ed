/**
 * The sim pages' shared parts (npm run sim, the browser tests): a view of the simulated workbook
 * beside the pane (sheet tabs, cells, marks, selection; a click on a cell types into it as a user),
 * and the page functions both stand-ins offer tests and people (window.excelSim, window.wpsSim).
 */
import { columnLetter } from "../../../src/core/a1";
import { MARK_FILL } from "../../../src/host-kit/mark-signature";
import type { EditValue, SimHost } from "./host";

/** What window.excelSim and window.wpsSim both offer; `after` re-renders the view. */
export function commonPageApi(sim: SimHost & { settled(): Promise<void> }, after: () => void) {
  const then = <T>(result: T): T => {
    after();
    return result;
  };
  return {
    edit: (sheet: string, address: string, value: EditValue) => then(sim.edit(sheet, address, value)),
    insertRows: (sheet: string, row: number, count = 1) => then(sim.insertRows(sheet, row, count)),
    deleteRows: (sheet: string, row: number, count = 1) => then(sim.deleteRows(sheet, row, count)),
    activate: (sheet: string) => then(sim.activate(sheet)),
    values: (sheet: string) =>
      sim.values(sheet).map((row) => row.map((v) => (v !== null && typeof v === "object" ? v.error : v))),
    selection: () => sim.selection(),
    marks: () => sim.marks(),
    names: () => sim.names(),
    sheets: () => sim.workbook.sheets.map((s) => s.name),
    activeSheet: () => sim.activeSheet(),
    settled: () => sim.settled(),
  };
}

export interface WorkbookView {
  /** Re-renders soon (after an edit or an event). */
  schedule(): void;
}

/** Shows the stand-in's workbook beside the pane; `note()` adds a line (e.g. workbooks the host opened). */
export function installWorkbookView(
  sim: SimHost,
  api: { activate(sheet: string): void; edit(sheet: string, address: string, value: EditValue): void },
  options: { id: string; label: string; note: () => string; accent: string },
): WorkbookView {
  let pending = false;
  function scheduleRender(): void {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      render();
    }, 50);
  }
  setInterval(render, 1000); // selection and marks change without events

  function render(): void {
    let host = document.getElementById(options.id);
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
      host.id = options.id;
      host.setAttribute("aria-label", options.label);
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
        }${selected ? "outline:2px solid ${options.accent};" : ""}">${escape(text)}</td>`;
      }
      table += "</tr>";
    }
    const opened = options.note();
    host.innerHTML = `<div>${tabs}</div>${opened}<p style="margin:4px 0">点击单元格可输入内容（模拟用户编辑）。</p><table style="border-collapse:collapse">${table}</table>`;
    host
      .querySelectorAll<HTMLButtonElement>("button[data-sheet]")
      .forEach((b) => (b.onclick = () => api.activate(b.dataset.sheet ?? "")));
    host.querySelectorAll<HTMLTableCellElement>("td[data-address]").forEach(
      (td) =>
        (td.onclick = () => {
          if (!active) return;
          const value = window.prompt(`${active.name}!${td.dataset.address}`, td.textContent ?? "");
          if (value === null) return;
          try {
            api.edit(active.name, td.dataset.address ?? "", value);
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
  return { schedule: scheduleRender };
}
