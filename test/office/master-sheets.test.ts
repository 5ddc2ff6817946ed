/**
 * 汇总 in the pane, the Office side, against the strict Excel stand-in: the example reports read and
 * merged by the pane's own pipeline, the master sheets written into the open workbook — what a user
 * would see (sheets, rows, text that stays text, formats, a native chart on 统计), what it costs
 * (syncs bounded by the requests the data needs; no unloaded reads), and what it must not do (touch
 * other sheets, replace master sheets without the user's word).
 */
import { STATUS_LABELS } from "../../src/core/model";
import * as path from "path";
import { fieldById } from "../../src/core/definition";
import type { MergeResult } from "../../src/core/merge/model";
import { MASTER_SHEET_NAMES, masterSheetPlans } from "../../src/office/master-plan";
import { planRequests } from "../../src/office/master-sheets";
import { createMergeOperations } from "../../src/office/merge-operations";
import { mergeChosenFiles } from "../../src/taskpane/merge/read-inputs";
import { readRoster } from "../../src/taskpane/merge/read-roster";
import { chosenFile, chosenFolder, EXAMPLES } from "../helpers/chosen-files";
import { ExcelSim } from "../helpers/excel-sim";
import { layoutOf } from "../helpers/excel-sim/layout";
import { sampleResult } from "../master/merge-result";

let result: MergeResult;
beforeAll(async () => {
  const roster = await readRoster(chosenFile(path.join(EXAMPLES, "名单.xlsx")));
  if (!roster.ok) throw new Error(roster.reason);
  ({ result } = await mergeChosenFiles(chosenFolder(), { roster }));
});

const USER_SHEET = "我的数据";
const USER_VALUES = [
  ["单位", "人数"],
  ["甲", 3],
  ["=SUM(B2)", "备注"],
];

function bench(options: { sheets?: string[]; budget?: number; sets?: number } = {}) {
  const sim = new ExcelSim();
  for (const s of options.sheets ?? [USER_SHEET]) {
    const sheet = sim.workbook.addSheet(s);
    USER_VALUES.forEach((line, r) => line.forEach((v, c) => sim.workbook.set(sheet, r + 1, c + 1, v)));
  }
  const ops = createMergeOperations({
    excel: sim.excel,
    isSetSupported: (name, version) => name === "ExcelApi" && Number(version.split(".")[1]) <= (options.sets ?? 20),
    budget: options.budget,
  });
  return { sim, ops };
}

const sheetNames = (sim: ExcelSim) => sim.workbook.sheets.map((s) => s.name);

describe("writing the master sheets into the open workbook", () => {
  it("writes the seven master sheets with the merge's rows, beside the user's sheet, which stays as it was", async () => {
    const { sim, ops } = bench();
    const written = await ops.writeMaster(result, { replace: false });
    expect(written).toEqual({
      kind: "written",
      sheets: MASTER_SHEET_NAMES,
      chart: true,
    });
    expect(sheetNames(sim)).toEqual([USER_SHEET, ...MASTER_SHEET_NAMES]);
    expect(sim.values(USER_SHEET)).toEqual(USER_VALUES);
    expect(sim.activeSheet()).toBe("汇总表");

    const plans = masterSheetPlans(result);
    for (const plan of plans)
      expect(sim.values(plan.name)).toEqual(plan.rows.map((line) => line.map((v) => (v === "" ? null : v))));
    // 汇总表: header, one row per merged unit, totals.
    const summary = sim.values("汇总表");
    expect(summary).toHaveLength(result.units.length + 2);
    expect(summary[summary.length - 1][0]).toBe("合计");
    expect(result.units.length).toBeGreaterThan(5);
    expect(sim.stats.unloadedReads).toEqual([]);
  });

  it("keeps formula-looking text from a submission as text: no formula reaches Excel", async () => {
    const { sim, ops } = bench();
    await ops.writeMaster(result, { replace: false });
    expect(sim.stats.formulasWritten).toEqual([]);
    const media = sim.values("宣传报道").flat();
    expect(media).toContain('=HYPERLINK("http://x","点我")');
    expect(media).toContain("@SUM(A1)");
    expect(media).toContain("+1");
    const sheet = sim.workbook.sheet("宣传报道");
    for (const [k, v] of sheet.cells) if (typeof v === "string") expect(sheet.formats.get(k)).toBe("@");
  });

  it("gives every sheet a frozen bold header, its widths and number formats, a filter over the data, and status colours", async () => {
    const { sim, ops } = bench();
    await ops.writeMaster(result, { replace: false });
    const summary = layoutOf(sim.workbook.sheet("汇总表"));
    expect(summary.frozen).toEqual({ rows: 1, columns: 1 });
    expect(summary.autoFilter).toEqual({
      top: 1,
      left: 1,
      bottom: result.units.length + 1,
      right: masterSheetPlans(result)[0].widths.length,
    });
    expect(summary.formats.some((f) => f.property === "font.bold" && f.rect.top === 1 && f.rect.bottom === 1)).toBe(
      true,
    );
    expect(summary.columnWidths.size).toBe(masterSheetPlans(result)[0].widths.length);
    // The status column: 通过 green, 有错误 red, as in the .xlsx master.
    const status = sim
      .values("汇总表")
      .slice(1, -1)
      .map((line) => line[0]);
    const fills = new Map(
      summary.formats
        .filter((f) => f.property === "fill.color" && f.rect.left === 1 && f.rect.top > 1)
        .map((f) => [f.rect.top, f.value]),
    );
    status.forEach((s, i) =>
      expect(fills.get(i + 2)).toBe(s === "通过" ? "#C6EFCE" : s === "有错误" ? "#FFC7CE" : "#FFEB9C"),
    );
    expect(layoutOf(sim.workbook.sheet("问题清单")).frozen).toEqual({
      rows: 1,
      columns: 0,
    });
    // Headcounts: thousands separator; dates: a date format over a serial number.
    const headcount = fieldById("regulation_participants").label;
    const col = sim.values("汇总表")[0].indexOf(headcount) + 1;
    expect(sim.workbook.sheet("汇总表").formats.get(`2,${col}`)).toBe("#,##0");
  });

  it("adds a native column chart of participants by district on 统计, over the district table", async () => {
    const { sim, ops } = bench();
    await ops.writeMaster(result, { replace: false });
    const stats = sim.values("统计");
    const districts = result.statistics.byDistrict;
    const [chart, ...others] = layoutOf(sim.workbook.sheet("统计")).charts;
    expect(others).toEqual([]);
    expect(chart.type).toBe("ColumnClustered");
    expect(chart.title).toBe("各区域研学人次");
    const last = 1 + districts.length;
    expect(stats.slice(1, last).map((l) => l[0])).toEqual(districts.map((d) => d.group ?? "（未填写或无法识别）"));
    expect(chart.series.map((s) => s.name)).toEqual([
      fieldById("regulation_participants").label,
      fieldById("outline_participants").label,
    ]);
    for (const s of chart.series) {
      expect(s.xValues).toBe(`A2:A${last}`);
      const [, col] = /^([A-Z]+)2:/.exec(s.values)!;
      expect(s.values).toBe(`${col}2:${col}${last}`);
      expect(stats[0][col.charCodeAt(0) - 65]).toBe(s.name);
    }
    expect(chart.position?.from).toMatch(/^A\d+$/);
  });

  it("costs one sync to look and one per request of data (two in all here) — none per row or sheet", async () => {
    const { sim, ops } = bench();
    await ops.writeMaster(result, { replace: false });
    const requests = planRequests(masterSheetPlans(result), 2_000_000).length;
    expect(requests).toBe(1);
    expect(sim.stats.runs).toHaveLength(1);
    expect(sim.stats.runs[0].syncs).toBe(requests + 1);
  });

  it("splits the data into requests under the budget (Excel on the web refuses more than 5 MB), same cells", async () => {
    const budget = 3000;
    const { sim, ops } = bench({ budget });
    const progress: number[] = [];
    await ops.writeMaster(result, {
      replace: false,
      onProgress: (written) => progress.push(written),
    });
    const requests = planRequests(masterSheetPlans(result), budget);
    expect(requests.length).toBeGreaterThan(3);
    expect(sim.stats.runs[0].syncs).toBe(requests.length + 1);
    expect(progress).toHaveLength(requests.length);
    expect(progress[progress.length - 1]).toBe(masterSheetPlans(result).reduce((n, p) => n + p.rows.length, 0));
    for (const plan of masterSheetPlans(result))
      expect(sim.values(plan.name)).toEqual(plan.rows.map((line) => line.map((v) => (v === "" ? null : v))));
  });
});

describe("master sheets already in the workbook", () => {
  it("are left alone until the user confirms: the first answer only names them, after one sync", async () => {
    const { sim, ops } = bench();
    await ops.writeMaster(result, { replace: false });
    sim.edit("汇总表", "A2", "用户改过");
    const again = await ops.writeMaster(result, { replace: false });
    expect(again).toEqual({ kind: "exists", sheets: MASTER_SHEET_NAMES });
    expect(sim.stats.runs[1].syncs).toBe(1);
    expect(sim.value("汇总表", "A2")).toBe("用户改过");
    expect(sheetNames(sim)).toEqual([USER_SHEET, ...MASTER_SHEET_NAMES]);
  });

  it("are replaced when the user confirms, and nothing else is touched", async () => {
    const { sim, ops } = bench();
    await ops.writeMaster(result, { replace: false });
    sim.edit("汇总表", "A2", "用户改过");
    const replaced = await ops.writeMaster(result, { replace: true });
    expect(replaced.kind).toBe("written");
    expect(sheetNames(sim)).toEqual([USER_SHEET, ...MASTER_SHEET_NAMES]);
    expect(sim.value("汇总表", "A2")).toBe(STATUS_LABELS[result.units[0].status]);
    expect(sim.values(USER_SHEET)).toEqual(USER_VALUES);
    expect(layoutOf(sim.workbook.sheet("统计")).charts).toHaveLength(1);
  });

  it("are replaced even when the workbook holds nothing else (Excel keeps at least one sheet)", async () => {
    const { sim, ops } = bench({ sheets: [] });
    sim.workbook.addSheet("统计");
    const replaced = await ops.writeMaster(result, { replace: true });
    expect(replaced.kind).toBe("written");
    expect(sheetNames(sim)).toEqual(MASTER_SHEET_NAMES);
  });
});

describe("older Excel and failures", () => {
  it("says in Chinese what an older Excel lacks, and sends nothing", async () => {
    const { sim, ops } = bench({ sets: 8 });
    const r = await ops.writeMaster(result, { replace: false });
    expect(r.kind).toBe("unsupported");
    expect(r.kind === "unsupported" && r.message).toContain("ExcelApi）1.9");
    expect(sim.stats.syncs).toBe(0);
  });

  it("turns an Excel error into a Chinese message instead of rejecting", async () => {
    const { sim, ops } = bench();
    sim.beginCellEdit();
    const r = await ops.writeMaster(result, { replace: false });
    expect(r.kind).toBe("failed");
    expect(r.kind === "failed" && r.message).toMatch(/^写入汇总工作表时 Excel 报告了错误/);
    sim.endCellEdit();
  });
});

describe("a master too big for one request", () => {
  // 3 units × 8,000 event rows: 24,000 rows of 活动明细, well over Excel on the web's 5 MB per request.
  const big = sampleResult({ eventsPerUnit: 8000 });

  it("is written in requests under 5 MB, each accepted by the stand-in, with every row", async () => {
    const { sim, ops } = bench();
    const written = await ops.writeMaster(big, { replace: false });
    expect(written.kind).toBe("written");
    const requests = planRequests(masterSheetPlans(big), 2_000_000).length;
    expect(requests).toBeGreaterThan(1);
    expect(sim.stats.runs[0].syncs).toBe(requests + 1);
    expect(sim.values("活动明细")).toHaveLength(big.details.events.length + 1);
  });

  it("would be refused by Excel on the web if sent whole (so the chunking is what makes it work)", async () => {
    const { ops } = bench({ budget: 50_000_000 });
    const refused = await ops.writeMaster(big, { replace: false });
    expect(refused).toEqual({
      kind: "failed",
      message: expect.stringContaining("RequestPayloadSizeLimitExceeded"),
    });
  });
});
