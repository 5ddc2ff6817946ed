/**
 * A submitted workbook's bytes → the core's WorkbookGrid, values only, in one pass: the package is
 * guarded while its parts inflate (package.ts), then exactly the kept bytes are parsed. Pure: runs
 * in Node and in the task pane alike. Never throws; every failure is a refusal with a code.
 */
import { guardLimits, type GuardLimits, type GuardProblem, problemToRefusal, type RefusalCode } from "../core/guard";
import { isProblem } from "./guard";
import type { SheetGrid, WorkbookGrid } from "../core/model";
import { PURE_CODEC, type Codec } from "./codec";
import { applyMerges, GridRefusal, MAX_GRID_SLOTS, sheetGridOf, type SlotBudget } from "./grid";
import { singleCellNames } from "./names";
import { guardPackage } from "./package";
import { parseSharedStrings } from "./shared-strings";
import { parseDateStyles } from "./styles";
import { parseRelationships, parseWorkbookPart } from "./workbook-part";
import { parseWorksheet, type ParsedSheet } from "./worksheet";

export type WorkbookReadResult =
  | {
      readonly ok: true;
      readonly grid: WorkbookGrid;
      readonly macroEnabled: boolean;
      /** Hex SHA-256 of the bytes as sent. */
      readonly sha256: string;
    }
  | { readonly ok: false; readonly code: RefusalCode; readonly message: string };

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const SHARED_STRINGS = "xl/sharedStrings.xml";
const STYLES = "xl/styles.xml";
/** Worksheet parts as exceljs recognised them (unanchored: its test, its results). */
const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** A part name as exceljs keyed it: without a leading "/". */
const key = (part: string) => (part.startsWith("/") ? part.slice(1) : part);
const isReaderPart = (part: string) => {
  const k = key(part);
  return k === WORKBOOK || k === WORKBOOK_RELS || k === SHARED_STRINGS || k === STYLES || WORKSHEET.test(k);
};

export interface ReadOptions {
  /**
   * Whether the caller reads the cells of the sheet of this name (default: every sheet). A sheet
   * it does not is listed with no cells and its part is not parsed: the guard has still scanned
   * and counted it, but damage inside it no longer refuses the file.
   */
  readonly cellsOf?: (sheetName: string) => boolean;
  /** Inflating, checksums and the file's hash (default: pure, for every host; Node passes its own). */
  readonly codec?: Codec;
}

/** The grid from a guarded package's kept parts; throws GridRefusal or anything a damaged part provokes. */
export function gridOfParts(parts: ReadonlyMap<string, Uint8Array>, options: ReadOptions = {}): WorkbookGrid {
  const byKey = new Map([...parts].map(([n, b]) => [key(n), b]));
  const workbookBytes = byKey.get(WORKBOOK);
  const workbook = workbookBytes ? parseWorkbookPart(workbookBytes) : { sheets: [], definedNames: [], date1904: false };
  const relsBytes = byKey.get(WORKBOOK_RELS);
  const rels = relsBytes ? parseRelationships(relsBytes) : new Map<string, string>();
  const sstBytes = byKey.get(SHARED_STRINGS);
  const stylesBytes = byKey.get(STYLES);
  const ctx = {
    sharedStrings: sstBytes ? parseSharedStrings(sstBytes) : undefined,
    dateStyles: stylesBytes ? parseDateStyles(stylesBytes) : [],
    date1904: workbook.date1904,
  };
  const cellsOf = options.cellsOf ?? (() => true);
  // A part two sheets point at is parsed once (exceljs gave both sheets its cells).
  const worksheets = new Map<string, ParsedSheet>();
  const worksheet = (k: string): ParsedSheet => {
    let parsed = worksheets.get(k);
    if (!parsed) worksheets.set(k, (parsed = parseWorksheet(byKey.get(k)!, ctx)));
    return parsed;
  };

  const budget: SlotBudget = { left: MAX_GRID_SLOTS };
  const sheets: SheetGrid[] = [];
  for (const s of workbook.sheets) {
    const target = s.rId !== undefined ? rels.get(s.rId) : undefined;
    const k = target !== undefined ? `xl/${target.replace(/^(\s|\/xl\/)+/, "")}` : undefined;
    if (k === undefined || !WORKSHEET.test(k) || !byKey.has(k)) continue;
    const hidden = s.state === "hidden" || s.state === "veryHidden";
    if (!cellsOf(s.name)) {
      sheets.push(sheetGridOf(s.name, hidden, new Map(), budget));
      continue;
    }
    const parsed = worksheet(k);
    applyMerges(parsed.cells, parsed.merges);
    sheets.push(sheetGridOf(s.name, hidden, parsed.cells, budget));
  }
  const names = singleCellNames(workbook.definedNames, new Set(sheets.map((s) => s.name)));
  return workbook.date1904 ? { sheets, names, date1904: true } : { sheets, names };
}

function refused(name: string, problem: GuardProblem): WorkbookReadResult {
  return { ok: false, ...problemToRefusal(problem, name) };
}

/**
 * Read a workbook sent as `bytes` (`name` is used only for rules and messages). Guard refusals keep
 * their codes and messages; a part that cannot be parsed is "corrupt", a grid too big "too_large".
 */
export async function readWorkbook(
  name: string,
  bytes: Uint8Array,
  limits?: Partial<GuardLimits>,
  options?: ReadOptions,
): Promise<WorkbookReadResult> {
  const guarded = guardPackage(name, bytes, guardLimits(limits), isReaderPart, options?.codec);
  if (isProblem(guarded)) return refused(name, guarded);
  let grid: WorkbookGrid;
  try {
    grid = gridOfParts(guarded.parts, options);
  } catch (e) {
    if (e instanceof GridRefusal) return refused(name, { code: e.code, detail: e.detail });
    return refused(name, { code: "corrupt", detail: "工作簿内容无法解析" });
  }
  const sha256 = await (options?.codec ?? PURE_CODEC).sha256(bytes);
  return { ok: true, grid, macroEnabled: guarded.macroEnabled, sha256 };
}
