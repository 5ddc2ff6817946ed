/**
 * 未报送单位: with a roster, the roster units that sent nothing, then the merged units that are not
 * on the roster with the closest roster name, then those whose name and credit code are two roster
 * units' (名单冲突; such a file is counted for neither, and the 说明 column says so on both units'
 * lines). Without a roster, one line says so.
 */
import { MASTER_SHEETS } from "../definition";
import type { MergeResult, RosterReport, RosterSuggestion, RosterUnit } from "../merge/model";
import type { MasterColumn } from "./columns";
import { PROVENANCE_HEADERS } from "./labels";
import { listSheet } from "./list-sheet";
import type { MasterSheet, Tone } from "./model";
import { STATUS_TONE } from "./tones";

/** One line of the sheet: a roster unit that sent nothing, a submission missing from the roster, or a conflict. */
export interface MissingLine {
  readonly situation: keyof typeof SITUATION;
  readonly unit: string;
  readonly creditCode: string | null;
  readonly category: string | null;
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
} as const;

const SITUATION_TONE: Readonly<Record<keyof typeof SITUATION, Tone | null>> = {
  missing: STATUS_TONE.errors,
  notOnRoster: STATUS_TONE.warnings,
  conflict: STATUS_TONE.errors,
  noRoster: null,
};

export const MISSING_COLUMNS: readonly MasterColumn<MissingLine>[] = [
  { header: "情况", width: 14, value: (m) => SITUATION[m.situation], tone: (m) => SITUATION_TONE[m.situation] },
  { header: "单位名称", width: 32, value: (m) => m.unit || null },
  { header: "统一社会信用代码", width: 22, value: (m) => m.creditCode },
  { header: "单位类别", width: 18, value: (m) => m.category },
  { header: "名单行号", width: 8, format: "plain", value: (m) => m.rosterRow },
  { header: PROVENANCE_HEADERS.file, width: 28, value: (m) => m.file },
  { header: "最接近的名单单位", width: 32, value: (m) => m.suggestion?.name ?? null },
  { header: "其名单行号", width: 8, format: "plain", value: (m) => m.suggestion?.rosterRow ?? null },
  { header: "相差字数", width: 8, format: "plain", value: (m) => m.suggestion?.distance ?? null },
  { header: "说明", width: 48, value: (m) => m.note },
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

export function missingLines(result: MergeResult): MissingLine[] {
  const roster = result.roster;
  if (!roster)
    return [
      {
        situation: "noRoster",
        unit: "",
        creditCode: null,
        category: null,
        rosterRow: null,
        file: null,
        suggestion: null,
        note: null,
      },
    ];
  return [
    ...roster.missing.map((u): MissingLine => ({
      situation: "missing",
      unit: u.name,
      creditCode: u.creditCode,
      category: u.category,
      rosterRow: u.row,
      file: null,
      suggestion: null,
      note: missingNote(u, roster.conflicts),
    })),
    ...roster.unmatched.map((u): MissingLine => ({
      situation: "notOnRoster",
      unit: u.unit,
      creditCode: u.key.by === "credit_code" ? u.key.value : null,
      category: null,
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
      rosterRow: c.nameRow?.row ?? null,
      file: c.file,
      suggestion: null,
      note: conflictNote(c),
    })),
  ];
}

export function missingSheet(result: MergeResult): MasterSheet {
  return listSheet({ name: MASTER_SHEETS.missing, columns: MISSING_COLUMNS, items: missingLines(result) });
}
