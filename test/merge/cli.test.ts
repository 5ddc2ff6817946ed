/** `merge` run in-process on a copy of examples/ (spec §6): what the bureau sees and what scripts rely on. */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCommand } from "../helpers/run-cli";

const EXAMPLES = path.resolve(__dirname, "../../examples");
let dir: string;
let reports: string;
let roster: string;

async function filesUnder(d: string): Promise<string[]> {
  const entries = await fs.readdir(d, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(path.join(d, e.name)) : [path.join(d, e.name)])),
  );
  return nested.flat().sort();
}

async function hashes(d: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await filesUnder(d)) {
    const stat = await fs.stat(f);
    out[path.relative(d, f)] =
      createHash("sha256")
        .update(await fs.readFile(f))
        .digest("hex") + stat.mtimeMs;
  }
  return out;
}

async function merge(args: string[]) {
  return runCommand(["merge", ...args], dir);
}

async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "merge-cli-"));
  reports = path.join(dir, "收到的报表");
  await fs.cp(path.join(EXAMPLES, "reports"), reports, { recursive: true });
  roster = path.join(dir, "名单.csv");
  await fs.copyFile(path.join(EXAMPLES, "名单.csv"), roster);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("merge", () => {
  let json: Record<string, unknown>;
  let before: Record<string, string>;

  beforeAll(async () => {
    before = await hashes(reports);
    const r = await merge(["收到的报表", "-o", "汇总.xlsx", "--roster", "名单.csv", "--json"]);
    expect(r.code).toBe(1); // a unit with errors and a damaged file: the master is written all the same
    expect(r.err).toBe(""); // no progress bar when stderr is not a terminal
    json = JSON.parse(r.out);
  });

  it("prints the closing summary as JSON: files, units, errors, unreadable, superseded, skipped, roster", () => {
    expect(json).toEqual({
      reportType: "年度总结",
      reportTypeFrom: "majority",
      filesRead: 14,
      unitsMerged: 10,
      unitsWithErrors: 1,
      unreadable: 1,
      superseded: 1,
      skipped: 1,
      ignored: 1,
      missingFromRoster: 4,
      notOnRoster: 1,
      identityConflicts: 0,
      output: "汇总.xlsx",
      paragraph: expect.stringMatching(/^全市共10个单位报送2023年度总结（其中1个单位的报表尚有错误，数字待核实），/),
    });
  });

  it("leaves every input byte for byte, and its modification time, as it was", async () => {
    expect(await hashes(reports)).toEqual(before);
  });

  it("writes the master with one row per unit, the resubmission's values, and no temporary file left", async () => {
    const rows = await sheetRows(path.join(dir, "汇总.xlsx"), "汇总表");
    const header = rows[0] as string[];
    const unitAt = header.indexOf("报送单位（盖章单位全称）");
    const units = rows.slice(1, -1).map((r) => r[unitAt]);
    expect(units).toHaveLength(10);
    expect(units).toContain("天津市河西区市场监督管理局");
    const hexi = rows.find((r) => r[unitAt] === "天津市河西区市场监督管理局")!;
    expect(hexi[header.indexOf("参加《天津市标准化条例》研学人次")]).toBe(320);
    expect((await fs.readdir(dir)).filter((n) => n.includes(".tmp"))).toEqual([]);
  });

  it("keeps an existing output unless --force, then replaces it", async () => {
    const out = path.join(dir, "已有.xlsx");
    await fs.writeFile(out, "keep me");
    const kept = await merge(["收到的报表", "-o", "已有.xlsx"]);
    expect(kept.code).toBe(2);
    expect(kept.err).toContain("已存在");
    expect(await fs.readFile(out, "utf8")).toBe("keep me");
    const forced = await merge(["收到的报表", "-o", "已有.xlsx", "--force"]);
    expect(forced.code).toBe(1);
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe("PK");
  });

  it("makes the output's folder when it does not exist yet", async () => {
    const r = await merge(["收到的报表", "-o", "新建/总表/汇总.xlsx"]);
    expect(r.code).toBe(1);
    expect((await fs.readFile(path.join(dir, "新建/总表/汇总.xlsx"))).subarray(0, 2).toString()).toBe("PK");
  });

  it("says in Chinese where it could not write the master, and writes nothing", async () => {
    await fs.writeFile(path.join(dir, "一个文件"), "x");
    const r = await merge(["收到的报表", "-o", "一个文件/汇总.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("无法创建保存总表的文件夹“一个文件”");
  });

  it("gives the same master for the same files named in another order", async () => {
    const files = (await filesUnder(reports)).map((f) => path.relative(dir, f));
    await merge([...files, "-o", "a.xlsx", "--roster", "名单.csv"]);
    await merge([...files].reverse().concat(["-o", "b.xlsx", "--roster", "名单.csv"]));
    const [a, b] = await Promise.all([fs.readFile(path.join(dir, "a.xlsx")), fs.readFile(path.join(dir, "b.xlsx"))]);
    expect(a.equals(b)).toBe(true);
  });

  it("refuses a master given as input with a clear line, and merges the rest", async () => {
    await fs.copyFile(path.join(dir, "汇总.xlsx"), path.join(dir, "旧汇总.xlsx"));
    const r = await merge(["收到的报表/01-和平区市场监管局.xlsx", "旧汇总.xlsx", "-o", "m.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("未汇总：旧汇总.xlsx：这是汇总生成的总表");
    expect(r.out).toContain("汇总 1 个单位");
    const problems = await sheetRows(path.join(dir, "m.xlsx"), "问题清单");
    expect(problems.flat()).toContain("旧汇总.xlsx");
  });

  it("never overwrites an input, even with --force; a master from an earlier run in the folder is not read again", async () => {
    const input = path.join(reports, "01-和平区市场监管局.xlsx");
    const bytes = await fs.readFile(input);
    const r = await merge(["收到的报表", "-o", "收到的报表/01-和平区市场监管局.xlsx", "--force"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("是要汇总的输入文件之一");
    expect((await fs.readFile(input)).equals(bytes)).toBe(true);
    const nested = path.join(dir, "带总表");
    await fs.mkdir(nested);
    await fs.copyFile(input, path.join(nested, "a.xlsx"));
    await merge(["带总表", "-o", "带总表/汇总.xlsx"]);
    const again = await merge(["带总表", "-o", "带总表/汇总.xlsx", "--force", "--json"]);
    expect(JSON.parse(again.out)).toMatchObject({ filesRead: 1, unitsMerged: 1, ignored: 0 });
  });

  it("takes the report type it is told to", async () => {
    const r = await merge(["收到的报表", "-o", "stage.xlsx", "--type", "阶段性总结", "--json"]);
    expect(JSON.parse(r.out)).toMatchObject({
      reportType: "阶段性总结",
      reportTypeFrom: "given",
      unitsMerged: 1,
      skipped: 11,
    });
  });

  it.each([
    [["收到的报表", "-o", "x.xlsx", "--type", "月报"], "--type 只能是 阶段性总结 或 年度总结"],
    [["收到的报表", "-o", "x.csv"], "须以 .xlsx 结尾"],
    [["收到的报表", "-o", "x.xlsx", "--roster", "没有.csv"], "名单文件“没有.csv”无法读取：找不到该文件"],
    [["收到的报表"], "缺少必需的选项"],
  ])("is a usage error (exit 2) with a reason: %j", async (args, why) => {
    const r = await merge(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(why);
    await expect(fs.stat(path.join(dir, "x.xlsx"))).rejects.toThrow();
  });

  it("a roster without a header is a usage error saying what header it needs", async () => {
    await fs.writeFile(path.join(dir, "bad.csv"), "甲单位\n乙单位\n");
    const r = await merge(["收到的报表", "-o", "x.xlsx", "--roster", "bad.csv"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("找不到表头");
  });
});
