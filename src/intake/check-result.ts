/**
 * `check`'s verdict on one file (spec §6), from the file's intake: a report's findings and status, or
 * why the file is not a report that can be checked. Pure: the JSON shape lives once, whoever prints it.
 */
import { refusalMessage, type ConvertibleFormat, type UnreadableCode } from "../core/guard";
import type { MergeInput } from "../core/merge";
import { mergeMessages } from "../core/merge/messages";
import type { CheckStatus, Finding } from "../core/model";

/** One finding as spec §6 prints it (optional keys only when present, in the documented order). */
export interface FindingJson {
  rule: string;
  severity: "error" | "warning";
  field: string;
  table?: string;
  row?: number;
  sheet: string;
  cell: string;
  /** The workbook has no such sheet: `sheet` is the template's name for it. */
  sheetMissing?: true;
  message: string;
  explanation?: string;
}

/**
 * Why `check` could not judge a file: the reader's codes, plus two kinds of file that are not a
 * unit's report although they read: a master workbook, and the temporary master of an interrupted merge.
 */
export type CheckUnreadableCode = UnreadableCode | "master" | "temporary_master";

/** The per-file object of `check --json` (spec §6). */
export interface CheckResult {
  file: string;
  unit: string | null;
  status: CheckStatus;
  findings: FindingJson[];
  code?: CheckUnreadableCode;
  message?: string;
  /** The format the file was sent in, when the command line read it converted to .xlsx by LibreOffice. */
  convertedFrom?: ConvertibleFormat;
}

export function findingToJson(f: Finding): FindingJson {
  return {
    rule: f.rule,
    severity: f.severity,
    field: f.field,
    ...(f.table !== undefined ? { table: f.table } : {}),
    ...(f.row !== undefined ? { row: f.row } : {}),
    sheet: f.sheet,
    cell: f.cell,
    ...(f.sheetMissing ? { sheetMissing: true as const } : {}),
    message: f.message,
    ...(f.explanation !== undefined ? { explanation: f.explanation } : {}),
  };
}

const unreadable = (file: string, code: CheckUnreadableCode, message: string): CheckResult => ({
  file,
  unit: null,
  status: "unreadable",
  findings: [],
  code,
  message,
});

/** The check result of one intake; `file` is how the result names the file (the path as given). */
export function checkResultOf(input: MergeInput, file: string): CheckResult {
  const from = (input.kind === "report" ? input.candidate.source : input.source).convertedFrom;
  const result = resultOf(input, file);
  return from ? { ...result, convertedFrom: from } : result;
}

function resultOf(input: MergeInput, file: string): CheckResult {
  switch (input.kind) {
    case "report": {
      const { candidate } = input;
      const unit = candidate.fields.values.unit_name;
      return {
        file,
        unit: typeof unit === "string" && unit !== "" ? unit : null,
        status: candidate.judgement.status,
        findings: candidate.judgement.findings.map(findingToJson),
      };
    }
    case "unreadable":
      return unreadable(file, input.code, input.message);
    case "lock_file":
      return unreadable(file, "lock_file", refusalMessage("lock_file", input.source.name));
    case "master_input":
      return unreadable(file, "master", `“${input.source.name}”：${mergeMessages.masterInput()}`);
    case "temporary_master":
      return unreadable(file, "temporary_master", `“${input.source.name}”：${mergeMessages.temporaryMaster()}`);
  }
}
