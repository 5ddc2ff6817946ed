/**
 * `merge --feedback` run in-process, as the bureau runs it: over the example reports and over a batch
 * LibreOffice filled (test/fixtures), each merged unit gets one workbook, a 退回意见 or a 回执, whose
 * findings are exactly 问题清单's lines for the unit's file, unit by unit; superseded files are named
 * in their unit's feedback; existing files are kept without --force; inputs never overwritten.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { runCommand } from "../helpers/run-cli";
import { labelOf, problemLines, readFeedback, type ReadFeedback } from "./read-feedback";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(ROOT, "test/fixtures");
let dir: string;

/** `merge` as a user runs it, without LibreOffice: the .xls and .ods fixtures are files it cannot read
 * (their conversion is the LibreOffice suite's, test/lo/conversion.test.ts), so this suite needs none. */
async function merge(args: string[]) {
  return runCommand(["merge", ...args, "--no-soffice"], dir);
}

async function filesUnder(d: string): Promise<string[]> {
  const entries = await fs.readdir(d, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(path.join(d, e.name)) : [path.join(d, e.name)])),
  );
  return nested.flat().sort();
}

/** SHA-256 → the path as merge shows it (relative to `dir`, as given on the command line). */
async function pathsBySha(folder: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of await filesUnder(path.join(dir, folder)))
    out.set(
      createHash("sha256")
        .update(await fs.readFile(f))
        .digest("hex"),
      path.relative(dir, f),
    );
  return out;
}

const SETTINGS = {
  退回意见: {
    截止日期: "2023年11月25日",
    经办单位: "天津市市场监督管理委员会标准化处",
    联系人: "张三",
    联系电话: "022-23456789",
    电子邮箱: "bzc@example.gov.cn",
    补充说明: "修改后请加盖公章，通过政务邮箱报送。",
  },
};

/** What one line says, as both workbooks show it. */
const lineOf = (r: Record<string, unknown>, message: string, explanation: string) => ({
  severity: r["严重程度"],
  sheet: r["工作表"],
  cell: r["单元格"],
  message: r[message],
  explanation: r[explanation] ?? null,
});

interface Batch {
  readonly feedback: Map<string, ReadFeedback>;
  readonly problems: Record<string, unknown>[];
  readonly bySha: Map<string, string>;
  readonly json: Record<string, unknown>;
}

async function mergeBatch(input: string, out: string, folder: string, extra: string[] = []): Promise<Batch> {
  const r = await merge([input, "-o", out, "--feedback", folder, "--json", ...extra]);
  expect(r.err).toBe("");
  expect(r.code).toBe(1);
  const feedback = new Map<string, ReadFeedback>();
  for (const name of await fs.readdir(path.join(dir, folder)))
    feedback.set(name, await readFeedback(path.join(dir, folder, name)));
  return {
    feedback,
    problems: await problemLines(path.join(dir, out)),
    bySha: await pathsBySha(input),
    json: JSON.parse(r.out) as Record<string, unknown>,
  };
}

/** Every feedback workbook against 问题清单, unit by unit: the same lines, in the same order, no more, no fewer. */
function expectSameFindings(batch: Batch): void {
  const merged = batch.problems.filter((p) => p["类型"] === "审核发现" || p["类型"] === "单位身份冲突");
  const covered = new Set<string>();
  for (const [name, f] of batch.feedback) {
    const file = batch.bySha.get(labelOf(f, "SHA-256") ?? "");
    expect([name, file]).toEqual([name, expect.any(String)]);
    covered.add(file!);
    const expected = batch.problems.filter((p) => p["来源文件"] === file).map((p) => lineOf(p, "问题说明", "核实说明"));
    expect([name, f.rows.map((r) => lineOf(r, "问题及要求", "已填写的核实说明"))]).toEqual([name, expected]);
    expect(f.sheet).toBe(name.endsWith("-回执.xlsx") ? "回执" : "退回意见");
  }
  // Every merged file's lines went to some unit's feedback.
  expect(merged.filter((p) => !covered.has(String(p["来源文件"])))).toEqual([]);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "feedback-cli-"));
  await fs.cp(path.join(ROOT, "examples/reports"), path.join(dir, "收到的报表"), { recursive: true });
  await fs.copyFile(path.join(ROOT, "examples/名单.csv"), path.join(dir, "名单.csv"));
  await fs.writeFile(path.join(dir, "设置.json"), JSON.stringify(SETTINGS, null, 2));
  await fs.mkdir(path.join(dir, "LibreOffice填写"));
  for (const set of ["lo", "lo-blind", "lo-merge"])
    for (const name of await fs.readdir(path.join(FIXTURES, set)))
      for (const f of await fs.readdir(path.join(FIXTURES, set, name)))
        if (f.startsWith("report."))
          await fs.copyFile(
            path.join(FIXTURES, set, name, f),
            path.join(dir, "LibreOffice填写", `${set}-${name}${path.extname(f)}`),
          );
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("merge --feedback over the example reports", () => {
  let batch: Batch;
  beforeAll(async () => {
    batch = await mergeBatch("收到的报表", "汇总.xlsx", "新建/退回意见", [
      "--roster",
      "名单.csv",
      "--settings",
      "设置.json",
    ]);
  });

  it("writes one workbook per merged unit, named after the unit, into a folder it made", () => {
    expect(batch.json.feedback).toEqual({ folder: "新建/退回意见", returns: 3, receipts: 7 });
    expect(batch.feedback.size).toBe(batch.json.unitsMerged);
    expect([...batch.feedback.keys()]).toEqual(
      expect.arrayContaining([
        "天津市河西区市场监督管理局-回执.xlsx",
        "天津滨海某某电子科技有限公司-退回意见.xlsx",
        "天津市标准化协会-退回意见.xlsx",
      ]),
    );
  });

  it("lists exactly 问题清单's lines for each unit's file", () => {
    expectSameFindings(batch);
  });

  it("a 退回意见 gives each finding's value as read, what is expected, and the deadline and contact", () => {
    const f = batch.feedback.get("天津滨海某某电子科技有限公司-退回意见.xlsx")!;
    expect(f.title).toBe("《标准化研学行动总结》退回意见");
    expect(labelOf(f, "审核结论")).toMatch(/^有错误（\d+ 个错误/);
    expect(labelOf(f, "修改要求")).toContain("请于 2023年11月25日 前重新报送");
    expect(labelOf(f, "截止日期")).toBe("2023年11月25日");
    expect(labelOf(f, "联系人")).toBe("张三");
    expect(labelOf(f, "联系电话")).toBe("022-23456789");
    expect(labelOf(f, "经办单位")).toBe("天津市市场监督管理委员会标准化处");
    const unread = f.rows.find((r) => r["单元格"] === "C19")!;
    // A headcount that did not read keeps its original text; one that did, its number.
    expect(unread["填写的内容"]).toBe("见签到表");
    expect(unread["核实说明·位置（情况属实时填写）"]).toBe("错误，须修改");
    const warning = f.rows.find((r) => r["严重程度"] === "提示")!;
    expect(warning["规则名称"]).toBe("公益性宣贯次数与活动明细不一致");
    expect(warning["核实说明·位置（情况属实时填写）"]).toBe(`${warning["工作表"]}!${warning["单元格"]}`);
    expect(f.rows.some((r) => typeof r["填写的内容"] === "number")).toBe(true);
  });

  it("a 回执 says the file passed, with its SHA-256, file name and time received", async () => {
    const f = batch.feedback.get("天津市和平区市场监督管理局-回执.xlsx")!;
    expect(f.title).toBe("《标准化研学行动总结》报送回执");
    expect(labelOf(f, "审核结论")).toBe("通过（未发现问题）");
    expect(labelOf(f, "回执")).toContain("已收到并计入汇总");
    expect(labelOf(f, "报送文件")).toBe("01-和平区市场监管局.xlsx");
    const file = path.join(dir, "收到的报表/01-和平区市场监管局.xlsx");
    expect(labelOf(f, "SHA-256")).toBe(
      createHash("sha256")
        .update(await fs.readFile(file))
        .digest("hex"),
    );
    const beijing = new Date((await fs.stat(file)).mtime.getTime() + 8 * 3600_000).toISOString();
    expect(labelOf(f, "收到时间")).toBe(`${beijing.slice(0, 10)} ${beijing.slice(11, 19)}（北京时间，文件的修改时间）`);
    expect(labelOf(f, "截止日期")).toBeUndefined();
    expect(f.headerRow).toBeNull();
  });

  it("names a superseded file in its unit's feedback", () => {
    const f = batch.feedback.get("天津市河西区市场监督管理局-回执.xlsx")!;
    const superseded = batch.problems.filter((p) => p["类型"] === "被替代");
    expect(superseded).toHaveLength(1);
    const name = path.basename(String(superseded[0]["来源文件"]));
    expect(f.labels.filter(([l]) => l === "其他文件").map(([, t]) => t)).toEqual([
      expect.stringContaining(`你单位还报送了文件“${name}”`),
    ]);
  });
});

describe("merge --feedback over reports LibreOffice filled", () => {
  let batch: Batch;
  beforeAll(async () => {
    batch = await mergeBatch("LibreOffice填写", "LO汇总.xlsx", "LO退回");
  });

  it("lists exactly 问题清单's lines for each unit's file, identity conflicts included", () => {
    expect(batch.problems.some((p) => p["类型"] === "单位身份冲突")).toBe(true);
    expect(batch.json.feedback).toMatchObject({ returns: expect.any(Number), receipts: expect.any(Number) });
    expectSameFindings(batch);
  });

  it("gives units of one name files of their own", () => {
    const names = [...batch.feedback.keys()];
    expect(names).toEqual(
      expect.arrayContaining([
        "天津市河西区市场监督管理局-退回意见.xlsx",
        "天津市河西区市场监督管理局（2）-退回意见.xlsx",
      ]),
    );
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it("names every superseded file in the feedback of the file that replaced it", () => {
    const superseded = batch.problems.filter((p) => p["类型"] === "被替代");
    expect(superseded.length).toBeGreaterThan(10);
    const byFile = new Map([...batch.feedback.values()].map((f) => [batch.bySha.get(labelOf(f, "SHA-256")!), f]));
    for (const p of superseded) {
      const winner = /另有较新的报送文件“([^”]+)”/.exec(String(p["问题说明"]))![1];
      const others = byFile
        .get(winner)!
        .labels.filter(([l]) => l === "其他文件")
        .map(([, t]) => t);
      // 来源文件 notes a file read converted by LibreOffice (由 .xls 转换); the feedback names the file as sent.
      const sent = path.basename(String(p["来源文件"]).replace(/（由 \.\w+ 转换）$/, ""));
      expect(others).toContainEqual(expect.stringContaining(`“${sent}”`));
    }
  });

  it("writes the same bytes again for the same files", async () => {
    const r = await merge(["LibreOffice填写", "-o", "LO汇总2.xlsx", "--feedback", "LO退回2"]);
    expect(r.code).toBe(1);
    for (const name of batch.feedback.keys())
      expect(
        (await fs.readFile(path.join(dir, "LO退回", name))).equals(await fs.readFile(path.join(dir, "LO退回2", name))),
      ).toBe(true);
  });
});

describe("merge --feedback keeps what is there", () => {
  it("keeps existing files without --force (and writes no master), replaces them with it", async () => {
    expect((await merge(["收到的报表", "-o", "甲.xlsx", "--feedback", "甲"])).code).toBe(1);
    const file = path.join(dir, "甲", "天津市和平区市场监督管理局-回执.xlsx");
    await fs.writeFile(file, "keep me");
    const kept = await merge(["收到的报表", "-o", "乙.xlsx", "--feedback", "甲"]);
    expect(kept.code).toBe(2);
    expect(kept.err).toContain("退回意见文件夹“甲”中已有");
    expect(kept.err).toContain("如需覆盖请加 --force");
    expect(await fs.readFile(file, "utf8")).toBe("keep me");
    await expect(fs.stat(path.join(dir, "乙.xlsx"))).rejects.toThrow();
    const forced = await merge(["收到的报表", "-o", "乙.xlsx", "--feedback", "甲", "--force"]);
    expect(forced.code).toBe(1);
    expect(forced.out).toContain("退回意见 3 份、回执 7 份已写入文件夹：甲。");
    expect((await readFeedback(file)).sheet).toBe("回执");
    expect((await fs.readdir(path.join(dir, "甲"))).filter((n) => n.includes(".tmp"))).toEqual([]);
    // Three whole merges of the examples: on a loaded machine more than the default 30 s.
  }, 120000);

  it("never overwrites an input, even with --force", async () => {
    await fs.mkdir(path.join(dir, "丙"));
    const input = path.join(dir, "丙", "天津市和平区市场监督管理局-回执.xlsx");
    await fs.copyFile(path.join(dir, "收到的报表/01-和平区市场监管局.xlsx"), input);
    const bytes = await fs.readFile(input);
    const r = await merge(["丙/天津市和平区市场监督管理局-回执.xlsx", "-o", "丙.xlsx", "--feedback", "丙", "--force"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("是输入文件、名单或总表，不能覆盖");
    expect((await fs.readFile(input)).equals(bytes)).toBe(true);
  });

  it("refuses a folder inside a folder being merged, and writes nothing", async () => {
    const r = await merge(["收到的报表", "-o", "丁.xlsx", "--feedback", "收到的报表/退回"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("在要汇总的文件夹“收到的报表”之内");
    await expect(fs.stat(path.join(dir, "收到的报表/退回"))).rejects.toThrow();
    await expect(fs.stat(path.join(dir, "丁.xlsx"))).rejects.toThrow();
  });

  it.each([
    [
      { 退回意见: { 截止日期: "下周五" } },
      "“退回意见 → 截止日期”应为日期，如 2023-11-25 或 2023年11月25日，填写的是“下周五”",
    ],
    [{ 退回意见: { 联系电话: "123" } }, "“退回意见 → 联系电话”应为手机号"],
    [{ 退回意见: { 电子邮箱: "张三" } }, "“退回意见 → 电子邮箱”应为电子邮箱地址"],
    [{ 退回意见: { 联系人: 5 } }, "“退回意见 → 联系人”应为用英文双引号括起来的文字"],
    [
      { 退回意见: { 电话: "022-23456789" } },
      "“退回意见”中有不认识的项 “电话”；可以写的项：截止日期、经办单位、联系人、联系电话、电子邮箱、补充说明",
    ],
    [{ 退回: {} }, "有不认识的项 “退回”；可以写的项：退回意见"],
    ['{"退回意见": {"联系人": "张三",}}', "不是有效的 JSON（第 1 行第"],
  ])("refuses a bad settings file in Chinese, before reading anything: %j", async (settings, why) => {
    await fs.writeFile(
      path.join(dir, "坏设置.json"),
      typeof settings === "string" ? settings : JSON.stringify(settings),
    );
    const r = await merge(["收到的报表", "-o", "戊.xlsx", "--feedback", "戊", "--settings", "坏设置.json"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`设置文件“坏设置.json”有误：${why}`);
    await expect(fs.stat(path.join(dir, "戊"))).rejects.toThrow();
    await expect(fs.stat(path.join(dir, "戊.xlsx"))).rejects.toThrow();
  });

  it.each([
    [["--deadline", "2023-11-25"], "请同时用 --feedback 给出保存退回意见的文件夹"],
    [["--feedback", "设置.json"], "“设置.json”是一个文件"],
    [["--feedback", "己", "--deadline", "2023-13-01"], "--deadline 应为日期"],
  ])("is a usage error: %j", async (args, why) => {
    const r = await merge(["收到的报表", "-o", "己.xlsx", ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(why);
    await expect(fs.stat(path.join(dir, "己.xlsx"))).rejects.toThrow();
  });

  it("takes --deadline over the settings file's, and reads a settings file saved as GBK with a Chinese date", async () => {
    const iconv = await import("iconv-lite");
    await fs.writeFile(path.join(dir, "GBK设置.json"), iconv.encode(JSON.stringify(SETTINGS), "gbk"));
    const r = await merge([
      "收到的报表",
      "-o",
      "庚.xlsx",
      "--feedback",
      "庚",
      "--settings",
      "GBK设置.json",
      "--deadline",
      "2023/12/1",
    ]);
    expect(r.code).toBe(1);
    const f = await readFeedback(path.join(dir, "庚", "天津市标准化协会-退回意见.xlsx"));
    expect(labelOf(f, "截止日期")).toBe("2023年12月1日");
    expect(labelOf(f, "联系人")).toBe("张三");
  });
});
