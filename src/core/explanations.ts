/**
 * 核实说明 (spec §4): a unit explains a warning instead of changing data that is right. A 说明 row
 * names a rule (its id or Chinese name) and a location (a cell `工作表!A1`, `$` and case ignored, or
 * a field by id or label); it explains the warnings of that rule at that location. Errors cannot
 * be explained away. A row that explains nothing is itself a warning (explanation.unused) naming its
 * row and why, so a unit never believes a 说明 was taken that was not.
 */
import { parseA1 } from "./a1";
import { FIELDS, TABLES } from "./definition";
import type { Finding } from "./model";
import { RULES, fixedSeverity, type RuleId } from "./rules/catalogue";
import type { Submission } from "./submission";
import { clip, MAX_FINDING_TEXT_CHARS } from "./bounded-text";
import { canonicalText, foldWidth, labelKey } from "./text";

export interface Explanation {
  /** Rule id the 说明 names, or null when it names no known rule. */
  readonly rule: RuleId | null;
  /** The rule as written (for saying which row was not applied and why). */
  readonly written?: string;
  readonly location: string;
  readonly text: string;
  /** Worksheet row of the 说明 on 核实说明. */
  readonly row: number;
}

const RULE_IDS = Object.keys(RULES) as RuleId[];
const RULE_BY_NAME = new Map(RULE_IDS.map((id) => [labelKey(RULES[id].name), id]));
const RULE_BY_ID = new Map(RULE_IDS.map((id) => [id.toLowerCase(), id]));

/** The rule id a 说明 names: the id, the Chinese name, or text containing either (`deadline.late 逾期`). */
export function ruleNamed(text: string): RuleId | null {
  const s = canonicalText(text);
  const exact = RULE_BY_ID.get(s.toLowerCase()) ?? RULE_BY_NAME.get(labelKey(s));
  if (exact) return exact;
  for (const token of s.toLowerCase().match(/[a-z_]+(?:\.[a-z_]+)*/g) ?? []) {
    const id = RULE_BY_ID.get(token);
    if (id) return id;
  }
  const key = labelKey(s);
  for (const [name, id] of RULE_BY_NAME) if (key.includes(name)) return id;
  return null;
}

export function explanationsOf(submission: Submission): Explanation[] {
  const out: Explanation[] = [];
  for (const r of submission.tables.explanations ?? []) {
    const { rule, location, text } = r.values;
    if (typeof rule !== "string" || typeof location !== "string" || typeof text !== "string" || !text) continue;
    out.push({ rule: ruleNamed(rule), written: rule.trim(), location: location.trim(), text, row: r.row });
  }
  return out;
}

/** Labels a finding's field goes by: a single field's label, a column's label (with its table), a table's label and sheet. */
function namesOfField(finding: Finding): string[] {
  const names: string[] = [finding.field];
  if (finding.table) {
    const table = TABLES.find((t) => t.id === finding.table);
    const column = table?.columns.find((c) => c.id === finding.field);
    if (table) names.push(`${table.id}.${finding.field}`);
    if (column) names.push(column.label);
    if (table && finding.field === table.id) names.push(table.label, table.sheet);
  } else {
    const field = FIELDS.find((f) => f.id === finding.field);
    if (field) names.push(field.label);
  }
  return names;
}

/** A written location, parsed once: a cell (with or without its sheet), or a field name key. */
type Target =
  | { readonly kind: "cell"; readonly sheet: string | null; readonly row: number; readonly column: number }
  | { readonly kind: "field"; readonly key: string };

/** `C21`, or `C21` followed by a note a person adds: `C21 （培训次数）`, `C21，即培训次数`. */
const CELL_THEN_NOTE = /^(\$?[A-Za-z]{1,3}\$?\d+)(?:[\s(,;:、][\s\S]*)?$/;

function parseLocation(location: string): Target {
  const s = foldWidth(location).trim();
  const bang = s.lastIndexOf("!");
  const afterBang = bang > 0 ? s.slice(bang + 1).trim() : s;
  const ref = parseA1(afterBang) ?? parseA1(CELL_THEN_NOTE.exec(afterBang)?.[1] ?? "");
  if (bang > 0) {
    const sheet = s.slice(0, bang).replace(/^'(.*)'$/, "$1");
    return ref ? { kind: "cell", sheet, row: ref.row, column: ref.column } : { kind: "cell", sheet, row: 0, column: 0 };
  }
  if (ref) return { kind: "cell", sheet: null, row: ref.row, column: ref.column };
  return { kind: "field", key: labelKey(s).toLowerCase() };
}

/** Name keys of a finding's field, computed once per table and field: a report may hold thousands of findings. */
const nameKeyCache = new Map<string, readonly string[]>();

function nameKeysOf(finding: Finding): readonly string[] {
  const id = `${finding.table ?? ""}|${finding.field}`;
  let keys = nameKeyCache.get(id);
  if (!keys) {
    keys = namesOfField(finding).map((n) => labelKey(n).toLowerCase());
    nameKeyCache.set(id, keys);
  }
  return keys;
}

/** One 说明 as matching needs it: its text and its place on 核实说明 (attached in that order). */
interface Note {
  readonly text: string;
  readonly order: number;
}

/** A rule's 说明 by the location they name, so matching costs per finding, not findings × 说明. */
interface RuleNotes {
  /** `sheet|row,column`, the sheet folded by sheetKey (width, spaces, case), `*` when the 说明 names none. */
  readonly cells: Map<string, Note[]>;
  /** A field's name key. */
  readonly fields: Map<string, Note[]>;
}

const sheetKey = (sheet: string) => canonicalText(sheet).toLowerCase();

/** Files `note` under `key`, unless its text is there already or the list already holds more than a finding can carry. */
function fileNote(map: Map<string, Note[]>, key: string, note: Note): void {
  const list = map.get(key) ?? [];
  map.set(key, list);
  if (list.some((n) => n.text === note.text)) return;
  if (list.reduce((n, x) => n + x.text.length, 0) < MAX_FINDING_TEXT_CHARS) list.push(note);
}

/** Where a rule's 说明 is filed: by cell (`sheet|row,column`, `*` for any sheet) or by field name key. */
function noteKey(target: Target): { map: "cells" | "fields"; key: string } {
  if (target.kind === "field") return { map: "fields", key: target.key };
  return {
    map: "cells",
    key: `${target.sheet === null ? "*" : sheetKey(target.sheet)}|${target.row},${target.column}`,
  };
}

/** The keys under which a finding looks for 说明 of its rule. */
function keysOf(f: Finding): { map: "cells" | "fields"; key: string }[] {
  const keys: { map: "cells" | "fields"; key: string }[] = [];
  const own = parseA1(f.cell);
  if (own)
    for (const sheet of [sheetKey(f.sheet), "*"]) keys.push({ map: "cells", key: `${sheet}|${own.row},${own.column}` });
  for (const key of new Set(nameKeysOf(f))) keys.push({ map: "fields", key });
  return keys;
}

/**
 * The findings with every applicable 说明 attached to its warnings (joined, and cut to
 * MAX_FINDING_TEXT_CHARS), followed by one explanation.unused warning for each 说明 row that explains
 * no warning: it names no known rule, names an error (which must be fixed, not explained), or finds
 * no warning of its rule at its location.
 */
export function applyExplanations(findings: readonly Finding[], explanations: readonly Explanation[]): Finding[] {
  const byRule = new Map<string, RuleNotes>();
  explanations.forEach((e, order) => {
    if (e.rule === null) return;
    const notes = byRule.get(e.rule) ?? { cells: new Map(), fields: new Map() };
    byRule.set(e.rule, notes);
    const { map, key } = noteKey(parseLocation(e.location));
    fileNote(notes[map], key, { text: e.text, order });
  });
  if (explanations.length === 0) return [...findings];
  /** `rule|map|key` of every location a warning (or an error) of that rule looked up and found 说明 at. */
  const used = new Set<string>();
  const triedByError = new Set<string>();
  const out = findings.map((f) => {
    const notes = byRule.get(f.rule);
    if (!notes) return f;
    const matched: Note[] = [];
    for (const { map, key } of keysOf(f)) {
      const found = notes[map].get(key);
      if (!found) continue;
      (f.severity === "warning" ? used : triedByError).add(`${f.rule}|${map}|${key}`);
      if (f.severity === "warning") matched.push(...found);
    }
    if (matched.length === 0) return f;
    const texts = new Set(matched.sort((a, b) => a.order - b.order).map((n) => n.text));
    return { ...f, explanation: clip([...texts].join("；"), MAX_FINDING_TEXT_CHARS) };
  });
  for (const e of explanations) {
    const why = whyUnused(e, used, triedByError);
    if (why) out.push(unusedFinding(e, why));
  }
  return out;
}

/** Why a 说明 row explains nothing, in Chinese; null when it explains a warning. */
function whyUnused(e: Explanation, used: ReadonlySet<string>, triedByError: ReadonlySet<string>): string | null {
  if (e.rule === null) return `“${clip(e.written ?? "", 40)}”不是规则名称，请照抄自检表或 check 结果中提示旁的规则名称`;
  const { map, key } = noteKey(parseLocation(e.location));
  const id = `${e.rule}|${map}|${key}`;
  if (used.has(id)) return null;
  const name = RULES[e.rule].name;
  const isError = triedByError.has(id) || (RULES[e.rule].severity !== "depends" && fixedSeverity(e.rule) === "error");
  if (isError) return `“${name}”是错误，须修改后报送，不能用核实说明代替`;
  return `在“${clip(e.location, 40)}”没有“${name}”的提示，请核对规则名称和位置（如 基本情况!C15）`;
}

function unusedFinding(e: Explanation, why: string): Finding {
  const table = TABLES.find((t) => t.id === "explanations")!;
  const column = table.columns.find((c) => c.id === "rule")!;
  return {
    rule: "explanation.unused",
    severity: fixedSeverity("explanation.unused"),
    field: "rule",
    table: table.id,
    row: e.row,
    sheet: table.sheet,
    cell: `${column.column}${e.row}`,
    message: `“${table.sheet}”第${e.row}行的说明未被采用：${why}。`,
  };
}
