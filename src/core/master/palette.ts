/**
 * The master's colours and number formats, stated once: the writer renders them, nothing else
 * restates them. Excel's own good / neutral / bad cell colours, so the bureau reads them at a glance.
 */
import type { NumberFormat, Tone } from "./model";

/** RRGGBB. */
export const TONE_COLORS: Readonly<Record<Tone, { readonly fill: string; readonly font: string }>> = {
  good: { fill: "C6EFCE", font: "006100" },
  neutral: { fill: "FFEB9C", font: "9C5700" },
  bad: { fill: "FFC7CE", font: "9C0006" },
};

export const HEADER_FILL = "D9E1F2";
export const TOTALS_FILL = "F2F2F2";
export const BORDER_COLOR = "BFBFBF";
/** Three lines of a wrapped label such as 参加《天津市标准化条例》研学人次 (points). */
export const HEADER_HEIGHT = 48;
/** The chart's bar colours, one per series. */
export const SERIES_COLORS: readonly string[] = ["4472C4", "ED7D31", "A5A5A5", "FFC000"];

/** Excel format codes: counts with a thousands separator, plain digits (years, row numbers), dates. */
export const NUMBER_FORMATS: Readonly<Record<NumberFormat, string>> = {
  count: "#,##0",
  plain: "0",
  date: "yyyy-mm-dd",
};
