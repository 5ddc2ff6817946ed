/**
 * src/ relies on parts of exceljs its typings do not promise: the reader walks
 * `workbook.definedNames.matrixMap` (name → sheet → row → cell with `.address`) instead of the slow
 * public `definedNames.model`, and reads the 1904 flag from `workbook.properties.date1904`; the
 * template writer adds range validations through the untyped `worksheet.dataValidations.add`.
 * exceljs is therefore pinned to the exact version these were checked against, and this test fails
 * when an upgrade moves any of them: check src/xlsx/read-workbook.ts and
 * src/xlsx/template/table-sheets.ts against the new version before changing the pin.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { toWorkbookGrid } from "../../src/xlsx/read-workbook";
import { unzipParts } from "../guard/craft";

const ROOT = path.resolve(__dirname, "../..");
const PINNED = "4.4.0";
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), "utf8"));

async function reloaded(wb: ExcelJS.Workbook): Promise<{ bytes: Buffer; wb: ExcelJS.Workbook }> {
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, wb: back };
}

describe(`exceljs is pinned to ${PINNED}, the version whose internals src/ uses`, () => {
  it("package.json asks for exactly that version, and the lockfile and node_modules have it", () => {
    expect(json("package.json").dependencies.exceljs).toBe(PINNED);
    expect(json("package-lock.json").packages["node_modules/exceljs"].version).toBe(PINNED);
    expect(json("node_modules/exceljs/package.json").version).toBe(PINNED);
  });

  it("definedNames.matrixMap holds each name's cells by sheet, row and column, with an address", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("基本情况").getCell("C8").value = "x";
    wb.definedNames.add("'基本情况'!$C$8", "fld_unit_name");
    const { wb: back } = await reloaded(wb);
    const store = (back.definedNames as unknown as { matrixMap?: Record<string, { sheets?: Record<string, unknown> }> }).matrixMap;
    expect(store).toBeDefined();
    const rows = store!.fld_unit_name?.sheets?.["基本情况"] as unknown[][] | undefined;
    expect(Array.isArray(rows)).toBe(true);
    const address = (rows![8]?.[3] as { address?: unknown } | undefined)?.address;
    expect(typeof address === "string" && address.replace(/\$/g, "")).toBe("C8");
    // …which is what the reader turns into the grid's names.
    expect(toWorkbookGrid(back).names).toEqual({ fld_unit_name: { sheet: "基本情况", cell: "C8" } });
  });

  it("properties.date1904 carries the workbook's 1904 date system", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("s").getCell("A1").value = 1;
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const { wb: back } = await reloaded(wb);
    expect((back.properties as { date1904?: boolean }).date1904).toBe(true);
    expect(toWorkbookGrid(back).date1904).toBe(true);
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("s").getCell("A1").value = 1;
    expect(toWorkbookGrid((await reloaded(plain)).wb).date1904).toBeUndefined();
  });

  it("worksheet.dataValidations.add writes one validation for a whole range", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    const validations = (ws as unknown as { dataValidations?: { add?: unknown } }).dataValidations;
    expect(typeof validations?.add).toBe("function");
    (validations as { add(range: string, dv: ExcelJS.DataValidation): void }).add("C4:C203", { type: "list", allowBlank: true, formulae: ['"是,否"'] });
    const { bytes } = await reloaded(wb);
    const xml = (await unzipParts(bytes)).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect(xml.match(/<dataValidation [^>]*sqref="C4:C203"/g)).toHaveLength(1);
  });
});
