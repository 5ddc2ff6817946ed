/**
 * The strict Excel stand-in: a workbook model (model.ts) behind Office.js-shaped proxies (api.ts),
 * an `excel.run` that counts syncs per batch and honours delayForCellEdit, change and activation
 * events, and the edits a person makes (edit, paste, insertRows, activate) raised as a user's.
 *
 * insertWorksheetsFromBase64 reads the bytes with an injected reader (reader.ts: the project's own
 * values-only reader, in Node and in the sim page) and, as Excel does (office-js #3583), the workbook
 * names of the inserted file arrive broken (=#REF!…); sheets whose names are taken get " (2)".
 */
import type { WorkbookGrid } from "../../../src/core/model";
import { isCellError } from "../../../src/core/model";
import type { ExcelRunner } from "../../../src/office/runner";
import { MARK_FORMULA } from "../../../src/host-kit/mark-signature";
import { columnLetter, parseA1 } from "../../../src/core/a1";
import { REQUEST_LIMIT_BYTES, SimContext, SimError, type ChangeRecord } from "./api";
import {
  key,
  parseRect,
  rectAddress,
  serialOf,
  shiftRect,
  shiftRectUp,
  SimWorkbook,
  typedValue,
  type Rect,
  type SimSheet,
  type SimValue,
} from "./model";

/** What a reader gives the stand-in for one workbook: values, and per sheet what Excel would keep. */
export interface SimSource {
  readonly grid: WorkbookGrid;
  readonly sheets?: Readonly<
    Record<
      string,
      {
        protected?: boolean;
        /** The protection allows formatting cells (and so conditional formats). */
        formatCells?: boolean;
        validations?: readonly string[];
        unlocked?: readonly string[];
        /** Columns whose style unlocks every cell without a style of its own ("A", "K"…). */
        unlockedColumns?: readonly string[];
        /** Cells with a style of their own that keeps them locked (only those in unlocked columns matter). */
        locked?: readonly string[];
        text?: readonly string[];
      }
    >
  >;
}

/** bytes → SimSource: injected, so the stand-in reads with whatever reader the project ships. */
export type SimReader = (bytes: Uint8Array) => Promise<SimSource>;

export interface SimOptions {
  readonly read?: SimReader;
  /** Excel before ExcelApi 1.14 sends no triggerSource; false models that host. */
  readonly triggerSource?: boolean;
}

export interface SimStats {
  syncs: number;
  /** One entry per Excel.run: how many context.sync calls it made (the closing implicit one included). */
  readonly runs: { syncs: number; delayForCellEdit: boolean }[];
  /** Every property read before it was loaded and synced (each also threw PropertyNotLoaded). */
  readonly unloadedReads: string[];
  /** Every string starting with "=" the add-in wrote as a value (it would have become a formula). */
  readonly formulasWritten: string[];
  /** Edits by the test into locked cells of protected sheets (Excel would have refused them). */
  readonly lockedEdits: string[];
}

type Handler = (args: unknown) => Promise<unknown> | void;

/** A request's size as Excel on the web counts it: its JSON, in UTF-8 bytes. */
function requestBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class ExcelSim {
  readonly workbook = new SimWorkbook();
  readonly stats: SimStats = { syncs: 0, runs: [], unloadedReads: [], formulasWritten: [], lockedEdits: [] };
  readonly handlers = { changed: new Set<Handler>(), activated: new Set<Handler>() };
  /** "sheetId" → set of "r,c" keys of unlocked cells (protected sheets accept writes only there). */
  private readonly unlocked = new Map<string, Set<string>>();
  /** "sheetId" → column numbers unlocked by their column style, and the "r,c" cells in them that stay locked. */
  private readonly unlockedColumns = new Map<string, { columns: Set<number>; locked: Set<string> }>();
  private editing: { done: Promise<void>; finish: () => void } | null = null;
  private readonly pendingEvents = new Set<Promise<void>>();
  readonly excel: ExcelRunner;

  constructor(private readonly options: SimOptions = {}) {
    this.excel = { run: ((a: unknown, b?: unknown) => this.run(a, b)) as ExcelRunner["run"] };
  }

  private async run(a: unknown, b: unknown): Promise<unknown> {
    const options = (typeof a === "function" ? {} : a) as { delayForCellEdit?: boolean };
    const batch = (typeof a === "function" ? a : b) as (context: unknown) => Promise<unknown>;
    let refuse: SimError | null = null;
    if (this.editing) {
      if (options.delayForCellEdit) await this.editing.done;
      else refuse = new SimError("InvalidOperation", "This operation is not allowed while Excel is in cell-edit mode.");
    }
    const record = { syncs: 0, delayForCellEdit: Boolean(options.delayForCellEdit) };
    this.stats.runs.push(record);
    const context = new SimContext(this, refuse);
    try {
      const result = await batch(context);
      if (context.pending) await context.sync(); // Excel.run sends what is still queued when the batch returns
      return result;
    } finally {
      record.syncs = context.syncs;
    }
  }

  // ---- events ----

  emitChanged(change: ChangeRecord, triggerSource: "ThisLocalAddin" | "Unknown"): void {
    const args: Record<string, unknown> = {
      type: "WorksheetChanged",
      source: "Local",
      worksheetId: change.sheetId,
      address: change.address,
      changeType: change.changeType,
    };
    if (this.options.triggerSource !== false) args.triggerSource = triggerSource;
    this.dispatch(this.handlers.changed, args);
  }

  emitActivated(sheetId: string): void {
    this.dispatch(this.handlers.activated, { type: "WorksheetActivated", worksheetId: sheetId });
  }

  /** Events arrive after the change, asynchronously, as Excel's do. */
  private dispatch(handlers: Set<Handler>, args: unknown): void {
    const p = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
      for (const h of [...handlers]) await h(args);
    });
    this.pendingEvents.add(p);
    void p.finally(() => this.pendingEvents.delete(p));
  }

  /** Waits until every event raised so far has been handled (tests). */
  async settled(): Promise<void> {
    while (this.pendingEvents.size > 0) await Promise.all([...this.pendingEvents]);
  }

  // ---- Excel.createWorkbook ----

  private readonly opened: (() => Promise<WorkbookGrid>)[] = [];

  /**
   * Excel.createWorkbook(base64): a workbook of its own, opened beside this one (which it never
   * touches). Refused, as Excel on the web refuses it, when the request's JSON is over 5 MB. Excel
   * opens the file in its own process, so the stand-in reads it only when a test asks (created()).
   */
  async createWorkbook(base64?: string): Promise<void> {
    const size = requestBytes(base64 ?? null);
    if (size > REQUEST_LIMIT_BYTES)
      throw new SimError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${size} bytes).`,
      );
    const read = this.options.read;
    if (base64 !== undefined && !read) throw new Error("excel-sim: no reader given for createWorkbook");
    let grid: Promise<WorkbookGrid> | null = null;
    this.opened.push(
      () =>
        (grid ??=
          base64 === undefined
            ? Promise.resolve({ sheets: [], names: {} })
            : read!(base64ToBytes(base64)).then((s) => s.grid)),
    );
  }

  /** Workbooks opened by Excel.createWorkbook, as their values (the open workbook is `workbook`). */
  created(): Promise<WorkbookGrid[]> {
    return Promise.all(this.opened.map((open) => open()));
  }

  /** How many workbooks Excel.createWorkbook opened. */
  get createdCount(): number {
    return this.opened.length;
  }

  // ---- insertWorksheetsFromBase64 ----

  async insertFromBase64(base64: string, only?: readonly string[]): Promise<string[]> {
    if (!this.options.read) throw new Error("excel-sim: no reader given for insertWorksheetsFromBase64");
    const source = await this.options.read(base64ToBytes(base64));
    const ids: string[] = [];
    const byOriginal = new Map<string, SimSheet>();
    for (const g of source.grid.sheets) {
      if (only && !only.includes(g.name)) continue;
      let name = g.name;
      for (let n = 2; this.workbook.sheetByName(name); n++) name = `${g.name} (${n})`;
      const sheet = this.workbook.addSheet(name, g.hidden ? "Hidden" : "Visible");
      g.rows.forEach((row, r) =>
        row?.forEach((v, c) => {
          const value: SimValue =
            v instanceof Date ? serialOf(v) : isCellError(v) ? { error: v.error } : (v as SimValue);
          this.workbook.set(sheet, r + 1, c + 1, value);
        }),
      );
      const extra = source.sheets?.[g.name];
      sheet.protected = Boolean(extra?.protected);
      sheet.formatCells = Boolean(extra?.formatCells);
      sheet.validations = (extra?.validations ?? []).map(parseRect);
      const open = new Set<string>();
      for (const a of extra?.unlocked ?? []) {
        const r = parseRect(a);
        for (let row = r.top; row <= r.bottom; row++) for (let c = r.left; c <= r.right; c++) open.add(key(row, c));
      }
      this.unlocked.set(sheet.id, open);
      if (extra?.unlockedColumns?.length) {
        const locked = new Set<string>();
        for (const a of extra.locked ?? []) {
          const r = parseRect(a);
          locked.add(key(r.top, r.left));
        }
        this.unlockedColumns.set(sheet.id, {
          columns: new Set(extra.unlockedColumns.map((c) => parseRect(`${c}1`).left)),
          locked,
        });
      }
      for (const a of extra?.text ?? []) {
        const r = parseRect(a);
        sheet.formats.set(key(r.top, r.left), "@");
      }
      byOriginal.set(g.name, sheet);
      ids.push(sheet.id);
    }
    for (const [name, target] of Object.entries(source.grid.names)) {
      if (!byOriginal.has(target.sheet) || this.workbook.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        continue;
      const at = parseA1(target.cell)!;
      this.workbook.names.push({ name, broken: `#REF!$${columnLetter(at.column)}$${at.row}` });
    }
    return ids;
  }

  unlockedOn(sheet: SimSheet, r: Rect): boolean {
    const open = this.unlocked.get(sheet.id);
    if (!open) return !sheet.protected;
    const byColumn = this.unlockedColumns.get(sheet.id);
    const cellOpen = (k: string, c: number) =>
      open.has(k) || (byColumn !== undefined && byColumn.columns.has(c) && !byColumn.locked.has(k));
    for (let row = r.top; row <= r.bottom; row++)
      for (let c = r.left; c <= r.right; c++) if (!cellOpen(key(row, c), c)) return false;
    return true;
  }

  // ---- what a person does ----

  /** Types (one value) or pastes (a 2-D array) into the sheet, as a user; raises onChanged. */
  edit(
    sheetName: string,
    address: string,
    value: string | number | boolean | null | readonly (readonly (string | number | boolean | null)[])[],
  ): void {
    const sheet = this.workbook.sheet(sheetName);
    const start = parseRect(address);
    const grid: readonly (readonly (string | number | boolean | null)[])[] = Array.isArray(value)
      ? value
      : [[value as string | number | boolean | null]];
    const rect: Rect = {
      top: start.top,
      left: start.left,
      bottom: start.top + grid.length - 1,
      right: start.left + Math.max(...grid.map((g) => g.length)) - 1,
    };
    // Excel would refuse this edit; the stand-in lets a test script through (it may model a user who
    // lifted the password-less protection) and records it for tests that care.
    if (sheet.protected && !this.unlockedOn(sheet, rect))
      this.stats.lockedEdits.push(`${sheetName}!${rectAddress(rect)}`);
    grid.forEach((line, i) =>
      line.forEach((v, j) => {
        const row = rect.top + i;
        const c = rect.left + j;
        this.workbook.set(sheet, row, c, typedValue(v, sheet.formats.get(key(row, c)) === "@"));
      }),
    );
    this.emitChanged({ sheetId: sheet.id, address: rectAddress(rect), changeType: "RangeEdited" }, "Unknown");
  }

  /** Inserts `count` whole rows before `row`, as a user; marks, names and validation follow. */
  insertRows(sheetName: string, row: number, count = 1): void {
    const sheet = this.workbook.sheet(sheetName);
    this.workbook.insertRows(sheet, row, count);
    for (const keys of [this.unlocked.get(sheet.id), this.unlockedColumns.get(sheet.id)?.locked]) {
      if (!keys) continue;
      const moved = [...keys].map((k) => {
        const [r, c] = k.split(",").map(Number);
        return r >= row ? key(r + count, c) : k;
      });
      keys.clear();
      for (const k of moved) keys.add(k);
      // New rows take the formatting (lock state) of the row above, as Excel's do.
      for (const k of [...keys]) {
        const [r, c] = k.split(",").map(Number);
        if (r === row - 1) for (let i = 0; i < count; i++) keys.add(key(row + i, c));
      }
    }
    const sel = this.workbook.selection;
    if (sel && sel.sheetId === sheet.id) sel.rect = shiftRect(sel.rect, row, count);
    this.emitChanged({ sheetId: sheet.id, address: `${row}:${row + count - 1}`, changeType: "RowInserted" }, "Unknown");
  }

  /** Deletes `count` whole rows from `row` on, as a user. */
  deleteRows(sheetName: string, row: number, count = 1): void {
    const sheet = this.workbook.sheet(sheetName);
    this.workbook.deleteRows(sheet, row, count);
    for (const keys of [this.unlocked.get(sheet.id), this.unlockedColumns.get(sheet.id)?.locked]) {
      if (!keys) continue;
      const kept = [...keys].flatMap((k) => {
        const [r, c] = k.split(",").map(Number);
        if (r >= row && r < row + count) return [];
        return [r >= row + count ? key(r - count, c) : k];
      });
      keys.clear();
      for (const k of kept) keys.add(k);
    }
    const sel = this.workbook.selection;
    if (sel && sel.sheetId === sheet.id)
      sel.rect = shiftRectUp(sel.rect, row, count) ?? {
        top: row,
        left: sel.rect.left,
        bottom: row,
        right: sel.rect.right,
      };
    this.emitChanged({ sheetId: sheet.id, address: `${row}:${row + count - 1}`, changeType: "RowDeleted" }, "Unknown");
  }

  /** The user clicks a sheet tab. */
  activate(sheetName: string): void {
    const sheet = this.workbook.sheet(sheetName);
    if (this.workbook.activeSheetId === sheet.id) return;
    this.workbook.activeSheetId = sheet.id;
    this.emitActivated(sheet.id);
  }

  /** The user is typing in a cell: batches without delayForCellEdit fail until endCellEdit(). */
  beginCellEdit(): void {
    let finish = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    this.editing = { done, finish };
  }

  endCellEdit(): void {
    const e = this.editing;
    this.editing = null;
    e?.finish();
  }

  // ---- what a test reads ----

  /** Rows 1… of the sheet's values (null for blank), up to its last used row and column. */
  values(sheetName: string): SimValue[][] {
    const sheet = this.workbook.sheet(sheetName);
    const used = this.workbook.usedRect(sheet);
    if (!used) return [];
    const out: SimValue[][] = [];
    for (let r = 1; r <= used.bottom; r++) {
      const line: SimValue[] = [];
      for (let c = 1; c <= used.right; c++) line.push(this.workbook.get(sheet, r, c));
      out.push(line);
    }
    return out;
  }

  value(sheetName: string, address: string): SimValue {
    const r = parseRect(address);
    return this.workbook.get(this.workbook.sheet(sheetName), r.top, r.left);
  }

  selection(): { sheet: string; address: string } | null {
    const sel = this.workbook.selection;
    const sheet = sel && this.workbook.sheets.find((s) => s.id === sel.sheetId);
    return sel && sheet ? { sheet: sheet.name, address: rectAddress(sel.rect) } : null;
  }

  activeSheet(): string {
    return this.workbook.sheetByKey(this.workbook.activeSheetId)?.name ?? "";
  }

  /** The cells the add-in has marked invalid (its conditional formats), one entry per cell. */
  marks(): { sheet: string; address: string }[] {
    const out: { sheet: string; address: string }[] = [];
    for (const s of this.workbook.sheets)
      for (const cf of s.conditionalFormats) {
        if (cf.formula !== MARK_FORMULA) continue;
        for (let r = cf.range.top; r <= cf.range.bottom; r++)
          for (let c = cf.range.left; c <= cf.range.right; c++)
            out.push({ sheet: s.name, address: `${columnLetter(c)}${r}` });
      }
    return out;
  }

  /** Every conditional format on a sheet (so a test can see the user's own survive). */
  conditionalFormats(sheetName: string): { address: string; formula: string; fill: string | null }[] {
    return this.workbook
      .sheet(sheetName)
      .conditionalFormats.map((cf) => ({ address: rectAddress(cf.range), formula: cf.formula, fill: cf.fill }));
  }

  /** Workbook names as Excel would list them: name → formula. */
  names(): Record<string, string> {
    return Object.fromEntries(this.workbook.names.map((n) => [n.name, this.workbook.nameFormula(n)]));
  }
}
