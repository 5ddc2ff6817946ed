/**
 * 汇总 in the built pane against the strict Excel stand-in (dist-sim/, `npm run build:sim`) in
 * headless Chromium: choose the example reports' folder and the roster, merge in the browser (the
 * same reader and core as the command line), see each file's status, get the master sheets and a
 * native chart in the open workbook, then merge again and replace them only after confirming.
 * Skips when dist-sim/ or Chromium is missing unless REQUIRE_BROWSER=1.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { ARTIFACTS, describeWithSim, simPage } from "./sim-page";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const MASTER_SHEETS = ["汇总表", "活动明细", "宣传报道", "佐证材料", "问题清单", "未报送单位", "统计"];

const describeIfBrowser = describeWithSim({ [path.join(EXAMPLES, "reports")]: "examples/reports" });

interface SimWindow {
  excelSim: {
    edit(sheet: string, address: string, value: unknown): void;
    values(sheet: string): unknown[][];
    sheets(): string[];
    activeSheet(): string;
    charts(sheet: string): {
      type: string;
      title: string | null;
      series: { name: string; values: string; xValues: string | null }[];
    }[];
    stats: {
      unloadedReads: string[];
      formulasWritten: string[];
      runs: { syncs: number }[];
    };
  };
}

describeIfBrowser("汇总 in the pane against the Excel stand-in in Chromium", () => {
  const pane = simPage<SimWindow["excelSim"]>({ width: 1100, height: 900 });
  const { errors, sim } = pane;
  let page: Page;
  beforeAll(() => {
    page = pane.page;
  });

  it("folder and roster → per-file list → master sheets and chart → merge again, replace after confirming", async () => {
    await page.goto(`${pane.origin}/taskpane.html?view=merge`);
    // The user's own sheet, which the merge must leave alone.
    await sim((s) => s.edit("Sheet1", "A1", "我的备注"));

    await page.getByLabel("选择报送文件所在的文件夹").setInputFiles(path.join(EXAMPLES, "reports"));
    const chosen = fs
      .readdirSync(path.join(EXAMPLES, "reports"), {
        recursive: true,
        withFileTypes: true,
      })
      .filter((e) => e.isFile()).length;
    await page.getByText(`已选择 ${chosen} 个文件。`).waitFor();
    await page.getByLabel("选择单位名单").setInputFiles(path.join(EXAMPLES, "名单.xlsx"));
    await page.getByText("名单：名单.xlsx").waitFor();

    await page.getByRole("button", { name: "开始汇总" }).click();
    const done = page.getByText("汇总完成");
    await done.waitFor({ timeout: 30000 });
    await page.screenshot({
      path: path.join(ARTIFACTS, "merge-1-written.png"),
      fullPage: true,
    });

    // Each file's line: status and reason, in Chinese.
    const line = (file: string, state: string) =>
      page.getByRole("listitem", {
        name: `reports/${file}：${state}`,
        exact: true,
      });
    expect(await line("01-和平区市场监管局.xlsx", "通过").count()).toBe(1);
    expect(await line("02-河西区市场监管局.xlsx", "被替代").textContent()).toContain(
      "同一单位另有更新的报送“02-河西区市场监管局-更正.xlsx”",
    );
    expect(await line("08-东丽区市场监管局.xlsx", "无法读取").textContent()).toContain("08-东丽区市场监管局.xlsx");
    expect(await line("07-市工业和信息化局-阶段性总结.xlsx", "未汇总").textContent()).toContain("阶段性总结");
    expect(await line("~$01-和平区市场监管局.xlsx", "已忽略").count()).toBe(1);
    expect(await line("05-滨海某某电子科技.xlsx", "有错误").count()).toBe(1);

    // The workbook: the user's sheet as it was, then the seven master sheets; 汇总表 active.
    expect(await sim((s) => s.sheets())).toEqual(["Sheet1", ...MASTER_SHEETS]);
    expect(await sim((s) => s.values("Sheet1"))).toEqual([["我的备注"]]);
    expect(await sim((s) => s.activeSheet())).toBe("汇总表");
    const summary = await sim((s) => s.values("汇总表"));
    expect(summary[summary.length - 1][0]).toBe("合计");
    expect(summary.length).toBeGreaterThan(5);
    const media = (await sim((s) => s.values("宣传报道"))).flat();
    expect(media).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","点我")', "@SUM(A1)", "+1"]));
    const missingUnits = (await sim((s) => s.values("未报送单位"))).map((r) => r[1]);
    expect(missingUnits.some((u) => String(u).includes("津南区"))).toBe(true);
    const charts = await sim((s) => s.charts("统计"));
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      type: "ColumnClustered",
      title: "各区域研学人次",
    });
    expect(charts[0].series).toHaveLength(2);

    // Again: the existing master sheets are replaced only after the user confirms.
    await sim((s) => s.edit("汇总表", "A2", "手工修改"));
    await page.getByRole("button", { name: "开始汇总" }).click();
    const ask = page.getByRole("alertdialog", {
      name: "替换已有的汇总工作表？",
    });
    await ask.waitFor({ timeout: 30000 });
    expect(await sim((s) => s.values("汇总表")[1][0])).toBe("手工修改");
    await page.screenshot({
      path: path.join(ARTIFACTS, "merge-2-confirm.png"),
      fullPage: true,
    });
    await ask.getByRole("button", { name: "替换" }).click();
    await done.waitFor({ timeout: 30000 });
    expect(await sim((s) => s.sheets())).toEqual(["Sheet1", ...MASTER_SHEETS]);
    expect(await sim((s) => s.values("汇总表")[1][0])).not.toBe("手工修改");
    expect(await sim((s) => s.values("Sheet1"))).toEqual([["我的备注"]]);
    expect(await sim((s) => s.charts("统计").length)).toBe(1);

    expect(await sim((s) => s.stats.unloadedReads)).toEqual([]);
    expect(await sim((s) => s.stats.formulasWritten)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
