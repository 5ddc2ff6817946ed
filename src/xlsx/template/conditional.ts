/**
 * Conditional formatting: blank required inputs and impossible values light up. Only
 * formula ("expression") rules with plain functions (LEN, ISNUMBER, COUNTIF, SUMIF…), which Excel,
 * WPS and LibreOffice all render the same way.
 */
import type ExcelJS from "exceljs";
import { CONTENT_COUNTS_FOR, integerBounds, type ValueSpec } from "../../core/definition";
import { BORDER, FILL } from "./styles";
import { columnRange, fieldRef } from "./refs";
import { optionListRange } from "./meta";

const missingStyle: Partial<ExcelJS.Style> = { fill: FILL.missing };
const invalidStyle: Partial<ExcelJS.Style> = { fill: FILL.invalid, font: { color: { argb: "FF9C0006" }, bold: true } };

function rule(formula: string, style: Partial<ExcelJS.Style>): ExcelJS.ConditionalFormattingRule {
  return { type: "expression", formulae: [formula], style } as ExcelJS.ConditionalFormattingRule;
}

/** Sum of event participants whose content counts for `which` (SUMIF per content, header row ignored). */
export function eventParticipantsFor(which: keyof typeof CONTENT_COUNTS_FOR): string {
  const content = columnRange("events", "content");
  const participants = columnRange("events", "participants");
  return CONTENT_COUNTS_FOR[which].map((c) => `SUMIF(${content},"${c}",${participants})`).join("+");
}

/**
 * A formula that is TRUE when the value in `cell` (relative A1, e.g. "C19" or "F4") cannot be right
 * for its type; null when the type has no such test.
 */
export function impossibleValueFormula(spec: ValueSpec, key: string, cell: string): string | null {
  switch (spec.type) {
    case "headcount":
      return `IF(ISNUMBER(${cell}),OR(${cell}<0,${cell}<>INT(${cell})),LEN(${cell})>0)`;
    case "integer": {
      const { min, max } = integerBounds(spec);
      return `IF(ISNUMBER(${cell}),OR(${cell}<${min},${cell}>${max},${cell}<>INT(${cell})),LEN(${cell})>0)`;
    }
    case "enum":
      return `AND(LEN(${cell})>0,COUNTIF(${optionListRange(key)},${cell})=0)`;
    case "credit_code":
      return `AND(LEN(${cell})>0,LEN(${cell})<>18)`;
    case "text":
    case "longtext":
    case "email":
    case "url":
      return spec.maxLength === undefined ? null : `LEN(${cell})>${spec.maxLength}`;
    default:
      return null;
  }
}

/** Rules of one single-field input cell. */
export function singleFieldRules(spec: ValueSpec, cell: string): ExcelJS.ConditionalFormattingRule[] {
  const rules: ExcelJS.ConditionalFormattingRule[] = [];
  const impossible = impossibleValueFormula(spec, spec.id, cell);
  if (impossible) rules.push(rule(impossible, invalidStyle));
  const cross = crossFieldFormula(spec.id, cell);
  if (cross) rules.push(rule(cross, invalidStyle));
  if (spec.required) rules.push(rule(`LEN(${cell})=0`, missingStyle));
  return rules;
}

/** Values that are impossible given other fields (spec §4 errors that concern one cell). */
function crossFieldFormula(fieldId: string, cell: string): string | null {
  const num = (ref: string) => `ISNUMBER(${ref})`;
  switch (fieldId) {
    case "public_sessions": {
      const t = fieldRef("training_sessions");
      return `AND(${num(cell)},${num(t)},${cell}>${t})`;
    }
    case "regulation_participants":
      return `AND(${num(cell)},${cell}<${eventParticipantsFor("regulation")})`;
    case "outline_participants":
      return `AND(${num(cell)},${cell}<${eventParticipantsFor("outline")})`;
    default:
      return null;
  }
}

/**
 * Rules of one table column over its prepared rows. `topLeft` is the column's first data cell,
 * `rowSpan` the row's cells ("$A4:$J4") so a required cell lights up only in a row someone started.
 */
export function tableColumnRules(
  spec: ValueSpec,
  key: string,
  topLeft: string,
  rowSpan: string,
): ExcelJS.ConditionalFormattingRule[] {
  const rules: ExcelJS.ConditionalFormattingRule[] = [];
  const impossible = impossibleValueFormula(spec, key, topLeft);
  if (impossible) rules.push(rule(impossible, invalidStyle));
  if (spec.type === "date") {
    const y = fieldRef("year");
    rules.push(rule(`AND(ISNUMBER(${topLeft}),ISNUMBER(${y}),YEAR(${topLeft})<>${y})`, invalidStyle));
  }
  if (spec.required) rules.push(rule(`AND(LEN(${topLeft})=0,COUNTA(${rowSpan})>0)`, missingStyle));
  return rules;
}

/** Grid lines on a table row once any of its cells holds something (`rowSpan`: "$A4:$J4"). */
export function filledRowRule(rowSpan: string): ExcelJS.ConditionalFormattingRule {
  return rule(`COUNTA(${rowSpan})>0`, { border: BORDER });
}

/** ✓ green, ✗ red, ？ (请用校验核对) amber, on the 自检 result cells. */
export function resultRules(topLeft: string): ExcelJS.ConditionalFormattingRule[] {
  return [
    rule(`LEFT(${topLeft},1)="✗"`, { fill: FILL.fail, font: { color: { argb: "FF9C0006" }, bold: true } }),
    rule(`LEFT(${topLeft},1)="？"`, { fill: FILL.missing, font: { color: { argb: "FF7F6000" }, bold: true } }),
    rule(`LEFT(${topLeft},1)="✓"`, { fill: FILL.pass, font: { color: { argb: "FF006100" }, bold: true } }),
  ];
}
