/**
 * Reading the open workbook through Office.js (against office-addin-mock): the grid it builds gives
 * the same findings as reading the saved file, and it costs two context.sync calls however many
 * sheets there are.
 */

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose full import pulls
// an ESM-only package that jest's CommonJS runtime cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));

import * as path from "path";
import { checkGrid } from "../../src/core/check-grid";
import type { SheetGrid, WorkbookGrid } from "../../src/core/model";
import { cellFromOffice, readWorkbookGrid, sheetGridFromUsedRange } from "../../src/office/read-grid";
import { mockExcelHolding } from "../helpers/office-mock";
import { findingToJson } from "../../src/intake";
import { checkFile } from "../../src/node/intake-path";
import { gridOfFile } from "../helpers/read-grid";

const FIXTURES = path.resolve(__dirname, "../fixtures/lo");
const fixture = (name: string) => path.join(FIXTURES, name, "report.xlsx");

/** The grid the file reader makes of a saved fixture (what `check` sees). */
const fileGrid = (file: string): Promise<WorkbookGrid> => gridOfFile(file);

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
      values: [
        ["a", ""],
        ["", 3],
      ],
      valueTypes: [
        ["String", "Empty"],
        ["Empty", "Integer"],
      ],
      rowIndex: 4,
      columnIndex: 2,
    });
    expect(sheet.rows[4]).toEqual([null, null, "a", null]);
    expect(sheet.rows[5]?.[3]).toBe(3);
    expect(sheet.rows[0]).toEqual([]);
    expect(sheetGridFromUsedRange("空表", true, null)).toEqual({ name: "空表", hidden: true, rows: [] });
  });
});
