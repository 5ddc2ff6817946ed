/**
 * checkFile / readReportFile on real files: the real template filled with exceljs, changed the way
 * units change it, and files that are not reports at all. Nothing may throw.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { TEMPLATE } from "../../src/core/definition";
import { checkFile } from "../../src/node/intake-path";
import { readReportFile } from "../helpers/read-raw";
import { GOOD_FILL } from "../core/locate-helpers";
import { filledTemplate } from "../helpers/filled-template";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "read-report-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function save(name: string, wb: ExcelJS.Workbook): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function saveBytes(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe("a report made from the real template", () => {
  it("a correct report passes, with its unit, and the raw report carries the file's hash and version", async () => {
    const file = await save("good.xlsx", await filledTemplate());
    const result = await checkFile(file, { displayName: "good.xlsx" });
    expect(result).toEqual({ file: "good.xlsx", unit: GOOD_FILL.fields.unit_name, status: "ok", findings: [] });
    const read = await readReportFile(file);
    if (!read.ok) throw new Error(read.message);
    expect(read.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(read.raw.layoutChanges).toEqual([]);
    expect(read.raw.templateVersion).toBe(TEMPLATE.version);
    expect(read.raw.tables.events).toHaveLength(2);
  });

  it("a rule broken in the file is found at its cell; the path as given is the file name", async () => {
    const file = await save(
      "bad-phone.xlsx",
      await filledTemplate((wb) => (wb.getWorksheet("基本情况")!.getCell("C13").value = "12345")),
    );
    const result = await checkFile(file);
    expect(result.file).toBe(file);
    expect(result.status).toBe("errors");
    expect(result.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual(["format.phone@基本情况!C13"]);
  });

  it("with 年度 left blank, dates are judged against the year the template was made for", async () => {
    const file = await save(
      "no-year.xlsx",
      await filledTemplate((wb) => {
        wb.getWorksheet("基本情况")!.getCell("C6").value = null;
        wb.getWorksheet("活动明细")!.getCell("A4").value = new Date(Date.UTC(2022, 11, 30));
      }),
    );
    const result = await checkFile(file);
    expect(result.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual([
      "required@基本情况!C6",
      "event.in_year@活动明细!A4",
    ]);
  });

  it("an error value (#DIV/0!) in a required headcount is a finding, not a crash", async () => {
    const file = await save(
      "div0.xlsx",
      await filledTemplate(
        (wb) =>
          (wb.getWorksheet("基本情况")!.getCell("C19").value = {
            formula: "1/0",
            result: { error: "#DIV/0!" },
          } as ExcelJS.CellValue),
      ),
    );
    const result = await checkFile(file);
    expect(result.status).toBe("errors");
    expect(result.findings.some((f) => f.cell === "C19" && f.severity === "error")).toBe(true);
  });

  it("a renamed sheet is still read, and the change is reported as template.modified", async () => {
    const file = await save(
      "renamed.xlsx",
      await filledTemplate((wb) => (wb.getWorksheet("宣传报道")!.name = "媒体报道")),
    );
    const result = await checkFile(file);
    expect(result.status).toBe("warnings");
    expect(result.findings.map((f) => [f.rule, f.sheet])).toEqual([["template.modified", "媒体报道"]]);
  });

  it("hidden columns and hidden sheets are still read", async () => {
    const file = await save(
      "hidden.xlsx",
      await filledTemplate((wb) => {
        const events = wb.getWorksheet("活动明细")!;
        events.getColumn("F").hidden = true;
        events.getCell("F5").value = "十二点五";
        wb.getWorksheet("佐证材料")!.state = "hidden";
      }),
    );
    const result = await checkFile(file);
    expect(result.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual(["type.headcount@活动明细!F5"]);
    const read = await readReportFile(file);
    expect(read.ok && read.raw.tables.evidence).toHaveLength(1);
  });

  it("rows inserted by a program that leaves the defined names behind: found by labels, at their new cells", async () => {
    const file = await save(
      "spliced.xlsx",
      await filledTemplate((wb) => {
        const basic = wb.getWorksheet("基本情况")!;
        basic.spliceRows(12, 0, [], [], []);
        basic.getCell("C16").value = "12345"; // 联系电话, three rows down from C13
      }),
    );
    const read = await readReportFile(file);
    if (!read.ok) throw new Error(read.message);
    expect(read.raw.fields.contact_phone).toEqual({ value: "12345", sheet: "基本情况", cell: "C16" });
    expect(read.raw.fields.unit_name.cell).toBe("C8");
    const result = await checkFile(file);
    expect(result.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(
      expect.arrayContaining(["format.phone@C16", expect.stringMatching(/^template\.modified@/)]),
    );
    expect(result.findings.filter((f) => f.rule !== "template.modified").map((f) => f.rule)).toEqual(["format.phone"]);
  });

  it("a workbook holding the labels but no template metadata or names (copied content) is read", async () => {
    const src = await filledTemplate();
    const copy = new ExcelJS.Workbook();
    for (const ws of src.worksheets.filter((w) => w.name !== "模板信息")) {
      const target = copy.addWorksheet(ws.name);
      ws.eachRow((row, r) =>
        row.eachCell(
          (cell, c) => (target.getCell(r, c).value = cell.type === ExcelJS.ValueType.Formula ? null : cell.value),
        ),
      );
    }
    const result = await checkFile(await save("copied.xlsx", copy));
    expect(result.status).toBe("warnings");
    expect(result.findings.map((f) => f.rule)).toEqual(["template.modified"]);
  });
});

describe("files that are not a report are results, never exceptions", () => {
  it("a path that does not exist, and a folder", async () => {
    expect(await checkFile(path.join(dir, "nope.xlsx"))).toMatchObject({
      status: "unreadable",
      code: "not_found",
      findings: [],
      unit: null,
    });
    expect(await checkFile(dir)).toMatchObject({ status: "unreadable", code: "not_found" });
  });

  it("an empty file, a text file named .xlsx and random bytes", async () => {
    expect((await checkFile(saveBytes("empty.xlsx", Buffer.alloc(0)))).code).toBe("empty");
    expect((await checkFile(saveBytes("text.xlsx", "姓名,电话\n张三,13812345678\n"))).code).toBe("not_spreadsheet");
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect((await checkFile(saveBytes("random.xlsx", random))).status).toBe("unreadable");
  });

  it("a truncated copy of a real report", async () => {
    const wb = await filledTemplate();
    const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const result = await checkFile(saveBytes("truncated.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2))));
    expect(result).toMatchObject({ status: "unreadable", code: "corrupt" });
    expect(result.message).toContain("truncated.xlsx");
  });

  it("an ordinary workbook is not this template: refused whole, with a Chinese message naming the file", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名单");
    ws.addRow(["姓名", "联系电话", "单位类别"]);
    ws.addRow(["张三", "13812345678", "企业"]);
    const result = await checkFile(await save("roster.xlsx", wb), { displayName: "roster.xlsx" });
    expect(result).toMatchObject({
      file: "roster.xlsx",
      status: "unreadable",
      code: "not_template",
      findings: [],
      unit: null,
    });
    expect(result.message).toContain("roster.xlsx");
    expect(result.message).toContain("模板");
  });

  it("another template (its own templateId in 模板信息) is refused", async () => {
    const file = await save(
      "other.xlsx",
      await filledTemplate((wb) => (wb.getWorksheet("模板信息")!.getCell("B1").value = "some-other-form")),
    );
    expect(await checkFile(file)).toMatchObject({ status: "unreadable", code: "not_template" });
  });
});
