/**
 * src/ relies on a part of exceljs its typings do not promise: the template writer adds range
 * validations through the untyped `worksheet.dataValidations.add`. (Reading no longer goes through
 * exceljs: src/read is the values-only reader.) exceljs is therefore pinned to the exact version this
 * was checked against, and this test fails when an upgrade moves it: check
 * src/xlsx/template/table-sheets.ts against the new version before changing the pin.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
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

  it("worksheet.dataValidations.add writes one validation for a whole range", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    const validations = (ws as unknown as { dataValidations?: { add?: unknown } }).dataValidations;
    expect(typeof validations?.add).toBe("function");
    (validations as { add(range: string, dv: ExcelJS.DataValidation): void }).add("C4:C203", {
      type: "list",
      allowBlank: true,
      formulae: ['"是,否"'],
    });
    const { bytes } = await reloaded(wb);
    const xml = (await unzipParts(bytes)).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect(xml.match(/<dataValidation [^>]*sqref="C4:C203"/g)).toHaveLength(1);
  });
});
