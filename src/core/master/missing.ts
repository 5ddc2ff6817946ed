/**
 * 未报送单位: with a roster, the roster units that sent nothing (with the roster's contacts), then the
 * merged units that are not on the roster with the closest roster name, then those whose name and
 * credit code are two roster units' (名单冲突; such a file is counted for neither, and the 说明 column
 * says so on both units' lines). Without a roster, one line says so. Last, with or without a roster,
 * the files that count as not received (not-received.ts): the lines 催报 chases are the 未报送 ones and
 * these (src/core/reminders.ts).
 */
import { MASTER_SHEETS } from "../definition";
import { contactOfValues } from "../merge/contact";
import type {
  MergeResult,
  RosterReport,
  RosterSuggestion,
  RosterUnit,
  SetAsideFile,
  UnitContact,
  UnitKey,
} from "../merge/model";
import type { MasterColumn } from "./columns";
import { unitLookup } from "./details";
import { PROVENANCE_HEADERS, PROVENANCE_WIDTHS } from "./labels";
import { listSheet } from "./list-sheet";
import type { MasterSheet, Tone } from "./model";
import { notReceived } from "./not-received";
import { STATUS_TONE } from "./tones";

/**
 * One line of the sheet: a roster unit that sent nothing, a submission missing from the roster, a
 * conflict, or a file that counts as not received.
 */
export interface MissingLine {
  readonly situation: keyof typeof SITUATION;
  readonly unit: string;
  readonly creditCode: string | null;
  readonly category: string | null;
  /** The roster's contact for a roster unit; the file's own 联系人 for a unit known only from its file. */
  readonly contact: UnitContact | null;
  readonly rosterRow: number | null;
  readonly file: string | null;
  readonly suggestion: RosterSuggestion | null;
  /** What a person should know about the line (a conflict that may concern the unit), else null. */
  readonly note: string | null;
}

export const SITUATION = {
  missing: "未报送",
  notOnRoster: "不在名单中",
  conflict: "名单冲突",
  noRoster: "未提供单位名单，无法列出未报送单位",
  unreadable: "文件无法读取",
  otherType: "报告类型不符",
} as const;

const SITUATION_TONE: Readonly<Record<keyof typeof SITUATION, Tone | null>> = {
  missing: STATUS_TONE.errors,
  notOnRoster: STATUS_TONE.warnings,
  conflict: STATUS_TONE.errors,
  noRoster: null,
  unreadable: STATUS_TONE.errors,
  otherType: STATUS_TONE.errors,
};

export const MISSING_COLUMNS: readonly MasterColumn<MissingLine>[] = [
  {
    header: "情况",
    width: 10,
    wrap: true,
    value: (m) => SITUATION[m.situation],
    tone: (m) => SITUATION_TONE[m.situation],
  },
  { header: "单位名称", width: 24, wrap: true, value: (m) => m.unit || null },
  { header: "统一社会信用代码", width: 20, value: (m) => m.creditCode },
  { header: "单位类别", width: 12, wrap: true, value: (m) => m.category },
  { header: "联系人", width: 8, wrap: true, value: (m) => m.contact?.name ?? null },
  { header: "联系电话", width: 13, wrap: true, value: (m) => m.contact?.phone ?? null },
  { header: "电子邮箱", width: 18, wrap: true, value: (m) => m.contact?.email ?? null },
  { header: "名单行号", width: 6, format: "plain", value: (m) => m.rosterRow },
  { header: PROVENANCE_HEADERS.file, width: PROVENANCE_WIDTHS.file, wrap: true, value: (m) => m.file },
  { header: "最接近的名单单位", width: 20, wrap: true, value: (m) => m.suggestion?.name ?? null },
  { header: "其名单行号", width: 6, format: "plain", value: (m) => m.suggestion?.rosterRow ?? null },
  { header: "相差字数", width: 6, format: "plain", value: (m) => m.suggestion?.distance ?? null },
  { header: "说明", width: 40, wrap: true, value: (m) => m.note },
];

type RosterConflict = RosterReport["conflicts"][number];

const rowText = (u: RosterUnit) => `名单第 ${u.row} 行“${u.name}”`;

/** On a roster unit's 未报送 line: the conflicting files that state its name or its code. */
function missingNote(unit: RosterUnit, conflicts: readonly RosterConflict[]): string | null {
  const notes = conflicts.flatMap((c) =>
    c.nameRow?.row === unit.row
      ? [`文件“${c.file}”填写了本单位名称，但信用代码属于${rowText(c.codeRow)}`]
      : c.codeRow.row === unit.row
        ? [`文件“${c.file}”填写了本单位的信用代码，但单位名称为“${c.unit}”`]
        : [],
  );
  return notes.length === 0
    ? null
    : `${notes.join("；")}：不能确定是哪一家报送的，未计为本单位已报送，请核实（见问题清单）`;
}

function conflictNote(c: RosterConflict): string {
  const name = c.nameRow ? `单位名称为${rowText(c.nameRow)}` : "单位名称不在名单中";
  return `${name}，信用代码却属于${rowText(c.codeRow)}：不能确定是哪一家报送的，未计为任何一家已报送（见问题清单）`;
}

/** On a roster unit's 未报送 line: the reports of the other type it sent instead. */
function otherTypeNote(files: readonly SetAsideFile[], collected: string | null): string {
  const sent = files.map((f) => `${f.reportType ?? "其他类型的报告"}（文件“${f.source.name}”）`).join("、");
  return `只报送了${sent}${collected ? `，本次汇总的是${collected}` : ""}，未计为已报送`;
}

const joined = (...notes: (string | null)[]): string | null => notes.filter(Boolean).join("；") || null;

/**
 * On a roster unit's 未报送 line: a submission not on the roster whose name is close to this unit's
 * (at most a third of the characters differ), most likely the unit under another name.
 */
function similarNote(unit: RosterUnit, unmatched: RosterReport["unmatched"]): string | null {
  const close = unmatched.filter(
    (m) => m.suggestion?.rosterRow === unit.row && m.suggestion.distance <= Math.ceil([...unit.name].length / 3),
  );
  if (close.length === 0) return null;
  const sent = close.map((m) => `“${m.unit}”（文件“${m.file}”）`).join("、");
  return `名称相近的${sent}已报送，如为同一单位，请在名单中更正名称后重新汇总`;
}

/** A line of `situation` with nothing known but `fields`. */
function blankLine(situation: MissingLine["situation"], fields: Partial<MissingLine> = {}): MissingLine {
  return {
    situation,
    unit: "",
    creditCode: null,
    category: null,
    contact: null,
    rosterRow: null,
    file: null,
    suggestion: null,
    note: null,
    ...fields,
  };
}

/** The lines of files that count as not received: unreadable files, then reports of the other type. */
function fileLines(result: MergeResult, otherType: readonly SetAsideFile[]): MissingLine[] {
  return [
    ...result.unreadable.map((u) => blankLine("unreadable", { file: u.source.path, note: u.message })),
    ...otherType.map((f) =>
      blankLine("otherType", {
        unit: f.unit ?? "",
        creditCode: f.creditCode ?? null,
        contact: f.contact ?? null,
        file: f.source.path,
        note: otherTypeNote([f], result.summary.reportType),
      }),
    ),
  ];
}

export function missingLines(result: MergeResult): MissingLine[] {
  const roster = result.roster;
  const received = notReceived(result);
  const files = fileLines(result, received.otherType);
  if (!roster) return [blankLine("noRoster"), ...files];
  const unitOf = unitLookup(result);
  const contactOfUnit = (key: UnitKey): UnitContact | null => {
    const unit = unitOf(key);
    return unit ? contactOfValues(unit.values) : null;
  };
  return [
    ...roster.missing.map((u): MissingLine => {
      const sent = received.byRosterRow.get(u.row) ?? [];
      return {
        situation: "missing",
        unit: u.name,
        creditCode: u.creditCode,
        category: u.category,
        contact: u.contact ?? null,
        rosterRow: u.row,
        file: sent.length ? sent.map((f) => f.source.path).join("、") : null,
        suggestion: null,
        note: joined(
          sent.length ? otherTypeNote(sent, result.summary.reportType) : null,
          similarNote(u, roster.unmatched),
          missingNote(u, roster.conflicts),
        ),
      };
    }),
    ...roster.unmatched.map((u): MissingLine => ({
      situation: "notOnRoster",
      unit: u.unit,
      creditCode: u.key.by === "credit_code" ? u.key.value : null,
      category: null,
      contact: contactOfUnit(u.key),
      rosterRow: null,
      file: u.file,
      suggestion: u.suggestion,
      note: null,
    })),
    ...roster.conflicts.map((c): MissingLine => ({
      situation: "conflict",
      unit: c.unit,
      creditCode: c.creditCode,
      category: null,
      contact: contactOfUnit(c.key),
      rosterRow: c.nameRow?.row ?? null,
      file: c.file,
      suggestion: null,
      note: conflictNote(c),
    })),
    ...files,
  ];
}

export function missingSheet(result: MergeResult): MasterSheet {
  return listSheet({ name: MASTER_SHEETS.missing, columns: MISSING_COLUMNS, items: missingLines(result) });
}
