/**
 * Data validation of every input, from the definition's type: dropdowns for enums, whole numbers
 * for headcounts and the year, date ranges, text lengths. Prompts are the definition's hints;
 * errors say in Chinese what is expected. Blank is always allowed here: a blank required input is
 * shown by conditional formatting and the 自检 sheet, not by blocking the user.
 */
import type ExcelJS from "exceljs";
import { integerBounds, type ValueSpec } from "../../core/definition";
import { optionListRange } from "./meta";

/** Excel refuses an inline list longer than this (the quotes excluded). */
export const INLINE_LIST_LIMIT = 255;
/** Excel's limits for validation titles and messages. */
const TITLE_LIMIT = 32;
const MESSAGE_LIMIT = 255;

export interface ValidationContext {
  /** The report year: table dates must fall in it. */
  year: number;
  /** Dates of single fields (填报日期) may fall in the next year too (a 年度总结 sent in January). */
  dateSpan: "year" | "yearAndNext";
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + "…";
}

/** The list source: an inline list when Excel allows it, else a range on the hidden sheet. */
export function listSource(key: string, options: readonly string[]): string {
  const inline = options.join(",");
  const safe = options.every((o) => !/[,"]/.test(o));
  return safe && inline.length <= INLINE_LIST_LIMIT ? `"${inline}"` : optionListRange(key);
}

function utcDate(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function base(
  spec: ValueSpec,
): Pick<
  ExcelJS.DataValidation,
  "allowBlank" | "showInputMessage" | "showErrorMessage" | "promptTitle" | "prompt" | "errorTitle" | "errorStyle"
> {
  return {
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    promptTitle: clip(spec.label, TITLE_LIMIT),
    prompt: clip(spec.hint, MESSAGE_LIMIT),
    errorTitle: clip(`${spec.label}填写有误`, TITLE_LIMIT),
    errorStyle: "stop",
  };
}

/** The validation of one input (`key` names its option list: field id or "table.column"). */
export function validationFor(spec: ValueSpec, key: string, ctx: ValidationContext): ExcelJS.DataValidation | null {
  const b = base(spec);
  const error = (s: string) => clip(s, MESSAGE_LIMIT);
  switch (spec.type) {
    case "enum": {
      const options = spec.options ?? [];
      return {
        ...b,
        type: "list",
        formulae: [listSource(key, options)],
        error: error(`请从下拉列表中选择：${options.join("、")}。`),
      };
    }
    case "headcount":
      return {
        ...b,
        type: "whole",
        operator: "greaterThanOrEqual",
        formulae: [0],
        error: error("请填写不小于0的整数（不带“人次”“次”等文字）。"),
      };
    case "integer": {
      const { min, max } = integerBounds(spec);
      return {
        ...b,
        type: "whole",
        operator: "between",
        formulae: [min, max],
        error: error(`请填写${min}至${max}之间的整数。`),
      };
    }
    case "date": {
      const last = ctx.dateSpan === "year" ? ctx.year : ctx.year + 1;
      const span = ctx.dateSpan === "year" ? `${ctx.year}年内` : `${ctx.year}年1月1日至${last}年12月31日之间`;
      return {
        ...b,
        type: "date",
        operator: "between",
        formulae: [utcDate(ctx.year, 1, 1), utcDate(last, 12, 31)],
        error: error(`请填写${span}的日期，格式如 ${ctx.year}-06-15。`),
      };
    }
    case "credit_code":
      return {
        ...b,
        type: "textLength",
        operator: "equal",
        formulae: [18],
        error: error("统一社会信用代码为18位（数字和大写字母）。"),
      };
    case "phone":
      return {
        ...b,
        type: "textLength",
        operator: "between",
        formulae: [7, 30],
        error: error("请填写手机号（11位）或固定电话（如 022-27182133）。"),
      };
    case "text":
    case "longtext":
    case "email":
    case "url":
      if (spec.maxLength === undefined) return null;
      return {
        ...b,
        type: "textLength",
        operator: "lessThanOrEqual",
        formulae: [spec.maxLength],
        error: error(`不超过${spec.maxLength}个字符。`),
      };
  }
}

/** Number format of an input: text for codes and phones (an 18-character code must stay exact). */
export function numFmtFor(spec: ValueSpec): string | undefined {
  switch (spec.type) {
    case "credit_code":
    case "phone":
      return "@";
    case "date":
      return "yyyy-mm-dd";
    case "headcount":
    case "integer":
      return "0";
    default:
      return undefined;
  }
}
