/// <reference types="et-jsapi-declare" />
/**
 * The part of WPS 表格's object model (the WPS 加载项 JS API) the adapter uses, as narrow interfaces
 * the adapter and the stand-in (test/helpers/wps-sim) are written against. Each is checked at compile
 * time against Kingsoft's declarations (npm et-jsapi-declare, `Et.*` and `WPS.*`): the declared type
 * must be assignable to ours, so the adapter uses no member the declarations lack, and a member whose
 * declared kind (property or method) or type changes stops the build.
 *
 * Everything here is synchronous: each call blocks WPS until it returns (see budget.ts).
 */

/**
 * A member some WPS versions give as a property and others as a method: the declarations make
 * Range.Address a method, VBA and (reportedly) older WPS builds a property. Read it with `read()`.
 */
export type Either<T> = T | (() => T);

/** The value of a member that may be a property or a method. */
export function read<T>(member: Either<T>): T {
  return typeof member === "function" ? (member as () => T)() : member;
}

export interface WpsCount {
  readonly Count: number;
}

export interface WpsInterior {
  /** VBA's colour: a number 0xBBGGRR (blue in the high byte), declared `any`. */
  Color: unknown;
}

export interface WpsFormatCondition {
  readonly Type: number;
  readonly Formula1: string;
  readonly Interior: WpsInterior;
  readonly AppliesTo: { readonly Address: Either<string> };
  Delete(): unknown;
}

export interface WpsFormatConditions {
  readonly Count: number;
  /** 1-based. Declared as returning `any`. */
  Item(index: number): WpsFormatCondition;
  /** Type 2 is xlExpression. Declared as returning `any`. */
  Add(type: number, operator?: unknown, formula1?: unknown): WpsFormatCondition;
}

export interface WpsValidation {
  /** XlDVType; VBA raises an error reading it on a cell without validation. */
  readonly Type: number;
}

export interface WpsRange {
  /** One cell: its value; a block: rows of values (1-based in VBA, a JS array of arrays here). */
  Value2: unknown;
  /** 1-based row and column of the top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: WpsCount;
  readonly Columns: WpsCount;
  readonly Address: Either<string>;
  NumberFormat: unknown;
  readonly FormatConditions: WpsFormatConditions;
  readonly Validation: WpsValidation;
  Select(): unknown;
}

export interface WpsWorksheet {
  Name: string;
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  Visible: number;
  readonly UsedRange: WpsRange;
  Range(address: string): WpsRange;
  /** Every cell: its FormatConditions are every conditional format of the sheet. */
  readonly Cells: WpsRange;
  Activate(): void;
  readonly ProtectContents: boolean;
  Copy(Before?: unknown, After?: unknown): void;
}

/** Worksheets.Item(i) with an array gives a group of sheets: the declarations say so. */
export interface WpsSheets {
  readonly Count: number;
  /** 1-based index, or a name. */
  Item(index: number | string): WpsWorksheet | WpsCount;
}

export interface WpsName {
  readonly Name: string;
  /** "=基本情况!$C$8"; declared `string | boolean`. */
  readonly RefersTo: unknown;
  Delete(): void;
}

export interface WpsNames {
  readonly Count: number;
  Item(index: number | string): WpsName;
  Add(Name: string, RefersTo: string): WpsName;
}

export interface WpsWorkbook {
  readonly Name: string;
  readonly Worksheets: WpsSheets;
  readonly Names: WpsNames;
  Activate(): void;
  Close(SaveChanges?: boolean): void;
}

export interface WpsWorkbooks {
  readonly Count: number;
  Open(Filename: string): WpsWorkbook;
  /** A new blank workbook, active (宿主诊断's scratch workbook). */
  Add(): WpsWorkbook;
}

/**
 * The declarations type SheetChange's second argument (the changed range) as `Et.Worksheet | object`
 * and SheetActivate's sheet as `Et.Worksheet | object`: the adapter takes them as objects and reads
 * what it needs defensively (live.ts).
 */
export type SheetChangeHandler = (sheet: WpsWorksheet, target: object) => void;
export type SheetActivateHandler = (sheet: object) => void;

export interface WpsApiEvent {
  AddApiEventListener(event: "SheetChange", handler: SheetChangeHandler): void;
  AddApiEventListener(event: "SheetActivate", handler: SheetActivateHandler): void;
  RemoveApiEventListener(event: "SheetChange", handler?: SheetChangeHandler): void;
  RemoveApiEventListener(event: "SheetActivate", handler?: SheetActivateHandler): void;
}

export interface WpsEnv {
  GetTempPath(): string;
}

export interface WpsFileSystem {
  /** Writes a "binary string" (one char per byte). */
  writeAsBinaryString(path: string, data: string): boolean;
  Exists(path: string): boolean;
  Remove(path: string): void;
}

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  Navigate(url: string): void;
}

export interface WpsPluginStorage {
  setItem(key: string, value: number | boolean | string): void;
  getItem(key: string): string;
}

/** What the ribbon's page uses (src/wps/ribbon.ts): task panes, and storage shared by the add-in's pages. */
export interface WpsRibbonHost {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane;
  readonly PluginStorage: WpsPluginStorage;
}

/** The global `Application` (window.Application) of a WPS 表格 加载项. */
export interface WpsApplication {
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly ActiveSheet: WpsWorksheet | null;
  readonly Workbooks: WpsWorkbooks;
  /** "12.1.0.16910"-like; the add-in system's version (see support.ts). */
  readonly Version: string;
  readonly Build: number | string;
  readonly ApiEvent: WpsApiEvent;
  readonly Env: WpsEnv;
  readonly FileSystem: WpsFileSystem;
  ScreenUpdating: boolean;
}

// ---- compile-time: the declarations give at least what the subset uses ----

type Assert<T extends true> = T;
type Covers<Declared, Mine> = [Declared] extends [Mine] ? true : false;

/** Each line fails to compile when et-jsapi-declare stops declaring what the subset uses. */
export type DeclaredApiChecks = [
  Assert<Covers<Et.Interior, WpsInterior>>,
  Assert<Covers<Et.FormatCondition, WpsFormatCondition>>,
  Assert<Covers<Et.FormatConditions, WpsFormatConditions>>,
  Assert<Covers<Et.Validation, WpsValidation>>,
  Assert<Covers<Et.Range, WpsRange>>,
  Assert<Covers<Et.Worksheet, WpsWorksheet>>,
  Assert<Covers<Et.Sheets, WpsSheets>>,
  Assert<Covers<Et.Name, WpsName>>,
  Assert<Covers<Et.Names, WpsNames>>,
  Assert<Covers<Et.Workbook, WpsWorkbook>>,
  Assert<Covers<Et.Workbooks, WpsWorkbooks>>,
  Assert<Covers<WPS.EtApiEvent, WpsApiEvent>>,
  Assert<Covers<WPS.Env, WpsEnv>>,
  Assert<Covers<WPS.FileSystem, WpsFileSystem>>,
  Assert<Covers<WPS.CustomTaskpane, WpsTaskPane>>,
  Assert<Covers<WPS.PluginStorage, WpsPluginStorage>>,
  Assert<Covers<WPSMergedRoot, WpsRibbonHost>>,
  Assert<Covers<WPSMergedRoot, WpsApplication>>,
];
