/** Which cells the add-in marks invalid, by sheet: what both host adapters paint. */
import { parseA1 } from "../core/a1";
import type { Finding } from "../core/model";

/** Enough for any real report; a pathological one is not painted cell by cell. */
export const MAX_MARKS_PER_SHEET = 500;

/** The cells to mark, by sheet, without repeats and only real single-cell addresses. */
export function cellsToMark(findings: readonly Finding[]): Map<string, string[]> {
  const bySheet = new Map<string, Set<string>>();
  for (const f of findings) {
    if (!parseA1(f.cell)) continue;
    const cells = bySheet.get(f.sheet) ?? new Set<string>();
    cells.add(f.cell.toUpperCase());
    bySheet.set(f.sheet, cells);
  }
  return new Map([...bySheet].map(([sheet, cells]) => [sheet, [...cells].slice(0, MAX_MARKS_PER_SHEET)]));
}
