/**
 * Multi-level 汇总 and 与上年核对 on the command line (issue 17 parts 3 and 4), on files made by real
 * programs: reports LibreOffice filled (test/fixtures/lo-merge) and the examples. Two districts merge
 * their units; the city merges both district masters (--include-master) with the reports sent to it
 * directly, a stale master lying in its folder among them. A unit is in both districts, another both
 * in a district and sent directly: each counts once, and the city's totals are those of a merge of
 * the distinct units' files read directly. Then next year's merge against the city's master
 * (--previous), edited as last year's would differ: a tenfold change flagged, a 2.5× one not.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCommand } from "../helpers/run-cli";

const ROOT = path.resolve(__dirname, "../..");
const EX = (n: string) => path.join(ROOT, "examples", "reports", n);
const LO = (n: string) => path.join(ROOT, "test", "fixtures", "lo-merge", n, "report.xlsx");
const HEPING = "01-和平区市场监管局.xlsx";
const INSTITUTE = "03-市标准化研究院.xlsx";
const ASSOCIATION = "04-市标准化协会.xlsx";
const WUQING = "09-武清区市场监管局.xlsx";
const BEICHEN = "12-北辰区市场监管局.xlsx";
const REG = "参加《天津市标准化条例》研学人次";
const SESSIONS = "组织研学宣贯培训次数";

let dir: string;
type Rows = Record<string, unknown>[];

async function put(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(dir, to)), { recursive: true });
  await fs.copyFile(from, path.join(dir, to));
}

async function merge(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCommand(["merge", ...args], dir);
}

/** Every sheet of a master as rows keyed by its header row. */
async function sheetsOf(file: string): Promise<Record<string, Rows>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  const out: Record<string, Rows> = {};
  for (const ws of wb.worksheets) {
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Rows = [];
    ws.eachRow((r, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, r.getCell(i + 1).value])));
    });
    out[ws.name] = rows;
  }
  return out;
}

const unitsOf = (rows: Rows) => rows.filter((r) => r["审核状态"] !== "合计");
const totalsOf = (rows: Rows) => rows.find((r) => r["审核状态"] === "合计")!;
const nameOf = (r: Record<string, unknown>) => String(r["报送单位（盖章单位全称）"]);

let city: Record<string, Rows>;
let cityRun: { code: number; out: string; err: string };
let direct: Record<string, Rows>;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "masters-cli-"));
  // 河西's units, 南开's (its resubmission included), 研究院 in both districts.
  for (const n of [HEPING, INSTITUTE, WUQING]) await put(EX(n), `河西/收到的报表/${n}`);
  await put(LO("nankai"), "南开/收到的报表/南开.xlsx");
  await put(LO("nankai-resubmitted"), "南开/收到的报表/南开-更正.xlsx");
  await put(EX(INSTITUTE), `南开/收到的报表/${INSTITUTE}`);
  await put(EX(ASSOCIATION), `南开/收到的报表/${ASSOCIATION}`);
  expect((await merge("河西/收到的报表", "-o", "河西/汇总.xlsx")).code).toBeLessThan(2);
  expect((await merge("南开/收到的报表", "-o", "南开/汇总.xlsx")).code).toBeLessThan(2);
  // The city: 北辰 sent directly, 和平 too (the same file 河西 holds), and last round's 河西 master left in the folder.
  await put(EX(BEICHEN), `市/收到的报表/${BEICHEN}`);
  await put(EX(HEPING), `市/收到的报表/${HEPING}`);
  await put(path.join(dir, "河西/汇总.xlsx"), "市/收到的报表/河西-旧汇总.xlsx");
  cityRun = await merge(
    "市/收到的报表",
    "-o",
    "市/汇总.xlsx",
    "--include-master",
    "河西/汇总.xlsx",
    "--include-master",
    "南开/汇总.xlsx",
  );
  city = await sheetsOf("市/汇总.xlsx");
  // The same distinct units' files, read directly: what the city's totals must be.
  for (const n of [HEPING, INSTITUTE, ASSOCIATION, WUQING, BEICHEN]) await put(EX(n), `直接/${n}`);
  await put(LO("nankai-resubmitted"), "直接/南开-更正.xlsx");
  await merge("直接", "-o", "直接汇总.xlsx");
  direct = await sheetsOf("直接汇总.xlsx");
}, 120_000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("a city merges two district masters with reports sent to it directly", () => {
  it("counts each of the 6 distinct units once, and says so", () => {
    const names = unitsOf(city["汇总表"]).map(nameOf).sort();
    expect(names).toEqual(unitsOf(direct["汇总表"]).map(nameOf).sort());
    expect(names).toHaveLength(6);
    expect(cityRun.out).toContain("其中 4 个单位来自 2 个下级总表");
  });

  it("totals over the city equal a merge of the distinct units' own files", () => {
    const [c, d] = [totalsOf(city["汇总表"]), totalsOf(direct["汇总表"])];
    for (const header of [REG, SESSIONS, "其中：公益性宣贯次数", "参加《国家标准化发展纲要》研学人次"]) {
      expect([header, c[header]]).toEqual([header, d[header]]);
      const sum = unitsOf(city["汇总表"]).reduce((s, r) => s + (typeof r[header] === "number" ? r[header] : 0), 0);
      expect([header, c[header]]).toEqual([header, sum]);
    }
    expect(city["活动明细"].length).toBe(direct["活动明细"].length);
  });

  it("names each unit's own file and the chain of masters it came through", () => {
    const byName = Object.fromEntries(unitsOf(city["汇总表"]).map((r) => [nameOf(r), r]));
    const nankai = byName["天津市南开区市场监督管理局"];
    expect([nankai["来源文件"], nankai["来源总表"]]).toEqual(["南开/收到的报表/南开-更正.xlsx", "南开/汇总.xlsx"]);
    const beichen = Object.values(byName).find((r) => String(r["来源文件"]).includes("北辰"))!;
    expect([beichen["来源文件"], beichen["来源总表"]]).toEqual([`市/收到的报表/${BEICHEN}`, null]);
    // 和平 sent directly wins over 河西's copy of the same file.
    const heping = Object.values(byName).find((r) => String(r["来源文件"]).includes("和平"))!;
    expect(heping["来源总表"]).toBeNull();
    const events = city["活动明细"].filter((r) => r["来源总表"] === "南开/汇总.xlsx");
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((r) => String(r["来源文件"]).startsWith("南开/收到的报表/"))).toBe(true);
  });

  it("lists the other copies as 被替代, the stale master as skipped, and carries the findings", () => {
    const lines = city["问题清单"];
    const superseded = lines.filter((l) => l["类型"] === "被替代");
    expect(superseded.map((l) => [l["来源文件"], l["来源总表"]]).sort()).toEqual(
      [
        // 和平: 河西's copy of the file the city received directly.
        [`河西/收到的报表/${HEPING}`, "河西/汇总.xlsx"],
        // 研究院: the same file in both districts; one copy counts.
        [
          `${superseded.some((l) => l["来源总表"] === "南开/汇总.xlsx") ? "南开" : "河西"}/收到的报表/${INSTITUTE}`,
          superseded.some((l) => l["来源总表"] === "南开/汇总.xlsx") ? "南开/汇总.xlsx" : "河西/汇总.xlsx",
        ],
      ].sort(),
    );
    expect(superseded.find((l) => String(l["来源文件"]).includes("和平"))!["问题说明"]).toBe(
      `与文件“市/收到的报表/${HEPING}”是同一个文件（SHA-256 相同），该单位只计一次，本份未重复计入汇总。`,
    );
    expect(String(superseded.find((l) => String(l["来源文件"]).includes("研究院"))!["问题说明"])).toMatch(
      /^与总表“(河西|南开)\/汇总\.xlsx”中的文件“(河西|南开)\/收到的报表\/03-市标准化研究院\.xlsx”是同一个文件/,
    );
    const stale = lines.find((l) => l["来源文件"] === "市/收到的报表/河西-旧汇总.xlsx")!;
    expect(stale["类型"]).toBe("汇总表文件（未合并）");
    expect(stale["问题说明"]).toContain("--include-master");
    // 协会's unexplained warnings were found in its district; they reach the city with the chain.
    const finding = (l: Record<string, unknown>) => [l["规则"], l["工作表"], l["单元格"], l["问题说明"]];
    const carried = lines.filter(
      (l) => l["来源总表"] === "南开/汇总.xlsx" && l["来源文件"] === `南开/收到的报表/${ASSOCIATION}`,
    );
    const own = direct["问题清单"].filter((l) => l["来源文件"] === `直接/${ASSOCIATION}`);
    expect(carried.map(finding)).toEqual(own.map(finding));
    expect(carried.length).toBeGreaterThan(0);
    const association = unitsOf(city["汇总表"]).find((r) => r["来源文件"] === `南开/收到的报表/${ASSOCIATION}`)!;
    expect(association["审核状态"]).toBe("待说明");
  });

  it("a master in an input folder but not named is skipped, and is not counted", async () => {
    const run = await merge("市/收到的报表", "-o", "市/只看直接.xlsx");
    expect(run.out).toContain("河西-旧汇总.xlsx");
    const only = await sheetsOf("市/只看直接.xlsx");
    expect(unitsOf(only["汇总表"])).toHaveLength(2);
  });
});

describe("--include-master on the command line", () => {
  it("a named master lying in an input folder is taken in once, not also skipped as a stray one", async () => {
    const run = await merge(
      "市/收到的报表",
      "-o",
      "市/带旧汇总.xlsx",
      "--include-master",
      "市/收到的报表/河西-旧汇总.xlsx",
    );
    expect(run.out).toContain("其中 2 个单位来自 1 个下级总表");
    const sheets = await sheetsOf("市/带旧汇总.xlsx");
    expect(unitsOf(sheets["汇总表"])).toHaveLength(4);
    expect(
      sheets["问题清单"].filter(
        (l) => l["类型"] === "汇总表文件（未合并）" || String(l["问题说明"]).includes("--include-master"),
      ),
    ).toEqual([]);
  });

  it("a master named twice, a missing one, or a unit's report given as one: usage errors, nothing written", async () => {
    const twice = await merge(
      "市/收到的报表",
      "-o",
      "x.xlsx",
      "--include-master",
      "河西/汇总.xlsx",
      "--include-master",
      "./河西/汇总.xlsx",
    );
    expect([twice.code, twice.err]).toEqual([2, expect.stringContaining("--include-master 两次指定了同一个总表")]);
    const missing = await merge("市/收到的报表", "-o", "x.xlsx", "--include-master", "西青/汇总.xlsx");
    expect([missing.code, missing.err]).toEqual([
      2,
      expect.stringContaining("下级总表“西青/汇总.xlsx”不能使用：找不到该文件。"),
    ]);
    const report = await merge("市/收到的报表", "-o", "x.xlsx", "--include-master", `市/收到的报表/${BEICHEN}`);
    expect([report.code, report.err]).toEqual([2, expect.stringContaining("它是单位报送的报表，不是汇总生成的总表")]);
    await expect(fs.stat(path.join(dir, "x.xlsx"))).rejects.toThrow();
  });
});

describe("next year's merge against the city's master (--previous)", () => {
  let sheet: Rows;
  let run: { code: number; out: string };
  beforeAll(async () => {
    // Last year's master: the city's, with 武清's 《条例》 headcount a tenth of this year's, 北辰's
    // 1/2.5 of it, 南开 and 协会 not reporting this year, and 和平 new this year (its row deleted last year).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "市/汇总.xlsx"));
    const ws = wb.getWorksheet("汇总表")!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = (h: string) => header.indexOf(h);
    let heping = 0;
    ws.eachRow((r, n) => {
      const name = String(r.getCell(col("报送单位（盖章单位全称）")).value);
      const reg = r.getCell(col(REG));
      if (name.includes("武清")) reg.value = Number(reg.value) / 10;
      if (name.includes("北辰")) reg.value = Number(reg.value) / 2.5;
      if (name.includes("和平")) heping = n;
    });
    ws.spliceRows(heping, 1);
    await wb.xlsx.writeFile(path.join(dir, "上年汇总.xlsx"));
    for (const n of [HEPING, INSTITUTE, WUQING, BEICHEN]) await put(EX(n), `今年/${n}`);
    run = await merge("今年", "-o", "今年汇总.xlsx", "--previous", "上年汇总.xlsx");
    sheet = (await sheetsOf("今年汇总.xlsx"))["与上年核对"];
  }, 60_000);

  const line = (part: string) => sheet.find((l) => String(l["单位名称"]).includes(part))!;

  it("flags the tenfold change with both figures, and not the 2.5× one", () => {
    const wuqing = line("武清");
    expect(wuqing["情况"]).toBe("两次均报送");
    expect(wuqing[`本次：${REG}`]).toBe(10 * Number(wuqing[`上次：${REG}`]));
    expect(String(wuqing["核对结果"])).toContain(
      `${REG}：上次 ${Number(wuqing[`上次：${REG}`]).toLocaleString("en-US")}，本次 ${Number(wuqing[`本次：${REG}`]).toLocaleString("en-US")}`,
    );
    const beichen = line("北辰");
    expect(beichen[`本次：${REG}`]).toBe(2.5 * Number(beichen[`上次：${REG}`]));
    expect(beichen["核对结果"]).toBeNull();
    expect(line("研究院")["核对结果"]).toBeNull();
  });

  it("lists the unit gone since last time and the new one", () => {
    expect(line("南开")).toMatchObject({ 情况: "上次报送、本次未报送" });
    expect(line("南开")[`本次：${REG}`]).toBeNull();
    expect(line("和平")).toMatchObject({ 情况: "本次新报送" });
    expect(line("协会")).toMatchObject({ 情况: "上次报送、本次未报送" });
    expect(sheet).toHaveLength(6);
  });

  it("prints the comparison in the closing summary", () => {
    expect(run.out).toContain(
      "人次或次数变化超过 3 倍的单位 1 个；上次报送、本次未报送的单位 2 个；本次新报送的单位 1 个",
    );
    expect(run.out).toContain(`与上次相比变化超过 3 倍：天津市武清区市场监督管理局（${REG}：上次 30，本次 300）`);
  });

  it("a file that is no master is refused by name and nothing is written", async () => {
    const bad = await merge("今年", "-o", "坏.xlsx", "--previous", `今年/${WUQING}`);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`上次的总表“今年/${WUQING}”不能使用`);
    await expect(fs.stat(path.join(dir, "坏.xlsx"))).rejects.toThrow();
  });
});
