/** Rosters as bureaus keep them: Excel/WPS CSV in GBK, UTF-8 CSV with or without BOM, or .xlsx. */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import * as iconv from "iconv-lite";
import { decodeCsv } from "../../src/read/roster-csv";
import { readRosterFile } from "../../src/node/roster";

let dir: string;
beforeAll(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), "roster-"))));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const CSV =
  '单位名称,统一社会信用代码,单位类别\r\n天津市和平区市场监督管理局,11120101mb1234567b,区市场监管局\r\n"天津市标准化协会, 秘书处",,行业协会商会\r\n';

async function write(name: string, bytes: Buffer | string): Promise<string> {
  const p = path.join(dir, name);
  await fs.writeFile(p, bytes);
  return p;
}

const EXPECTED = [
  { name: "天津市和平区市场监督管理局", creditCode: "11120101MB1234567B", category: "区市场监管局", row: 2 },
  { name: "天津市标准化协会, 秘书处", creditCode: null, category: "行业协会商会", row: 3 },
];

describe("roster files", () => {
  it("reads a GB18030/GBK CSV as WPS and Chinese Excel save it", async () => {
    const bytes = iconv.encode(CSV, "gbk");
    expect(decodeCsv(bytes)).toMatchObject({ ok: true, encoding: "gb18030" });
    expect(await readRosterFile(await write("gbk.csv", bytes))).toEqual({
      ok: true,
      file: "gbk.csv",
      units: EXPECTED,
      encoding: "gb18030",
    });
  });

  it("reads a character outside GBK from a GB18030 CSV", async () => {
    const bytes = iconv.encode("单位名称\n𠀀研究院\n", "gb18030");
    expect(await readRosterFile(await write("gb18030.csv", bytes))).toMatchObject({
      ok: true,
      units: [{ name: "𠀀研究院" }],
    });
  });

  it("reads UTF-8 with and without BOM the same", async () => {
    const plain = await readRosterFile(await write("utf8.csv", CSV));
    const bom = await readRosterFile(
      await write("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV)])),
    );
    expect(decodeCsv(Buffer.from(CSV))).toMatchObject({ ok: true, encoding: "utf-8" });
    expect(plain).toEqual({ ok: true, file: "utf8.csv", units: EXPECTED, encoding: "utf-8" });
    expect(bom).toEqual({ ok: true, file: "bom.csv", units: EXPECTED, encoding: "utf-8" });
  });

  it("finds the header row below a title by its labels (full-width, marked required); rows are the file's lines", async () => {
    const p = await write("title.csv", "2023年报送单位名单,,\n\n序号,单位名称＊,类别\n1,甲单位,企业\n2,,\n3,乙单位,\n");
    expect(await readRosterFile(p)).toEqual({
      ok: true,
      file: "title.csv",
      units: [
        { name: "甲单位", creditCode: null, category: "企业", row: 4 },
        { name: "乙单位", creditCode: null, category: null, row: 6 },
      ],
      encoding: "utf-8",
    });
  });

  it("reads the first visible sheet of an .xlsx", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").state = "hidden";
    const ws = wb.addWorksheet("名单");
    ws.addRow(["单位名称", "统一社会信用代码"]);
    ws.addRow(["天津市和平区市场监督管理局", "11120101MB1234567B"]);
    const p = path.join(dir, "roster.xlsx");
    await wb.xlsx.writeFile(p);
    expect(await readRosterFile(p)).toEqual({
      ok: true,
      file: "roster.xlsx",
      units: [{ name: "天津市和平区市场监督管理局", creditCode: "11120101MB1234567B", category: null, row: 2 }],
    });
  });

  it.each([
    ["no header", "noheader.csv", "甲单位\n乙单位\n", /找不到表头.*单位名称/],
    ["a header and nothing under it", "empty.csv", "单位名称\n", /没有任何单位名称/],
    ["another file type", "roster.txt", "单位名称\n甲\n", /须为 \.xlsx 或 \.csv/],
    ["a damaged .xlsx", "broken.xlsx", "not a zip", /名单文件“.*broken\.xlsx”无法读取/],
  ])("says why it cannot read a roster with %s", async (_, name, content, why) => {
    const r = await readRosterFile(await write(name, content));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(why);
  });

  it("says so when the roster file does not exist", async () => {
    expect(await readRosterFile(path.join(dir, "nope.csv"), "nope.csv")).toEqual({
      ok: false,
      reason: "名单文件“nope.csv”无法读取：找不到该文件，请检查路径",
    });
  });
});
