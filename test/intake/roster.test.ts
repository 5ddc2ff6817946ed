/**
 * The roster intake (src/intake/roster.ts) both hosts share: rosters as LibreOffice saves them
 * (test/fixtures/rosters, made by scripts/make-roster-fixtures.sh: GB18030 and UTF-16 CSV, .xlsx),
 * their own row numbers, the size judged before a byte is read, and reasons that call the file a
 * roster and name it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as iconv from "iconv-lite";
import { MAX_ROSTER_BYTES } from "../../src/core/merge/roster-table";
import { takeRoster, type RosterSource } from "../../src/intake/roster";
import { readRosterFile } from "../../src/node/roster";
import { decodeCsv } from "../../src/read/roster-csv";
import { rosterFile } from "../helpers/chosen-files";

const ROSTERS = path.resolve(__dirname, "../fixtures/rosters");
const fixture = (name: string) => fs.readFileSync(path.join(ROSTERS, name));

/** A source over bytes in memory that records whether they were read. */
function source(name: string, bytes: Uint8Array, size = bytes.length): RosterSource & { reads: number } {
  const s = {
    name,
    size,
    reads: 0,
    read: async () => {
      s.reads++;
      return bytes;
    },
  };
  return s;
}

/** source.csv's units with their line numbers in a CSV (blank line 2, a two-line 备注 cell on lines 4–5, blank line 7). */
const CSV_UNITS = [
  { name: "天津市南开区市场监督管理局", creditCode: "11120104MB1234567N", category: "区市场监管局", row: 4 },
  { name: "天津市红桥区市场监督管理局", creditCode: "11120106MB1234567K", category: "区市场监管局", row: 6 },
  { name: "天津市标准化协会", creditCode: null, category: "行业协会商会", row: 8 },
  { name: "天津市𠀀标准化研究院", creditCode: "12120000MB1234567L", category: "标准化技术机构", row: 9 },
];

describe("rosters as LibreOffice saves them", () => {
  it.each([
    ["名单-gb18030.csv", "gb18030"],
    ["名单-utf16.csv", "utf-16le"],
    ["source.csv", "utf-8"],
  ])("%s: every unit, with the line it stands on in the file (read as %s)", async (name, encoding) => {
    expect(await takeRoster(source(name, fixture(name)))).toEqual({ ok: true, file: name, units: CSV_UNITS, encoding });
  });

  it("the GB18030 file really is GB18030: a character outside GBK takes four bytes", () => {
    const bytes = fixture("名单-gb18030.csv");
    expect(bytes.includes(Buffer.from(iconv.encode("𠀀", "gb18030")))).toBe(true);
    expect(iconv.encode("𠀀", "gb18030")).toHaveLength(4);
    expect(decodeCsv(bytes)).toMatchObject({ ok: true, encoding: "gb18030" });
  });

  it(".xlsx: the worksheet's own rows (the two-line cell is one row there)", async () => {
    const r = await takeRoster(source("名单.xlsx", fixture("名单.xlsx")));
    expect(r).toEqual({
      ok: true,
      file: "名单.xlsx",
      units: CSV_UNITS.map((u, i) => ({ ...u, row: [4, 5, 7, 8][i] })),
    });
  });

  it("UTF-16 without a BOM, little- or big-endian, is recognised by its zero bytes", async () => {
    const le = fixture("名单-utf16.csv").subarray(2);
    const be = Buffer.from(le);
    be.swap16();
    expect(await takeRoster(source("le.csv", le))).toMatchObject({ ok: true, units: CSV_UNITS, encoding: "utf-16le" });
    expect(await takeRoster(source("be.csv", be))).toMatchObject({ ok: true, units: CSV_UNITS, encoding: "utf-16be" });
    const bom = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    expect(await takeRoster(source("bom.csv", bom))).toMatchObject({ ok: true, encoding: "utf-16be" });
  });

  it("UTF-16 that does not decode, and UTF-32, are refused naming their encoding", async () => {
    const broken = fixture("名单-utf16.csv").subarray(2, 41);
    expect(await takeRoster(source("半个.csv", broken))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^名单文件“半个\.csv”无法读取：文件看起来是不带标记的 UTF-16LE 编码/),
    });
    const utf32 = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode("单位名称\n甲\n", "utf-32le")]);
    expect(await takeRoster(source("u32.csv", utf32))).toEqual({
      ok: false,
      reason: expect.stringContaining("名单文件“u32.csv”无法读取：文件是 UTF-32 编码"),
    });
  });

  it("a NUL inside a UTF-8 name is text, not a sign of UTF-16", async () => {
    const r = await takeRoster(source("nul.csv", Buffer.from("单位名称,类别\n天津市\u0000甲单位,企业\n乙单位,企业\n")));
    expect(r).toMatchObject({
      ok: true,
      encoding: "utf-8",
      units: [{ name: "天津市\u0000甲单位" }, { name: "乙单位" }],
    });
  });

  it("CR LF line ends and a CR LF inside a quoted cell count as one line each", async () => {
    const text = '单位名称,备注\r\n甲单位,"两行\r\n备注"\r\n\r\n乙单位,\r\n';
    expect(await takeRoster(source("crlf.csv", Buffer.from(text)))).toMatchObject({
      ok: true,
      units: [
        { name: "甲单位", row: 2 },
        { name: "乙单位", row: 5 },
      ],
    });
  });
});

describe("the size is judged before a byte is read", () => {
  it.each(["名单.csv", "名单.xlsx"])("%s over the limit is refused, its bytes never read", async (name) => {
    const s = source(name, new Uint8Array(), 50 * 1024 * 1024);
    const r = await takeRoster(s);
    expect(r).toEqual({
      ok: false,
      reason: expect.stringMatching(new RegExp(`^名单文件“${name}”无法读取：文件过大（50 MB，上限 20 MB）`)),
    });
    expect(s.reads).toBe(0);
  });

  it("an empty file is said to be empty, unread", async () => {
    const s = source("名单.xlsx", new Uint8Array());
    expect(await takeRoster(s)).toEqual({ ok: false, reason: "名单文件“名单.xlsx”无法读取：文件是空的（0 字节）" });
    expect(s.reads).toBe(0);
  });

  it("a file that grew past the limit after its size was taken is refused after reading", async () => {
    const s = source("名单.csv", new Uint8Array(MAX_ROSTER_BYTES + 1), 100);
    expect(await takeRoster(s)).toEqual({ ok: false, reason: expect.stringContaining("文件过大") });
  });
});

describe("reasons call the file a roster and name it", () => {
  it.each([
    ["名单.xls", "旧版 Excel 97-2003 格式（.xls）", Buffer.from("x")],
    ["名单.pdf", "名单须为 .xlsx 或 .csv 文件", Buffer.from("x")],
    ["名单.xlsx", "不是 Excel 工作簿", Buffer.from("not a zip at all")],
    ["名单.csv", "找不到表头", Buffer.from("甲单位\n乙单位\n")],
    ["名单.csv", "CSV 格式有误", Buffer.from('单位名称\n"甲单位\n')],
    ["名单.csv", "既不是 UTF-8 也不是 GBK/GB18030", Buffer.from([0x81, 0x20, 0xff, 0x0a])],
  ])("%s: %s", async (name, why, bytes) => {
    const r = await takeRoster(source(name, bytes));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.startsWith(`名单文件“${name}”无法读取：`)).toBe(true);
      expect(r.reason).toContain(why);
      expect(r.reason).not.toMatch(/报表|模板/);
    }
  });

  it("a report workbook is not a roster: its first sheet has no roster header, and the sheet is named", async () => {
    const report = path.resolve(__dirname, "../../examples/reports/01-和平区市场监管局.xlsx");
    const r = await takeRoster(source("01.xlsx", fs.readFileSync(report)));
    expect(r).toEqual({
      ok: false,
      reason: expect.stringMatching(/^名单文件“01\.xlsx”无法读取：工作表“[^”]+”前 10 个非空行中找不到表头/),
    });
  });

  it("a host that cannot give the bytes: permission, or gone", async () => {
    const failing = (e: unknown): RosterSource => ({ name: "名单.csv", size: 10, read: () => Promise.reject(e) });
    expect(await takeRoster(failing(Object.assign(new Error("x"), { code: "EACCES" })))).toEqual({
      ok: false,
      reason: "名单文件“名单.csv”无法读取：没有读取权限",
    });
    expect(await takeRoster(failing({ name: "NotFoundError" }))).toMatchObject({
      reason: expect.stringContaining("找不到该文件"),
    });
  });
});

describe("both hosts are thin adapters over the intake", () => {
  it.each(["名单-gb18030.csv", "名单-utf16.csv", "名单.xlsx"])(
    "%s reads the same in Node and in the pane",
    async (name) => {
      const file = path.join(ROSTERS, name);
      const node = await readRosterFile(file, `rosters/${name}`);
      const pane = await takeRoster(rosterFile(file));
      expect(node).toMatchObject({ ok: true, file: name });
      expect(pane).toEqual(node);
    },
  );

  it("the pane refuses a too-large .xlsx roster without reading it; so does Node", async () => {
    let read = false;
    const pane = await takeRoster({
      name: "名单.xlsx",
      size: 50 * 1024 * 1024,
      read: async () => ((read = true), new Uint8Array()),
    });
    expect(pane).toEqual({ ok: false, reason: expect.stringMatching(/^名单文件“名单\.xlsx”无法读取：文件过大/) });
    expect(read).toBe(false);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-"));
    try {
      const big = path.join(dir, "名单.xlsx");
      fs.writeFileSync(big, "");
      fs.truncateSync(big, 50 * 1024 * 1024); // sparse: nothing is written
      const readFile = jest.spyOn(fs.promises, "readFile");
      expect(await readRosterFile(big, "名单.xlsx")).toEqual(pane);
      expect(readFile).not.toHaveBeenCalled();
      readFile.mockRestore();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("Node names the path as typed when the file is missing or not a file", async () => {
    expect(await readRosterFile(path.join(ROSTERS, "无.csv"), "无.csv")).toEqual({
      ok: false,
      reason: "名单文件“无.csv”无法读取：找不到该文件，请检查路径",
    });
    expect(await readRosterFile(ROSTERS, "rosters")).toEqual({
      ok: false,
      reason: "名单文件“rosters”无法读取：这不是一个普通文件",
    });
  });

  it("the intake imports only the core and the reader (it runs in the pane and in Node)", () => {
    const text = fs.readFileSync(path.resolve(__dirname, "../../src/intake/roster.ts"), "utf8");
    const specifiers = [...text.matchAll(/\bfrom\s+["']([^"']+)["']/g)].map((m) => m[1]);
    expect(specifiers.length).toBeGreaterThan(0);
    for (const s of specifiers) expect(s).toMatch(/^\.\.\/(core|read)(\/|$)/);
    expect(text).not.toMatch(/\bBuffer\b|\bprocess\.|\brequire\(/);
  });
});
