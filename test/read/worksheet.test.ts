/**
 * Cells written without "r" (some generators leave it out): each takes the column after the last
 * placed cell, as exceljs placed it, even when empty styled cells (whose attributes the reader
 * normally leaves unread) stand in between.
 */
import { parseWorksheet, SheetDamage } from "../../src/read/worksheet";

const ctx = { sharedStrings: undefined, dateStyles: [], date1904: false };

function cellsOf(rows: string): Record<string, unknown> {
  const xml = `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
  const parsed = parseWorksheet(new TextEncoder().encode(xml), ctx);
  const out: Record<string, unknown> = {};
  for (const [r, row] of parsed.cells) for (const [c, v] of row) if (v !== null) out[`${r}:${c}`] = v;
  return out;
}

const value = (n: number) => `<c><v>${n}</v></c>`;

describe("cells without a place of their own", () => {
  it("follow the last placed cell", () => {
    expect(cellsOf(`<row r="1"><c r="B1"><v>1</v></c>${value(2)}${value(3)}</row>`)).toEqual({
      "1:2": 1,
      "1:3": 2,
      "1:4": 3,
    });
  });

  it("follow an empty styled cell, which has a place", () => {
    expect(cellsOf(`<row r="1"><c r="C1" s="1"/>${value(7)}</row>`)).toEqual({ "1:4": 7 });
    expect(cellsOf(`<row r="1"><c r="A1"><v>1</v></c><c r="E1" s="1"/><c s="2"/>${value(7)}</row>`)).toEqual({
      "1:1": 1,
      "1:7": 7,
    });
  });

  it("skip an empty cell without a style, which exceljs did not place", () => {
    expect(cellsOf(`<row r="1"><c r="B1"><v>1</v></c><c r="F1"/>${value(2)}</row>`)).toEqual({ "1:2": 1, "1:3": 2 });
  });

  it("start again on every row", () => {
    expect(() => cellsOf(`<row r="1"><c r="B1" s="1"/></row><row r="2">${value(1)}</row>`)).toThrow(SheetDamage);
  });

  it("are damage at the start of a row", () => {
    expect(() => cellsOf(`<row r="1">${value(1)}</row>`)).toThrow(SheetDamage);
  });
});
