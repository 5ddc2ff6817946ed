/**
 * .xls, .et and .ods read through the real LibreOffice (src/node/libreoffice-convert.ts): twins that
 * LibreOffice saved from filled .xlsx reports (one with errors, one with explained warnings) read
 * exactly as their .xlsx — the same verdict and findings, the same master, but for the provenance
 * that says "由 .xls 转换" — and a damaged .xls is refused by name while the batch goes on. The .et is
 * the .xls under WPS's name (the same BIFF format; no WPS here to save a real one). `merge` end to
 * end: the master says which files were converted, and the input folder is left exactly as it was.
 */
import { createHash } from "crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/program";
import { describeMaster, type MasterCell } from "../../src/core/master";
import { mergeSubmissions, type MergeInput } from "../../src/core/merge";
import { checkResultOf } from "../../src/intake";
import type { ReadableEntry } from "../../src/node/inputs";
import { libreOfficeConverter } from "../../src/node/libreoffice-convert";
import { intakeEntries } from "../../src/node/merge-read";
import { findLibreOffice, libreOfficeDescribe, recalcWithLibreOffice, tempDir } from "../helpers/libreoffice";

const LO = path.resolve(__dirname, "../fixtures/lo");
/** Two units' filled reports with findings of every kind: errors, and warnings with their 核实说明. */
const REPORTS = { 甲: "rules-stage", 乙: "stage-explained" } as const;
const FORMATS = ["xls", "et", "ods"] as const;
type Format = "xlsx" | (typeof FORMATS)[number];

const describeLo = libreOfficeDescribe();

describeLo("files LibreOffice converts", () => {
  const tmp = tempDir("lo-conversion-");
  const folder = (format: Format) => path.join(tmp.dir, format);
  const file = (format: Format, name: string) => path.join(folder(format), `${name}.${format}`);
  const DAMAGED = () => file("xls", "损坏");
  let inputs: Map<string, MergeInput>;
  let soffice: string;

  beforeAll(async () => {
    soffice = findLibreOffice()!.soffice;
    for (const format of ["xlsx", ...FORMATS] as const) mkdirSync(folder(format));
    for (const [name, fixture] of Object.entries(REPORTS))
      copyFileSync(path.join(LO, fixture, "report.xlsx"), file("xlsx", name));
    await recalcWithLibreOffice(
      Object.keys(REPORTS).flatMap((name) => [
        { input: file("xlsx", name), output: file("xls", name) },
        { input: file("xlsx", name), output: file("ods", name) },
      ]),
    );
    for (const name of Object.keys(REPORTS)) copyFileSync(file("xls", name), file("et", name));
    // A real .xls cut short, as a broken download leaves it: still OLE2 at its start.
    const whole = readFileSync(file("xls", "甲"));
    writeFileSync(DAMAGED(), whole.subarray(0, Math.floor(whole.length / 3)));

    const entries: ReadableEntry[] = (["xlsx", ...FORMATS] as const).flatMap((format) =>
      readdirSync(folder(format)).map((n) => ({
        kind: "file" as const,
        path: path.join(folder(format), n),
        display: `${format}/${n}`,
      })),
    );
    const convert = libreOfficeConverter({ soffice, tempRoot: tmp.dir });
    inputs = new Map();
    let i = 0;
    for await (const input of intakeEntries(entries, { concurrency: 1, conversion: { convert } }))
      inputs.set(entries[i++].display, input);
  }, 600_000);
  afterAll(() => tmp.cleanup());

  it("each twin gets its .xlsx's verdict: unit, status and every finding", () => {
    for (const name of Object.keys(REPORTS)) {
      const twin = checkResultOf(inputs.get(`xlsx/${name}.xlsx`)!, "报表");
      expect(twin.status).not.toBe("unreadable");
      expect(twin.findings.length).toBeGreaterThan(0);
      for (const format of FORMATS) {
        const { convertedFrom, ...converted } = checkResultOf(inputs.get(`${format}/${name}.${format}`)!, "报表");
        expect({ name, format, ...converted }).toEqual({ name, format, ...twin });
        expect(convertedFrom).toBe(format);
      }
    }
  });

  /** Every cell of every master sheet, with the file names and hashes (which differ) set aside. */
  function masterCells(format: Format): MasterCell[][][] {
    const reports = Object.keys(REPORTS).map((name) => inputs.get(`${format}/${name}.${format}`)!);
    const master = describeMaster(mergeSubmissions(reports), { date: new Date(Date.UTC(2024, 0, 1)) });
    const hashes = Object.keys(REPORTS).map((name) =>
      createHash("sha256")
        .update(readFileSync(file(format, name)))
        .digest("hex"),
    );
    const neutral = (cell: MasterCell): MasterCell => {
      if (typeof cell !== "string") return cell;
      if (hashes.includes(cell)) return "（SHA-256）";
      // Names in any text (a credit-code conflict names the other file), folder and conversion note too.
      const names = Object.keys(REPORTS).join("");
      return cell.replace(
        new RegExp(`(?:${format}/)?([${names}])\\.${format}(?:（由 \\.${format} 转换）)?`, "g"),
        "$1",
      );
    };
    return master.sheets.filter((s) => !s.hidden).map((s) => [...s.rows()].map((r) => r.cells.map(neutral)));
  }

  it("the master from the twins is the master from the .xlsx files, cell for cell", () => {
    const fromXlsx = masterCells("xlsx");
    const summary = fromXlsx[0];
    // Both units, with their figures, and 问题清单 with their findings.
    expect(summary.flat()).toEqual(
      expect.arrayContaining(["天津市某某标准化研究院", "天津市河西区市场监督管理局", "（SHA-256）"]),
    );
    expect(fromXlsx[4].length).toBeGreaterThan(8);
    for (const format of FORMATS) expect({ format, cells: masterCells(format) }).toEqual({ format, cells: fromXlsx });
  });

  it("provenance says each converted file was converted, and from what", () => {
    const sheets = describeMaster(
      mergeSubmissions(Object.keys(REPORTS).map((name) => inputs.get(`et/${name}.et`)!)),
    ).sheets;
    const cells = [...sheets[0].rows()].flatMap((r) => r.cells);
    // 汇总表 names the file by the path as given, as every other sheet does.
    expect(cells).toEqual(expect.arrayContaining(["et/甲.et（由 .et 转换）", "et/乙.et（由 .et 转换）"]));
    const problems = sheets.find((s) => s.name === "问题清单")!;
    expect([...problems.rows()].flatMap((r) => r.cells)).toContain("et/甲.et（由 .et 转换）");
  });

  it("a damaged .xls is refused with a clear message naming it", () => {
    const damaged = inputs.get("xls/损坏.xls")!;
    expect(damaged).toMatchObject({ kind: "unreadable", code: "conversion_failed" });
    expect(damaged.kind === "unreadable" && damaged.message).toMatch(
      /^“损坏\.xls”用 LibreOffice 转换为 \.xlsx 时失败（LibreOffice 打不开这个 \.xls 文件，可能已损坏或设置了打开密码）/,
    );
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith("tj-report-convert-"))).toEqual([]);
  });

  it("merge converts, says so in the master and on screen, lists the damaged file, and leaves the folder as it was", async () => {
    const before = readdirSync(folder("xls")).map((n) => {
      const p = path.join(folder("xls"), n);
      return { n, mtime: statSync(p).mtimeMs, bytes: readFileSync(p).toString("base64") };
    });
    const out: string[] = [];
    const master = path.join(tmp.dir, "汇总.xlsx");
    const code = await runCli(["merge", "xls", "-o", master, "--soffice", soffice], {
      stdout: (t) => out.push(t),
      stderr: () => undefined,
      cwd: tmp.dir,
      isTTY: false,
    });
    expect(code).toBe(1);
    expect(out.join("")).toContain(
      "用 LibreOffice 转换后读取的文件：由 .xls 转换 2 个（总表的“来源文件”中同样注明）。",
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(master);
    const texts = (sheet: string) =>
      book
        .getWorksheet(sheet)!
        .getSheetValues()
        .flatMap((row) => (Array.isArray(row) ? row : []))
        .filter((v): v is string => typeof v === "string");
    expect(texts("汇总表")).toEqual(
      expect.arrayContaining(["xls/甲.xls（由 .xls 转换）", "xls/乙.xls（由 .xls 转换）"]),
    );
    expect(texts("问题清单").some((t) => t.startsWith("“损坏.xls”用 LibreOffice 转换为 .xlsx 时失败"))).toBe(true);
    const after = readdirSync(folder("xls")).map((n) => {
      const p = path.join(folder("xls"), n);
      return { n, mtime: statSync(p).mtimeMs, bytes: readFileSync(p).toString("base64") };
    });
    expect(after).toEqual(before);
  }, 600_000);
});
