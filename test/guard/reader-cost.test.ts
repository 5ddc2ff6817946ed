/** The reader-cost scanner on plain XML text, fed whole or in awkward pieces. */
import { DEFAULT_GUARD_LIMITS, guardLimits } from "../../src/core/guard";
import { isXmlPart, rangeArea, READER_COST, ReaderCost } from "../../src/read/guard";

const enc = new TextEncoder();
const SHEET = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`;

/** Scan `xml` as part `name`, cut into pieces of `size` bytes (1 = every token split). */
function scan(
  xml: string,
  size = 1 << 16,
  name = "xl/worksheets/sheet1.xml",
  limits = DEFAULT_GUARD_LIMITS,
): ReaderCost {
  const cost = new ReaderCost(limits);
  const part = cost.part(name);
  const bytes = enc.encode(xml);
  for (let i = 0; i < bytes.length; i += size) part.feed(bytes.subarray(i, i + size));
  part.end();
  return cost;
}

describe("rangeArea", () => {
  it("counts cells of A1 references, with or without $", () => {
    expect(rangeArea("A1")).toBe(1);
    expect(rangeArea("A1:B2")).toBe(4);
    expect(rangeArea("$A$1:$Z$20000")).toBe(26 * 20000);
    expect(rangeArea("B2:A1")).toBe(4);
    expect(rangeArea("A1:A10 C1:C10")).toBe(20);
    expect(rangeArea("'活动明细'!$B$5:$B$204,'活动明细'!$D$5")).toBe(201);
    expect(rangeArea("A1:XFD1048576")).toBe(16384 * 1048576);
  });
  it("does not expand whole columns or rows (neither does exceljs)", () => {
    expect(rangeArea("B:B")).toBe(0);
    expect(rangeArea("")).toBe(0);
  });
});

describe("ReaderCost", () => {
  const rows = (n: number) =>
    `<sheetData>${Array.from({ length: n }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>0</v></c><c r="B${r + 1}"/></row>`).join("")}</sheetData>`;

  it("counts rows, cells and elements, whatever the chunking", () => {
    for (const size of [1, 7, 1 << 16]) {
      const t = scan(SHEET(rows(50)), size).tally;
      expect(t).toMatchObject({ rows: 50, cells: 100 });
      expect(t.elements).toBe(1 + 1 + 50 * 4); // worksheet, sheetData, per row: row, c, v, c
    }
  });

  it("does not take <cols>, <col> or <cfRule> for cells", () => {
    const t = scan(
      SHEET(
        '<cols><col min="1" max="3" width="9"/></cols><conditionalFormatting sqref="A1:Z9"><cfRule type="x"/></conditionalFormatting>',
      ),
    ).tally;
    expect(t.cells).toBe(0);
    expect(t.columns).toBe(3);
  });

  it("ignores tags inside comments and CDATA, and namespace prefixes do not hide cells", () => {
    expect(scan(SHEET("<!-- <c r='A1'/> <row> --><![CDATA[<c/><c/>]]>")).tally.cells).toBe(0);
    expect(scan(SHEET('<x:sheetData><x:row><x:c r="A1"/></x:row></x:sheetData>')).tally).toMatchObject({
      rows: 1,
      cells: 1,
    });
  });

  it("expands merged ranges, validation ranges and defined names like exceljs does", () => {
    const sheet = scan(
      SHEET(
        '<mergeCells><mergeCell ref="A1:D1"/><mergeCell ref="A2:B3"/></mergeCells><dataValidations><dataValidation type="list" sqref="C5:C204 E5:E204"/></dataValidations>',
      ),
      5,
    ).tally;
    expect(sheet).toMatchObject({ mergedRanges: 2, mergedCells: 8, validatedCells: 400 });
    const workbook = scan(
      '<workbook><definedNames><definedName name="big">基本信息!$A$1:$J$100</definedName><definedName name="one">基本信息!$B$3</definedName></definedNames></workbook>',
      3,
      "xl/workbook.xml",
    ).tally;
    expect(workbook.namedCells).toBe(1001);
  });

  it("counts binary parts by size and scans only XML parts", () => {
    expect(isXmlPart("xl/worksheets/sheet1.xml")).toBe(true);
    expect(isXmlPart("_rels/.rels")).toBe(true);
    expect(isXmlPart("xl/media/image1.png")).toBe(false);
    const cost = scan("<c/><c/><c/>", 2, "xl/media/image1.png");
    expect(cost.tally).toMatchObject({ cells: 0, binaryBytes: 12 });
    expect(cost.estimate).toBe(12 * READER_COST.binaryByte);
  });

  it("accepts an ordinary sheet and refuses one the reader could not hold", () => {
    expect(scan(SHEET(rows(1000))).problem()).toBeUndefined();
    const small = guardLimits({ maxReaderBytes: 100_000 });
    expect(scan(SHEET(rows(1000)), 1 << 16, "xl/worksheets/sheet1.xml", small).problem()).toMatchObject({
      code: "too_large",
    });
  });

  it("refuses a tiny file merging or validating millions of cells", () => {
    expect(scan(SHEET('<mergeCells><mergeCell ref="A1:Z200000"/></mergeCells>')).problem()).toMatchObject({
      code: "too_large",
    });
    expect(
      scan(SHEET('<dataValidations><dataValidation sqref="A1:XFD1048576"/></dataValidations>')).problem(),
    ).toMatchObject({ code: "too_large" });
    // One whole column validated by LibreOffice (B1:B1048576) is still readable.
    expect(
      scan(SHEET('<dataValidations><dataValidation sqref="B1:B1048576"/></dataValidations>')).problem(),
    ).toBeUndefined();
    expect(
      scan(SHEET('<dataValidations><dataValidation sqref="B1:B1048576 C1:C1048576"/></dataValidations>')).problem(),
    ).toMatchObject({ code: "too_large" });
  });

  it("caps the number of merged ranges (exceljs checks each against all before it)", () => {
    const merges = (n: number) =>
      `<mergeCells>${Array.from({ length: n }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:B${i * 2 + 1}"/>`).join("")}</mergeCells>`;
    expect(scan(SHEET(merges(DEFAULT_GUARD_LIMITS.maxMergedRanges))).problem()).toBeUndefined();
    expect(scan(SHEET(merges(DEFAULT_GUARD_LIMITS.maxMergedRanges + 1))).problem()).toMatchObject({
      code: "too_large",
    });
  });

  it("calls columns beyond XFD damage (exceljs would loop over them)", () => {
    expect(scan(SHEET('<cols><col min="1" max="16384"/></cols>')).problem()).toBeUndefined();
    expect(scan(SHEET('<cols><col min="1" max="2000000000"/></cols>')).problem()).toMatchObject({ code: "corrupt" });
    expect(scan(SHEET('<cols><col min="5" max="2"/></cols>')).problem()).toMatchObject({ code: "corrupt" });
  });

  it("calls an endless tag damage instead of buffering it", () => {
    const cost = new ReaderCost(DEFAULT_GUARD_LIMITS);
    const part = cost.part("xl/worksheets/sheet1.xml");
    part.feed(enc.encode("<worksheet><c r="));
    const junk = enc.encode("x".repeat(1 << 16));
    for (let i = 0; i < 20 && !cost.problem(); i++) part.feed(junk);
    expect(cost.problem()).toMatchObject({ code: "corrupt" });
  });
});
