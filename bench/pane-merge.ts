/**
 * The pane's 汇总 against `merge` on the same 1,000 reports × 50 events: the production build of the
 * pane (against the Excel stand-in) in Chromium, timed from the click on 开始汇总 until the master is
 * opened as a new workbook, beside the command in a process of its own. While the pane works, every
 * long task on its UI thread (the browser's Long Tasks API: > 50 ms) is recorded: the target is none
 * over 100 ms, and the pane within 2 × the command line's time.
 * Runs alone with `npx tsx bench/pane-merge.ts [count]`, or through benchPaneMerge() from the runner.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { launchChromium } from "../test/browser/chromium";
import { serveDirectory } from "../test/browser/serve";
import { runCommand } from "./batch";
import { runStandalone, type BenchFigure } from "./figures";
import { benchFileList, BENCH_EVENTS, BENCH_REPORTS } from "./report-files";

const ROOT = path.resolve(__dirname, "..");

/** The pane against the stand-in, built as production (minified, as units get it). */
function buildPane(): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pane-"));
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", "sim", "--output-path", out],
    { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] },
  );
  return out;
}

interface PaneRun {
  readonly ms: number;
  readonly longTasks: readonly number[];
  readonly opened: boolean;
}

async function paneMerge(dist: string, files: readonly string[]): Promise<PaneRun> {
  const server = await serveDirectory(dist);
  const { context, profile } = await launchChromium({ width: 1100, height: 900 });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(`${server.origin}/taskpane.html?view=merge`);
    page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
    await page.getByLabel("选择报送文件", { exact: true }).setInputFiles([...files]);
    await page.getByText(`已选择 ${files.length} 个文件。`).waitFor({ timeout: 120000 });
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
    const t0 = Date.now();
    await page.getByRole("button", { name: "开始汇总" }).click();
    const opened = page.getByText("汇总结果已在一个新的 Excel 工作簿中打开");
    const notOpened = page.getByText("汇总完成，但未能在 Excel 中打开");
    await opened.or(notOpened).waitFor({ timeout: 600000 });
    const ms = Date.now() - t0;
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    return { ms, longTasks, opened: await opened.isVisible() };
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

export async function benchPaneMerge(count = BENCH_REPORTS): Promise<BenchFigure[]> {
  const files = await benchFileList(count);
  const dist = buildPane();
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-pane-master-")), "汇总.xlsx");
  try {
    const cli = runCommand(["merge", ...files, "-o", out, "--force", "--json"]);
    const pane = await paneMerge(dist, files);
    const worst = Math.max(0, ...pane.longTasks);
    const what = `${count} reports × ${BENCH_EVENTS} events`;
    return [
      { name: `merge (command line): ${what}`, value: `${(cli.ms / 1000).toFixed(1)} s` },
      {
        name: `汇总 in the pane (production build, Chromium, the stand-in): ${what}`,
        value: `${(pane.ms / 1000).toFixed(1)} s, master ${pane.opened ? "opened as a new workbook" : "offered as a download"}`,
      },
      { name: "pane / command line", value: `${(pane.ms / cli.ms).toFixed(2)}× (target ≤ 2×)` },
      {
        name: "longest task on the pane's UI thread while it merged",
        value: `${worst.toFixed(0)} ms; ${pane.longTasks.filter((d) => d > 100).length} over 100 ms (target none)`,
      },
    ];
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

if (require.main === module) runStandalone(() => benchPaneMerge(Number(process.argv[2]) || BENCH_REPORTS));
