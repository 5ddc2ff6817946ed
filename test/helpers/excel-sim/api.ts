/**
 * Office.js-shaped proxies over the stand-in's workbook, with Excel's semantics where bugs hide:
 * every call is queued and runs in order on context.sync() (counted); a property can be read only
 * after load() and a sync (else PropertyNotLoaded, counted); getItem of a missing item fails the sync
 * with ItemNotFound while getItemOrNullObject gives a null object whose isNullObject is known after a
 * sync; writes raise onChanged after the sync with triggerSource "ThisLocalAddin".
 */
import { columnLetter } from "../../../src/core/a1";
import {
  key,
  parseRect,
  rectAddress,
  sheetPrefix,
  typedValue,
  type Rect,
  type SimConditionalFormat,
  type SimName,
  type SimSheet,
  type SimValue,
} from "./model";
import type { ExcelSim } from "./sim";
import { autoFilter, charts, freezePanes, rangeFormat } from "./layout";

/** What Office.js rejects with: an Error whose `code` says which (OfficeExtension.Error). */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

type Op = () => void | Promise<void>;

export interface ChangeRecord {
  readonly sheetId: string;
  readonly address: string;
  readonly changeType: string;
}

/** Excel on the web refuses a request bigger than this (RequestPayloadSizeLimitExceeded). */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
const utf8 = new TextEncoder();

export class SimContext {
  private queue: { op: Op; sends: boolean }[] = [];
  /** Bytes of cell data queued for the next request (values and number formats, as JSON). */
  private payload = 0;
  private changes: ChangeRecord[] = [];
  private activations: string[] = [];
  syncs = 0;
  readonly workbook: WorkbookProxy;
  readonly runtime = { enableEvents: true };

  constructor(
    readonly sim: ExcelSim,
    private readonly refuseSync: SimError | null,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  /** `sends` false: bookkeeping that alone would not make Excel.run send a closing request. */
  enqueue(op: Op, sends = true): void {
    this.queue.push({ op, sends });
  }

  /** Something is queued that Excel.run would still send when the batch returns. */
  get pending(): boolean {
    return this.queue.some((q) => q.sends);
  }

  changed(sheet: SimSheet, rect: Rect | null, changeType = "RangeEdited"): void {
    this.changes.push({ sheetId: sheet.id, address: rect ? rectAddress(rect) : "", changeType });
  }

  activated(sheetId: string): void {
    this.activations.push(sheetId);
  }

  /** Counts what a write adds to the request being built. */
  addPayload(data: unknown): void {
    this.payload += utf8.encode(JSON.stringify(data)).length;
  }

  async sync(): Promise<void> {
    this.syncs++;
    this.sim.stats.syncs++;
    const ops = this.queue;
    const payload = this.payload;
    this.queue = [];
    this.payload = 0;
    if (this.refuseSync) throw this.refuseSync;
    if (payload > REQUEST_LIMIT_BYTES)
      throw new SimError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${payload} bytes).`,
      );
    try {
      for (const { op } of ops) await op();
    } finally {
      const changes = this.changes;
      const activations = this.activations;
      this.changes = [];
      this.activations = [];
      if (this.runtime.enableEvents) {
        for (const c of changes) this.sim.emitChanged(c, "ThisLocalAddin");
        for (const id of activations) this.sim.emitActivated(id);
      }
    }
  }
}

/** Splits load()'s argument into property paths ("items/name", "values"). */
function pathsOf(spec: unknown): string[] | null {
  if (spec === undefined) return null;
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.map(String);
  const select = (spec as { select?: unknown }).select;
  return pathsOf(select);
}

/** A client object: queued loads, values known after sync, strict reads. */
abstract class SimObject {
  private readonly known = new Map<string, unknown>();
  private nullKnown = false;
  private isNull = false;

  constructor(readonly ctx: SimContext) {
    // Office.js fills isNullObject on the next sync without a load.
    ctx.enqueue(() => {
      this.isNull = !this.exists();
      this.nullKnown = true;
    }, false);
  }

  protected abstract readonly scalars: readonly string[];
  /** Navigation properties that load() may descend into. */
  protected navigation(): Record<string, SimObject> {
    return {};
  }
  protected abstract read(property: string): unknown;
  protected abstract exists(): boolean;

  get isNullObject(): boolean {
    if (!this.nullKnown) throw this.notLoaded("isNullObject");
    return this.isNull;
  }

  load(spec?: unknown): this {
    this.ctx.enqueue(this.plan(spec, false));
    return this;
  }

  /** Loads at once: for the items of a collection, which are made while a sync runs. */
  loadNow(spec?: unknown): void {
    this.plan(spec, true)();
  }

  protected plan(spec: unknown, now: boolean): () => void {
    const paths = pathsOf(spec) ?? this.scalars;
    const own: string[] = [];
    const later: (() => void)[] = [];
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      const nav = this.navigation()[head];
      const sub = rest.length ? rest.join("/") : undefined;
      if (nav) {
        if (now) later.push(() => nav.loadNow(sub));
        else nav.load(sub);
      } else if (this.scalars.includes(head)) own.push(head);
      else throw new Error(`excel-sim: ${this.constructor.name}.${head} is not modelled`);
    }
    return () => {
      if (!this.exists()) return;
      for (const p of own) this.known.set(p, this.read(p));
      for (const f of later) f();
    };
  }

  protected loaded<T>(property: string): T {
    if (!this.known.has(property)) throw this.notLoaded(property);
    return this.known.get(property) as T;
  }

  private notLoaded(property: string): SimError {
    this.ctx.sim.stats.unloadedReads.push(`${this.constructor.name}.${property}`);
    return new SimError(
      "PropertyNotLoaded",
      `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
  }

  /** Queues a write or method; on a missing object the sync fails as Excel's does. */
  protected act(op: () => void): void {
    this.ctx.enqueue(() => {
      if (!this.exists()) throw new SimError("ItemNotFound", `${this.constructor.name} does not exist`);
      op();
    });
  }
}

/** A collection: `items` (and its sub-properties) after load. */
abstract class SimCollection<T extends SimObject> extends SimObject {
  protected readonly scalars = ["items"];
  private itemSpecs: string[] = [];
  protected abstract itemsNow(): T[];
  protected exists(): boolean {
    return true;
  }
  protected override plan(spec: unknown, now: boolean): () => void {
    const paths = pathsOf(spec) ?? ["items"];
    const sub = paths.map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    const apply = super.plan("items", now);
    return () => {
      this.itemSpecs = sub;
      apply();
    };
  }
  protected read(): unknown {
    const items = this.itemsNow();
    // Items are loaded in this same op, so their values are there when the sync returns.
    for (const item of items) item.loadNow(this.itemSpecs.length ? this.itemSpecs : undefined);
    return items;
  }
  get items(): T[] {
    return this.loaded<T[]>("items");
  }
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  constructor(private readonly ctx: SimContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
  }

  insertWorksheetsFromBase64(
    base64: string,
    options?: { sheetNamesToInsert?: string[] },
  ): { readonly value: string[] } {
    let ids: string[] | null = null;
    this.ctx.enqueue(async () => {
      ids = await this.ctx.sim.insertFromBase64(base64, options?.sheetNamesToInsert);
      for (const id of ids) {
        const sheet = this.ctx.sim.workbook.sheetByKey(id);
        if (sheet) this.ctx.changed(sheet, this.ctx.sim.workbook.usedRect(sheet));
      }
    });
    const ctx = this.ctx;
    return {
      get value(): string[] {
        if (ids === null) {
          ctx.sim.stats.unloadedReads.push("ClientResult.value");
          throw new SimError("PropertyNotLoaded", "ClientResult.value is available after context.sync()");
        }
        return ids;
      },
    };
  }
}

class EventSource<A> {
  constructor(private readonly handlers: Set<(args: A) => Promise<unknown> | void>) {}
  add(handler: (args: A) => Promise<unknown> | void): { remove(): void } {
    this.handlers.add(handler);
    return { remove: () => void this.handlers.delete(handler) };
  }
}

export class WorksheetCollectionProxy extends SimCollection<WorksheetProxy> {
  readonly onChanged: EventSource<unknown>;
  readonly onActivated: EventSource<unknown>;
  constructor(ctx: SimContext) {
    super(ctx);
    this.onChanged = new EventSource(ctx.sim.handlers.changed);
    this.onActivated = new EventSource(ctx.sim.handlers.activated);
  }
  protected itemsNow(): WorksheetProxy[] {
    return this.ctx.sim.workbook.sheets.map((s) => new WorksheetProxy(this.ctx, () => s));
  }
  getItem(k: string): WorksheetProxy {
    const wb = this.ctx.sim.workbook;
    this.ctx.enqueue(() => {
      if (!wb.sheetByKey(k)) throw new SimError("ItemNotFound", `The requested resource doesn't exist (sheet ${k}).`);
    });
    return new WorksheetProxy(this.ctx, () => wb.sheetByKey(k));
  }
  getItemOrNullObject(k: string): WorksheetProxy {
    const wb = this.ctx.sim.workbook;
    return new WorksheetProxy(this.ctx, () => wb.sheetByKey(k));
  }
  /** Adds a visible sheet at the end; a taken or invalid name fails the sync as Excel's does. */
  add(name: string): WorksheetProxy {
    const wb = this.ctx.sim.workbook;
    let made: SimSheet | undefined;
    this.ctx.enqueue(() => {
      checkSheetName(wb, name);
      made = wb.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => (made && wb.sheets.includes(made) ? made : undefined));
  }
  getActiveWorksheet(): WorksheetProxy {
    const wb = this.ctx.sim.workbook;
    let bound: SimSheet | undefined;
    this.ctx.enqueue(() => void (bound = wb.sheetByKey(wb.activeSheetId)));
    return new WorksheetProxy(this.ctx, () => bound ?? wb.sheetByKey(wb.activeSheetId));
  }
}

/** Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], not taken (case-insensitive). */
function checkSheetName(wb: ExcelSim["workbook"], name: string): void {
  if (name.length < 1 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name))
    throw new SimError("InvalidArgument", `The sheet name ${name} is not valid.`);
  if (wb.sheetByName(name)) throw new SimError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
}

export class WorksheetProxy extends SimObject {
  protected readonly scalars = ["name", "id", "visibility", "position"];
  readonly protection: ProtectionProxy;
  constructor(
    ctx: SimContext,
    readonly sheet: () => SimSheet | undefined,
  ) {
    super(ctx);
    this.protection = new ProtectionProxy(ctx, sheet);
  }
  protected override navigation(): Record<string, SimObject> {
    return { protection: this.protection };
  }
  protected exists(): boolean {
    return this.sheet() !== undefined;
  }
  protected read(p: string): unknown {
    const s = this.sheet()!;
    if (p === "position") return this.ctx.sim.workbook.sheets.indexOf(s);
    return s[p as "name" | "id" | "visibility"];
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(name: string) {
    this.act(() => {
      const s = this.sheet()!;
      if (s.name !== name) checkSheetName(this.ctx.sim.workbook, name);
      s.name = name;
    });
  }
  /** Excel refuses to delete the last visible sheet; the active sheet moves to another one. */
  delete(): void {
    this.act(() => {
      const wb = this.ctx.sim.workbook;
      const s = this.sheet()!;
      if (!wb.sheets.some((x) => x !== s && x.visibility === "Visible"))
        throw new SimError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      if (wb.activeSheetId === s.id) wb.activeSheetId = wb.sheets.find((x) => x.visibility === "Visible")!.id;
      if (wb.selection?.sheetId === s.id) wb.selection = null;
    });
  }
  get charts() {
    return charts(this.ctx, this.sheet);
  }
  get freezePanes() {
    return freezePanes(this.ctx, this.sheet);
  }
  get autoFilter() {
    return autoFilter(this.ctx, this.sheet);
  }
  get id(): string {
    return this.loaded("id");
  }
  get visibility(): string {
    return this.loaded("visibility");
  }
  get position(): number {
    return this.loaded("position");
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, () =>
      address ? parseRect(address) : { top: 1, left: 1, bottom: 1_048_576, right: 16_384 },
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== true) throw new Error("excel-sim: only valuesOnly used ranges are modelled");
    let rect: Rect | null = null;
    this.ctx.enqueue(() => {
      const s = this.sheet();
      rect = s ? this.ctx.sim.workbook.usedRect(s) : null;
    });
    return new RangeProxy(
      this.ctx,
      () => (rect ? this.sheet() : undefined),
      () => rect!,
    );
  }
  activate(): void {
    this.act(() => {
      const s = this.sheet()!;
      if (this.ctx.sim.workbook.activeSheetId !== s.id) this.ctx.activated(s.id);
      this.ctx.sim.workbook.activeSheetId = s.id;
    });
  }
}

export class ProtectionProxy extends SimObject {
  protected readonly scalars = ["protected"];
  constructor(
    ctx: SimContext,
    private readonly sheet: () => SimSheet | undefined,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.sheet() !== undefined;
  }
  protected read(): unknown {
    return this.sheet()!.protected;
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
}

/** What Office.js reports for one cell: the value and its type. */
function officeCell(v: SimValue): [unknown, string] {
  if (v === null) return ["", "Empty"];
  if (typeof v === "number") return [v, "Double"];
  if (typeof v === "boolean") return [v, "Boolean"];
  if (typeof v === "string") return [v, "String"];
  return [v.error, "Error"];
}

export class RangeProxy extends SimObject {
  protected readonly scalars = [
    "values",
    "valueTypes",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "address",
    "numberFormat",
  ];
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  readonly dataValidation: DataValidationProxy;
  constructor(
    ctx: SimContext,
    readonly sheet: () => SimSheet | undefined,
    readonly rect: () => Rect,
  ) {
    super(ctx);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(ctx, sheet, rect);
    this.dataValidation = new DataValidationProxy(ctx, sheet, rect);
  }
  protected override navigation(): Record<string, SimObject> {
    return { conditionalFormats: this.conditionalFormats, dataValidation: this.dataValidation };
  }
  protected exists(): boolean {
    return this.sheet() !== undefined;
  }
  private cells<T>(f: (row: number, column: number) => T): T[][] {
    const r = this.rect();
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 5_000_000)
      throw new SimError("ResponsePayloadSizeLimitExceeded", "too many cells");
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let column = r.left; column <= r.right; column++) line.push(f(row, column));
      out.push(line);
    }
    return out;
  }
  protected read(p: string): unknown {
    const s = this.sheet()!;
    const r = this.rect();
    const wb = this.ctx.sim.workbook;
    switch (p) {
      case "values":
        return this.cells((row, c) => officeCell(wb.get(s, row, c))[0]);
      case "valueTypes":
        return this.cells((row, c) => officeCell(wb.get(s, row, c))[1]);
      case "numberFormat":
        return this.cells((row, c) => s.formats.get(key(row, c)) ?? "General");
      case "rowIndex":
        return r.top - 1;
      case "columnIndex":
        return r.left - 1;
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "address":
        return `${sheetPrefix(s.name)}${rectAddress(r)}`;
    }
    return undefined;
  }
  get values(): unknown[][] {
    return this.loaded("values");
  }
  get valueTypes(): string[][] {
    return this.loaded("valueTypes");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get address(): string {
    return this.loaded("address");
  }
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }
  /** Values need unlocked cells on a protected sheet; formats need its "format cells" permission. */
  private writeGrid(
    grid: unknown[][],
    kind: "values" | "format",
    each: (s: SimSheet, row: number, column: number, v: unknown) => void,
  ): void {
    this.ctx.addPayload(grid);
    this.act(() => {
      const s = this.sheet()!;
      const r = this.rect();
      if (grid.length !== r.bottom - r.top + 1 || grid.some((line) => line.length !== r.right - r.left + 1))
        throw new SimError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size of the range ${rectAddress(r)}.`,
        );
      if (kind === "format") refuseFormatting(s);
      else if (s.protected && !this.ctx.sim.unlockedOn(s, r))
        throw new SimError("AccessDenied", `${s.name} is protected`);
      grid.forEach((line, i) => line.forEach((v, j) => each(s, r.top + i, r.left + j, v)));
      this.ctx.changed(s, r);
    });
  }
  set values(grid: unknown[][]) {
    const wb = this.ctx.sim.workbook;
    this.writeGrid(grid, "values", (s, row, column, v) => {
      const textFormat = s.formats.get(key(row, column)) === "@";
      if (typeof v === "string" && v.startsWith("'")) return wb.set(s, row, column, v.slice(1) || null);
      if (typeof v === "string" && v.startsWith("=") && !textFormat) {
        // The stand-in does not calculate: a formula written as a value is recorded so tests can forbid it.
        this.ctx.sim.stats.formulasWritten.push(`${s.name}!${columnLetter(column)}${row}: ${v}`);
        return wb.set(s, row, column, { error: "#NAME?" });
      }
      wb.set(
        s,
        row,
        column,
        typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? typedValue(v, true) : null,
      );
    });
  }
  get format() {
    return rangeFormat(this.ctx, this);
  }
  set numberFormat(grid: unknown[][]) {
    this.writeGrid(grid, "format", (s, row, column, v) => void s.formats.set(key(row, column), String(v)));
  }
  select(): void {
    this.act(() => {
      const s = this.sheet()!;
      const wb = this.ctx.sim.workbook;
      // Excel did not reliably select on a sheet that is not active (office-js #5118): the stand-in never does.
      if (wb.activeSheetId === s.id) wb.selection = { sheetId: s.id, rect: this.rect() };
    });
  }
}

export class DataValidationProxy extends SimObject {
  protected readonly scalars = ["type"];
  constructor(
    ctx: SimContext,
    private readonly sheet: () => SimSheet | undefined,
    private readonly rect: () => Rect,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.sheet() !== undefined;
  }
  protected read(): unknown {
    const r = this.rect();
    const covered = this.sheet()!.validations.some(
      (v) => v.top <= r.top && v.left <= r.left && v.bottom >= r.bottom && v.right >= r.right,
    );
    // Excel says "Inconsistent" for mixed ranges; the adapter asks about single cells.
    return covered ? "List" : "None";
  }
  get type(): string {
    return this.loaded("type");
  }
}

/** Excel changes formats on a protected sheet only when its protection allows formatting cells. */
function refuseFormatting(s: SimSheet): void {
  if (s.protected && !s.formatCells)
    throw new SimError(
      "AccessDenied",
      `The cell or chart you're trying to change is on a protected sheet (${s.name}).`,
    );
}

const intersects = (a: Rect, b: Rect) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

export class ConditionalFormatCollectionProxy extends SimCollection<ConditionalFormatProxy> {
  constructor(
    ctx: SimContext,
    private readonly sheet: () => SimSheet | undefined,
    private readonly rect: () => Rect,
  ) {
    super(ctx);
  }
  protected itemsNow(): ConditionalFormatProxy[] {
    const s = this.sheet();
    if (!s) return [];
    return s.conditionalFormats
      .filter((cf) => intersects(cf.range, this.rect()))
      .map((cf) => new ConditionalFormatProxy(this.ctx, s, () => cf));
  }
  /** A format of the sheet by its id; a missing one fails the sync with ItemNotFound, as Excel's does. */
  getItem(id: string): ConditionalFormatProxy {
    const find = () => this.sheet()?.conditionalFormats.find((cf) => cf.id === id);
    this.ctx.enqueue(() => {
      if (!find())
        throw new SimError("ItemNotFound", `The requested resource doesn't exist (conditional format ${id}).`);
    });
    return new ConditionalFormatProxy(this.ctx, undefined, find);
  }
  add(type: string): ConditionalFormatProxy {
    if (type !== "Custom") throw new Error(`excel-sim: conditional format ${type} is not modelled`);
    let made: SimConditionalFormat | undefined;
    const sim = this.ctx.sim;
    this.ctx.enqueue(() => {
      const s = this.sheet();
      if (!s) throw new SimError("ItemNotFound", "sheet");
      refuseFormatting(s);
      made = { id: sim.workbook.newId("cf"), type: "Custom", range: this.rect(), formula: "", fill: null };
      s.conditionalFormats.unshift(made); // a new rule takes priority 0
      this.ctx.changed(s, this.rect());
    });
    return new ConditionalFormatProxy(this.ctx, undefined, () => made);
  }
}

export class ConditionalFormatProxy extends SimObject {
  protected readonly scalars = ["id", "type", "priority", "stopIfTrue"];
  readonly custom: CustomFormatProxy;
  constructor(
    ctx: SimContext,
    private readonly owner: SimSheet | undefined,
    readonly cf: () => SimConditionalFormat | undefined,
  ) {
    super(ctx);
    this.custom = new CustomFormatProxy(ctx, cf, () => this.sheetOf());
  }
  private sheetOf(): SimSheet | undefined {
    const cf = this.cf();
    return this.owner ?? this.ctx.sim.workbook.sheets.find((s) => cf && s.conditionalFormats.includes(cf));
  }
  protected override navigation(): Record<string, SimObject> {
    return { custom: this.custom };
  }
  protected exists(): boolean {
    const cf = this.cf();
    return cf !== undefined && (this.sheetOf()?.conditionalFormats.includes(cf) ?? false);
  }
  protected read(p: string): unknown {
    const cf = this.cf()!;
    if (p === "priority") return this.sheetOf()!.conditionalFormats.indexOf(cf);
    if (p === "stopIfTrue") return false;
    return cf[p as "id" | "type"];
  }
  get id(): string {
    return this.loaded("id");
  }
  get type(): string {
    return this.loaded("type");
  }
  getRange(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => this.sheetOf(),
      () => this.cf()!.range,
    );
  }
  delete(): void {
    this.act(() => {
      const s = this.sheetOf()!;
      const cf = this.cf()!;
      refuseFormatting(s);
      s.conditionalFormats = s.conditionalFormats.filter((c) => c !== cf);
      this.ctx.changed(s, cf.range);
    });
  }
}

/** ConditionalFormat.custom: rule.formula and format.fill.color (the only parts the adapter writes). */
export class CustomFormatProxy extends SimObject {
  protected readonly scalars: readonly string[] = [];
  readonly rule: { formula: string; load(spec?: unknown): unknown };
  readonly format: { fill: { color: string } };
  constructor(
    ctx: SimContext,
    private readonly cf: () => SimConditionalFormat | undefined,
    sheet: () => SimSheet | undefined,
  ) {
    super(ctx);
    const self = this;
    const rule = new RuleProxy(ctx, cf);
    this.rule = rule;
    this.format = {
      fill: {
        get color(): string {
          throw new Error("excel-sim: reading a conditional format's fill is not modelled");
        },
        set color(c: string) {
          ctx.enqueue(() => {
            const f = self.cf();
            if (!f || !sheet()) throw new SimError("ItemNotFound", "conditional format");
            f.fill = c;
          });
        },
      },
    };
  }
  protected override navigation(): Record<string, SimObject> {
    return { rule: this.rule as RuleProxy };
  }
  protected exists(): boolean {
    const cf = this.cf();
    return cf !== undefined && cf.type === "Custom";
  }
  protected read(): unknown {
    return undefined;
  }
}

class RuleProxy extends SimObject {
  protected readonly scalars = ["formula"];
  constructor(
    ctx: SimContext,
    private readonly cf: () => SimConditionalFormat | undefined,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.cf() !== undefined;
  }
  protected read(): unknown {
    return this.cf()!.formula;
  }
  get formula(): string {
    return this.loaded("formula");
  }
  set formula(f: string) {
    this.act(() => void (this.cf()!.formula = f));
  }
}

export class NamedItemCollectionProxy extends SimCollection<NamedItemProxy> {
  protected itemsNow(): NamedItemProxy[] {
    return this.ctx.sim.workbook.names.map((n) => new NamedItemProxy(this.ctx, () => n));
  }
  private find(name: string): SimName | undefined {
    return this.ctx.sim.workbook.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }
  getItem(name: string): NamedItemProxy {
    this.ctx.enqueue(() => {
      if (!this.find(name)) throw new SimError("ItemNotFound", `name ${name}`);
    });
    return new NamedItemProxy(this.ctx, () => this.find(name));
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.find(name));
  }
  /** reference: a formula such as "='基本情况'!$C$8". */
  add(name: string, reference: string, comment?: string): NamedItemProxy {
    void comment;
    const sim = this.ctx.sim;
    let made: SimName | undefined;
    this.ctx.enqueue(() => {
      if (this.find(name)) throw new SimError("InvalidArgument", `A name ${name} already exists`);
      const m = /^=?(?:'((?:[^']|'')+)'|([^!'=]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(reference.trim());
      const sheet = m ? sim.workbook.sheetByName((m[1] ?? m[2]).replace(/''/g, "'")) : undefined;
      if (!m || !sheet) throw new SimError("InvalidArgument", `excel-sim: reference ${reference}`);
      const cell = parseRect(`${m[3]}${m[4]}`);
      made = { name, sheetId: sheet.id, row: cell.top, column: cell.left };
      sim.workbook.names.push(made);
    });
    return new NamedItemProxy(this.ctx, () => made);
  }
}

export class NamedItemProxy extends SimObject {
  protected readonly scalars = ["name", "type", "value", "formula", "visible"];
  constructor(
    ctx: SimContext,
    private readonly item: () => SimName | undefined,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    const n = this.item();
    return n !== undefined && this.ctx.sim.workbook.names.includes(n);
  }
  protected read(p: string): unknown {
    const n = this.item()!;
    const formula = this.ctx.sim.workbook.nameFormula(n);
    switch (p) {
      case "name":
        return n.name;
      case "type":
        return formula.includes("#REF!") ? "Error" : "Range";
      case "value":
        return formula.includes("#REF!") ? "#REF!" : formula.slice(1);
      case "formula":
        return formula;
      case "visible":
        return true;
    }
    return undefined;
  }
  get name(): string {
    return this.loaded("name");
  }
  get type(): string {
    return this.loaded("type");
  }
  get value(): unknown {
    return this.loaded("value");
  }
  get formula(): string {
    return this.loaded("formula");
  }
  delete(): void {
    this.act(() => {
      const n = this.item()!;
      this.ctx.sim.workbook.names = this.ctx.sim.workbook.names.filter((x) => x !== n);
    });
  }
}
