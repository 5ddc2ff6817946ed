/**
 * The one pipeline from a workbook's values to a judged report: locate the template's fields and
 * tables within the limits (the table row cap), then apply every rule. The file path
 * (src/intake/file.ts: bytes → grid, then locateReport and judgeLocated) and the task pane
 * (Office.js values → checkGrid) both go through it, so they give the same findings for the same
 * report and the same refusal for a 100,000-row table.
 */
import { judgeReport, type JudgeOptions, type Judgement } from "./judge";
import { locateReport, type LocateLimits, type LocateResult } from "./locate";
import type { RawReport, WorkbookGrid } from "./model";

export type GridCheck =
  | {
      readonly ok: true;
      readonly raw: RawReport;
      readonly judgement: Judgement;
      /** 报送单位 as read, or null when blank or unreadable. */
      readonly unit: string | null;
      /** The year the template was made for (模板信息), when it says so. */
      readonly templateYear?: number;
    }
  /** Not this template, or a table past the row limit: the locator's own answer, with its Chinese message. */
  | Extract<LocateResult, { ok: false }>;

export interface GridCheckOptions extends JudgeOptions {
  /** Default: DEFAULT_GUARD_LIMITS, the same as for files. */
  readonly limits?: LocateLimits;
}

/**
 * Judges a located report. A blank or invalid 年度 still leaves the template's own year to judge
 * dates against; the unit is 报送单位 as read, or null when blank or unreadable.
 */
export function judgeLocated(
  raw: RawReport,
  templateYear: number | undefined,
  options: JudgeOptions = {},
): { judgement: Judgement; unit: string | null } {
  const judgement = judgeReport(raw, { ...options, reportYearFallback: options.reportYearFallback ?? templateYear });
  const unit = judgement.submission.fields.unit_name;
  return { judgement, unit: typeof unit === "string" && unit !== "" ? unit : null };
}

export function checkGrid(grid: WorkbookGrid, options: GridCheckOptions = {}): GridCheck {
  const { limits, ...judgeOptions } = options;
  const located = locateReport(grid, limits);
  if (!located.ok) return located;
  return {
    ok: true,
    raw: located.report,
    ...judgeLocated(located.report, located.templateYear, judgeOptions),
    ...(located.templateYear !== undefined ? { templateYear: located.templateYear } : {}),
  };
}
