/**
 * WPS 表格's objects as the stand-in gives them: classes implementing the adapter's API subset
 * (src/wps/api.ts, itself checked against et-jsapi-declare at compile time), over the shared workbook
 * model. Strict where WPS (after VBA) is strict: Item() is 1-based and throws past the end or for an
 * unknown name, Select() needs the sheet active, locked cells of a protected sheet refuse values,
 * conditional formats on a protected sheet need formatting allowed. Every member read or call is
 * counted (stats.calls), because each one blocks WPS.
 */
import { columnLetter } from "../../../src/core/a1";
import type {
  Either,
  WpsCount,
  WpsFormatCondition,
  WpsFormatConditions,
  WpsInterior,
  WpsName,
  WpsNames,
  WpsRange,
  WpsSheets,
  WpsValidation,
  WpsWorkbook,
  WpsWorksheet,
} from "../../../src/wps/api";
import {
  key,
  parseRect,
  typedValue,
  unlockedOn,
  type Rect,
  type SimConditionalFormat,
  type SimName,
  type SimSheet,
  type SimValue,
  type SimWorkbook,
} from "../excel-sim/model";
import type { WpsSim } from "./sim";

/** VBA's CVErr numbers, by error text (what Value2 gives for an error cell, by default). */
export const CVERR_OF: Readonly<Record<string, number>> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};

const ROWS = 1_048_576;
const COLUMNS = 16_384;

export class WpsSimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WpsError";
  }
}

/** "$C$8" / "$A$1:$C$3", as VBA's Address gives it. */
export function absoluteAddress(r: Rect): string {
  const a = `$${columnLetter(r.left)}$${r.top}`;
  const b = `$${columnLetter(r.right)}$${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/** A member that is a method in the declarations and a property in some versions (sim.options.memberStyle). */
function either<T>(sim: WpsSim, value: () => T): Either<T> {
  return sim.options.memberStyle === "property" ? value() : value;
}

const intersects = (a: Rect, b: Rect) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

function hexOfVba(color: number): string {
  const bgr = color.toString(16).padStart(6, "0");
  return `#${bgr.slice(4, 6)}${bgr.slice(2, 4)}${bgr.slice(0, 2)}`.toUpperCase();
}

export class InteriorObject implements WpsInterior {
  constructor(
    private readonly sim: WpsSim,
    private readonly cf: SimConditionalFormat,
  ) {}
  /** VBA's number (0xBBGGRR), as written. */
  get Color(): unknown {
    this.sim.call("Interior.Color");
    const hex = this.cf.fill;
    return hex === null ? undefined : parseInt(hex.slice(5, 7) + hex.slice(3, 5) + hex.slice(1, 3), 16);
  }
  set Color(value: unknown) {
    this.sim.call("Interior.Color=");
    if (typeof value !== "number") throw new WpsSimError("Interior.Color takes a colour number (0xBBGGRR)");
    this.cf.fill = hexOfVba(value);
  }
}

export class FormatConditionObject implements WpsFormatCondition {
  constructor(
    private readonly sim: WpsSim,
    private readonly sheet: SimSheet,
    private readonly cf: SimConditionalFormat,
  ) {}
  get Type(): number {
    this.sim.call("FormatCondition.Type");
    return 2;
  }
  get Formula1(): string {
    this.sim.call("FormatCondition.Formula1");
    return this.cf.formula;
  }
  get Interior(): InteriorObject {
    this.sim.call("FormatCondition.Interior");
    return new InteriorObject(this.sim, this.cf);
  }
  get AppliesTo(): { readonly Address: Either<string> } {
    this.sim.call("FormatCondition.AppliesTo");
    const sim = this.sim;
    const cf = this.cf;
    return {
      get Address() {
        sim.call("Range.Address");
        return either(sim, () => absoluteAddress(cf.range));
      },
    };
  }
  Delete(): boolean {
    this.sim.call("FormatCondition.Delete");
    if (this.sheet.protected && !this.sheet.formatCells) throw new WpsSimError(`${this.sheet.name} is protected`);
    const i = this.sheet.conditionalFormats.indexOf(this.cf);
    if (i < 0) throw new WpsSimError("the conditional format is gone");
    this.sheet.conditionalFormats.splice(i, 1);
    return true;
  }
}

export class FormatConditionsObject implements WpsFormatConditions {
  constructor(
    private readonly sim: WpsSim,
    private readonly sheet: SimSheet,
    private readonly rect: Rect,
  ) {}
  private list(): SimConditionalFormat[] {
    return this.sheet.conditionalFormats.filter((cf) => intersects(cf.range, this.rect));
  }
  get Count(): number {
    this.sim.call("FormatConditions.Count");
    return this.list().length;
  }
  Item(index: number): FormatConditionObject {
    this.sim.call("FormatConditions.Item");
    const cf = this.list()[index - 1];
    if (!Number.isInteger(index) || !cf) throw new WpsSimError(`FormatConditions.Item(${index}): out of range`);
    return new FormatConditionObject(this.sim, this.sheet, cf);
  }
  Add(type: number, _operator?: unknown, formula1?: unknown): FormatConditionObject {
    this.sim.call("FormatConditions.Add");
    if (type !== 2) throw new WpsSimError(`wps-sim: conditional format type ${type} is not modelled`);
    if (this.sheet.protected && !this.sheet.formatCells) throw new WpsSimError(`${this.sheet.name} is protected`);
    const made: SimConditionalFormat = {
      id: this.sim.workbookOf(this.sheet).newId("cf"),
      type: "Custom",
      range: { ...this.rect },
      formula: String(formula1 ?? ""),
      fill: null,
    };
    this.sheet.conditionalFormats.push(made);
    return new FormatConditionObject(this.sim, this.sheet, made);
  }
}

export class RangeObject implements WpsRange {
  constructor(
    private readonly sim: WpsSim,
    readonly sheet: SimSheet,
    readonly rect: Rect,
  ) {}

  private cellValue(row: number, column: number): unknown {
    const v: SimValue = this.sim.workbookOf(this.sheet).get(this.sheet, row, column);
    if (v === null) return this.sim.options.blank;
    if (typeof v === "object") return this.sim.options.errors === "text" ? v.error : CVERR_OF[v.error];
    return v;
  }

  get Value2(): unknown {
    this.sim.call("Range.Value2");
    const r = this.rect;
    if (r.top === r.bottom && r.left === r.right) return this.cellValue(r.top, r.left);
    const rows: unknown[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: unknown[] = [];
      for (let c = r.left; c <= r.right; c++) line.push(this.cellValue(row, c));
      rows.push(line);
    }
    return rows;
  }

  set Value2(value: unknown) {
    this.sim.call("Range.Value2=");
    const r = this.rect;
    const height = r.bottom - r.top + 1;
    const width = r.right - r.left + 1;
    const grid: unknown[][] = Array.isArray(value)
      ? (value as unknown[]).map((line) => (Array.isArray(line) ? line : [line]))
      : Array.from({ length: height }, () => Array.from({ length: width }, () => value));
    if (grid.length !== height || grid.some((line) => line.length !== width))
      throw new WpsSimError(`Value2: ${grid.length} rows for a range of ${height}×${width}`);
    if (this.sheet.protected && !unlockedOn(this.sheet, r))
      throw new WpsSimError(`${this.sheet.name} is protected: the cells are locked`);
    const wb = this.sim.workbookOf(this.sheet);
    grid.forEach((line, i) =>
      line.forEach((v, j) => {
        const row = r.top + i;
        const column = r.left + j;
        const textFormat = this.sheet.formats.get(key(row, column)) === "@";
        if (typeof v === "string" && v.startsWith("'")) return wb.set(this.sheet, row, column, v.slice(1) || null);
        if (typeof v === "string" && v.startsWith("=") && !textFormat) {
          this.sim.stats.formulasWritten.push(`${this.sheet.name}!${columnLetter(column)}${row}: ${v}`);
          return wb.set(this.sheet, row, column, { error: "#NAME?" });
        }
        const typed =
          typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null || v === undefined
            ? typedValue(v ?? null, textFormat)
            : String(v);
        wb.set(this.sheet, row, column, typed);
      }),
    );
    this.sim.ownWrite(this.sheet, this);
  }

  get Row(): number {
    this.sim.call("Range.Row");
    return this.rect.top;
  }
  get Column(): number {
    this.sim.call("Range.Column");
    return this.rect.left;
  }
  get Rows(): WpsCount {
    this.sim.call("Range.Rows");
    const sim = this.sim;
    const n = this.rect.bottom - this.rect.top + 1;
    return {
      get Count() {
        sim.call("Range.Count");
        return n;
      },
    };
  }
  get Columns(): WpsCount {
    this.sim.call("Range.Columns");
    const sim = this.sim;
    const n = this.rect.right - this.rect.left + 1;
    return {
      get Count() {
        sim.call("Range.Count");
        return n;
      },
    };
  }
  get Address(): Either<string> {
    this.sim.call("Range.Address");
    return either(this.sim, () => absoluteAddress(this.rect));
  }
  get NumberFormat(): unknown {
    this.sim.call("Range.NumberFormat");
    return this.sheet.formats.get(key(this.rect.top, this.rect.left)) ?? "General";
  }
  set NumberFormat(format: unknown) {
    this.sim.call("Range.NumberFormat=");
    if (this.sheet.protected && !this.sheet.formatCells) throw new WpsSimError(`${this.sheet.name} is protected`);
    for (let row = this.rect.top; row <= this.rect.bottom; row++)
      for (let c = this.rect.left; c <= this.rect.right; c++) this.sheet.formats.set(key(row, c), String(format));
  }
  get FormatConditions(): FormatConditionsObject {
    this.sim.call("Range.FormatConditions");
    return new FormatConditionsObject(this.sim, this.sheet, this.rect);
  }
  get Validation(): WpsValidation {
    this.sim.call("Range.Validation");
    const sim = this.sim;
    const has = this.sheet.validations.some((v) => intersects(v, this.rect));
    return {
      get Type() {
        sim.call("Validation.Type");
        // VBA raises an error for a cell without validation; the stand-in does too.
        if (!has) throw new WpsSimError("Validation.Type: the cell has no validation");
        return 3; // xlValidateList
      },
    };
  }
  Select(): boolean {
    this.sim.call("Range.Select");
    const wb = this.sim.workbookOf(this.sheet);
    if (this.sim.activeWorkbookModel() !== wb || wb.activeSheetId !== this.sheet.id)
      throw new WpsSimError("Range.Select: the sheet is not active");
    wb.selection = { sheetId: this.sheet.id, rect: { ...this.rect } };
    return true;
  }
}

export class WorksheetObject implements WpsWorksheet {
  constructor(
    private readonly sim: WpsSim,
    readonly sheet: SimSheet,
  ) {}
  private live(): SimSheet {
    if (!this.sim.workbookOf(this.sheet).sheets.includes(this.sheet)) throw new WpsSimError("the sheet was deleted");
    return this.sheet;
  }
  get Name(): string {
    this.sim.call("Worksheet.Name");
    return this.live().name;
  }
  set Name(name: string) {
    this.sim.call("Worksheet.Name=");
    this.live().name = name;
  }
  get Visible(): number {
    this.sim.call("Worksheet.Visible");
    const v = this.live().visibility;
    return v === "Visible" ? -1 : v === "Hidden" ? 0 : 2;
  }
  set Visible(value: number) {
    this.sim.call("Worksheet.Visible=");
    this.live().visibility = value === -1 ? "Visible" : value === 0 ? "Hidden" : "VeryHidden";
  }
  get UsedRange(): RangeObject {
    this.sim.call("Worksheet.UsedRange");
    const rect = this.sim.workbookOf(this.sheet).usedRect(this.live()) ?? { top: 1, left: 1, bottom: 1, right: 1 };
    return new RangeObject(this.sim, this.sheet, rect);
  }
  get Cells(): RangeObject {
    this.sim.call("Worksheet.Cells");
    return new RangeObject(this.sim, this.live(), { top: 1, left: 1, bottom: ROWS, right: COLUMNS });
  }
  Range(address: string): RangeObject {
    this.sim.call("Worksheet.Range");
    return new RangeObject(this.sim, this.live(), parseRect(address));
  }
  Activate(): void {
    this.sim.call("Worksheet.Activate");
    const wb = this.sim.workbookOf(this.live());
    this.sim.activateWorkbook(wb);
    if (wb.activeSheetId === this.sheet.id) return;
    wb.activeSheetId = this.sheet.id;
    this.sim.sheetActivated(this.sheet);
  }
  get ProtectContents(): boolean {
    this.sim.call("Worksheet.ProtectContents");
    return this.live().protected;
  }
  Copy(before?: unknown, after?: unknown): void {
    this.sim.call("Worksheet.Copy");
    const anchor = (after ?? before) as WorksheetObject | undefined;
    if (!(anchor instanceof WorksheetObject))
      throw new WpsSimError("wps-sim: Copy needs Before or After (a new workbook is not modelled)");
    this.sim.copySheet(this.live(), anchor.sheet, after !== undefined);
  }
}

export class SheetsObject implements WpsSheets {
  constructor(
    private readonly sim: WpsSim,
    private readonly wb: SimWorkbook,
  ) {}
  get Count(): number {
    this.sim.call("Worksheets.Count");
    return this.wb.sheets.length;
  }
  Item(index: number | string): WorksheetObject {
    this.sim.call("Worksheets.Item");
    const sheet = typeof index === "number" ? this.wb.sheets[index - 1] : this.wb.sheetByName(index);
    if (!sheet || (typeof index === "number" && !Number.isInteger(index)))
      throw new WpsSimError(`Worksheets.Item(${JSON.stringify(index)}): no such sheet`);
    return new WorksheetObject(this.sim, sheet);
  }
}

export class NameObject implements WpsName {
  constructor(
    private readonly sim: WpsSim,
    private readonly wb: SimWorkbook,
    private readonly name: SimName,
  ) {}
  get Name(): string {
    this.sim.call("Name.Name");
    return this.name.name;
  }
  get RefersTo(): unknown {
    this.sim.call("Name.RefersTo");
    return this.wb.nameFormula(this.name);
  }
  Delete(): void {
    this.sim.call("Name.Delete");
    this.wb.names = this.wb.names.filter((n) => n !== this.name);
  }
}

export class NamesObject implements WpsNames {
  constructor(
    private readonly sim: WpsSim,
    private readonly wb: SimWorkbook,
  ) {}
  get Count(): number {
    this.sim.call("Names.Count");
    return this.wb.names.length;
  }
  Item(index: number | string): NameObject {
    this.sim.call("Names.Item");
    const n =
      typeof index === "number"
        ? this.wb.names[index - 1]
        : this.wb.names.find((m) => m.name.toLowerCase() === index.toLowerCase());
    if (!n) throw new WpsSimError(`Names.Item(${JSON.stringify(index)}): no such name`);
    return new NameObject(this.sim, this.wb, n);
  }
  Add(name: string, refersTo: string): NameObject {
    this.sim.call("Names.Add");
    const m = /^=(?:'((?:[^']|'')+)'|([^!'[\]]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(refersTo.trim());
    const sheet = m ? this.wb.sheetByName((m[1] ?? m[2]).replace(/''/g, "'")) : undefined;
    if (!m || !sheet) throw new WpsSimError(`Names.Add: wps-sim models single-cell references only (${refersTo})`);
    const made: SimName = { name, sheetId: sheet.id, row: Number(m[4]), column: parseRect(`${m[3]}1`).left };
    this.wb.names = [...this.wb.names.filter((n) => n.name.toLowerCase() !== name.toLowerCase()), made];
    return new NameObject(this.sim, this.wb, made);
  }
}

export class WorkbookObject implements WpsWorkbook {
  constructor(
    private readonly sim: WpsSim,
    readonly wb: SimWorkbook,
    readonly label: string,
  ) {}
  get Name(): string {
    this.sim.call("Workbook.Name");
    return this.label;
  }
  get Worksheets(): SheetsObject {
    this.sim.call("Workbook.Worksheets");
    return new SheetsObject(this.sim, this.wb);
  }
  get Names(): NamesObject {
    this.sim.call("Workbook.Names");
    return new NamesObject(this.sim, this.wb);
  }
  Activate(): void {
    this.sim.call("Workbook.Activate");
    this.sim.activateWorkbook(this.wb);
  }
  Close(): void {
    this.sim.call("Workbook.Close");
    this.sim.closeWorkbook(this.wb);
  }
}
