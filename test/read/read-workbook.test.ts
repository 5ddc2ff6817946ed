import ExcelJS from "exceljs";
import { parseNamedCell } from "../../src/core/a1";
import { readWorkbook } from "../../src/read";
import { gridOfBytes } from "../helpers/read-grid";
import type { CellValue, WorkbookGrid } from "../../src/core/model";

/** Writes with exceljs, reads back from the bytes: the reader only ever sees what a file holds. */
async function roundTrip(build: (wb: ExcelJS.Workbook) => void): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const bytes = await wb.xlsx.writeBuffer();
  return gridOfBytes(new Uint8Array(bytes as ArrayBuffer));
}

function at(grid: WorkbookGrid, sheet: string, row: number, column: number): CellValue | undefined {
  return grid.sheets.find((s) => s.name === sheet)?.rows[row - 1]?.[column - 1];
}

describe("readWorkbook: values as a person sees them", () => {
  let grid: WorkbookGrid;
  beforeAll(async () => {
    grid = await roundTrip((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = "plain";
      ws.getCell("A2").value = 42.5;
      ws.getCell("A3").value = true;
      ws.getCell("A4").value = new Date(Date.UTC(2023, 5, 5));
      ws.getCell("A5").value = {
        richText: [{ text: "Tianjin " }, { font: { bold: true }, text: "标准化" }, { text: "2023" }],
      };
      ws.getCell("A6").value = { formula: "1-1", result: 0 };
      ws.getCell("A7").value = { formula: '""&""', result: "" };
      ws.getCell("A8").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("A9").value = { error: "#N/A" };
      ws.getCell("A10").value = { text: "天津日报", hyperlink: "https://example.com" };
      ws.getCell("A11").value = { formula: "SUM(A2,1)" };
      ws.getCell("A12").value = { formula: "A2*2", result: 85 };
      ws.getCell("A13").value = "=SUM(1,2)";
      ws.mergeCells("C1:D2");
      ws.getCell("C1").value = "merged";
      ws.getCell("F20").value = "far";
    });
  });

  it("keeps text, numbers, booleans and dates", () => {
    expect(at(grid, "S", 1, 1)).toBe("plain");
    expect(at(grid, "S", 2, 1)).toBe(42.5);
    expect(at(grid, "S", 3, 1)).toBe(true);
    expect(at(grid, "S", 4, 1)).toEqual(new Date(Date.UTC(2023, 5, 5)));
  });

  it("joins rich-text runs", () => {
    expect(at(grid, "S", 5, 1)).toBe("Tianjin 标准化2023");
  });

  it("takes a formula's cached result, including 0, and never evaluates a formula without one", () => {
    expect(at(grid, "S", 6, 1)).toBe(0);
    expect(at(grid, "S", 7, 1) ?? null).toBeNull();
    expect(at(grid, "S", 11, 1) ?? null).toBeNull();
    expect(at(grid, "S", 12, 1)).toBe(85);
  });

  it("gives error values as CellError, cached or literal", () => {
    expect(at(grid, "S", 8, 1)).toEqual({ error: "#DIV/0!" });
    expect(at(grid, "S", 9, 1)).toEqual({ error: "#N/A" });
  });

  it("shows a hyperlink's text, and text that looks like a formula stays text", () => {
    expect(at(grid, "S", 10, 1)).toBe("天津日报");
    expect(at(grid, "S", 13, 1)).toBe("=SUM(1,2)");
  });

  it("gives a merged range's value once, at its anchor, as Office.js does", () => {
    expect(at(grid, "S", 1, 3)).toBe("merged");
    expect(at(grid, "S", 1, 4) ?? null).toBeNull();
    expect(at(grid, "S", 2, 3) ?? null).toBeNull();
  });

  it("keeps worksheet coordinates with gaps", () => {
    expect(at(grid, "S", 20, 6)).toBe("far");
    expect(grid.sheets[0].rows).toHaveLength(20);
  });
});

describe("readWorkbook: sheets, names and the date system", () => {
  it("flags hidden sheets and keeps their order", async () => {
    const grid = await roundTrip((wb) => {
      wb.addWorksheet("A").getCell("A1").value = 1;
      wb.addWorksheet("B", { state: "hidden" }).getCell("A1").value = 2;
      wb.addWorksheet("C", { state: "veryHidden" }).getCell("A1").value = 3;
    });
    expect(grid.sheets.map((s) => [s.name, Boolean(s.hidden)])).toEqual([
      ["A", false],
      ["B", true],
      ["C", true],
    ]);
  });

  it("lists a sheet whose cells the caller does not read, with none of its cells; reads every sheet by default", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("读").getCell("A1").value = 1;
    wb.addWorksheet("不读").getCell("A1").value = 2;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const some = await readWorkbook("部分.xlsx", bytes, undefined, { cellsOf: (name) => name !== "不读" });
    expect(some.ok && some.grid.sheets).toEqual([
      { name: "读", rows: [[1]] },
      { name: "不读", rows: [] },
    ]);
    expect((await gridOfBytes(bytes)).sheets.map((s) => s.rows)).toEqual([[[1]], [[2]]]);
  });

  it("keeps names that point at one cell of an existing sheet, drops ranges and dangling ones", async () => {
    const grid = await roundTrip((wb) => {
      wb.addWorksheet("基本情况").getCell("C5").value = "x";
      wb.definedNames.add("'基本情况'!$C$5", "fld_report_type");
      wb.definedNames.add("'基本情况'!$C$6:$C$8", "a_range");
      wb.definedNames.add("'没有这个表'!$A$1", "dangling");
    });
    expect(grid.names).toEqual({ fld_report_type: { sheet: "基本情况", cell: "C5" } });
  });

  it("reports the 1904 date system", async () => {
    const g1904 = await roundTrip((wb) => {
      wb.properties.date1904 = true;
      wb.addWorksheet("S").getCell("A1").value = 1;
    });
    const g1900 = await roundTrip((wb) => void wb.addWorksheet("S"));
    expect(g1904.date1904).toBe(true);
    expect(g1900.date1904).toBeUndefined();
  });
});

describe("parseNamedCell", () => {
  it.each([
    ["'基本情况'!$C$5", { sheet: "基本情况", cell: "C5" }],
    ["Sheet1!B2", { sheet: "Sheet1", cell: "B2" }],
    ["'it''s'!$A$1", { sheet: "it's", cell: "A1" }],
    ["'基本情况'!$C$5:$C$6", null],
    ["#REF!", null],
    ["[1]Sheet1!$A$1", null],
    ["$A$1", null],
  ])("%s", (ref, expected) => {
    expect(parseNamedCell(ref)).toEqual(expected);
  });
});
