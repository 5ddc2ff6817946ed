/**
 * Copies of the template that were tampered with, and formulas and links that reach outside the file.
 * Formulas are never evaluated and links never followed: only values the writing program cached are
 * read. A copy that is not this template is refused as a whole; a damaged one is called damaged.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import type ExcelJS from "exceljs";
import { missingWorksheetParts } from "../../src/read/guard";
import { readReportFile } from "../helpers/read-raw";
import { checkUntouched, expectUnreadable, goodReport, sheetPart, withParts } from "./helpers";

const UNIT = "天津市某某区市场监督管理局";
let dir: string;
let server: http.Server;
let hits: string[] = [];
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-template-"));
  server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    res.end("LEAKED-BY-REQUEST");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  hits = [];
});

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const basic = (wb: ExcelJS.Workbook) => wb.getWorksheet("基本情况")!;
const meta = (wb: ExcelJS.Workbook) => wb.getWorksheet("模板信息")!;

/** The row of 模板信息 whose key (column A) is `key`. */
function metaRow(wb: ExcelJS.Workbook, key: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  meta(wb).eachRow((row) => {
    if (row.getCell(1).value === key) found = row;
  });
  if (!found) throw new Error(`no ${key} in 模板信息`);
  return found;
}

describe("tampered copies of the template", () => {
  it("模板信息 deleted: still read, with a template.modified warning saying so", async () => {
    const r = await checkUntouched(write("no-meta.xlsx", await goodReport((wb) => wb.removeWorksheet(meta(wb).id))));
    expect(r).toMatchObject({ status: "warnings", unit: UNIT });
    expect(r.findings.map((f) => f.rule)).toEqual(["template.modified"]);
    expect(r.findings[0].message).toContain("模板信息");
  });

  it("another template's id: refused as not this template, naming the id", async () => {
    const r = await checkUntouched(
      write("other-id.xlsx", await goodReport((wb) => (metaRow(wb, "templateId").getCell(2).value = "tj-other-form"))),
    );
    expectUnreadable(r, "not_template", "other-id.xlsx");
    expect(r.message).toContain("tj-other-form");
  });

  it("a newer template version is read as usual, and the version is carried", async () => {
    const file = write("newer.xlsx", await goodReport((wb) => (metaRow(wb, "version").getCell(2).value = "9.9.9")));
    expect(await checkUntouched(file)).toMatchObject({ status: "ok", unit: UNIT });
    const read = await readReportFile(file);
    expect(read.ok && read.raw.templateVersion).toBe("9.9.9");
  });

  it("every sheet hidden (even very hidden): values are still read", async () => {
    const file = write(
      "all-hidden.xlsx",
      await goodReport((wb) => {
        for (const ws of wb.worksheets) ws.state = "veryHidden";
      }),
    );
    expect(await checkUntouched(file)).toMatchObject({ status: "ok", unit: UNIT });
  });

  it("the workbook lists a sheet whose part is missing: damaged, not 'another template'", async () => {
    const report = await goodReport();
    const part = await sheetPart(report, "基本情况");
    const r = await checkUntouched(write("missing-part.xlsx", await withParts(report, (parts) => parts.delete(part))));
    expectUnreadable(r, "corrupt", "missing-part.xlsx");
    expect(r.message).toContain(part);
  });

  it("a sheet whose XML is cut off: damaged", async () => {
    const report = await goodReport();
    const part = await sheetPart(report, "活动明细");
    const bytes = await withParts(report, (parts, text) => parts.set(part, Buffer.from(text(part).slice(0, 400))));
    expectUnreadable(await checkUntouched(write("cut-sheet.xlsx", bytes)), "corrupt", "cut-sheet.xlsx");
  });
});

describe("missingWorksheetParts", () => {
  const WS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
  const rels = (...targets: string[]) =>
    `<Relationships>${targets.map((t, i) => `<Relationship Id="rId${i}" Type="${WS}" Target="${t}"${t.startsWith("http") ? ' TargetMode="External"' : ""}/>`).join("")}<Relationship Id="s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="nostyles.xml"/></Relationships>`;
  it("resolves relative, absolute and dotted targets against the package's part names", () => {
    const names = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"];
    expect(
      missingWorksheetParts(
        rels("worksheets/sheet1.xml", "/xl/worksheets/sheet2.xml", "./worksheets/../worksheets/sheet1.xml"),
        names,
      ),
    ).toEqual([]);
    expect(
      missingWorksheetParts(rels("worksheets/sheet1.xml", "worksheets/sheet3.xml", "/xl/sheet2.xml"), names),
    ).toEqual(["xl/worksheets/sheet3.xml", "xl/sheet2.xml"]);
  });
  it("ignores external targets and other relationship types", () => {
    expect(missingWorksheetParts(rels("https://example.com/x.xml"), [])).toEqual([]);
  });
});

describe("formulas and links reaching outside the file are never followed", () => {
  /** The report with the unit name cell holding `formula`, its cached result the unit's name. */
  const withFormula = (formula: string) =>
    goodReport((wb) => (basic(wb).getCell("C8").value = { formula, result: UNIT } as ExcelJS.CellValue));

  it.each([
    ["WEBSERVICE", () => `WEBSERVICE("${base}/webservice")`],
    ["HYPERLINK", () => `HYPERLINK("${base}/hyperlink","${UNIT}")`],
    ["FILTERXML of WEBSERVICE", () => `FILTERXML(WEBSERVICE("${base}/x"),"//a")`],
    ["DDE", () => "cmd|'/c curl 127.0.0.1'!A0"],
    ["INDIRECT to another book", () => `INDIRECT("'file:///etc/[passwd]x'!A1")`],
  ])("%s: the cached result is read, nothing is fetched or run", async (what, formula) => {
    const r = await checkUntouched(write(`${what.replace(/\W+/g, "-")}.xlsx`, await withFormula(formula())));
    expect(r).toMatchObject({ status: "ok", unit: UNIT });
    expect(JSON.stringify({ ...r, file: "" })).not.toMatch(/LEAKED|curl|WEBSERVICE/);
    expect(hits).toEqual([]);
  });

  it("a formula without a cached result is blank (never evaluated): a required-field error", async () => {
    const r = await checkUntouched(
      write(
        "uncached.xlsx",
        await goodReport((wb) => (basic(wb).getCell("C8").value = { formula: `"${UNIT}"` } as ExcelJS.CellValue)),
      ),
    );
    expect(r.status).toBe("errors");
    expect(r.findings.map((f) => `${f.rule}@${f.cell}`)).toContain("required@C8");
  });

  it("a hyperlink cell to a local file shows its text only", async () => {
    const r = await checkUntouched(
      write(
        "link.xlsx",
        await goodReport((wb) => (basic(wb).getCell("C8").value = { text: UNIT, hyperlink: "file:///etc/passwd" })),
      ),
    );
    expect(r).toMatchObject({ status: "ok", unit: UNIT });
  });

  it("an external workbook link (xl/externalLinks) to a FIFO: never opened (opening would block), cached value read", async () => {
    const target = path.join(dir, "linked-book.xlsx");
    try {
      execFileSync("mkfifo", [target]);
    } catch {
      fs.writeFileSync(target, "not opened either");
    }
    const formula = "[1]Sheet1!$A$1";
    const report = await withFormula(formula);
    const bytes = await withParts(report, (parts, text) => {
      const ns =
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
      parts.set(
        "xl/externalLinks/externalLink1.xml",
        Buffer.from(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink ${ns}><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1" t="str"><v>${UNIT}</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
        ),
      );
      parts.set(
        "xl/externalLinks/_rels/externalLink1.xml.rels",
        Buffer.from(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file://${target}" TargetMode="External"/></Relationships>`,
        ),
      );
      const rels = text("xl/_rels/workbook.xml.rels");
      parts.set(
        "xl/_rels/workbook.xml.rels",
        Buffer.from(
          rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
          ),
        ),
      );
      const workbook = text("xl/workbook.xml");
      if (!workbook.includes("</sheets>")) throw new Error("no </sheets> in workbook.xml");
      parts.set(
        "xl/workbook.xml",
        Buffer.from(
          workbook.replace(
            "</sheets>",
            '</sheets><externalReferences><externalReference r:id="rIdExt1"/></externalReferences>',
          ),
        ),
      );
      const types = text("[Content_Types].xml");
      parts.set(
        "[Content_Types].xml",
        Buffer.from(
          types.replace(
            "</Types>",
            '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
          ),
        ),
      );
    });
    const r = await checkUntouched(write("external.xlsx", bytes), "external.xlsx", 10000);
    expect(r).toMatchObject({ status: "ok", unit: UNIT });
  });
});
