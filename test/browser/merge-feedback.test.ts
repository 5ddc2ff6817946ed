/**
 * The pane's 退回意见 and 回执 in the built pane against the Excel stand-in (dist-sim/) in headless
 * Chromium: the bureau ticks the feedback, types a deadline and a contact, merges the example reports
 * with the roster, and downloads one zip; it holds exactly the workbooks `merge --feedback` writes for
 * the same files and settings, under the same names, cell for cell.
 * Skips when dist-sim/ or Chromium is missing unless REQUIRE_BROWSER=1.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { runCli } from "../../src/cli/program";
import { FEEDBACK_CHOICE, FEEDBACK_ZIP_NAME } from "../../src/taskpane/components/MergeFeedback";
import { readWorkbook } from "../../src/read";
import { describeWithSim, simPage } from "./sim-page";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const describeIfBrowser = describeWithSim({ [path.join(EXAMPLES, "reports")]: "examples/reports" });

/** A workbook's values by sheet. */
async function valuesOf(name: string, bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const read = await readWorkbook(name, bytes);
  if (!read.ok) throw new Error(`${name}: ${read.message}`);
  return Object.fromEntries(read.grid.sheets.map((s) => [s.name, s.rows.map((r) => [...(r ?? [])])]));
}

/** What `merge --feedback` writes for the examples with the same deadline and contact: name → bytes. */
async function cliFeedback(): Promise<Map<string, Uint8Array>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-feedback-"));
  try {
    fs.writeFileSync(path.join(dir, "设置.json"), JSON.stringify({ 退回意见: { 联系人: "张三" } }));
    const err: string[] = [];
    const code = await runCli(
      [
        "merge",
        path.join(EXAMPLES, "reports"),
        "-o",
        "汇总.xlsx",
        "--roster",
        path.join(EXAMPLES, "名单.xlsx"),
        "--feedback",
        "退回意见",
        "--settings",
        "设置.json",
        "--deadline",
        "2023-11-25",
      ],
      { stdout: () => undefined, stderr: (t) => err.push(t), cwd: dir, isTTY: false },
    );
    expect([code, err.join("")]).toEqual([1, ""]);
    const folder = path.join(dir, "退回意见");
    return new Map(fs.readdirSync(folder).map((n) => [n, new Uint8Array(fs.readFileSync(path.join(folder, n)))]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeIfBrowser("退回意见 and 回执 downloaded from the pane in Chromium", () => {
  const pane = simPage({ width: 1100, height: 900 });

  it("holds the workbooks the command line writes for the same files and settings", async () => {
    const { page, errors } = pane;
    await page.goto(`${pane.origin}/taskpane.html?view=merge`);
    await page.getByLabel("选择报送文件所在的文件夹").setInputFiles(path.join(EXAMPLES, "reports"));
    await page.getByLabel("选择单位名单").setInputFiles(path.join(EXAMPLES, "名单.xlsx"));
    await page.getByText("名单：名单.xlsx").waitFor();
    await page.getByRole("checkbox", { name: FEEDBACK_CHOICE }).check();
    await page.getByLabel("截止日期").fill("2023-11-25");
    await page.getByLabel("联系人").fill("张三");
    await page.getByRole("button", { name: "开始汇总" }).click();

    const button = page.getByRole("button", { name: "下载退回意见和回执" });
    await button.waitFor({ timeout: 90000 });
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toBe(FEEDBACK_ZIP_NAME);
    const zipped = unzipSync(new Uint8Array(fs.readFileSync((await download.path()) as string)));

    const cli = await cliFeedback();
    expect(Object.keys(zipped).sort()).toEqual([...cli.keys()].sort());
    expect(cli.size).toBeGreaterThan(3);
    for (const [name, bytes] of cli)
      expect([name, await valuesOf(name, zipped[name])]).toEqual([name, await valuesOf(name, bytes)]);
    const returns = [...cli.keys()].filter((n) => n.endsWith("-退回意见.xlsx")).length;
    expect(await page.getByText(`退回意见 ${returns} 份、回执 ${cli.size - returns} 份`).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
