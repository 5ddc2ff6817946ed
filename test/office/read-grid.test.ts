/**
 * Reading the open workbook through Office.js (against office-addin-mock): the grid it builds gives
 * the same findings as reading the saved file, and it costs two context.sync calls however many
 * sheets there are.
 */

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose full import pulls
// an ESM-only package that jest's CommonJS runtime cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));

import * as path from "path";
import { OfficeMockObject } from "office-addin-mock";
import { checkGrid } from "../../src/core/check-grid";
import { isCellError, type CellValue, type SheetGrid, type WorkbookGrid } from "../../src/core/model";
import { cellFromOffice, readWorkbookGrid, sheetGridFromUsedRange } from "../../src/office/read-grid";
import type { ExcelRunner } from "../../src/office/workbook";
import { checkFile, findingToJson } from "../../src/xlsx/read-report";
import { gridOfFile } from "../helpers/read-grid";

const FIXTURES = path.resolve(__dirname, "../fixtures/lo");
const fixture = (name: string) => path.join(FIXTURES, name, "report.xlsx");

/** The grid the file reader makes of a saved fixture (what `check` sees). */
const fileGrid = (file: string): Promise<WorkbookGrid> => gridOfFile(file);

interface OfficeRange {
  values: unknown[][];
  valueTypes: string[][];
  rowIndex: number;
  columnIndex: number;
}

/** What Excel answers for a sheet's used range: the smallest rectangle around its values. */
function usedRangeOf(sheet: SheetGrid, date1904: boolean): OfficeRange | null {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  sheet.rows.forEach((row, r) =>
    (row ?? []).forEach((v, c) => {
      if (v === null || v === undefined) return;
      top = Math.min(top, r); bottom = Math.max(bottom, r); left = Math.min(left, c); right = Math.max(right, c);
    }),
  );
  if (bottom < 0) return null;
  const serial = (d: Date) => d.getTime() / 86_400_000 + 25_569 - (date1904 ? 1_462 : 0);
  const values: unknown[][] = [];
  const valueTypes: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const vs: unknown[] = [];
    const ts: string[] = [];
    for (let c = left; c <= right; c++) {
      const v: CellValue | undefined = sheet.rows[r]?.[c];
      if (v === null || v === undefined) { vs.push(""); ts.push("Empty"); }
      else if (v instanceof Date) { vs.push(serial(v)); ts.push("Double"); }
      else if (isCellError(v)) { vs.push(v.error); ts.push("Error"); }
      else if (typeof v === "number") { vs.push(v); ts.push(Number.isInteger(v) ? "Integer" : "Double"); }
      else if (typeof v === "boolean") { vs.push(v); ts.push("Boolean"); }
      else { vs.push(v); ts.push("String"); }
    }
    values.push(vs);
    valueTypes.push(ts);
  }
  return { values, valueTypes, rowIndex: top, columnIndex: left };
}

interface MockedExcel {
  excel: ExcelRunner;
  syncCount(): number;
}

/** An Excel whose open workbook holds the given grid, answering as Office.js does. */
function mockExcelHolding(grid: WorkbookGrid): MockedExcel {
  const ranges: OfficeMockObject[] = [];
  const items = grid.sheets.map((sheet) => {
    const used = usedRangeOf(sheet, Boolean(grid.date1904));
    return {
      name: sheet.name,
      visibility: sheet.hidden ? "Hidden" : "Visible",
      getUsedRangeOrNullObject(valuesOnly?: boolean) {
        expect(valuesOnly).toBe(true); // formatted-but-empty cells must not inflate the payload
        const range = new OfficeMockObject({ ...(used ?? { values: [], valueTypes: [], rowIndex: 0, columnIndex: 0 }) });
        // Office.js fills isNullObject in on sync without a load; the mock cannot, so it is set here.
        (range as unknown as { isNullObject: boolean }).isNullObject = used === null;
        ranges.push(range);
        return range;
      },
    };
  });
  const nameItems = [
    ...Object.entries(grid.names).map(([name, { sheet, cell }]) => ({
      name, type: "Range", value: `'${sheet}'!${cell.replace(/^([A-Z]+)(\d+)$/, (_m, col: string, row: string) => `$${col}$${row}`)}`,
    })),
    { name: "a_constant", type: "String", value: "基本情况!C5" },
    { name: "a_block", type: "Range", value: "基本情况!$C$5:$C$8" },
  ];
  const mock = new OfficeMockObject({
    context: { workbook: { worksheets: { items }, names: { items: nameItems } } },
    run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  });
  const context = (mock as unknown as { context: { sync(): Promise<void> } }).context;
  let syncs = 0;
  const realSync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await realSync();
    for (const r of ranges) await r.sync();
  };
  return { excel: mock as unknown as ExcelRunner, syncCount: () => syncs };
}

describe("reading the open workbook through Office.js", () => {
  it.each(["correct", "rules-tables", "inserted-rows", "renamed-sheet", "formulas", "rich-text"])(
    "%s: same findings as the saved file, in two syncs",
    async (name) => {
      const { excel, syncCount } = mockExcelHolding(await fileGrid(fixture(name)));
      const checked = checkGrid(await readWorkbookGrid(excel));
      if (!checked.ok) throw new Error(checked.message);
      const fromFile = await checkFile(fixture(name));
      expect(checked.judgement.findings.map(findingToJson)).toEqual(fromFile.findings);
      expect(checked.unit).toBe(fromFile.unit);
      expect(syncCount()).toBe(2);
    },
  );

  it("costs two syncs with extra sheets too, and reads defined names that point at one cell only", async () => {
    const grid = await fileGrid(fixture("correct"));
    const extra: SheetGrid[] = Array.from({ length: 12 }, (_, i) => ({ name: `附表${i + 1}`, rows: [[`内容${i}`]] }));
    const { excel, syncCount } = mockExcelHolding({ ...grid, sheets: [...grid.sheets, ...extra] });
    const read = await readWorkbookGrid(excel);
    expect(syncCount()).toBe(2);
    expect(read.sheets).toHaveLength(grid.sheets.length + 12);
    expect(read.names.fld_unit_name).toEqual(grid.names.fld_unit_name);
    expect(read.names).not.toHaveProperty("a_constant");
    expect(read.names).not.toHaveProperty("a_block");
    expect(read.sheets.find((s) => s.name === "模板信息")?.hidden).toBe(true);
  });
});

describe("Office.js values as the core sees them", () => {
  it("turns blanks into null and error values into CellError, never into text", () => {
    expect(cellFromOffice("", "Empty")).toBeNull();
    expect(cellFromOffice("#DIV/0!", "Error")).toEqual({ error: "#DIV/0!" });
    expect(cellFromOffice("#DIV/0!", "String")).toBe("#DIV/0!");
    expect(cellFromOffice(45082, "Double")).toBe(45082);
    expect(cellFromOffice(true, "Boolean")).toBe(true);
  });

  it("places a used range that does not start at A1 at its worksheet coordinates", () => {
    const sheet = sheetGridFromUsedRange("基本情况", false, {
      values: [["a", ""], ["", 3]],
      valueTypes: [["String", "Empty"], ["Empty", "Integer"]],
      rowIndex: 4,
      columnIndex: 2,
    });
    expect(sheet.rows[4]).toEqual([null, null, "a", null]);
    expect(sheet.rows[5]?.[3]).toBe(3);
    expect(sheet.rows[0]).toEqual([]);
    expect(sheetGridFromUsedRange("空表", true, null)).toEqual({ name: "空表", hidden: true, rows: [] });
  });
});
