/**
 * The master sheets (spec §5) as the Office adapter writes them into the open workbook: for each
 * sheet, its rows of cell values, the number format of every cell, column widths, header and totals
 * rows, colours, frozen panes, filter range, and for 统计 the chart's ranges. Pure: it takes the master
 * writer's own column lists (src/xlsx/master), so the pane's sheets have the .xlsx master's columns,
 * headers and formats, and it runs in the browser without exceljs.
 *
 * Every string cell gets the text format "@" before its value is written: Excel then stores a
 * submission's "=HYPERLINK(…)", "+1" or "2024-01-01" as those characters, never a formula or number.
 */
import { fieldById } from "../core/definition";
import { DETAIL_TABLE_IDS } from "../core/merge/columns";
import type { MergeResult, Totals } from "../core/merge/model";
import { columnLetter } from "../core/a1";
import type { MasterCell, MasterColumn } from "../xlsx/master/columns";
import { detailSheetColumns } from "../xlsx/master/detail-sheets";
import { SHEET_NAMES } from "../xlsx/master/labels";
import { MISSING_COLUMNS, missingLines } from "../xlsx/master/missing-sheet";
import { PROBLEM_COLUMNS } from "../xlsx/master/problems-sheet";
import { CHARTED_FIELDS, CHART_TITLE, statisticsColumns } from "../xlsx/master/statistics-sheet";
import { summaryColumns, totalsRow } from "../xlsx/master/summary-sheet";
import { asCellText } from "../xlsx/master/text";

/** What Office.js takes as a cell value: "" leaves the cell blank. */
export type OfficeCell = string | number;

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

/** A cell's colours as Office.js takes them ("#RRGGBB"). */
export interface PlanLook {
  readonly fill: string;
  readonly font: string | null;
}

export interface PlanChart {
  readonly title: string;
  /** Category labels (the district names), e.g. "A2:A9". */
  readonly categories: string;
  readonly series: readonly {
    readonly name: string;
    readonly values: string;
  }[];
  /** Top-left and bottom-right cells the chart covers. */
  readonly from: string;
  readonly to: string;
}

export interface MasterSheetPlan {
  readonly name: string;
  /** Width of each column in characters (the .xlsx master's widths). */
  readonly widths: readonly number[];
  /** Every row from row 1, each as wide as `widths`. */
  readonly rows: readonly (readonly OfficeCell[])[];
  /** Number format of every cell, same shape as `rows`. */
  readonly formats: readonly (readonly string[])[];
  /** 1-based rows styled as headers, and as totals. */
  readonly headerRows: readonly number[];
  readonly totalsRows: readonly number[];
  /** Coloured cells (status, severity): 1-based row and column. */
  readonly looks: readonly {
    readonly row: number;
    readonly column: number;
    readonly look: PlanLook;
  }[];
  readonly frozenColumns: number;
  /** Filter over the header and data rows, e.g. "A1:K40"; null for 统计. */
  readonly autoFilter: string | null;
  readonly chart: PlanChart | null;
}

/** Excel's serial day number (1900 system) of a date the master holds at midnight UTC. */
function serialOf(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

function officeCell(v: MasterCell): OfficeCell {
  if (v === null) return "";
  if (v instanceof Date) return serialOf(v);
  return typeof v === "string" ? asCellText(v) : v;
}

function formatOf(v: MasterCell, column: MasterColumn<never> | undefined): string {
  if (typeof v === "string") return TEXT_FORMAT;
  return column?.format ?? GENERAL_FORMAT;
}

/** exceljs's "FFC6EFCE" as "#C6EFCE". */
function rgb(argb: string | undefined): string | null {
  return argb ? `#${argb.slice(-6)}` : null;
}

class PlanBuilder {
  readonly rows: OfficeCell[][] = [];
  readonly formats: string[][] = [];
  readonly headerRows: number[] = [];
  readonly totalsRows: number[] = [];
  readonly looks: { row: number; column: number; look: PlanLook }[] = [];
  constructor(readonly width: number) {}

  /** The sheet built so far, with what only its caller knows. */
  plan(
    name: string,
    columns: readonly { readonly width: number }[],
    rest: Pick<MasterSheetPlan, "frozenColumns" | "autoFilter" | "chart">,
  ): MasterSheetPlan {
    const { rows, formats, headerRows, totalsRows, looks } = this;
    return { name, widths: columns.map((c) => c.width), rows, formats, headerRows, totalsRows, looks, ...rest };
  }

  private push(cells: readonly MasterCell[], columns: readonly MasterColumn<never>[]): number {
    const padded = Array.from({ length: this.width }, (_, i) => cells[i] ?? null);
    this.rows.push(padded.map(officeCell));
    this.formats.push(padded.map((v, i) => formatOf(v, columns[i])));
    return this.rows.length;
  }

  header(headers: readonly string[]): void {
    this.headerRows.push(this.push(headers, []));
  }

  data<R>(columns: readonly MasterColumn<R>[], items: readonly R[]): void {
    for (const item of items) {
      const row = this.push(
        columns.map((c) => c.value(item)),
        columns as readonly MasterColumn<never>[],
      );
      columns.forEach((c, i) => {
        const look = c.look?.(item);
        const fill = rgb((look?.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb);
        if (look && fill)
          this.looks.push({
            row,
            column: i + 1,
            look: { fill, font: rgb(look.font.color?.argb) },
          });
      });
    }
  }

  totals<R>(columns: readonly MasterColumn<R>[], cells: readonly MasterCell[]): number {
    const row = this.push(cells, columns as readonly MasterColumn<never>[]);
    this.totalsRows.push(row);
    return row;
  }

  blank(): void {
    this.push([], []);
  }
}

function listSheet<R>(
  name: string,
  columns: readonly MasterColumn<R>[],
  items: readonly R[],
  frozenColumns: number,
  closing: readonly (readonly MasterCell[])[] = [],
): MasterSheetPlan {
  const b = new PlanBuilder(columns.length);
  b.header(columns.map((c) => c.header));
  b.data(columns, items);
  const lastData = b.rows.length;
  for (const cells of closing) b.totals(columns, cells);
  return b.plan(name, columns, {
    frozenColumns,
    autoFilter: `A1:${columnLetter(columns.length)}${lastData}`,
    chart: null,
  });
}

/** 统计: totals by district, a blank row, totals by category; the chart of participants by district below. */
function statisticsSheet(result: MergeResult): MasterSheetPlan {
  const columns = statisticsColumns("");
  const b = new PlanBuilder(columns.length);
  const table = (groupHeader: string, groups: readonly (Totals & { group: string | null })[]): number => {
    const cols = statisticsColumns(groupHeader);
    b.header(cols.map((c) => c.header));
    b.data(cols, groups);
    return b.totals(
      cols,
      cols.map((c) => c.value(result.totals)),
    );
  };
  const { byDistrict, byCategory } = result.statistics;
  table(fieldById("district").label, byDistrict);
  b.blank();
  const lastRow = table(fieldById("unit_category").label, byCategory);
  const headers = columns.map((c) => c.header);
  const chart: PlanChart | null =
    byDistrict.length === 0
      ? null
      : {
          title: CHART_TITLE,
          categories: `A2:A${1 + byDistrict.length}`,
          series: CHARTED_FIELDS.map((id) => {
            const label = fieldById(id).label;
            const col = columnLetter(headers.indexOf(label) + 1);
            return {
              name: label,
              values: `${col}2:${col}${1 + byDistrict.length}`,
            };
          }),
          from: `A${lastRow + 2}`,
          to: `L${lastRow + 25}`,
        };
  return b.plan(SHEET_NAMES.statistics, columns, { frozenColumns: 1, autoFilter: null, chart });
}

/** The seven master sheets in the master's order. */
export function masterSheetPlans(result: MergeResult): MasterSheetPlan[] {
  const summary = summaryColumns(result);
  return [
    listSheet(SHEET_NAMES.summary, summary, result.units, 1, [totalsRow(result, summary)]),
    ...DETAIL_TABLE_IDS.map((id) => listSheet(SHEET_NAMES[id], detailSheetColumns(id, result), result.details[id], 1)),
    listSheet(SHEET_NAMES.problems, PROBLEM_COLUMNS, result.problems, 0),
    listSheet(SHEET_NAMES.missing, MISSING_COLUMNS, missingLines(result), 0),
    statisticsSheet(result),
  ];
}

/** The names of the master's sheets: the ones a replacement removes. */
export const MASTER_SHEET_NAMES: readonly string[] = Object.values(SHEET_NAMES);
