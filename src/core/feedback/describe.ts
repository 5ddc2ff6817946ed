/**
 * One unit's feedback workbook as data for the master's one writer (src/xlsx/master): a single
 * sheet, 退回意见 or 回执, that prints on landscape A4 pages. At the top, the unit, its file (name,
 * SHA-256, time received), the verdict, what to do by when, the unit's other files the merge set
 * aside, and the bureau's contact; below, one row per line of 问题清单 for the file: where, the
 * value read, what is expected, the rule's name and the location to write in 核实说明 when a
 * 说明 may clear it. Long texts wrap across merged cells in rows made tall enough to show them.
 */
import { columnLetter } from "../a1";
import { TEMPLATE } from "../definition";
import { explainable } from "../describe";
import type { MasterCell, MasterDescription, MasterRow, MasterSheet, Tone } from "../master/model";
import { fieldLabel, ruleName } from "../master/labels";
import { SEVERITY_TONE, STATUS_TONE } from "../master/tones";
import { RULES, type RuleId } from "../rules/catalogue";
import { PROBLEM_KIND_LABELS, SEVERITY_LABELS } from "../words";
import type { FeedbackLine, UnitFeedback } from "./plan";
import { chineseDate, type FeedbackSettings } from "./settings";
import {
  FEEDBACK_HEADERS,
  FEEDBACK_KIND_WORDS,
  FEEDBACK_LABELS,
  FEEDBACK_TITLES,
  HOW_TO_CLEAR,
  clippedValue,
  receiptText,
  receivedText,
  requestText,
  supersededText,
  verdictText,
} from "./words";

interface Column {
  readonly header: string;
  readonly width: number;
  readonly value: (line: FeedbackLine) => MasterCell;
  readonly tone?: (line: FeedbackLine) => Tone | null;
}

/** A warning a 核实说明 may clear (an error never; nor explanation.unused, nor the merge's own lines). */
function mayExplain(line: FeedbackLine): boolean {
  const { rule, severity, kind } = line.problem;
  return kind === "finding" && severity === "warning" && rule in RULES && explainable(rule, RULES[rule as RuleId]);
}

function howToClear(line: FeedbackLine): string {
  const p = line.problem;
  if (p.severity === "error") return HOW_TO_CLEAR.error;
  if (!mayExplain(line)) return HOW_TO_CLEAR.notExplainable;
  if (p.explanation !== null) return HOW_TO_CLEAR.explained;
  return p.sheet && p.cell ? `${p.sheet}!${p.cell}` : fieldLabel(p.field, p.table);
}

const COLUMNS: readonly Column[] = [
  {
    header: FEEDBACK_HEADERS.severity,
    width: 9,
    value: (l) => SEVERITY_LABELS[l.problem.severity],
    tone: (l) => SEVERITY_TONE[l.problem.severity],
  },
  { header: FEEDBACK_HEADERS.sheet, width: 10, value: (l) => l.problem.sheet },
  { header: FEEDBACK_HEADERS.cell, width: 7, value: (l) => l.problem.cell },
  { header: FEEDBACK_HEADERS.field, width: 16, value: (l) => fieldLabel(l.problem.field, l.problem.table) || null },
  {
    header: FEEDBACK_HEADERS.value,
    width: 18,
    value: (l) => (typeof l.value === "string" ? clippedValue(l.value) : l.value),
  },
  { header: FEEDBACK_HEADERS.message, width: 44, value: (l) => l.problem.message },
  {
    header: FEEDBACK_HEADERS.rule,
    width: 18,
    value: (l) => ruleName(l.problem.rule) || PROBLEM_KIND_LABELS[l.problem.kind],
  },
  { header: FEEDBACK_HEADERS.location, width: 18, value: howToClear },
  { header: FEEDBACK_HEADERS.explanation, width: 24, value: (l) => l.problem.explanation },
];

const LAST_COLUMN = columnLetter(COLUMNS.length);
/** Points per line of wrapped text (11 pt type and its leading), and the padding below the last line. */
const LINE_POINTS = 15;
const PADDING_POINTS = 3;

/**
 * Roughly how wide `text` is in Excel's column-width units: CJK characters and full-width or
 * typographic punctuation count two, the rest one. Erring wide only makes a row a line taller.
 */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2000 ? 2 : 1;
  return w;
}

function linesIn(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  return text.split("\n").reduce((n, paragraph) => n + Math.max(1, Math.ceil(textWidth(paragraph) / room)), 0);
}

/** The height that shows every wrapped cell of a row whole; undefined when one line is enough. */
function heightOf(cells: readonly MasterCell[], widths: readonly number[]): number | undefined {
  let lines = 1;
  cells.forEach((c, i) => {
    if (typeof c === "string") lines = Math.max(lines, linesIn(c, widths[i] ?? 10));
  });
  return lines > 1 ? lines * LINE_POINTS + PADDING_POINTS : undefined;
}

/** The sheet's rows and merged ranges, built top down. */
class SheetRows {
  readonly rows: MasterRow[] = [];
  readonly merged: string[] = [];
  private readonly spanWidth = COLUMNS.slice(1).reduce((n, c) => n + c.width, 0);

  title(text: string): void {
    this.rows.push({ style: "title", cells: [text], height: 24 });
    this.merged.push(`A${this.rows.length}:${LAST_COLUMN}${this.rows.length}`);
  }

  blank(): void {
    this.rows.push({ style: "data", cells: [] });
  }

  /** A label in column A and its text across the other columns. */
  labelled(label: string, text: string, tone: Tone | null = null): void {
    const height = heightOf([text], [this.spanWidth]);
    this.rows.push({
      style: "data",
      cells: [label, text],
      tones: [null, tone],
      wrap: true,
      ...(height !== undefined ? { height } : {}),
    });
    this.merged.push(`B${this.rows.length}:${LAST_COLUMN}${this.rows.length}`);
  }

  /** The findings table: its header row's number, for printing it atop every page. */
  table(lines: readonly FeedbackLine[]): number {
    this.rows.push({ style: "header", cells: COLUMNS.map((c) => c.header) });
    const header = this.rows.length;
    const widths = COLUMNS.map((c) => c.width);
    for (const line of lines) {
      const cells = COLUMNS.map((c) => c.value(line));
      const height = heightOf(cells, widths);
      this.rows.push({
        style: "data",
        cells,
        tones: COLUMNS.map((c) => c.tone?.(line) ?? null),
        wrap: true,
        ...(height !== undefined ? { height } : {}),
      });
    }
    return header;
  }
}

function contactLines(sheet: SheetRows, settings: FeedbackSettings): void {
  const items: [string, string | null][] = [
    [FEEDBACK_LABELS.office, settings.office],
    [FEEDBACK_LABELS.contact, settings.contact],
    [FEEDBACK_LABELS.phone, settings.phone],
    [FEEDBACK_LABELS.email, settings.email],
    [FEEDBACK_LABELS.note, settings.note],
  ];
  for (const [label, value] of items) if (value !== null) sheet.labelled(label, value);
}

/** The one sheet of a unit's feedback workbook. */
export function feedbackSheet(feedback: UnitFeedback, settings: FeedbackSettings): MasterSheet {
  const { unit, kind } = feedback;
  const sheet = new SheetRows();
  sheet.title(FEEDBACK_TITLES[kind]);
  sheet.blank();
  const name = typeof unit.values.unit_name === "string" ? unit.values.unit_name : (unit.unread.unit_name ?? "");
  sheet.labelled(FEEDBACK_LABELS.unit, name || "（未填写）");
  if (typeof unit.values.credit_code === "string") sheet.labelled(FEEDBACK_LABELS.creditCode, unit.values.credit_code);
  sheet.labelled(FEEDBACK_LABELS.file, unit.source.name);
  sheet.labelled(FEEDBACK_LABELS.sha256, unit.source.sha256);
  sheet.labelled(FEEDBACK_LABELS.received, receivedText(unit.source.modified));
  sheet.labelled(
    FEEDBACK_LABELS.verdict,
    verdictText(unit.status, unit.errors, unit.warnings, unit.unexplainedWarnings),
    STATUS_TONE[unit.status],
  );
  if (unit.status === "ok") sheet.labelled(FEEDBACK_LABELS.receipt, receiptText(unit.warnings));
  else {
    sheet.labelled(FEEDBACK_LABELS.request, requestText(unit.status, settings.deadline));
    if (settings.deadline !== null) sheet.labelled(FEEDBACK_LABELS.deadline, chineseDate(settings.deadline));
  }
  for (const s of feedback.superseded)
    sheet.labelled(FEEDBACK_LABELS.otherFiles, supersededText(s.source.name, s.fillDate));
  contactLines(sheet, settings);
  let header: number | null = null;
  if (feedback.lines.length > 0) {
    sheet.blank();
    header = sheet.table(feedback.lines);
  }
  const rows = sheet.rows;
  return {
    name: FEEDBACK_KIND_WORDS[kind],
    widths: COLUMNS.map((c) => c.width),
    frozen: { rows: 0, columns: 0 },
    autoFilter: header === null ? null : `A${header}:${LAST_COLUMN}${header + feedback.lines.length}`,
    print: { landscape: true, fitToWidth: true, ...(header === null ? {} : { titleRows: `${header}:${header}` }) },
    chart: null,
    merged: sheet.merged,
    rows: () => rows,
  };
}

/** A unit's feedback workbook; `date` is the master's (the same inputs give the same bytes). */
export function describeFeedback(feedback: UnitFeedback, settings: FeedbackSettings, date: Date): MasterDescription {
  return {
    title: `${TEMPLATE.title}${FEEDBACK_KIND_WORDS[feedback.kind]}`,
    date,
    sheets: [feedbackSheet(feedback, settings)],
  };
}
