/**
 * `merge --reminders FILE.csv [--encoding …]` and `--scope` on a copy of examples/ (issue 17 parts 2
 * and 7): the 催报 file decoded as GB18030 (and UTF-8 on request), 未报送单位 with the same contacts,
 * the summary paragraph printed, and every refusal made before anything is read or written.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCommand } from "../helpers/run-cli";

const EXAMPLES = path.resolve(__dirname, "../../examples");
let dir: string;

async function merge(args: string[]) {
  return runCommand(["merge", "收到的报表", "--roster", "名单.csv", ...args], dir);
}

/** A CSV's records (every cell quoted, as the 催报 file writes them). */
function records(text: string): string[][] {
  return text
    .split("\r\n")
    .filter((l) => l !== "")
    .map((l) => [...l.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"')));
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "reminders-cli-"));
  await fs.cp(path.join(EXAMPLES, "reports"), path.join(dir, "收到的报表"), { recursive: true });
  await fs.copyFile(path.join(EXAMPLES, "名单.csv"), path.join(dir, "名单.csv"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("merge --reminders", () => {
  let run: Awaited<ReturnType<typeof merge>>;
  beforeAll(async () => {
    run = await merge(["-o", "汇总.xlsx", "--reminders", "催报.csv"]);
  });

  it("writes the 催报 list in GB18030: the roster units that sent nothing with their contacts, and the damaged file", async () => {
    expect(run.code).toBe(1);
    const bytes = await fs.readFile(path.join(dir, "催报.csv"));
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const rows = records(new TextDecoder("gb18030", { fatal: true }).decode(bytes));
    expect(rows[0]).toEqual([
      "情况",
      "单位名称",
      "统一社会信用代码",
      "单位类别",
      "联系人",
      "联系电话",
      "电子邮箱",
      "名单行号",
      "来源文件",
      "说明",
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4], r[5], r[6]])).toEqual([
      ["未报送", "天津市工业和信息化局", "周强", "022-28311007", "unit07@example.cn"],
      ["未报送", "天津市东丽区市场监督管理局", "吴敏", "022-28311008", "unit08@example.cn"],
      ["未报送", "天津市津南区市场监督管理局", "孙悦", "022-28311010", "unit10@example.cn"],
      ["未报送", "天津大学标准化研究中心", "马超", "022-28311011", "unit11@example.cn"],
      ["文件无法读取", "", "", "", ""],
    ]);
    // The 市工业和信息化局 sent only a 阶段性总结: said on its line, with the file.
    expect(rows[1][8]).toBe("收到的报表/07-市工业和信息化局-阶段性总结.xlsx");
    expect(rows[1][9]).toContain("只报送了阶段性总结");
    expect(rows[5][8]).toBe("收到的报表/08-东丽区市场监管局.xlsx");
    expect(run.out).toContain(
      "催报名单已写入：催报.csv（GB18030 编码；共 5 行：名单中未报送的单位 4 个，无法读取的文件 1 个）。",
    );
  });

  it("shows the same contacts in the master's 未报送单位", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "汇总.xlsx"));
    const ws = wb.getWorksheet("未报送单位")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const at = (h: string) => header.indexOf(h) + 1;
    const row = [2, 3, 4, 5, 6].find(
      (r) => ws.getRow(r).getCell(at("单位名称")).value === "天津市津南区市场监督管理局",
    )!;
    expect(["联系人", "联系电话", "电子邮箱"].map((h) => ws.getRow(row).getCell(at(h)).value)).toEqual([
      "孙悦",
      "022-28311010",
      "unit10@example.cn",
    ]);
  });

  it("prints the summary paragraph after the closing summary", () => {
    expect(run.out).toContain(
      "总结段落（可直接粘贴到本单位的总结中；也在总表“统计”工作表开头）：\n全市共10个单位报送2023年度总结",
    );
    expect(run.out).toMatch(/尚有4个单位未报送：天津市工业和信息化局、.*天津大学标准化研究中心。\n$/);
  });

  it("writes UTF-8 with a byte-order mark on --encoding utf-8, the same text", async () => {
    const r = await merge(["-o", "汇总2.xlsx", "--reminders", "催报-utf8.csv", "--encoding", "UTF-8"]);
    expect(r.code).toBe(1);
    const utf8 = await fs.readFile(path.join(dir, "催报-utf8.csv"));
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const gb = await fs.readFile(path.join(dir, "催报.csv"));
    expect(utf8.subarray(3).toString("utf-8")).toBe(new TextDecoder("gb18030").decode(gb));
    expect(r.out).toContain("（UTF-8 编码；");
  });

  it("takes the paragraph's scope from --scope", async () => {
    const r = await merge(["-o", "汇总3.xlsx", "--scope", "天津市", "--json"]);
    expect(JSON.parse(r.out).paragraph).toMatch(/^天津市共10个单位报送/);
  });

  it.each([
    [["--reminders", "催报.txt"], "催报名单文件须以 .csv 结尾"],
    [["--reminders", "催报.csv"], "催报名单文件“催报.csv”已存在，未覆盖。如需覆盖请加 --force。"],
    [["--reminders", "名单.csv", "--force"], "就是名单文件"],
    [["--encoding", "utf-8"], "--encoding 只用于 --reminders"],
    [["--reminders", "新.csv", "--encoding", "big5"], "--encoding 只能是 gb18030"],
    [["--scope", "和平\n区"], "--scope 须为不超过 20 个字的一行文字"],
  ])("refuses %j before reading anything: %s", async (args, message) => {
    const before = await fs.readdir(dir);
    const r = await merge(["-o", "新汇总.xlsx", ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(await fs.readdir(dir)).toEqual(before);
  });
});
