/** The printed copy's layout, read back with exceljs: what 打印稿 prints, where pages break, what stays out. */
import ExcelJS from "exceljs";
import { BASIC_SECTIONS, FIELDS, SHEETS, SINGLE_FIELD_LAYOUT, TABLES, definedNameOf } from "../../src/core/definition";
import { COLOUR_LEGEND } from "../../src/xlsx/template/styles";
import { PRINT_PIECE } from "../../src/xlsx/template/print-sheet";
import { buildTemplateWorkbook } from "../../src/xlsx/template-writer";
import { loadTemplate, sheet } from "./template-helpers";

let wb: ExcelJS.Workbook;
let ws: ExcelJS.Worksheet;
beforeAll(async () => {
  wb = await loadTemplate();
  ws = sheet(wb, SHEETS.print);
});

const rowsOf = (w: ExcelJS.Worksheet) => Array.from({ length: w.rowCount }, (_, i) => w.getRow(i + 1));
const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? "" : String(v));

describe("打印稿", () => {
  it("cuts every long answer into pieces that together cover its whole limit, each row tall enough to stay fixed", () => {
    for (const f of FIELDS.filter((x) => x.type === "longtext")) {
      const pieces = rowsOf(ws).filter((r) =>
        String(r.getCell("B").formula ?? "").startsWith(`MID(${definedNameOf(f.id)},`),
      );
      const starts = pieces.map((r) => Number(/,(\d+),/.exec(String(r.getCell("B").formula))![1]));
      expect([f.id, starts]).toEqual([
        f.id,
        Array.from({ length: Math.ceil(f.maxLength! / PRINT_PIECE) }, (_, k) => k * PRINT_PIECE + 1),
      ]);
      for (const r of pieces) expect(r.height).toBeGreaterThanOrEqual(100);
    }
  });

  it("shows every field of 基本情况 once, by its defined name", () => {
    const formulas = rowsOf(ws).flatMap((r) => ["B", "C"].map((c) => String(r.getCell(c).formula ?? "")));
    for (const f of FIELDS.filter((x) => x.sheet === SHEETS.basic))
      expect([
        f.id,
        formulas.some((x) => x.includes(`${definedNameOf(f.id)},`) || x.includes(`(${definedNameOf(f.id)})`)),
      ]).toEqual([f.id, true]);
  });

  it("starts every section but the first on a new page, so no heading ends a page", () => {
    const headingRows = rowsOf(ws)
      .filter((r) => BASIC_SECTIONS.some((s) => s.title === text(r.getCell("A").value)))
      .map((r) => r.number);
    expect(headingRows).toHaveLength(BASIC_SECTIONS.length);
    // exceljs does not read page breaks back: look at the workbook as written.
    const written = buildTemplateWorkbook().getWorksheet(SHEETS.print) as unknown as {
      rowBreaks: { id: number; man: number }[];
    };
    const breaks = written.rowBreaks.map((b) => b.id);
    expect(breaks).toEqual(headingRows.slice(1).map((r) => r - 1));
  });

  it("prints at 100% (manual breaks kept) and leaves the instruction note out of its print area", () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: false, scale: 100 });
    expect(ws.pageSetup.printArea).toMatch(/^A\$?1:C\$?\d+$/);
    expect(text(ws.getCell("E1").value)).toContain("不会打印");
  });
});

describe("other sheets' printing and the highlight colours", () => {
  it("基本情况 prints without its instruction column and points to 打印稿", () => {
    const basic = sheet(wb, SHEETS.basic);
    expect(basic.pageSetup.printArea).toMatch(new RegExp(`^A\\$?1:${SINGLE_FIELD_LAYOUT.inputColumn}\\$?\\d+$`));
    expect(text(basic.getCell("A2").value)).toContain(`打印“${SHEETS.print}”`);
  });

  it("the fills are explained on 基本情况 and on every table sheet", () => {
    expect(text(sheet(wb, SHEETS.basic).getCell("A2").value)).toContain(COLOUR_LEGEND);
    for (const t of TABLES)
      expect([t.sheet, text(sheet(wb, t.sheet).getCell("A2").value).includes(COLOUR_LEGEND)]).toEqual([t.sheet, true]);
  });
});
