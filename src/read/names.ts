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

/** The one cell a name's text covers; "many" for a range or several cells; undefined for none. */
function singleCellOf(text: string): NamedCell | "many" | undefined {
  let only: NamedCell | undefined;
  for (const ref of splitReferences(text)) {
    if (!ABSOLUTE.test(ref.split("!").pop() ?? "")) continue;
    const m = REFERENCE.exec(ref)!;
    const sheet = (m[1] ?? m[2] ?? "").replace(/''/g, "'");
    const [a, b] = m[3].split(":");
    const r1 = rowOf(a);
    if (b !== undefined && (columnOf(b) !== columnOf(a) || rowOf(b) !== r1)) return "many";
    const cell = `${a.replace(/[^A-Z]/g, "")}${r1}`;
    // The same cell named twice is still one cell.
    if (only && (only.sheet !== sheet || only.cell !== cell)) return "many";
    only = { sheet, cell };
  }
  return only;
}

/** Name → its one cell, for names whose one cell is on a sheet of the workbook. */
export function singleCellNames(
  entries: readonly DefinedNameEntry[],
  sheetNames: ReadonlySet<string>,
): Record<string, NamedCell> {
  const latest = new Map<string, string>();
  for (const e of entries)
    if (e.name !== "_xlnm.Print_Area" && e.name !== "_xlnm.Print_Titles") latest.set(e.name, e.text);
  const names: Record<string, NamedCell> = {};
  for (const [name, text] of latest) {
    const only = singleCellOf(text);
    if (only && only !== "many" && sheetNames.has(only.sheet)) names[name] = only;
  }
  return names;
}
