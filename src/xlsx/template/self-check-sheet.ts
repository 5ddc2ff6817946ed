/** The 自检 sheet: one formula line per check, an overall line on top; needs no add-in. */
import type ExcelJS from "exceljs";
import { F, str } from "./formula-text";
import { REPORT_TYPES } from "../../core/definition";
import { RULES } from "../../core/rules/catalogue";
import { SELF_CHECK, lineSpecs, type LineSeverity } from "./self-check-lines";
import { BORDER, FILL, FONT } from "./styles";
import { resultRules } from "./conditional";
import { protectSheet } from "./protection";
import { setupPrint } from "./print";

const C = SELF_CHECK.columns;
const WIDTHS: Record<string, number> = { [C.id]: 26, [C.name]: 36, [C.result]: 8, [C.message]: 64, [C.severity]: 8 };
const SEVERITY_TEXT = { error: "错误", warning: "提示" } as const;

function severityCell(severity: LineSeverity): ExcelJS.CellValue {
  if (severity !== "errorInAnnualOnly") return SEVERITY_TEXT[severity];
  // public.min_one: an error in a 年度总结, a warning in a 阶段性总结 (spec §4).
  return {
    formula: `IF(TRIM(${F("report_type")})=${str(REPORT_TYPES[0])},${str(SEVERITY_TEXT.warning)},${str(SEVERITY_TEXT.error)})`,
  } as ExcelJS.CellFormulaValue;
}

/** What no line checks, from the catalogue, so the sheet never claims more than its formulas judge. */
function uncheckedNote(): string {
  const without = Object.values(RULES).flatMap((r) =>
    r.selfCheck === "line" ? [] : [`“${r.name}”（${r.selfCheck.without}）`],
  );
  return `自检不检查：${without.join("；")}。这些以加载项或命令行 check 的结果为准。`;
}

/** A formula cell; `array` writes it as an array formula (CSE) over its own cell. */
function formulaAt(ws: ExcelJS.Worksheet, address: string, formula: string, array: boolean | undefined): void {
  ws.getCell(address).value = (
    array ? { formula, shareType: "array", ref: address } : { formula }
  ) as ExcelJS.CellFormulaValue;
}

export function addSelfCheckSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SELF_CHECK.sheet, {
    views: [{ state: "frozen", xSplit: 0, ySplit: SELF_CHECK.headerRow, topLeftCell: `A${SELF_CHECK.firstRow}` }],
  });
  for (const [col, width] of Object.entries(WIDTHS)) ws.getColumn(col).width = width;
  const specs = lineSpecs();
  const lastRow = SELF_CHECK.firstRow + specs.length - 1;

  ws.mergeCells(`A1:${C.severity}1`);
  Object.assign(ws.getCell("A1"), {
    value: "自检（公式自动检查，无需填写）",
    font: FONT.title,
    alignment: { horizontal: "center", vertical: "middle" },
  });
  ws.getRow(1).height = 28;
  ws.mergeCells(`A2:${C.severity}2`);
  Object.assign(ws.getCell("A2"), {
    value:
      "✓ 通过；✗ 未通过，按“说明”修改；— 相关项目尚未填写。“错误”须修改后再报送；“提示”请核实，情况属实的在“核实说明”表中说明，" +
      `“规则”一栏填写本表A列的规则名称。${uncheckedNote()}`,
    font: FONT.note,
    alignment: { wrapText: true, vertical: "middle" },
  });
  ws.getRow(2).height = 78;

  const results = `$${C.result}$${SELF_CHECK.firstRow}:$${C.result}$${lastRow}`;
  const severities = `$${C.severity}$${SELF_CHECK.firstRow}:$${C.severity}$${lastRow}`;
  const failed = `COUNTIF(${results},${str(SELF_CHECK.fail)})`;
  const failedOf = (sev: string) => `SUMPRODUCT((${results}=${str(SELF_CHECK.fail)})*(${severities}=${str(sev)}))`;
  const overall = ws.getRow(SELF_CHECK.overallRow);
  Object.assign(overall.getCell(C.id), { value: "总体结果", font: FONT.section, border: BORDER });
  // The overall text is wider than the ✓/✗ column: it spans the message column too.
  ws.mergeCells(`${C.result}${SELF_CHECK.overallRow}:${C.message}${SELF_CHECK.overallRow}`);
  // Mirrors the workbook status of spec §4: only errors make the whole check fail; warnings may be
  // right (explained in 核实说明), so they are counted but do not turn the overall line into ✗.
  // Every failed line that is not a 提示 counts as an error, so an unexpected severity cannot pass.
  const failedWarnings = failedOf(SEVERITY_TEXT.warning);
  const failedErrors = `(${failed}-${failedWarnings})`;
  overall.getCell(C.result).value = {
    formula:
      `IF(${failed}=0,${str(`${SELF_CHECK.pass} 全部通过`)},` +
      `IF(${failedErrors}>0,${str(`${SELF_CHECK.fail} 有 `)}&${failedErrors}&${str(" 项错误须修改")},` +
      // Says only what the formulas found: some rules are checked by the add-in and `check` alone (row 2).
      `${str(`${SELF_CHECK.warn} 有 `)}&${failedWarnings}&${str(" 项提示请核实（公式未发现错误）")}))`,
  };
  Object.assign(overall.getCell(C.result), {
    font: FONT.section,
    border: BORDER,
    alignment: { horizontal: "left", vertical: "middle" },
  });
  overall.getCell(C.name).value = {
    formula: `IF(${failed}=0,${str("全部检查项")},${str("其中错误 ")}&${failedOf(SEVERITY_TEXT.error)}&${str(" 项，提示 ")}&${failedOf(SEVERITY_TEXT.warning)}&${str(" 项")})`,
  };
  Object.assign(overall.getCell(C.name), { font: FONT.body, border: BORDER, alignment: { vertical: "middle" } });
  overall.height = 24;

  const header = ws.getRow(SELF_CHECK.headerRow);
  (
    [
      [C.id, "规则"],
      [C.name, "检查项"],
      [C.result, "结果"],
      [C.message, "说明"],
      [C.severity, "性质"],
    ] as const
  ).forEach(([col, text]) => {
    Object.assign(header.getCell(col), {
      value: text,
      font: FONT.header,
      fill: FILL.header,
      border: BORDER,
      alignment: { horizontal: "center" },
    });
  });

  specs.forEach((spec, i) => {
    const r = SELF_CHECK.firstRow + i;
    const row = ws.getRow(r);
    const resultCell = `$${C.result}${r}`;
    row.getCell(C.id).value = RULES[spec.rule].name;
    row.getCell(C.name).value = spec.name;
    formulaAt(
      ws,
      `${C.result}${r}`,
      `IFERROR(IF(${spec.applicable},IF(${spec.pass},${str(SELF_CHECK.pass)},${str(SELF_CHECK.fail)}),${str(SELF_CHECK.notApplicable)}),${str(SELF_CHECK.fail)})`,
      spec.array,
    );
    formulaAt(
      ws,
      `${C.message}${r}`,
      `IF(${resultCell}=${str(SELF_CHECK.fail)},IFERROR(${spec.failMessage},${str("请检查相关单元格的内容。")}),IF(${resultCell}=${str(SELF_CHECK.notApplicable)},${str("相关项目尚未填写，填写后自动检查。")},""))`,
      spec.array,
    );
    row.getCell(C.severity).value = severityCell(spec.severity);
    for (const col of Object.values(C)) {
      const cell = row.getCell(col);
      cell.border = BORDER;
      cell.font = FONT.body;
      cell.alignment = {
        vertical: "top",
        wrapText: col === C.message || col === C.name,
        horizontal: col === C.result || col === C.severity ? "center" : undefined,
      };
    }
  });
  ws.addConditionalFormatting({
    ref: `${C.result}${SELF_CHECK.overallRow}`,
    rules: resultRules(`${C.result}${SELF_CHECK.overallRow}`),
  });
  ws.addConditionalFormatting({
    ref: `${C.result}${SELF_CHECK.firstRow}:${C.result}${lastRow}`,
    rules: resultRules(`${C.result}${SELF_CHECK.firstRow}`),
  });

  protectSheet(ws, "readOnly");
  setupPrint(ws, { titleRows: SELF_CHECK.headerRow, totalWidth: Object.values(WIDTHS).reduce((a, b) => a + b, 0) });
  return ws;
}
