/**
 * The guard's promise to the reader: anything it accepts, exceljs can load in well under 512 MB.
 * For each costly shape (dense values, merged area, validated area) a file is built just under the
 * reader budget; the guard must accept it and refuse the same shape 10% bigger; exceljs then loads
 * the accepted one in a child process whose peak memory is measured.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_GUARD_LIMITS, ReaderCost } from "../../src/core/guard";
import { guardBuffer } from "../../src/xlsx/file-guard";
import { buildZip, deflatedEntry, exceljsWorkbook, unzipParts } from "./craft";

const COLS = "ABCDEFGHIJ".split("");
const SHEETS: Record<string, (n: number) => string> = {
  values: (n) =>
    `<sheetData>${Array.from({ length: n }, (_, i) => {
      const r = i + 1;
      return `<row r="${r}">${COLS.map((c, j) => `<c r="${c}${r}"><v>${(r * 31 + j) % 100000}</v></c>`).join("")}</row>`;
    }).join("")}</sheetData>`,
  merged: (n) => `<sheetData/><mergeCells count="1"><mergeCell ref="A1:J${n}"/></mergeCells>`,
  validated: (n) => `<sheetData/><dataValidations count="1"><dataValidation type="whole" sqref="A1:J${n}"><formula1>1</formula1></dataValidation></dataValidations>`,
};
const sheetXml = (body: string) =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`);

const LOAD = `const ExcelJS = require("exceljs");
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(require("fs").readFileSync(process.env.GUARD_FILE));
  console.log(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, sheets: wb.worksheets.length }));
})();`;

describe("accepted files stay within the reader's memory", () => {
  let parts: Map<string, Buffer>;
  let dir: string;
  beforeAll(async () => {
    parts = await unzipParts(await exceljsWorkbook());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "guard-mem-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const withSheet = (xml: Buffer) =>
    buildZip([...parts].map(([n, c]) => deflatedEntry(n, n === "xl/worksheets/sheet1.xml" ? xml : c)));
  const estimate = (xml: Buffer) => {
    const cost = new ReaderCost(DEFAULT_GUARD_LIMITS);
    for (const [n, c] of parts) {
      const part = cost.part(n);
      part.feed(n === "xl/worksheets/sheet1.xml" ? xml : c);
      part.end();
    }
    return cost.estimate;
  };

  it.each(Object.keys(SHEETS))("%s: just under the budget is accepted and loads under 512 MB; 10%% more is refused", async (kind) => {
    const make = (n: number) => sheetXml(SHEETS[kind](n));
    // The estimate grows linearly with n: two samples give the n that lands 2% under the budget.
    const e1 = estimate(make(1000));
    const e2 = estimate(make(2000));
    const n = Math.floor(1000 + ((DEFAULT_GUARD_LIMITS.maxReaderBytes * 0.98 - e1) / (e2 - e1)) * 1000);
    const accepted = withSheet(make(n));
    expect(await guardBuffer(`${kind}.xlsx`, accepted)).toMatchObject({ ok: true });
    expect(await guardBuffer(`${kind}.xlsx`, withSheet(make(Math.ceil(n * 1.1))))).toMatchObject({ ok: false, code: "too_large" });

    const file = path.join(dir, `${kind}.xlsx`);
    fs.writeFileSync(file, accepted);
    const out = execFileSync(process.execPath, ["-e", LOAD], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, GUARD_FILE: file },
      encoding: "utf8",
      timeout: 120000,
    });
    const { maxRssMB, sheets } = JSON.parse(out) as { maxRssMB: number; sheets: number };
    expect(sheets).toBe(1);
    expect(maxRssMB).toBeLessThan(512);
  }, 180000);
});
