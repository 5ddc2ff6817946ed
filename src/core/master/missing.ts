/**
 * 未报送单位: with a roster, the roster units that sent nothing, then the merged units that are not
 * on the roster with the closest roster name. Without a roster, one line says so.
 */
import { MASTER_SHEETS } from "../definition";
import type { MergeResult, RosterSuggestion } from "../merge/model";
import type { MasterColumn } from "./columns";
import { PROVENANCE_HEADERS } from "./labels";
import { listSheet } from "./list-sheet";
import type { MasterSheet } from "./model";
import { STATUS_TONE } from "./tones";

/** One line of the sheet: a roster unit that sent nothing, or a submission missing from the roster. */
export interface MissingLine {
  readonly situation: keyof typeof SITUATION;
  readonly unit: string;
  readonly creditCode: string | null;
  readonly category: string | null;
  readonly rosterRow: number | null;
  readonly file: string | null;
  readonly suggestion: RosterSuggestion | null;
}

export const SITUATION = {
  missing: "未报送",
  notOnRoster: "不在名单中",
  noRoster: "未提供单位名单，无法列出未报送单位",
} as const;

const SITUATION_TONE = { missing: STATUS_TONE.errors, notOnRoster: STATUS_TONE.warnings, noRoster: null } as const;

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
];

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
    })),
    ...roster.unmatched.map((u): MissingLine => ({
      situation: "notOnRoster",
      unit: u.unit,
      creditCode: u.key.by === "credit_code" ? u.key.value : null,
      category: null,
      rosterRow: null,
      file: u.file,
      suggestion: u.suggestion,
    })),
  ];
}

export function missingSheet(result: MergeResult): MasterSheet {
  return listSheet({ name: MASTER_SHEETS.missing, columns: MISSING_COLUMNS, items: missingLines(result) });
}
