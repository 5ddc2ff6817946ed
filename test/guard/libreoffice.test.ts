/**
 * Files saved by LibreOffice (a program nobody here wrote) from an exceljs workbook: its .xlsx and
 * .xlsm are accepted, its .xls and .ods refused with their codes. Skips without LibreOffice unless
 * REQUIRE_LIBREOFFICE=1.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { guardFile } from "../../src/node/file-guard";
import { findLibreOffice, libreOfficeDescribe, tempDir } from "../helpers/libreoffice";
import { exceljsWorkbook } from "./craft";

const describeLo = libreOfficeDescribe();

describeLo("guard on LibreOffice-saved files", () => {
  let tmp: ReturnType<typeof tempDir>;
  const out = (ext: string) => path.join(tmp.dir, "out", `报表.${ext}`);

  beforeAll(async () => {
    tmp = tempDir("guard-lo-");
    const source = path.join(tmp.dir, "报表.xlsx");
    fs.writeFileSync(source, await exceljsWorkbook());
    const profile = `file://${path.join(tmp.dir, "profile")}`;
    for (const target of ["xls", "ods", "xlsm:Calc MS Excel 2007 VBA XML", "xlsx:Calc MS Excel 2007 XML"]) {
      // The re-saved .xlsx would overwrite its source in the same folder, so it goes elsewhere.
      const work = path.join(tmp.dir, target.startsWith("xlsx") ? "resaved" : "out");
      execFileSync(
        findLibreOffice()!.soffice,
        [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", target, "--outdir", work, source],
        {
          stdio: "ignore",
          timeout: 120000,
        },
      );
    }
    fs.renameSync(path.join(tmp.dir, "resaved", "报表.xlsx"), out("xlsx"));
  }, 180000);
  afterAll(() => tmp?.cleanup());

  it("accepts its .xlsx", async () => {
    expect(await guardFile(out("xlsx"))).toMatchObject({ ok: true, macroEnabled: false });
  });
  it("accepts its .xlsm, flagged", async () => {
    expect(await guardFile(out("xlsm"))).toMatchObject({ ok: true, macroEnabled: true });
  });
  it("refuses its .xls as legacy", async () => {
    expect(await guardFile(out("xls"))).toMatchObject({
      ok: false,
      code: "legacy_xls",
      message: expect.stringContaining("“报表.xls”"),
    });
  });
  it("refuses its .ods", async () => {
    expect(await guardFile(out("ods"))).toMatchObject({
      ok: false,
      code: "ods",
      message: expect.stringContaining("“报表.ods”"),
    });
  });
});
