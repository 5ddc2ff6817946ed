/**
 * 汇总 in the built pane against the strict Excel stand-in (dist-sim/, `npm run build:sim`) in
 * headless Chromium, over a workbook that holds a typed report (the bureau fills one too), with a user
 * who answers yes to everything: choose the example reports' folder and the roster (or last year's
 * master, for 与上年核对), merge in the
 * pane's worker (the same intake, merge and master writer as the command line), see each file's line,
 * and get the master as a workbook of its own. The open workbook is never touched, however often the
 * user merges; the downloaded master is the command line's, cell for cell.
 * Skips when dist-sim/ or Chromium is missing unless REQUIRE_BROWSER=1.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { summaryParagraph } from "../../src/core/bureau-summary";
import { cellOf, fieldById, SHEETS } from "../../src/core/definition";
import { mergeSubmissions, type MergeInput } from "../../src/core/merge";
import { expandInputs } from "../../src/node/inputs";
import { intakeEntries } from "../../src/node/merge-read";
import { readRosterFile } from "../../src/node/roster";
import { saveMaster } from "../../src/node/save-master";
import { readWorkbook } from "../../src/read";
import { reminderBytes } from "../../src/xlsx/csv-bytes";
import { ARTIFACTS, describeWithSim, simPage } from "./sim-page";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const MASTER_SHEETS = ["汇总表", "活动明细", "宣传报道", "佐证材料", "问题清单", "未报送单位", "统计", "汇总信息"];

const describeIfBrowser = describeWithSim({ [path.join(EXAMPLES, "reports")]: "examples/reports" });

interface SimWindow {
  excelSim: {
    edit(sheet: string, address: string, value: unknown): void;
    values(sheet: string): unknown[][];
    sheets(): string[];
    workbooks(): Promise<string[][]>;
    workbookCount(): number;
    workbookValues(i: number, sheet: string): Promise<unknown[][]>;
    stats: { unloadedReads: string[]; formulasWritten: string[] };
  };
}

/** The command line's master for the examples and the roster, as values by sheet; its paragraph and 催报 file. */
async function cliMaster(): Promise<{ sheets: Map<string, unknown[][]>; paragraph: string; reminders: Buffer }> {
  const roster = await readRosterFile(path.join(EXAMPLES, "名单.xlsx"));
  if (!roster.ok) throw new Error(roster.reason);
  const entries = [];
  for await (const e of expandInputs(["reports"], EXAMPLES)) if (e.kind !== "outside_link") entries.push(e);
  const inputs: MergeInput[] = [];
  for await (const i of intakeEntries(entries, { concurrency: 1 })) inputs.push(i);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-master-"));
  try {
    const out = path.join(dir, "汇总.xlsx");
    const result = mergeSubmissions(inputs, { roster: { file: roster.file, units: roster.units } });
    await saveMaster(result, out);
    return {
      sheets: await valuesBySheet(fs.readFileSync(out)),
      paragraph: summaryParagraph(result),
      reminders: Buffer.from(reminderBytes(result)),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function valuesBySheet(bytes: Uint8Array): Promise<Map<string, unknown[][]>> {
  const read = await readWorkbook("汇总.xlsx", bytes, { maxReaderBytes: 1e9 });
  if (!read.ok) throw new Error(read.message);
  return new Map(read.grid.sheets.map((s) => [s.name, s.rows.map((r) => [...(r ?? [])])]));
}

describeIfBrowser("汇总 in the pane against the Excel stand-in in Chromium", () => {
  const pane = simPage<SimWindow["excelSim"]>({ width: 1100, height: 900 });
  const { errors, sim } = pane;
  let page: Page;
  beforeAll(() => {
    page = pane.page;
  });

  /** Every sheet of the open workbook with its values. */
  const snapshot = () => sim((s) => Object.fromEntries(s.sheets().map((name) => [name, s.values(name)] as const)));

  it("over a typed report: the report is never touched, the master opens as a workbook of its own", async () => {
    await page.goto(`${pane.origin}/taskpane.html?view=template`);
    await page.getByRole("button", { name: "插入模板" }).last().click();
    await page.getByRole("button", { name: "继续插入" }).click();
    await page.getByText("已插入模板").waitFor();
    // The bureau's own report, typed into the template's sheets.
    const unit = cellOf(fieldById("unit_name"));
    await sim((s, a: string) => s.edit("基本情况", a, "天津市市场监督管理委员会"), unit);
    await sim((s, a: string) => s.edit("基本情况", a, "12"), cellOf(fieldById("training_sessions")));
    await sim((s) => s.edit("活动明细", "B4", "标准化条例宣贯会"));
    const before = await snapshot();
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([SHEETS.basic, SHEETS.events, SHEETS.media, SHEETS.evidence]),
    );

    await page.getByRole("tab", { name: "汇总" }).click();
    await page.getByLabel("选择报送文件所在的文件夹").setInputFiles(path.join(EXAMPLES, "reports"));
    const chosen = fs
      .readdirSync(path.join(EXAMPLES, "reports"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile()).length;
    await page.getByText(`已选择 ${chosen} 个文件。`).waitFor();
    await page.getByLabel("选择单位名单").setInputFiles(path.join(EXAMPLES, "名单.xlsx"));
    await page.getByText("名单：名单.xlsx").waitFor();

    await page.getByRole("button", { name: "开始汇总" }).click();
    await page.getByText("汇总结果已在一个新的 Excel 工作簿中打开").waitFor({ timeout: 60000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "merge-1-opened.png"), fullPage: true });

    // Each file's line: its fate and why, in Chinese.
    const line = (file: string, fate: string) =>
      page.getByRole("listitem", { name: `reports/${file}：${fate}`, exact: true });
    expect(await line("01-和平区市场监管局.xlsx", "通过").count()).toBe(1);
    expect(await line("02-河西区市场监管局.xlsx", "被替代").textContent()).toContain("02-河西区市场监管局-更正.xlsx");
    expect(await line("08-东丽区市场监管局.xlsx", "无法读取").textContent()).toContain("08-东丽区市场监管局.xlsx");
    expect(await line("07-市工业和信息化局-阶段性总结.xlsx", "未汇总").textContent()).toContain("阶段性总结");
    expect(await line("~$01-和平区市场监管局.xlsx", "已跳过").count()).toBe(1);
    expect(await line("05-滨海某某电子科技.xlsx", "有错误").count()).toBe(1);

    // The open workbook is exactly as it was; the master is a workbook of its own.
    expect(await snapshot()).toEqual(before);
    expect(await sim((s) => s.workbooks())).toEqual([MASTER_SHEETS]);
    const summary = await sim((s) => s.workbookValues(0, "汇总表"));
    expect(summary[summary.length - 1][0]).toBe("合计");
    const media = (await sim((s) => s.workbookValues(0, "宣传报道"))).flat();
    expect(media).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","点我")', "@SUM(A1)", "+1"]));

    // Downloaded, it is the command line's master, cell for cell (the chart included).
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载汇总文件" }).click(),
    ]);
    const bytes = fs.readFileSync((await download.path()) as string);
    expect(download.suggestedFilename()).toBe("汇总.xlsx");
    const fromPane = await valuesBySheet(bytes);
    const cli = await cliMaster();
    expect([...fromPane.keys()]).toEqual(MASTER_SHEETS);
    for (const name of MASTER_SHEETS) expect([name, fromPane.get(name)]).toEqual([name, cli.sheets.get(name)]);
    expect(Buffer.from(bytes).toString("latin1")).toContain("xl/charts/chart1.xml");

    // The summary paragraph and the 催报 list (GB18030, encoded in the worker): the command line's.
    expect(await page.getByLabel(/总结段落/).inputValue()).toBe(cli.paragraph);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载催报名单（Excel、WPS 直接打开）" }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe("催报名单.csv");
    const csvBytes = fs.readFileSync((await csv.path()) as string);
    expect(csvBytes.equals(cli.reminders)).toBe(true);
    expect(new TextDecoder("gb18030").decode(csvBytes)).toContain("天津市津南区市场监督管理局");

    // Again, the user saying yes to everything: another workbook, the open one still untouched.
    await page.getByRole("button", { name: "开始汇总" }).click();
    await page.getByText("汇总结果已在一个新的 Excel 工作簿中打开").waitFor({ timeout: 60000 });
    await page.getByRole("button", { name: "再次在 Excel 中打开" }).click();
    await page.waitForFunction(() => (window as unknown as SimWindow).excelSim.workbookCount() === 3);
    expect(await snapshot()).toEqual(before);

    expect(await sim((s) => s.stats.unloadedReads)).toEqual([]);
    expect(await sim((s) => s.stats.formulasWritten)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("with 上年汇总表: the master gains 与上年核对, last year's master read in the pane's worker", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "previous-master-"));
    try {
      // Last year's master: the examples merged by the command line.
      const entries = [];
      for await (const e of expandInputs(["reports"], EXAMPLES)) if (e.kind !== "outside_link") entries.push(e);
      const inputs: MergeInput[] = [];
      for await (const i of intakeEntries(entries, { concurrency: 1 })) inputs.push(i);
      const last = path.join(dir, "上年汇总.xlsx");
      await saveMaster(mergeSubmissions(inputs), last);

      await page.goto(`${pane.origin}/taskpane.html?view=merge`);
      await page.getByLabel("选择报送文件所在的文件夹").setInputFiles(path.join(EXAMPLES, "reports"));
      await page.getByLabel("选择上年汇总表").setInputFiles(last);
      await page.getByText("上年汇总表：上年汇总.xlsx（增加“与上年核对”工作表）").waitFor();
      await page.getByRole("button", { name: "开始汇总" }).click();
      await page.getByText("汇总结果已在一个新的 Excel 工作簿中打开").waitFor({ timeout: 60000 });
      await page.getByText(/与上次的总表“上年汇总\.xlsx”核对：人次或次数变化超过 3 倍的单位 0 个/).waitFor();
      expect(await sim((s) => s.workbooks())).toEqual([[...MASTER_SHEETS.slice(0, -1), "与上年核对", "汇总信息"]]);
      const rows = await sim((s) => s.workbookValues(0, "与上年核对"));
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.slice(1).every((r) => r[0] === "两次均报送")).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("取消 in the middle leaves nothing opened", async () => {
    // Enough files that the run is still reading when the user cancels.
    const many = fs.mkdtempSync(path.join(os.tmpdir(), "merge-many-"));
    const report = fs.readFileSync(path.join(EXAMPLES, "reports", "01-和平区市场监管局.xlsx"));
    for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(many, `${String(i).padStart(3, "0")}.xlsx`), report);
    await page.goto(`${pane.origin}/taskpane.html?view=merge`);
    await page.getByLabel("选择报送文件所在的文件夹").setInputFiles(many);
    await page.getByRole("button", { name: "开始汇总" }).click();
    await page.getByText(/正在读取并校验：\d+\/400/).waitFor();
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByText(/已取消汇总/).waitFor();
    fs.rmSync(many, { recursive: true, force: true });
    expect(await sim((s) => s.workbookCount())).toBe(0);
    expect(errors).toEqual([]);
  });
});
