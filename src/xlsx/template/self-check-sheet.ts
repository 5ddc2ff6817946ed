/**
 * The 自检 sheet: one formula line per check, an overall line on top; needs no add-in. Every formula
 * cell is an array formula (CSE) over its own cell: Excel, WPS, LibreOffice and Gnumeric then all
 * evaluate a function over a table column cell by cell (Gnumeric does so nowhere else). Hidden
 * columns right of the lines hold what a line measures over a table and the single fields read step
 * by step (self-check-reading.ts).
 */
import type ExcelJS from "exceljs";
import { F, str } from "./formula-text";
import { REPORT_TYPES } from "../../core/definition";
import { RULES } from "../../core/rules/catalogue";
import { SELF_CHECK, lineSpecs, type LineSeverity } from "./self-check-lines";
import { READ_BLOCK, readBlockCells } from "./self-check-reading";
import { BORDER, FILL, FONT } from "./styles";
import { resultRules } from "./conditional";
import { protectSheet } from "./protection";
import { setupPrint } from "./print";

const C = SELF_CHECK.columns;
const H = SELF_CHECK.helperColumns;
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

/** An array formula (CSE) over its own cell. */
function formulaAt(ws: ExcelJS.Worksheet, address: string, formula: string): void {
  ws.getCell(address).value = { formula, shareType: "array", ref: address } as ExcelJS.CellFormulaValue;
}

/** Every column the helper cells use, hidden: they are the formulas' working, not something to read. */
const HIDDEN_COLUMNS = [
  H.measure,
  H.unsure,
  READ_BLOCK.labelColumn,
  ...READ_BLOCK.stepColumns,
  READ_BLOCK.valueColumn,
  READ_BLOCK.stateColumn,
];

export function addSelfCheckSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SELF_CHECK.sheet, {
    views: [{ state: "frozen", xSplit: 0, ySplit: SELF_CHECK.headerRow, topLeftCell: `A${SELF_CHECK.firstRow}` }],
  });
  for (const [col, width] of Object.entries(WIDTHS)) ws.getColumn(col).width = width;
  for (const col of HIDDEN_COLUMNS) ws.getColumn(col).hidden = true;
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
      `${SELF_CHECK.pass} 通过；${SELF_CHECK.fail} 未通过，按“说明”修改；${SELF_CHECK.undecided} 公式无法判断这种写法，请用校验核对；` +
      `${SELF_CHECK.notApplicable} 相关项目尚未填写。“错误”须修改后再报送；“提示”请核实，情况属实的在“核实说明”表中说明，` +
      `“规则”一栏填写本表A列的规则名称。${uncheckedNote()}`,
    font: FONT.note,
    alignment: { wrapText: true, vertical: "middle" },
  });
  ws.getRow(2).height = 90;

  const results = `$${C.result}$${SELF_CHECK.firstRow}:$${C.result}$${lastRow}`;
  const severities = `$${C.severity}$${SELF_CHECK.firstRow}:$${C.severity}$${lastRow}`;
  // Compared with "=", not COUNTIF: COUNTIF reads ? and * as wildcards, and some programs fold ？ to ?.
  const count = (mark: string) => `SUM((${results}=${str(mark)})*1)`;
  const failedOf = (sev: string) => `SUM((${results}=${str(SELF_CHECK.fail)})*(${severities}=${str(sev)}))`;
  const overall = ws.getRow(SELF_CHECK.overallRow);
  Object.assign(overall.getCell(C.id), { value: "总体结果", font: FONT.section, border: BORDER });
  // The overall text is wider than the ✓/✗ column: it spans the message column too.
  ws.mergeCells(`${C.result}${SELF_CHECK.overallRow}:${C.message}${SELF_CHECK.overallRow}`);
  // Mirrors the workbook status of spec §4: only errors make the whole check fail; warnings may be
  // right (explained in 核实说明), so they are counted but do not turn the overall line into ✗; a line
  // no formula can judge keeps the whole from passing. Every failed line that is not a 提示 counts as
  // an error, so an unexpected severity cannot pass.
  const warnings = failedOf(SEVERITY_TEXT.warning);
  const errors = `(${count(SELF_CHECK.fail)}-${warnings})`;
  const undecided = count(SELF_CHECK.undecided);
  const andUndecided = `IF(${undecided}>0,${str("；另有 ")}&${undecided}&${str(" 项请用校验核对")},"")`;
  formulaAt(
    ws,
    `${C.result}${SELF_CHECK.overallRow}`,
    `IF(${errors}>0,${str(`${SELF_CHECK.fail} 有 `)}&${errors}&${str(" 项错误须修改")}&${andUndecided},` +
      `IF(${undecided}>0,${str(`${SELF_CHECK.undecided} 有 `)}&${undecided}&${str(" 项公式无法判断，请用校验核对")}&IF(${warnings}>0,${str("；另有 ")}&${warnings}&${str(" 项提示请核实")},""),` +
      // Says only what the formulas found: some rules are checked by the add-in and `check` alone (row 2).
      `IF(${warnings}>0,${str(`${SELF_CHECK.warn} 有 `)}&${warnings}&${str(" 项提示请核实（公式未发现错误）")},${str(`${SELF_CHECK.pass} 全部通过`)})))`,
  );
  Object.assign(overall.getCell(C.result), {
    font: FONT.section,
    border: BORDER,
    alignment: { horizontal: "left", vertical: "middle", wrapText: true },
  });
  formulaAt(
    ws,
    `${C.name}${SELF_CHECK.overallRow}`,
    `IF(${count(SELF_CHECK.fail)}+${undecided}=0,${str("全部检查项")},${str("其中错误 ")}&${failedOf(SEVERITY_TEXT.error)}&${str(" 项，提示 ")}&${warnings}&${str(" 项")}&IF(${undecided}>0,${str("，须用校验核对 ")}&${undecided}&${str(" 项")},""))`,
  );
  Object.assign(overall.getCell(C.name), { font: FONT.body, border: BORDER, alignment: { vertical: "middle" } });
  overall.height = 30;

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
    if (spec.helpers) {
      formulaAt(ws, `${H.measure}${r}`, spec.helpers.measure);
      formulaAt(ws, `${H.unsure}${r}`, spec.helpers.unsure);
    }
    const mark = (m: string) => str(m);
    formulaAt(
      ws,
      `${C.result}${r}`,
      `IFERROR(IF(${spec.applicable},IF(${spec.pass},IF(${spec.undecided},${mark(SELF_CHECK.undecided)},${mark(SELF_CHECK.pass)}),${mark(SELF_CHECK.fail)}),IF(${spec.undecided},${mark(SELF_CHECK.undecided)},${mark(SELF_CHECK.notApplicable)})),${mark(SELF_CHECK.fail)})`,
    );
    formulaAt(
      ws,
      `${C.message}${r}`,
      `IF(${resultCell}=${mark(SELF_CHECK.fail)},IFERROR(${spec.failMessage},${str("请检查相关单元格的内容。")}),` +
        `IF(${resultCell}=${mark(SELF_CHECK.undecided)},${str(SELF_CHECK.undecidedMessage)},` +
        `IF(${resultCell}=${mark(SELF_CHECK.notApplicable)},${str("相关项目尚未填写（或填写有误，见上面的行），填写后自动检查。")},"")))`,
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
  for (const cell of readBlockCells()) {
    if (cell.formula !== undefined) formulaAt(ws, cell.address, cell.formula);
    else ws.getCell(cell.address).value = cell.text ?? null;
  }
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
  // The helper columns are not printed.
  ws.pageSetup.printArea = `${C.id}$1:${C.severity}$${lastRow}`;
  return ws;
}
