/**
 * The master as LibreOffice prints it (issue 17 part 8), converted to PDF: the demo's master (examples/,
 * merged with the roster) prints each sheet on one landscape A4 page — 7 pages, where the master
 * before its page setup took 26 — each numbered, no sheet's columns cut onto a page of their own;
 * a master with many units runs 汇总表 over several pages, each with the header row and the last
 * column; 统计 prints its paragraph and chart on one page. Skipped without LibreOffice unless
 * REQUIRE_LIBREOFFICE=1.
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { runCli } from "../../src/cli/program";
import { CHART_TITLE } from "../../src/core/master";
import type { MergeResult } from "../../src/core/merge/model";
import { saveMaster } from "../../src/node/save-master";
import { libreOfficeDescribe, recalcWithLibreOffice, tempDir } from "../helpers/libreoffice";
import { sampleResult } from "./merge-result";

const EXAMPLES = path.resolve(__dirname, "../../examples");

/** Each page's text, white space removed (a wrapped header or cell reads as one word again). */
function pagesOf(pdf: string): string[] {
  const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split("\f").map((p) => p.replace(/\s+/g, ""));
  return pages.at(-1) === "" ? pages.slice(0, -1) : pages;
}

libreOfficeDescribe()("LibreOffice prints the master", () => {
  const tmp = tempDir("master-print-");
  const demo = path.join(tmp.dir, "demo.xlsx");
  const long = path.join(tmp.dir, "long.xlsx");
  beforeAll(async () => {
    await fs.cp(path.join(EXAMPLES, "reports"), path.join(tmp.dir, "reports"), { recursive: true });
    await fs.copyFile(path.join(EXAMPLES, "名单.csv"), path.join(tmp.dir, "名单.csv"));
    const io = { stdout: () => undefined, stderr: () => undefined, cwd: tmp.dir, isTTY: false };
    expect(await runCli(["merge", "reports", "-o", "demo.xlsx", "--roster", "名单.csv"], io)).toBe(1);
    const base = sampleResult({ roster: true });
    const many: MergeResult = {
      ...base,
      units: Array.from({ length: 90 }, (_, i) => base.units[i % base.units.length]),
    };
    await saveMaster(many, long);
    await recalcWithLibreOffice([
      { input: demo, output: demo.replace(/xlsx$/, "pdf") },
      { input: long, output: long.replace(/xlsx$/, "pdf") },
    ]);
  }, 180000);
  afterAll(() => tmp.cleanup());

  it("prints the demo's master on 7 numbered pages, one per sheet, each sheet's first and last columns together", () => {
    const pages = pagesOf(demo.replace(/xlsx$/, "pdf"));
    expect(pages).toHaveLength(7);
    pages.forEach((p, i) => expect(p).toContain(`第${i + 1}页，共7页`));
    const firstAndLast: [string, string][] = [
      ["审核状态", "模板版本"], // 汇总表
      ["报送单位", "来源行号"], // 活动明细
      ["报送单位", "来源行号"], // 宣传报道
      ["报送单位", "来源行号"], // 佐证材料
      ["来源文件", "核实说明"], // 问题清单
      ["情况", "未计为已报送"], // 未报送单位: the last column's 说明 of the unit that sent a 阶段性总结
      ["所属区域", "人次合计"], // 统计
    ];
    firstAndLast.forEach(([first, last], i) =>
      expect([i, pages[i].includes(first), pages[i].includes(last)]).toEqual([i, true, true]),
    );
  });

  it("prints 统计's paragraph, tables and chart on one page", () => {
    const last = pagesOf(demo.replace(/xlsx$/, "pdf")).at(-1)!;
    expect(last).toContain("全市共10个单位报送2023年度总结");
    expect(last).toContain("尚有4个单位未报送");
    expect(last).toContain(CHART_TITLE);
  });

  it("repeats 汇总表's header row on every page it runs to, each page as wide as the sheet", () => {
    const pages = pagesOf(long.replace(/xlsx$/, "pdf"));
    const end = pages.findIndex((p) => p.includes("共3家单位")); // 汇总表's totals row
    expect(end).toBeGreaterThanOrEqual(1);
    for (const p of pages.slice(0, end + 1)) {
      expect(p).toContain("审核状态");
      expect(p).toContain("模板版本");
    }
  });
});
