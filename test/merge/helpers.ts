/** Judged submissions for merge tests, built from plain values on the real template layout. */
import type { UnreadableCode } from "../../src/core/guard";
import { createHash } from "crypto";
import { judgeReport } from "../../src/core/judge";
import { prepareCandidate, type MergeInput } from "../../src/core/merge";
import type { CellValue } from "../../src/core/model";
import { creditCodeCheckChar } from "../../src/core/normalise/credit-code";
import { validReport, type ReportInput } from "../helpers/report-builder";

export interface FileSpec {
  readonly fields?: Readonly<Record<string, CellValue>>;
  readonly tables?: ReportInput["tables"];
  /** ISO time; default 2023-11-20T00:00:00.000Z. */
  readonly modified?: string | null;
}

/** A correct report (changed by `spec`) read from `path`, judged and prepared as the CLI does. */
export function reportFile(path: string, spec: FileSpec = {}): MergeInput {
  const raw = validReport({ fields: spec.fields ?? {}, ...(spec.tables ? { tables: spec.tables } : {}) });
  const judgement = judgeReport(raw);
  const sha256 = createHash("sha256")
    .update(path + JSON.stringify(spec))
    .digest("hex");
  const modified = spec.modified === undefined ? "2023-11-20T00:00:00.000Z" : spec.modified;
  return {
    kind: "report",
    candidate: prepareCandidate({ path, name: path.split("/").pop()!, sha256, modified }, raw, judgement),
  };
}

export function unreadableFile(path: string, code: UnreadableCode = "encrypted"): MergeInput {
  return {
    kind: "unreadable",
    source: { path, name: path.split("/").pop()!, sha256: null, modified: null },
    code,
    message: `“${path}”已加密，无法读取。`,
  };
}

/** A credit code with a correct GB 32100 check character, distinct per n. */
export function creditCode(n: number): string {
  const first17 = `91120000MA0${String(n).padStart(6, "0")}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A distinct unit: its own name and credit code. */
export function unit(n: number, extra: Readonly<Record<string, CellValue>> = {}): Readonly<Record<string, CellValue>> {
  return { unit_name: `天津市测试单位${n}`, credit_code: creditCode(n), ...extra };
}
