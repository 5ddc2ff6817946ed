/**
 * The built pane against the strict WPS 表格 stand-in (dist-sim/wps-taskpane.html, `npm run
 * build:sim`) in headless Chromium, walked as a unit would: 插入模板 → fill the report → type an
 * invalid headcount → see the finding and the mark → click it (the selection moves there) → fix it
 * → explain the remaining warning → 通过; then 汇总 opening the master as a workbook of its own. The
 * same walk as sim-flow.test.ts on Excel's stand-in, through window.wpsSim; a second page runs it with
 * the worst-case WPS (own writes raising SheetChange, Address a property).
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { cellOf, fieldById, SHEETS, tableById } from "../../src/core/definition";
import { ARTIFACTS, DIST_SIM, describeWithSim, simPage } from "./sim-page";
import { reportWithoutMedia, until, type Typed } from "./walk";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const describeIfBrowser = describeWithSim({
  [path.join(DIST_SIM, "wps-taskpane.html")]: "dist-sim/wps-taskpane.html (run `npm run build:sim`)",
  [path.join(EXAMPLES, "reports")]: "examples/reports",
});

interface WpsSimPage {
  ready(): Promise<void>;
  edit(sheet: string, address: string, value: unknown): void;
  selection(): { sheet: string; address: string } | null;
  marks(): { sheet: string; address: string }[];
  values(sheet: string): unknown[][];
  sheets(): string[];
  workbooks(): Promise<string[][]>;
  workbookCount(): number;
  stats(): { calls: number; byMember: Record<string, number> };
}

const headcount = fieldById("regulation_participants");
const at = cellOf(headcount);

async function walk(
  page: Page,
  origin: string,
  query: string,
  sim: (f: (s: WpsSimPage, a: never) => unknown, a?: unknown) => Promise<unknown>,
  shots: string,
) {
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${shots}-${name}`) });
  await page.goto(`${origin}/wps-taskpane.html?view=template${query}`);
  await sim((s) => s.ready());
  await page.getByRole("button", { name: "插入模板" }).last().click();
  await page.getByRole("button", { name: "继续插入" }).click();
  await page.getByText("已插入模板").waitFor();
  expect(await sim((s) => s.selection())).toEqual({ sheet: SHEETS.basic, address: cellOf(fieldById("report_type")) });
  await shot("1-inserted.png");

  for (const [sheet, address, value] of reportWithoutMedia())
    await sim((s, a: Typed) => s.edit(a[0], a[1], a[2]), [sheet, address, value]);
  await page.getByRole("tab", { name: "校验" }).click();
  await page.getByRole("button", { name: "校验", exact: true }).click();
  await page.getByText(/状态：待说明/).waitFor();

  // Words where a headcount goes: the finding appears without pressing 校验.
  await sim((s, a: string) => s.edit("基本情况", a, "很多"), at);
  const finding = page.getByRole("button", { name: new RegExp(`^${at} · 人次或次数不是整数`) });
  await finding.waitFor();
  await page.getByText(/状态：有错误/).waitFor();
  await until(
    () => sim((s) => s.marks()) as Promise<{ sheet: string; address: string }[]>,
    (m) => m.some((x) => x.sheet === SHEETS.basic && x.address === at),
  );
  await shot("2-invalid-headcount.png");

  await finding.click();
  await until(
    () => sim((s) => s.selection()) as Promise<{ sheet: string; address: string } | null>,
    (sel) => sel?.sheet === SHEETS.basic && sel.address === at,
  );

  await sim((s, a: string) => s.edit("基本情况", a, "150"), at);
  await finding.waitFor({ state: "detached" });
  await page.getByText(/状态：待说明/).waitFor();
  await until(
    () => sim((s) => s.marks()) as Promise<{ sheet: string; address: string }[]>,
    (m) => !m.some((x) => x.address === at),
  );

  await page.getByRole("button", { name: /^为 宣传报道!A4 填写说明/ }).click();
  await page.getByRole("textbox").fill("=本年度未在媒体上报道研学活动");
  await page.getByRole("button", { name: "写入核实说明" }).click();
  await page.getByText(/状态：通过/).waitFor();
  await shot("3-passed.png");
  const explanations = (await sim((s) => s.values("核实说明"))) as unknown[][];
  expect(explanations[tableById("explanations").firstRow - 1]?.[2]).toBe("=本年度未在媒体上报道研学活动");
}

describeIfBrowser("the pane against the WPS 表格 stand-in in Chromium", () => {
  const pane = simPage<WpsSimPage>({ width: 1100, height: 860 }, "wpsSim");
  const { errors } = pane;
  const sim = pane.sim as (f: (s: WpsSimPage, a: never) => unknown, a?: unknown) => Promise<unknown>;

  it("insert → invalid headcount → finding and mark → click → fix → explain → 通过, then 汇总", async () => {
    const page = pane.page;
    await walk(page, pane.origin, "", sim, "wps");
    const before = await sim((s) => Object.fromEntries(s.sheets().map((n) => [n, s.values(n)])));

    await page.getByRole("tab", { name: "汇总" }).click();
    await page.getByLabel("选择报送文件所在的文件夹").setInputFiles(path.join(EXAMPLES, "reports"));
    const chosen = fs
      .readdirSync(path.join(EXAMPLES, "reports"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile()).length;
    await page.getByText(`已选择 ${chosen} 个文件。`).waitFor();
    await page.getByRole("button", { name: "开始汇总" }).click();
    await page.getByText("汇总结果已在一个新的 WPS 表格 工作簿中打开", { exact: false }).waitFor({ timeout: 60000 });
    await page.getByRole("button", { name: "再次在 WPS 表格 中打开" }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "wps-4-merged.png"), fullPage: true });
    expect(await sim((s) => s.workbookCount())).toBe(1);
    expect(((await sim((s) => s.workbooks())) as string[][])[0]).toEqual(
      expect.arrayContaining(["汇总表", "活动明细", "问题清单"]),
    );
    // The open workbook is exactly as it was.
    expect(await sim((s) => Object.fromEntries(s.sheets().map((n) => [n, s.values(n)])))).toEqual(before);

    // 宿主诊断: every fact with a result, in a scratch workbook that is gone afterwards.
    await page.getByRole("tab", { name: "宿主诊断" }).click();
    await page.getByRole("button", { name: "开始诊断" }).click();
    const box = page.getByRole("textbox", { name: "诊断结果" });
    await box.waitFor({ timeout: 20000 });
    const report = (await box.inputValue()).split("\n");
    await page.screenshot({ path: path.join(ARTIFACTS, "wps-5-diagnosis.png"), fullPage: true });
    expect(report[1]).toMatch(/^宿主：WPS 表格 \d+\./);
    for (let n = 1; n <= 17; n++) expect(report.some((l) => l.startsWith(`事实 ${n}｜`))).toBe(true);
    expect(report.filter((l) => l.includes("｜与假设不同｜"))).toEqual([]);
    expect(report.find((l) => l.startsWith("事实 15｜"))).toMatch(/｜与假设一致｜Chromium \d+/);
    expect(await sim((s) => Object.fromEntries(s.sheets().map((n) => [n, s.values(n)])))).toEqual(before);
    expect(await sim((s) => s.workbookCount())).toBe(1);
    expect(errors).toEqual([]);
  });
});

describeIfBrowser(
  "the pane against the worst-case WPS stand-in (own writes raise SheetChange, Address a property)",
  () => {
    const pane = simPage<WpsSimPage>({ width: 1100, height: 860 }, "wpsSim");
    const { errors } = pane;
    const sim = pane.sim as (f: (s: WpsSimPage, a: never) => unknown, a?: unknown) => Promise<unknown>;

    it("the same walk ends in 通过", async () => {
      await walk(pane.page, pane.origin, "&ownWriteEvents=1&address=property", sim, "wps-worst");
      expect(errors).toEqual([]);
    });
  },
);
