/** Which tone a status or a severity shows in the master. */
import type { ProblemSeverity } from "../merge/model";
import type { ReportStatus } from "../model";
import type { Tone } from "./model";

export const STATUS_TONE: Readonly<Record<ReportStatus, Tone>> = { ok: "good", warnings: "neutral", errors: "bad" };

export const SEVERITY_TONE: Readonly<Record<ProblemSeverity, Tone | null>> = {
  error: "bad",
  warning: "neutral",
  info: null,
};
