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
import type { ExcelRunner } from "../../../src/office/runner";
import { columnLetter } from "../../../src/core/a1";
import { REQUEST_LIMIT_BYTES, SimContext, SimError, type ChangeRecord } from "./api";
import { SimHost, type UserChange } from "./host";
import { SimWorkbook, type SimSheet, type SimSource } from "./model";

export type { SimSource };

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

export class ExcelSim extends SimHost {
  readonly stats: SimStats = { syncs: 0, runs: [], unloadedReads: [], formulasWritten: [], lockedEdits: [] };
  readonly handlers = { changed: new Set<Handler>(), activated: new Set<Handler>() };
  private editing: { done: Promise<void>; finish: () => void } | null = null;
  private readonly pendingEvents = new Set<Promise<void>>();
  readonly excel: ExcelRunner;

  constructor(private readonly options: SimOptions = {}) {
    super();
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
    const byOriginal = this.workbook.loadSheets(source, only);
    // As Excel does (office-js #3583), the inserted file's names arrive broken.
    for (const n of SimWorkbook.namesOn(source, byOriginal)) {
      if (this.workbook.names.some((m) => m.name.toLowerCase() === n.name.toLowerCase())) continue;
      this.workbook.names.push({ name: n.name, broken: `#REF!$${columnLetter(n.column)}$${n.row}` });
    }
    return [...byOriginal.values()].map((s) => s.id);
  }

  // ---- what a person does: host.ts; here, how Excel tells the add-in ----

  protected userChanged(sheet: SimSheet, address: string, change: UserChange): void {
    this.emitChanged({ sheetId: sheet.id, address, changeType: change }, "Unknown");
  }

  protected userActivated(sheet: SimSheet): void {
    this.emitActivated(sheet.id);
  }

  protected lockedEdit(where: string): void {
    this.stats.lockedEdits.push(where);
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
}
