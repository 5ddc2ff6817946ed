/**
 * Writes the master sheets into the open workbook through Office.js, in requests that stay under
 * Excel on the web's 5 MB limit (office-js-facts §5): the values and number formats of as many rows
 * as fit in one request, then a sync: 1 + the number of requests (2 for a master of a few MB), never
 * one per row or sheet. The first sync only lists the sheets; when master sheets exist and the user
 * has not confirmed, nothing is written.
 *
 * A replacement renames the old master sheets out of the way, adds the new ones, then deletes the old
 * (a workbook must keep one sheet, so they go after the new ones exist). No other sheet is touched.
 * 统计 gets a native Excel column chart over the district table.
 */
import { columnLetter } from "../core/a1";
import type { WriteMasterOptions, WriteMasterResult } from "../ports/merge-operations";
import type { ExcelRunner } from "./runner";
import { MASTER_SHEET_NAMES, type MasterSheetPlan } from "./master-plan";
import { errorDetail, messages } from "./messages";

/**
 * Bytes of cell data per request: well under 5 MB, leaving room for Office.js's JSON envelope, the
 * format and colour calls, and the UTF-8 of Chinese text (three bytes a character).
 */
export const REQUEST_BUDGET_BYTES = 2_000_000;

/** Points per character of a column width (Excel's default font: about 7 px a character at 96 dpi). */
const POINTS_PER_CHAR = 5.6;
const HEADER_FILL = "#D9E1F2";
const TOTALS_FILL = "#F2F2F2";

/** One piece of work for a sheet: rows [from, to] (1-based) of a plan. */
interface Slice {
  readonly sheet: number;
  readonly from: number;
  readonly to: number;
}

const utf8 = new TextEncoder();

/** What a row costs in a request: its values and formats as JSON, roughly. */
function rowBytes(plan: MasterSheetPlan, index: number): number {
  let n = 8;
  for (const v of plan.rows[index]) n += typeof v === "string" ? utf8.encode(v).length + 3 : 12;
  for (const f of plan.formats[index]) n += f.length + 3;
  return n;
}

/** Splits every sheet's rows into requests of at most `budget` bytes (a row bigger than that goes alone). */
export function planRequests(plans: readonly MasterSheetPlan[], budget: number): Slice[][] {
  const requests: Slice[][] = [];
  let current: Slice[] = [];
  let used = 0;
  plans.forEach((plan, sheet) => {
    let from = 1;
    for (let r = 1; r <= plan.rows.length; r++) {
      const cost = rowBytes(plan, r - 1);
      if (used + cost > budget && (used > 0 || r > from)) {
        if (r > from) current.push({ sheet, from, to: r - 1 });
        requests.push(current);
        current = [];
        used = 0;
        from = r;
      }
      used += cost;
    }
    if (plan.rows.length >= from) current.push({ sheet, from, to: plan.rows.length });
  });
  if (current.length) requests.push(current);
  return requests;
}

function rangeOf(plan: MasterSheetPlan, from: number, to: number): string {
  return `A${from}:${columnLetter(plan.widths.length)}${to}`;
}

/** A sheet name not in `taken` (case-insensitive), for moving an old master sheet aside. */
function spareName(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `${base}（旧${n}）`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** Queues the values and formats of one slice of a sheet; returns the rows it covers. */
function queueSlice(ws: Excel.Worksheet, plan: MasterSheetPlan, { from, to }: Slice): number {
  const range = ws.getRange(rangeOf(plan, from, to));
  // Formats first: a text cell must be text before its value arrives.
  range.numberFormat = plan.formats.slice(from - 1, to).map((line) => [...line]);
  range.values = plan.rows.slice(from - 1, to).map((line) => [...line]);
  for (const { row, column, look } of plan.looks) {
    if (row < from || row > to) continue;
    const cell = ws.getRange(`${columnLetter(column)}${row}`);
    cell.format.fill.color = look.fill;
    if (look.font) cell.format.font.color = look.font;
  }
  return to - from + 1;
}

/** Queues the filters, the chart on 统计 and the activation of the first sheet; returns whether a chart was added. */
function queueFinish(made: readonly Excel.Worksheet[], plans: readonly MasterSheetPlan[]): boolean {
  let chart = false;
  plans.forEach((plan, i) => {
    const ws = made[i];
    if (plan.autoFilter) ws.autoFilter.apply(ws.getRange(plan.autoFilter));
    if (!plan.chart) return;
    const [first, ...rest] = plan.chart.series;
    const c = ws.charts.add("ColumnClustered", ws.getRange(first.values), "Columns");
    c.title.text = plan.chart.title;
    const firstSeries = c.series.getItemAt(0);
    firstSeries.name = first.name;
    firstSeries.setXAxisValues(ws.getRange(plan.chart.categories));
    for (const s of rest) {
      const series = c.series.add(s.name);
      series.setValues(ws.getRange(s.values));
      series.setXAxisValues(ws.getRange(plan.chart.categories));
    }
    c.setPosition(plan.chart.from, plan.chart.to);
    chart = true;
  });
  made[0].activate();
  return chart;
}

export async function writeMasterSheets(
  excel: ExcelRunner,
  plans: readonly MasterSheetPlan[],
  options: WriteMasterOptions & { readonly budget?: number },
): Promise<WriteMasterResult> {
  const requests = planRequests(plans, options.budget ?? REQUEST_BUDGET_BYTES);
  const total = plans.reduce((n, p) => n + p.rows.length, 0);
  try {
    return await excel.run(async (context): Promise<WriteMasterResult> => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const masterNames = new Set(MASTER_SHEET_NAMES.map((n) => n.toLowerCase()));
      const old = sheets.items.filter((s) => masterNames.has(s.name.toLowerCase()));
      if (old.length > 0 && !options.replace) return { kind: "exists", sheets: old.map((s) => s.name) };

      const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      for (const s of old) s.name = spareName(s.name, taken);
      const made = plans.map((p) => sheets.add(p.name));
      for (const s of old) s.delete();
      plans.forEach((plan, i) => {
        const ws = made[i];
        plan.widths.forEach(
          (w, c) => (ws.getRange(`${columnLetter(c + 1)}1`).format.columnWidth = w * POINTS_PER_CHAR),
        );
        for (const r of plan.headerRows) {
          const header = ws.getRange(rangeOf(plan, r, r));
          header.format.font.bold = true;
          header.format.fill.color = HEADER_FILL;
          header.format.wrapText = true;
        }
        for (const r of plan.totalsRows) {
          const totals = ws.getRange(rangeOf(plan, r, r));
          totals.format.font.bold = true;
          totals.format.fill.color = TOTALS_FILL;
        }
        if (plan.frozenColumns > 0) ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetter(plan.frozenColumns)}1`));
        else ws.freezePanes.freezeRows(1);
      });

      let written = 0;
      let chart = false;
      // One request per group of slices (planRequests): the only syncs that grow with the master's
      // size, each under Excel on the web's 5 MB; the last one also carries the filters and the chart.
      for (let i = 0; i < requests.length; i++) {
        for (const slice of requests[i]) written += queueSlice(made[slice.sheet], plans[slice.sheet], slice);
        if (i === requests.length - 1) chart = queueFinish(made, plans);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request under the 5 MB limit is the point
        await context.sync();
        options.onProgress?.(written, total);
      }
      return { kind: "written", sheets: plans.map((p) => p.name), chart };
    });
  } catch (e) {
    return {
      kind: "failed",
      message: messages.excelFailed("写入汇总工作表", errorDetail(e)),
    };
  }
}
