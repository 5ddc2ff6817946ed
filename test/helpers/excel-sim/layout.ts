/**
 * The parts of the stand-in the master sheets need beyond values: column widths, cell formats
 * (bold, fill, font colour, wrap), frozen panes, the autofilter and charts, kept per sheet beside the
 * model (model.ts stays as it is). The proxies are write-only, as the adapter uses them: reading one
 * of their properties throws, so an adapter that starts reading them must model the read first.
 */
import { SimError, type SimContext } from "./api";
import { parseRect, rectAddress, type Rect, type SimSheet } from "./model";

export interface SimChart {
  readonly type: string;
  title: string | null;
  readonly series: { name: string; values: string; xValues: string | null }[];
  position: { from: string; to: string } | null;
}

export interface SheetLayout {
  /** Column number → width in points. */
  readonly columnWidths: Map<number, number>;
  /** Every format written, in order: which cells, which property, what value. */
  readonly formats: {
    readonly rect: Rect;
    readonly property: string;
    readonly value: unknown;
  }[];
  frozen: { rows: number; columns: number } | null;
  autoFilter: Rect | null;
  readonly charts: SimChart[];
}

const layouts = new WeakMap<SimSheet, SheetLayout>();

export function layoutOf(sheet: SimSheet): SheetLayout {
  let l = layouts.get(sheet);
  if (!l) {
    l = {
      columnWidths: new Map(),
      formats: [],
      frozen: null,
      autoFilter: null,
      charts: [],
    };
    layouts.set(sheet, l);
  }
  return l;
}

type SheetRef = () => SimSheet | undefined;
type RangeRef = { readonly sheet: SheetRef; readonly rect: () => Rect };

function notModelled(what: string): never {
  throw new Error(`excel-sim: reading ${what} is not modelled`);
}

/** Queues `op` on the sheet; a sheet that is gone fails the sync as Excel's does. */
function onSheet(ctx: SimContext, sheet: SheetRef, op: (s: SimSheet) => void): void {
  ctx.enqueue(() => {
    const s = sheet();
    if (!s) throw new SimError("ItemNotFound", "The requested resource doesn't exist (sheet).");
    op(s);
  });
}

function formatWriter(ctx: SimContext, range: RangeRef, property: string) {
  return (value: unknown) =>
    onSheet(ctx, range.sheet, (s) => layoutOf(s).formats.push({ rect: range.rect(), property, value }));
}

/** Range.format: widths, wrap, font (bold, colour), fill colour. */
export function rangeFormat(ctx: SimContext, range: RangeRef) {
  const write = (p: string) => formatWriter(ctx, range, p);
  return {
    get columnWidth(): number {
      return notModelled("format.columnWidth");
    },
    set columnWidth(points: number) {
      onSheet(ctx, range.sheet, (s) => {
        const r = range.rect();
        for (let c = r.left; c <= r.right; c++) layoutOf(s).columnWidths.set(c, points);
      });
    },
    get wrapText(): boolean {
      return notModelled("format.wrapText");
    },
    set wrapText(v: boolean) {
      write("wrapText")(v);
    },
    font: {
      get bold(): boolean {
        return notModelled("format.font.bold");
      },
      set bold(v: boolean) {
        write("font.bold")(v);
      },
      get color(): string {
        return notModelled("format.font.color");
      },
      set color(v: string) {
        write("font.color")(v);
      },
    },
    fill: {
      get color(): string {
        return notModelled("format.fill.color");
      },
      set color(v: string) {
        write("fill.color")(v);
      },
    },
  };
}

/** Worksheet.freezePanes: freezeRows(n), and freezeAt(range) which freezes the rows above and columns left of its end. */
export function freezePanes(ctx: SimContext, sheet: SheetRef) {
  return {
    freezeRows(count: number): void {
      onSheet(ctx, sheet, (s) => void (layoutOf(s).frozen = { rows: count, columns: 0 }));
    },
    freezeAt(range: RangeRef | string): void {
      onSheet(ctx, sheet, (s) => {
        const r = typeof range === "string" ? parseRect(range) : range.rect();
        layoutOf(s).frozen = { rows: r.bottom, columns: r.right };
      });
    },
  };
}

/** Worksheet.autoFilter.apply(range): one filter per sheet, the newest wins. */
export function autoFilter(ctx: SimContext, sheet: SheetRef) {
  return {
    apply(range: RangeRef | string): void {
      onSheet(
        ctx,
        sheet,
        (s) => void (layoutOf(s).autoFilter = typeof range === "string" ? parseRect(range) : range.rect()),
      );
    },
  };
}

/** A range's address as a chart records it: on the chart's own sheet only (the adapter never charts across sheets). */
function chartAddress(owner: SimSheet, range: RangeRef): string {
  if (range.sheet() !== owner)
    throw new SimError("InvalidArgument", "excel-sim: a chart's data on another sheet is not modelled");
  return rectAddress(range.rect());
}

class SeriesProxy {
  constructor(
    private readonly ctx: SimContext,
    private readonly series: () => SimChart["series"][number] | undefined,
    private readonly owner: () => SimSheet | undefined,
  ) {}
  private act(op: (s: SimChart["series"][number], owner: SimSheet) => void): void {
    this.ctx.enqueue(() => {
      const s = this.series();
      const o = this.owner();
      if (!s || !o) throw new SimError("ItemNotFound", "The requested resource doesn't exist (chart series).");
      op(s, o);
    });
  }
  get name(): string {
    return notModelled("ChartSeries.name");
  }
  set name(v: string) {
    this.act((s) => void (s.name = v));
  }
  setValues(range: RangeRef): void {
    this.act((s, o) => void (s.values = chartAddress(o, range)));
  }
  setXAxisValues(range: RangeRef): void {
    this.act((s, o) => void (s.xValues = chartAddress(o, range)));
  }
}

class ChartProxy {
  readonly title: { text: string };
  readonly series: {
    getItemAt(i: number): SeriesProxy;
    add(name?: string): SeriesProxy;
  };
  constructor(
    private readonly ctx: SimContext,
    private readonly chart: () => SimChart | undefined,
    private readonly owner: () => SimSheet | undefined,
  ) {
    const act = (op: (c: SimChart) => void) =>
      ctx.enqueue(() => {
        const c = this.chart();
        if (!c || !this.owner()) throw new SimError("ItemNotFound", "The requested resource doesn't exist (chart).");
        op(c);
      });
    this.title = {
      get text(): string {
        return notModelled("Chart.title.text");
      },
      set text(v: string) {
        act((c) => void (c.title = v));
      },
    };
    this.series = {
      getItemAt: (i: number) => {
        act((c) => {
          if (!c.series[i]) throw new SimError("ItemNotFound", `The requested resource doesn't exist (series ${i}).`);
        });
        return new SeriesProxy(ctx, () => this.chart()?.series[i], owner);
      },
      add: (name?: string) => {
        let made: SimChart["series"][number] | undefined;
        act((c) => {
          made = {
            name: name ?? `系列${c.series.length + 1}`,
            values: "",
            xValues: null,
          };
          c.series.push(made);
        });
        return new SeriesProxy(ctx, () => made, owner);
      },
    };
  }
  setPosition(from: string, to?: string): void {
    this.ctx.enqueue(() => {
      const c = this.chart();
      if (!c) throw new SimError("ItemNotFound", "chart");
      c.position = {
        from: rectAddress(parseRect(from)),
        to: to ? rectAddress(parseRect(to)) : rectAddress(parseRect(from)),
      };
    });
  }
}

/**
 * Worksheet.charts.add(type, source, seriesBy): with seriesBy "Columns" each column of the source is a
 * series (named by its first row when that is text, as Excel does) over the source's rows.
 */
export function charts(ctx: SimContext, sheet: SheetRef) {
  return {
    add(type: string, source: RangeRef, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): ChartProxy {
      if (seriesBy !== "Columns") throw new Error(`excel-sim: charts by ${seriesBy} are not modelled`);
      let made: SimChart | undefined;
      onSheet(ctx, sheet, (s) => {
        const r = source.rect();
        chartAddress(s, source);
        const series: SimChart["series"] = [];
        for (let c = r.left; c <= r.right; c++) {
          const head = ctx.sim.workbook.get(s, r.top, c);
          const named = typeof head === "string" && r.bottom > r.top;
          const top = named ? r.top + 1 : r.top;
          series.push({
            name: named ? head : `系列${series.length + 1}`,
            values: rectAddress({ top, bottom: r.bottom, left: c, right: c }),
            xValues: null,
          });
        }
        made = { type, title: null, series, position: null };
        layoutOf(s).charts.push(made);
      });
      return new ChartProxy(ctx, () => made, sheet);
    },
  };
}
