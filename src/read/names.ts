/**
 * Defined names that point at exactly one cell, as exceljs resolved them: every name but print
 * areas and titles (sheet-local ones included; a later name of the same spelling replaces an earlier
 * one), references in absolute `$A$1` form only, ranges expanded, the result kept only when one cell.
 */
import type { NamedCell } from "../core/model";
import { columnOf } from "./worksheet";
import type { DefinedNameEntry } from "./workbook-part";

const ABSOLUTE = /[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/;
const REFERENCE = /(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/;

/** The comma-separated references of a name's text, keeping commas inside quoted sheet names. */
function splitReferences(text: string): string[] {
  const refs: string[] = [];
  let open = false;
  let pending = "";
  for (const item of text.split(",")) {
    if (!item) continue;
    const quotes = (item.match(/'/g) ?? []).length;
    if (quotes === 0) {
      if (open) pending += `${item},`;
      else refs.push(item);
    } else if (!open && quotes % 2 === 0) refs.push(item);
    else if (open && quotes % 2 === 1) {
      open = false;
      refs.push(pending + item);
      pending = "";
    } else {
      open = true;
      pending += `${item},`;
    }
  }
  return refs;
}

const rowOf = (s: string) => parseInt(s.replace(/^[^0-9]*/, ""), 10);

/** Cells a name's text covers: a Set of "sheet\u0000col\u0000row" up to 2 (more is never one cell). */
function cellsOf(text: string, out: Map<string, NamedCell>): void {
  for (const ref of splitReferences(text)) {
    if (!ABSOLUTE.test(ref.split("!").pop() ?? "")) continue;
    const m = REFERENCE.exec(ref)!;
    const sheet = (m[1] ?? m[2] ?? "").replace(/''/g, "'");
    const [a, b] = m[3].split(":");
    const c1 = columnOf(a);
    const r1 = rowOf(a);
    const c2 = b === undefined ? c1 : columnOf(b);
    const r2 = b === undefined ? r1 : rowOf(b);
    if ((Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1) > 1) {
      out.set("\u0000many", { sheet, cell: "" });
      out.set("\u0000more", { sheet, cell: "" });
      return;
    }
    const cell = `${a.replace(/[^A-Z]/g, "")}${r1}`;
    out.set(`${sheet}\u0000${cell}`, { sheet, cell });
  }
}

/** Name → its one cell, for names whose one cell is on a sheet of the workbook. */
export function singleCellNames(entries: readonly DefinedNameEntry[], sheetNames: ReadonlySet<string>): Record<string, NamedCell> {
  const latest = new Map<string, string>();
  for (const e of entries) if (e.name !== "_xlnm.Print_Area" && e.name !== "_xlnm.Print_Titles") latest.set(e.name, e.text);
  const names: Record<string, NamedCell> = {};
  for (const [name, text] of latest) {
    const cells = new Map<string, NamedCell>();
    cellsOf(text, cells);
    if (cells.size !== 1) continue;
    const [only] = cells.values();
    if (sheetNames.has(only.sheet)) names[name] = only;
  }
  return names;
}
