/** 填报说明: how to fill, deadlines, attachments, sealing and sending — in the notice's terms. */
import type ExcelJS from "exceljs";
import { DEADLINES, REPORT_TYPES, SHEETS, TABLES, monthDayWords } from "../../core/definition";
import { FONT } from "./styles";
import { protectSheet } from "./protection";
import { setupPrint } from "./print";
import { titleOf } from "./basic-sheet";

/** Narrow enough that LibreOffice prints it on A4 portrait without scaling (it ignores fit-to-width here). */
const WIDTH = 70;

/** The guide's paragraphs: a heading (section) or a line of text. */
export function guideLines(year: number): { text: string; heading?: boolean }[] {
  const deadline = (t: (typeof REPORT_TYPES)[number]) => `${year}年${monthDayWords(DEADLINES[t])}前`;
  const sheetOf = (id: string) => TABLES.find((t) => t.id === id)!.sheet;
  return [
    { text: "一、填报依据", heading: true },
    {
      text: `依据市市场监管委关于开展${year}年标准化研学行动的通知${year === 2023 ? "（津市场监管标准〔2023〕14号）" : ""}第四部分，各有关部门、各区市场监管局、专业标准化技术委员会及有关单位报送研学行动总结材料及相关佐证材料。`,
    },
    { text: "二、报送时间", heading: true },
    { text: `1. ${REPORT_TYPES[0]}：${deadline(REPORT_TYPES[0])}报送。` },
    { text: `2. ${REPORT_TYPES[1]}（${year}年研学行动总结）：${deadline(REPORT_TYPES[1])}报送。` },
    { text: "三、怎样填写", heading: true },
    {
      text: `1. “${SHEETS.basic}”：选择报告类型，填写单位信息、组织开展总体情况（组织推动、分别参加《条例》《纲要》研学人次、组织研学宣贯培训次数等）、工作亮点案例及成效、宣传报道展示情况、下一步措施安排。带“*”的为必填项。`,
    },
    {
      text: `2. “${sheetOf("events")}”：每次宣贯培训、会议座谈交流、调研研讨、技术服务等活动填一行。培训次数应与行数一致，公益性宣贯次数应与“是否公益性”为“是”的行数一致；研学人次不少于明细中相应活动的人次合计。`,
    },
    { text: `3. “${sheetOf("media")}”：广播、电视、报纸等传统媒体和微博、微信公众号等新媒体的宣传报道，每篇一行。` },
    { text: `4. “${sheetOf("evidence")}”：列出随总结报送的佐证材料。` },
    {
      text: "5. 浅色单元格为填写区，可从下拉列表选择；人次、次数填整数（不带“人次”等文字），日期按 2023-06-15 的格式填写。行不够时可插入行。工作表已保护（无密码）以防误改标签，请勿修改工作表名称或移动表头。",
    },
    { text: "四、佐证材料", heading: true },
    {
      text: "包括通知文件、签到表、活动照片、课件、新闻报道截图或链接、总结报告等，随总结材料一并报送，并在“佐证材料”表中写明文件名。",
    },
    { text: "五、自检与核实说明", heading: true },
    {
      text: `“${SHEETS.selfCheck}”表用公式自动检查必填项和各项数据的关系（如公益性宣贯次数不大于培训次数、研学人次覆盖活动明细），无需安装加载项。结果为“✗”且性质为“错误”的须修改；性质为“提示”的请核实，情况属实的在“${SHEETS.explanations}”表中写明规则、位置和说明，无需修改数据。`,
    },
    { text: "六、盖章报送", heading: true },
    {
      text: `填写完成、自检无误后，打印“${SHEETS.print}”表（由“${SHEETS.basic}”自动生成，长文字完整打印，不含填写说明）以及“${sheetOf("events")}”“${sheetOf("media")}”“${sheetOf("evidence")}”表（填写了核实说明的，连同“${SHEETS.explanations}”表；各表已设好打印格式，直接打印即可），加盖公章，将盖章扫描件、本表格文件（.xlsx）和佐证材料正式（加盖公章）报送市市场监管委标准化处政务邮箱（scjgbzhc@tj.gov.cn）。`,
    },
    { text: "联系电话：27182133、27182054、27113030。" },
  ];
}

export function addGuideSheet(wb: ExcelJS.Workbook, year: number): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEETS.guide);
  ws.getColumn("A").width = WIDTH;
  Object.assign(ws.getCell("A1"), {
    value: `${titleOf(year)} 填报说明`,
    font: FONT.title,
    alignment: { horizontal: "center", vertical: "middle" },
  });
  ws.getRow(1).height = 30;
  guideLines(year).forEach((line, i) => {
    const cell = ws.getCell(`A${i + 3}`);
    cell.value = line.text;
    cell.font = line.heading ? FONT.section : FONT.body;
    cell.alignment = { wrapText: true, vertical: "top" };
    // Wrapped text does not grow rows in every program: size them from the text length.
    if (!line.heading) ws.getRow(i + 3).height = 16 * Math.max(1, Math.ceil(line.text.length / 32));
  });
  protectSheet(ws, "readOnly");
  setupPrint(ws, { totalWidth: WIDTH / 2 });
  return ws;
}
