/** Finding a template sheet in a workbook: by its name, else by the defined names on it, else by its contents. */
import { SHEETS, TEMPLATE_SHEET_NAMES } from "../definition";
import type { SheetGrid, WorkbookGrid } from "../model";

export interface FoundSheet {
  readonly sheet: SheetGrid;
  /** Set when the sheet was found under another name than the template's. */
  readonly renamedFrom?: string;
}

const TEMPLATE_SHEETS: ReadonlySet<string> = new Set(TEMPLATE_SHEET_NAMES);

/**
 * The template's formula sheets, whose cells locating a report never reads (a template sheet is
 * never taken for another, see findSheet): 自检 alone is half of a report's XML. 填报说明 is not
 * read either, but it is small and the first sheet, so it is still parsed and damage in it still
 * refuses the file, as it always has.
 */
const SHEETS_NEVER_READ: ReadonlySet<string> = new Set([SHEETS.print, SHEETS.selfCheck]);

/** Whether locating a report reads the cells of a sheet of this name (a reader may skip the others' cells). */
export function reportReadsCellsOf(sheetName: string): boolean {
  return !SHEETS_NEVER_READ.has(sheetName);
}

export interface SheetSearch {
  /** The sheet's name in the template. */
  readonly templateName: string;
  /** Defined names that the template puts on this sheet (fld_…, tbl_…). */
  readonly definedNames: readonly string[];
  /** How much a sheet looks like this one (labels found); 0 = not at all. */
  readonly score: (sheet: SheetGrid) => number;
  readonly minScore: number;
}

/**
 * A renamed sheet keeps its defined names (Excel and LibreOffice rewrite them), so those are asked
 * first; contents decide only when names are gone too. Sheets bearing another template sheet's name
 * (自检 lists the same labels, for example) are never taken for this one.
 */
export function findSheet(grid: WorkbookGrid, search: SheetSearch): FoundSheet | undefined {
  const votes = new Map<string, number>();
  for (const n of search.definedNames) {
    const target = grid.names[n];
    if (target) votes.set(target.sheet, (votes.get(target.sheet) ?? 0) + 1);
  }
  // The template's name wins unless that sheet is an empty stand-in (the real one renamed beside it).
  const byName = grid.sheets.find((s) => s.name === search.templateName);
  if (byName && ((votes.get(byName.name) ?? 0) > 0 || search.score(byName) >= search.minScore))
    return { sheet: byName };
  const elsewhere = findRenamed(grid, search, votes);
  if (elsewhere) return elsewhere;
  return byName ? { sheet: byName } : undefined;
}

function findRenamed(
  grid: WorkbookGrid,
  search: SheetSearch,
  votes: ReadonlyMap<string, number>,
): FoundSheet | undefined {
  const eligible = grid.sheets.filter((s) => !TEMPLATE_SHEETS.has(s.name));
  let bestNamed: SheetGrid | undefined;
  let bestVotes = 0;
  for (const s of eligible) {
    const v = votes.get(s.name) ?? 0;
    if (v > bestVotes) {
      bestNamed = s;
      bestVotes = v;
    }
  }
  if (bestNamed) return { sheet: bestNamed, renamedFrom: search.templateName };

  let best: SheetGrid | undefined;
  let bestScore = 0;
  for (const s of eligible) {
    const score = search.score(s);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best && bestScore >= search.minScore ? { sheet: best, renamedFrom: search.templateName } : undefined;
}
