/**
 * The result of a merge (spec §5): everything the master workbook shows, as plain data. The merge
 * (src/core/merge) produces it; the master writer (src/xlsx/master) and the CLI summary consume it.
 *
 * Values are keyed by the ids of src/core/definition.ts (single fields by field id, table cells by
 * column id), so a field added to the definition reaches every row here without an edit; the master
 * takes its column order and labels from FIELDS / TABLES (see columns.ts).
 *
 * Every list is already sorted (the order the master writes it); the same inputs in any order give an
 * equal MergeResult. Types only.
 */
import type { ReportType } from "../definition";
import type { ConvertibleFormat } from "../guard/conversion";
import type { ReportStatus, Severity } from "../model";
import type { FieldValue } from "../submission";

/** One input file as the merge saw it. */
export interface SourceFile {
  /** The path as the user gave it (folders joined with the names found below them): unique in one merge. */
  readonly path: string;
  /** The file name without folders: what the master shows in its 来源文件 columns. */
  readonly name: string;
  /** SHA-256 of the bytes read, lowercase hex; null when the file could not be read that far. */
  readonly sha256: string | null;
  /** Last modification time, ISO 8601 UTC; null when unknown. Breaks ties between two submissions of one unit. */
  readonly modified: string | null;
  /** Set for a unit's file known only by its copy in a master taken in with --include-master (carried.ts). */
  readonly carried?: CarriedCopy;
  /**
   * The format the file was sent in when the command line read it converted to .xlsx by LibreOffice
   * (its sha256 stays that of the file as sent); absent for a file read as it is.
   */
  readonly convertedFrom?: ConvertibleFormat;
}

/**
 * A unit's file as a master gives it (multi-level 汇总: unit file → district master → city master).
 * The copy's SourceFile.path joins the masters and the file (carried.ts), so it stays unique when two
 * districts both name a file 收到的报表/研学总结.xlsx; the master shows `file` under 来源文件 and `via`
 * under 来源总表.
 */
export interface CarriedCopy {
  /** The masters the copy came through, as their paths were given: the one nearest the unit first. */
  readonly via: readonly string[];
  /** The unit's file as the innermost master names it (its 来源文件). */
  readonly file: string;
}

/** Where a value came from: a worksheet cell range of one file. */
export interface RowSource {
  /** SourceFile.path of the file (unique in one merge). */
  readonly file: string;
  readonly sheet: string;
  /** Worksheet row (1-based) in that file. */
  readonly row: number;
}

/**
 * What tells a unit row apart from every other row of one merge (spec §5: files are one unit when
 * their names agree and nothing they state contradicts it; see unit-identity.ts): the unit's credit
 * code when no other row states that code; else its name as compared (identity.ts foldName; for names
 * the roster ties, the first of them in byte order) when no other row has that name; else the path of
 * the file the row shows (`file`: a file without a name, or one of several rows that share a name
 * but state different codes).
 */
export interface UnitKey {
  readonly by: "credit_code" | "unit_name" | "file";
  readonly value: string;
}

/** The values of one row of single fields or of a table, by id, as judged (spec §3). */
export interface JudgedValues {
  /** By id: every field (or every column) of the definition. null = blank or could not be read. */
  readonly values: Readonly<Record<string, FieldValue>>;
  /**
   * By id: the original text of a value that could not be read (e.g. a headcount “见签到表”), so the
   * master can show it beside the blank it became. Only ids whose value is null but whose cell was not
   * blank appear here.
   */
  readonly unread: Readonly<Record<string, string>>;
}

/** How a merged unit stands against the roster. */
export type RosterStanding =
  /** No roster was given. */
  | { readonly kind: "no_roster" }
  | {
      readonly kind: "matched";
      readonly by: "credit_code" | "unit_name";
      readonly rosterName: string;
      readonly rosterRow: number;
      /**
       * Matched by name while the unit states a credit code the roster gives to no unit: the code the
       * roster has for it (a typing error on one side; flagged in 问题清单 as a warning). Absent otherwise.
       */
      readonly rosterCode?: string;
    }
  /**
   * Not on the roster (提交单位不在名单中). `suggestion` is the roster name closest to the unit's folded
   * name by edit distance (ties: roster order), null when the roster is empty.
   */
  | { readonly kind: "unmatched"; readonly suggestion: RosterSuggestion | null }
  /**
   * 名单冲突: the unit's name is that of roster unit `nameRow` (null: a name the roster does not list)
   * and its credit code that of another roster unit `codeRow`. Matched to neither: which unit sent it
   * is unknown, so neither is counted as having reported.
   */
  | { readonly kind: "conflict"; readonly nameRow: RosterRef | null; readonly codeRow: RosterRef };

/** A roster unit as a standing names it. */
export interface RosterRef {
  readonly name: string;
  /** Roster row (1-based, the file's own row numbering). */
  readonly rosterRow: number;
}

export interface RosterSuggestion {
  readonly name: string;
  /** Roster row (1-based, the file's own row numbering) of the suggested unit. */
  readonly rosterRow: number;
  /** Levenshtein distance between the folded names (characters, not bytes). */
  readonly distance: number;
}

/** 汇总表: one row per unit. */
export interface UnitRow extends JudgedValues {
  readonly key: UnitKey;
  /** Rows per table id of the definition (events, media, evidence, explanations): non-empty rows only. */
  readonly tableCounts: Readonly<Record<string, number>>;
  /** Errors of the file shown, its identity-conflict lines of 问题清单 included; likewise warnings and status. */
  readonly errors: number;
  readonly warnings: number;
  /** Warnings without a 核实说明: what makes the status 待说明. */
  readonly unexplainedWarnings: number;
  readonly status: ReportStatus;
  readonly source: SourceFile & { readonly sha256: string };
  /** 模板信息's version of the submitted file; null when the file does not say. */
  readonly templateVersion: string | null;
  readonly roster: RosterStanding;
}

/** A table of the definition that becomes a detail sheet of the master (活动明细, 宣传报道, 佐证材料). */
export type DetailTableId = "events" | "media" | "evidence";

/** One row of a detail sheet: a table row of one merged unit. */
export interface DetailRow extends JudgedValues {
  /** unit_name of the unit row it belongs to (its judged value, or the original text when unread). */
  readonly unit: string;
  readonly key: UnitKey;
  readonly source: RowSource;
}

/** What kind of line of 问题清单 it is. */
export type ProblemKind =
  /** A finding of a merged submission (spec §4). */
  | "finding"
  /** A file that could not be read (not xlsx, encrypted, damaged, .xls, too large, not this template). */
  | "unreadable"
  /** An Office lock file (~$name.xlsx) met in a folder: not a submission. */
  | "lock_file"
  /** A master workbook met among the inputs: skipped (a master is taken in only when named: --include-master). */
  | "master_input"
  /** A temporary master left by an interrupted `merge` (core/file-names.ts): skipped. */
  | "temporary_master"
  /** A submission replaced by a later one of the same unit (被替代). */
  | "superseded"
  /** A submission of the other report type: not merged, never summed. */
  | "other_type"
  /**
   * 单位身份冲突: a merged file states a credit code that another file or the roster gives to a
   * differently named unit, or shares its unit's name with files stating other codes (spec §5).
   * Neither file replaces the other; the line names the other file and whose code it is.
   */
  | "identity_conflict";

/** error/warning as in spec §4; `info` for lines that need no fix (被替代, other type, skipped files). */
export type ProblemSeverity = Severity | "info";

/** 问题清单: one line per finding, per unreadable or refused file, per superseded or skipped file. */
export interface ProblemRow {
  readonly kind: ProblemKind;
  /** SourceFile.path of the file. */
  readonly file: string;
  /** The unit the file is from, as read (null when unknown). */
  readonly unit: string | null;
  /** A spec §4 rule id for findings; for file lines `file.<code>` or a `merge.*` id (messages.ts MERGE_RULES). */
  readonly rule: string;
  readonly severity: ProblemSeverity;
  /** Field id (single field or table column) a finding names. */
  readonly field: string | null;
  readonly table: string | null;
  /** Worksheet row of a table finding. */
  readonly row: number | null;
  readonly sheet: string | null;
  /** A1 address. */
  readonly cell: string | null;
  /** Chinese, ready to show. */
  readonly message: string;
  /** The unit's 核实说明 for a warning, when one applies. */
  readonly explanation: string | null;
}

/** A file that could not be read, with the reader's code (e.g. encrypted, legacy_xls, zip_bomb). */
export interface UnreadableFile {
  readonly source: SourceFile;
  readonly code: string;
  readonly message: string;
}

/** A submission that was read but not merged. */
export interface SetAsideFile {
  readonly source: SourceFile;
  readonly unit: string | null;
  readonly key: UnitKey | null;
  readonly reportType: ReportType | null;
  readonly fillDate: string | null;
  /** The credit code the file states (folded), and its contact fields: whom 催报 asks for the right report. */
  readonly creditCode?: string | null;
  readonly contact?: UnitContact;
  /** How the file's unit stands against the roster (absent without one). */
  readonly roster?: RosterStanding;
}

/** 被替代: the same unit sent a later file; `by` is the file that won. */
export interface SupersededFile extends SetAsideFile {
  readonly by: SourceFile;
}

/** Whom to call about a unit (催报): each part null when not known. */
export interface UnitContact {
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/** One unit of the roster. */
export interface RosterUnit {
  readonly name: string;
  readonly creditCode: string | null;
  readonly category: string | null;
  /** Row in the roster file (1-based, header included), for messages. */
  readonly row: number;
  /** The roster's 联系人, 联系电话, 电子邮箱 columns (optional columns); absent when it has none of them. */
  readonly contact?: UnitContact;
}

/** 未报送单位 and the other side of it. */
export interface RosterReport {
  /** The roster file's name. */
  readonly file: string;
  readonly units: number;
  /** Roster units no merged submission matched (rows the roster ties to a matched one included), in roster order. */
  readonly missing: readonly RosterUnit[];
  /** Merged units not on the roster, with the closest roster name (sorted as the unit rows); `file` is SourceFile.path. */
  readonly unmatched: readonly {
    readonly unit: string;
    readonly key: UnitKey;
    readonly file: string;
    readonly suggestion: RosterSuggestion | null;
  }[];
  /**
   * Merged units whose roster standing is a conflict (名单冲突), sorted as the unit rows: the roster
   * unit whose name the file states (null when the roster does not list the name) and the one whose
   * credit code it states. Neither unit is matched by it, so both stay in `missing` unless another
   * file matches them.
   */
  readonly conflicts: readonly {
    readonly unit: string;
    readonly creditCode: string;
    readonly key: UnitKey;
    readonly file: string;
    readonly nameRow: RosterUnit | null;
    readonly codeRow: RosterUnit;
  }[];
}

/** Totals over some units: unit count, rows per table, and every headcount field summed. */
export interface Totals {
  readonly units: number;
  /** By table id, as UnitRow.tableCounts. */
  readonly tableRows: Readonly<Record<string, number>>;
  /** By headcount field id of the definition; blank/unread values count as 0. */
  readonly headcounts: Readonly<Record<string, number>>;
  /** Sum of events.participants over the units. */
  readonly eventParticipants: number;
  readonly byStatus: Readonly<Record<ReportStatus, number>>;
}

/** One line of 统计: a unit_category or district value (null = not read), in the definition's option order, unread last. */
export interface GroupTotals extends Totals {
  readonly group: string | null;
}

export interface MergeStatistics {
  readonly byCategory: readonly GroupTotals[];
  readonly byDistrict: readonly GroupTotals[];
}

/** The counts the CLI prints at the end and `--json` prints on stdout. */
export interface MergeSummary {
  readonly reportType: ReportType | null;
  /** Whether the report type was given (--type) or taken from the majority. */
  readonly reportTypeFrom: "given" | "majority";
  /** Every input file met (reports, unreadable, lock files, masters). */
  readonly filesRead: number;
  readonly unitsMerged: number;
  readonly unitsWithErrors: number;
  readonly unreadable: number;
  readonly superseded: number;
  readonly skipped: number;
  /** Lock files, temporary masters and masters met among the inputs. */
  readonly ignored: number;
  /** Roster units that sent nothing; null without a roster. */
  readonly missingFromRoster: number | null;
  /** Merged units not on the roster; null without a roster. */
  readonly notOnRoster: number | null;
  /** Merged files with an identity conflict (an error line of kind identity_conflict in 问题清单). */
  readonly identityConflicts: number;
  /** Masters taken in with --include-master, and the units of this merge that came from them. */
  readonly includedMasters?: number;
  readonly unitsFromMasters?: number;
  /** With --previous: the master compared with, and how many units changed, went and came. */
  readonly previous?: { readonly file: string } & PreviousComparison["counts"];
}

export interface MergeResult {
  readonly summary: MergeSummary;
  /** 汇总表, sorted by folded unit name, then credit code, then file path. */
  readonly units: readonly UnitRow[];
  /** 汇总表's totals row: every unit row, whatever its status. */
  readonly totals: Totals;
  /** 活动明细, 宣传报道, 佐证材料: in unit order, then worksheet row order. */
  readonly details: Readonly<Record<DetailTableId, readonly DetailRow[]>>;
  /** 问题清单: by file path, then file-level lines first, then findings in workbook order. */
  readonly problems: readonly ProblemRow[];
  readonly unreadable: readonly UnreadableFile[];
  readonly superseded: readonly SupersededFile[];
  /**
   * Submissions of another report type than summary.reportType. A report whose type could not be read is
   * merged (its status shows the error) rather than dropped: the bureau still sees the unit reported.
   */
  readonly skipped: readonly SetAsideFile[];
  /** null when no roster was given. */
  readonly roster: RosterReport | null;
  readonly statistics: MergeStatistics;
  /** 与上年核对 against last time's master (--previous); absent or null without one. */
  readonly previous?: PreviousComparison | null;
}

/** A unit row as a master shows it (read back by src/intake/master): key and roster standing are each merge's own. */
export type MasterUnit = Omit<UnitRow, "key" | "roster">;

/** A detail row as a master shows it. */
export type MasterDetail = Omit<DetailRow, "key">;

/** 汇总信息 as read back: what made the master. */
export interface MasterStamp {
  readonly productVersion: string;
  readonly templateVersion: string;
  /** The master's own layout (core/master/info.ts MASTER_FORMAT). */
  readonly format: number;
  readonly reportType: ReportType | null;
  readonly units: number;
  /** When it was made (its date: the newest file it merged), ISO 8601; null when not stated. */
  readonly generated: string | null;
}

/** Everything a master workbook holds about its units, read back exactly as the master writer wrote it. */
export interface MasterContent {
  readonly stamp: MasterStamp;
  readonly units: readonly MasterUnit[];
  readonly details: Readonly<Record<DetailTableId, readonly MasterDetail[]>>;
  readonly problems: readonly ProblemRow[];
}

/** A master taken in with --include-master: its file, and what it holds. */
export interface IncludedMaster {
  readonly source: SourceFile;
  readonly content: MasterContent;
}

/** One unit of last time's master (--previous), as its 汇总表 row shows it: single fields by id. */
export interface PreviousUnit {
  readonly values: Readonly<Record<string, FieldValue>>;
  /** Its 汇总表 row (1-based), for messages. */
  readonly row: number;
}

/** Last time's master (--previous): its name, what it says it is, its units. */
export interface PreviousMaster {
  /** The file as the user named it. */
  readonly file: string;
  readonly reportType: ReportType | null;
  readonly units: readonly PreviousUnit[];
}

/** A headcount or session count whose change from last time is beyond the factor (与上年核对). */
export interface ChangedFigure {
  readonly field: string;
  readonly previous: number;
  readonly current: number;
}

/** One line of 与上年核对. */
export interface ComparisonLine {
  /** both: reported both times; new: only this time; gone: last time, not this time. */
  readonly situation: "both" | "new" | "gone";
  readonly unit: string;
  readonly creditCode: string | null;
  /** Headcount fields by id; null for a unit absent that time. */
  readonly previous: Readonly<Record<string, number | null>> | null;
  readonly current: Readonly<Record<string, number | null>> | null;
  readonly changed: readonly ChangedFigure[];
  /** SourceFile.path of this time's file (null for a unit gone). */
  readonly file: string | null;
}

/** 与上年核对: every unit of either time, matched by the identity rule of spec §5. */
export interface PreviousComparison {
  readonly file: string;
  readonly reportType: ReportType | null;
  readonly lines: readonly ComparisonLine[];
  /** Units whose figures changed beyond the factor; units gone; units new. */
  readonly counts: { readonly changed: number; readonly gone: number; readonly new: number };
}
