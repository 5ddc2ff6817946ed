/**
 * The strict WPS 表格 stand-in: the shared workbook model and a person's edits (../excel-sim/host.ts)
 * behind WPS-shaped objects (objects.ts) typed by the adapter's API subset, which src/wps/api.ts checks
 * against et-jsapi-declare. Synchronous, as WPS is; events through Application.ApiEvent; files through
 * Application.FileSystem and Workbooks.Open.
 *
 * What no one here has seen a real WPS do is an option (docs/wps-facts.md), so tests run both ways:
 * memberStyle (Range.Address a method as declared, or a property), ownWriteEvents (SheetChange for
 * the add-in's own Value2 writes too: the worst case), what Value2 gives for blanks and error cells,
 * and what a copied sheet keeps (protection, validation, names).
 *
 * Workbooks.Open is synchronous but the project's reader is not: files the stand-in should open as
 * workbooks are read beforehand (`await sim.know(bytes)`); any other file opens as a workbook the
 * stand-in keeps as bytes, read only when a test asks (opened()).
 */
import type { WorkbookGrid } from "../../../src/core/model";
import type {
  SheetActivateHandler,
  SheetChangeHandler,
  WpsApplication,
  WpsRibbonHost,
  WpsTaskPane,
} from "../../../src/wps/api";
import { SimHost, type UserChange } from "../excel-sim/host";
import { parseRect, SimWorkbook, type SimSheet, type SimSource } from "../excel-sim/model";
import type { SimReader } from "../excel-sim/sim";
import { RangeObject, WorkbookObject, WorksheetObject, WpsSimError } from "./objects";

export interface WpsSimOptions {
  readonly read?: SimReader;
  /** Application.Version (default a WPS 2019 build). */
  readonly version?: string;
  /** False: a WPS without Application.ApiEvent. */
  readonly apiEvent?: boolean;
  /** "method" (as declared, default) or "property": Range.Address and FormatCondition.AppliesTo.Address. */
  readonly memberStyle?: "method" | "property";
  /** SheetChange also for the add-in's own Value2 writes (default false). */
  readonly ownWriteEvents?: boolean;
  /** What Value2 gives for a blank cell (default undefined). */
  readonly blank?: undefined | null | "";
  /** What Value2 gives for an error cell: VBA's CVErr number (default) or its text. */
  readonly errors?: "cverr" | "text";
  /** What a sheet copied from another workbook keeps (default: all of it, and names as broken links). */
  readonly copyKeeps?: {
    readonly protection?: boolean;
    readonly validation?: boolean;
    readonly names?: "kept" | "broken" | "none";
  };
}

type ResolvedOptions = Required<Omit<WpsSimOptions, "read" | "copyKeeps" | "blank">> & {
  readonly blank: undefined | null | "";
  readonly copyKeeps: { protection: boolean; validation: boolean; names: "kept" | "broken" | "none" };
};

export interface WpsSimStats {
  /** Every member read, write or call on a WPS object (each one blocks WPS). */
  calls: number;
  readonly byMember: Map<string, number>;
  /** Strings starting with "=" the add-in wrote as values (they would have become formulas). */
  readonly formulasWritten: string[];
  /** Edits by the test into locked cells of protected sheets (WPS would have refused them). */
  readonly lockedEdits: string[];
  /** Events dispatched for the add-in's own writes (ownWriteEvents). */
  ownWriteEvents: number;
}

/** A short fingerprint of a file's bytes (FNV-1a and length), to find what `know` read. */
function fingerprint(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return `${bytes.length}:${(h >>> 0).toString(16)}`;
}

function bytesOf(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i) & 0xff;
  return bytes;
}

export class WpsSim extends SimHost {
  readonly options: ResolvedOptions;
  readonly stats: WpsSimStats = {
    calls: 0,
    byMember: new Map(),
    formulasWritten: [],
    lockedEdits: [],
    ownWriteEvents: 0,
  };
  readonly handlers = { SheetChange: new Set<SheetChangeHandler>(), SheetActivate: new Set<SheetActivateHandler>() };
  readonly files = new Map<string, Uint8Array>();
  readonly application: WpsApplication & WpsRibbonHost;
  readonly taskPanes: { url: string; visible: boolean }[] = [];
  private readonly known = new Map<string, SimSource>();
  /** Workbooks opened besides the user's: read ones are models, others kept as bytes. */
  private readonly others: { wb: SimWorkbook; label: string; bytes: Uint8Array | null }[] = [];
  private active: SimWorkbook;
  private readonly pendingEvents = new Set<Promise<void>>();
  private readonly storage = new Map<string, string>();

  private readonly reader: SimReader | undefined;

  constructor(options: WpsSimOptions = {}) {
    super();
    this.options = {
      version: options.version ?? "11.1.0.11830",
      apiEvent: options.apiEvent ?? true,
      memberStyle: options.memberStyle ?? "method",
      ownWriteEvents: options.ownWriteEvents ?? false,
      blank: "blank" in options ? options.blank : undefined,
      errors: options.errors ?? "cverr",
      copyKeeps: {
        protection: options.copyKeeps?.protection ?? true,
        validation: options.copyKeeps?.validation ?? true,
        names: options.copyKeeps?.names ?? "broken",
      },
    };
    this.reader = options.read;
    this.active = this.workbook;
    this.application = this.makeApplication();
  }

  call(member: string): void {
    this.stats.calls++;
    this.stats.byMember.set(member, (this.stats.byMember.get(member) ?? 0) + 1);
  }

  // ---- files and workbooks ----

  /** Reads a file beforehand, so Workbooks.Open can open it as a workbook (Open is synchronous). */
  async know(bytes: Uint8Array): Promise<void> {
    if (!this.reader) throw new Error("wps-sim: no reader given");
    this.known.set(fingerprint(bytes), await this.reader(bytes));
  }

  workbookOf(sheet: SimSheet): SimWorkbook {
    if (this.workbook.sheets.includes(sheet)) return this.workbook;
    const other = this.others.find((o) => o.wb.sheets.includes(sheet));
    if (!other) throw new WpsSimError("the sheet's workbook is closed");
    return other.wb;
  }

  activeWorkbookModel(): SimWorkbook {
    return this.active;
  }

  activateWorkbook(wb: SimWorkbook): void {
    this.active = wb;
  }

  closeWorkbook(wb: SimWorkbook): void {
    if (wb === this.workbook) throw new WpsSimError("wps-sim: the user's workbook is not closed by the add-in");
    const i = this.others.findIndex((o) => o.wb === wb);
    if (i >= 0) this.others.splice(i, 1);
    if (this.active === wb) this.active = this.workbook;
  }

  private open(path: string): WorkbookObject {
    const bytes = this.files.get(path);
    if (!bytes) throw new WpsSimError(`Workbooks.Open: no file ${path}`);
    const wb = new SimWorkbook();
    const source = this.known.get(fingerprint(bytes));
    if (source) wb.loadSheets(source);
    const label = path.split(/[\\/]/).pop() ?? path;
    this.others.push({ wb, label, bytes: source ? null : bytes });
    if (source)
      for (const n of SimWorkbook.namesOn(source, new Map(wb.sheets.map((s) => [s.name, s]))))
        wb.names.push({ name: n.name, sheetId: n.sheet.id, row: n.row, column: n.column });
    this.active = wb;
    return new WorkbookObject(this, wb, label);
  }

  /** Workbooks.Add: a blank workbook with one sheet, active. */
  private add(): WorkbookObject {
    const wb = new SimWorkbook();
    wb.addSheet("Sheet1");
    const label = `工作簿${2 + this.others.length}`;
    this.others.push({ wb, label, bytes: null });
    this.active = wb;
    return new WorkbookObject(this, wb, label);
  }

  /** Workbooks opened from files the stand-in did not read beforehand (the 汇总 master), as values. */
  async opened(): Promise<WorkbookGrid[]> {
    if (!this.reader) throw new Error("wps-sim: no reader given");
    const read = this.reader;
    return Promise.all(this.others.filter((o) => o.bytes).map(async (o) => (await read(o.bytes!)).grid));
  }

  /** How many workbooks are open besides the user's. */
  get openedCount(): number {
    return this.others.length;
  }

  /** Copies a sheet (of any open workbook) next to `anchor`; WPS renames a taken name "名 (2)". */
  copySheet(from: SimSheet, anchor: SimSheet, after: boolean): void {
    const source = this.workbookOf(from);
    const target = this.workbookOf(anchor);
    let name = from.name;
    for (let n = 2; target.sheetByName(name); n++) name = `${from.name} (${n})`;
    const sheet = target.addSheet(name, from.visibility);
    target.sheets.splice(target.sheets.indexOf(sheet), 1);
    target.sheets.splice(target.sheets.indexOf(anchor) + (after ? 1 : 0), 0, sheet);
    for (const [k, v] of from.cells) sheet.cells.set(k, v);
    for (const [k, v] of from.formats) sheet.formats.set(k, v);
    const keeps = this.options.copyKeeps;
    sheet.protected = keeps.protection && from.protected;
    sheet.formatCells = from.formatCells;
    sheet.unlocked = from.unlocked ? new Set(from.unlocked) : null;
    sheet.unlockedColumns = from.unlockedColumns
      ? { columns: new Set(from.unlockedColumns.columns), locked: new Set(from.unlockedColumns.locked) }
      : null;
    sheet.validations = keeps.validation ? from.validations.map((r) => ({ ...r })) : [];
    sheet.conditionalFormats = from.conditionalFormats.map((cf) => ({
      ...cf,
      id: target.newId("cf"),
      range: { ...cf.range },
    }));
    if (source === target) return;
    for (const n of source.names) {
      if (!("sheetId" in n) || n.sheetId !== from.id) continue;
      if (target.names.some((m) => m.name.toLowerCase() === n.name.toLowerCase())) continue;
      if (keeps.names === "kept") target.names.push({ name: n.name, sheetId: sheet.id, row: n.row, column: n.column });
      else if (keeps.names === "broken")
        target.names.push({ name: n.name, broken: `[${source === this.workbook ? "book" : "source"}.xlsx]#REF!` });
    }
  }

  // ---- events ----

  private dispatch(run: () => void): void {
    const p = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(run);
    this.pendingEvents.add(p);
    void p.finally(() => this.pendingEvents.delete(p));
  }

  private raiseChange(sheet: SimSheet, range: RangeObject): void {
    for (const h of [...this.handlers.SheetChange]) this.dispatch(() => h(new WorksheetObject(this, sheet), range));
  }

  /** The add-in wrote values: raised as SheetChange only in the worst case (ownWriteEvents). */
  ownWrite(sheet: SimSheet, range: RangeObject): void {
    if (!this.options.ownWriteEvents || this.handlers.SheetChange.size === 0) return;
    this.stats.ownWriteEvents++;
    this.raiseChange(sheet, range);
  }

  sheetActivated(sheet: SimSheet): void {
    for (const h of [...this.handlers.SheetActivate]) this.dispatch(() => h(new WorksheetObject(this, sheet)));
  }

  protected userChanged(sheet: SimSheet, address: string, change: UserChange): void {
    const rect =
      change === "RangeEdited"
        ? parseRect(address)
        : { top: Number(address.split(":")[0]), left: 1, bottom: Number(address.split(":")[1]), right: 16_384 };
    this.raiseChange(sheet, new RangeObject(this, sheet, rect));
  }

  protected userActivated(sheet: SimSheet): void {
    this.active = this.workbook;
    this.sheetActivated(sheet);
  }

  protected lockedEdit(where: string): void {
    this.stats.lockedEdits.push(where);
  }

  /** Waits until every event raised so far has been handled (tests). */
  async settled(): Promise<void> {
    while (this.pendingEvents.size > 0) await Promise.all([...this.pendingEvents]);
  }

  // ---- Application ----

  private makeApplication(): WpsApplication & WpsRibbonHost {
    const sim = this;
    const files = this.files;
    const apiEvent = {
      AddApiEventListener(event: "SheetChange" | "SheetActivate", handler: SheetChangeHandler | SheetActivateHandler) {
        sim.call("ApiEvent.AddApiEventListener");
        if (event === "SheetChange") sim.handlers.SheetChange.add(handler as SheetChangeHandler);
        else sim.handlers.SheetActivate.add(handler as SheetActivateHandler);
      },
      RemoveApiEventListener(
        event: "SheetChange" | "SheetActivate",
        handler?: SheetChangeHandler | SheetActivateHandler,
      ) {
        sim.call("ApiEvent.RemoveApiEventListener");
        const set = event === "SheetChange" ? sim.handlers.SheetChange : sim.handlers.SheetActivate;
        if (handler) set.delete(handler as never);
        else set.clear();
      },
    };
    const panes: WpsTaskPane[] = [];
    const app = {
      get ActiveWorkbook() {
        sim.call("Application.ActiveWorkbook");
        const other = sim.others.find((o) => o.wb === sim.active);
        return new WorkbookObject(sim, sim.active, other?.label ?? "工作簿1");
      },
      get ActiveSheet() {
        sim.call("Application.ActiveSheet");
        const sheet = sim.active.sheetByKey(sim.active.activeSheetId);
        return sheet ? new WorksheetObject(sim, sheet) : null;
      },
      get Workbooks() {
        sim.call("Application.Workbooks");
        return {
          get Count() {
            sim.call("Workbooks.Count");
            return 1 + sim.others.length;
          },
          Open(path: string) {
            sim.call("Workbooks.Open");
            return sim.open(path);
          },
          Add() {
            sim.call("Workbooks.Add");
            return sim.add();
          },
        };
      },
      get Version() {
        sim.call("Application.Version");
        return sim.options.version;
      },
      get Build() {
        sim.call("Application.Build");
        return sim.options.version;
      },
      get ApiEvent() {
        sim.call("Application.ApiEvent");
        return sim.options.apiEvent ? apiEvent : (undefined as unknown as typeof apiEvent);
      },
      Env: {
        GetTempPath: () => {
          sim.call("Env.GetTempPath");
          return "/tmp/wps-sim/";
        },
      },
      FileSystem: {
        writeAsBinaryString(path: string, data: string) {
          sim.call("FileSystem.writeAsBinaryString");
          files.set(path, bytesOf(data));
          return true;
        },
        Exists(path: string) {
          sim.call("FileSystem.Exists");
          return files.has(path);
        },
        Remove(path: string) {
          sim.call("FileSystem.Remove");
          files.delete(path);
        },
      },
      ScreenUpdating: true,
      CreateTaskPane(url: string) {
        sim.call("Application.CreateTaskPane");
        const record = { url, visible: false };
        sim.taskPanes.push(record);
        const pane: WpsTaskPane = {
          ID: panes.length + 1,
          get Visible() {
            return record.visible;
          },
          set Visible(v: boolean) {
            record.visible = v;
          },
          Navigate(to: string) {
            record.url = to;
          },
        };
        panes.push(pane);
        return pane;
      },
      GetTaskPane(id: number) {
        sim.call("Application.GetTaskPane");
        const pane = panes[id - 1];
        if (!pane) throw new WpsSimError(`GetTaskPane(${id}): no such pane`);
        return pane;
      },
      PluginStorage: {
        setItem: (k: string, v: number | boolean | string) => void sim.storage.set(k, String(v)),
        getItem: (k: string) => sim.storage.get(k) ?? "",
      },
    } satisfies WpsApplication & WpsRibbonHost;
    return app;
  }
}
