/**
 * The built pane against the strict Excel stand-in (dist-sim/, `npm run build:sim`) in headless
 * Chromium, walked as a unit would: 插入模板 → fill the report → type an invalid headcount → see the
 * finding and the mark → click it (the selection moves there) → fix it → explain the remaining
 * warning → status 通过. Screenshots go to test/browser/artifacts/ (gitignored); docs/sim-check.png
 * in the README is one of them. Skips when dist-sim/ or Chromium is missing unless REQUIRE_BROWSER=1.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { cellOf, fieldById, SHEETS, tableById } from "../../src/core/definition";
import { ARTIFACTS, describeWithSim, simPage } from "./sim-page";
import { reportWithoutMedia, until, type Typed } from "./walk";

const describeIfBrowser = describeWithSim();

interface SimWindow {
  excelSim: {
    edit(sheet: string, address: string, value: unknown): void;
    selection(): { sheet: string; address: string } | null;
    marks(): { sheet: string; address: string }[];
    stats: { unloadedReads: string[]; formulasWritten: string[] };
    values(sheet: string): unknown[][];
  };
}

describeIfBrowser("the pane against the Excel stand-in in Chromium", () => {
  const pane = simPage<SimWindow["excelSim"]>({ width: 1100, height: 760 });
  const { errors, sim } = pane;
  let page: Page;
  beforeAll(() => {
    page = pane.page;
  });
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, name) });
  const headcount = fieldById("regulation_participants");
  const at = cellOf(headcount);

  it("insert → invalid headcount → finding and mark → click → fix → explain → 通过", async () => {
    await page.goto(`${pane.origin}/taskpane.html?view=template`);
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

    // The user types words where a headcount goes: the finding appears without pressing 校验.
    await sim((s, a: string) => s.edit("基本情况", a, "很多"), at);
    const finding = page.getByRole("button", { name: new RegExp(`^${at} · 人次或次数不是整数`) });
    await finding.waitFor();
    await page.getByText(/状态：有错误/).waitFor();
    const marked = await until(
      () => sim((s) => s.marks()),
      (m) => m.some((x) => x.sheet === SHEETS.basic && x.address === at),
    );
    expect(marked).toContainEqual({ sheet: SHEETS.basic, address: at });
    await shot("2-invalid-headcount.png");

    await finding.click();
    await until(
      () => sim((s) => s.selection()),
      (sel) => sel?.sheet === SHEETS.basic && sel.address === at,
    );

    await sim((s, a: string) => s.edit("基本情况", a, "150"), at);
    await finding.waitFor({ state: "detached" });
    await page.getByText(/状态：待说明/).waitFor();
    await until(
      () => sim((s) => s.marks()),
      (m) => !m.some((x) => x.address === at),
    );

    await page.getByRole("button", { name: /^为 宣传报道!A4 填写说明/ }).click();
    await page.getByRole("textbox").fill("本年度未在媒体上报道研学活动，已在工作总结中说明。");
    await page.getByRole("button", { name: "写入核实说明" }).click();
    await page.getByText(/状态：通过/).waitFor();
    await shot("3-passed.png");
    const explanations = (await sim((s) => s.values("核实说明"))) as unknown[][];
    expect(explanations[tableById("explanations").firstRow - 1]?.[2]).toBe(
      "本年度未在媒体上报道研学活动，已在工作总结中说明。",
    );

    expect(await sim((s) => s.stats.unloadedReads)).toEqual([]);
    expect(await sim((s) => s.stats.formulasWritten)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describeIfBrowser("right after 插入模板, without visiting 校验", () => {
  const pane = simPage<SimWindow["excelSim"] & { stats: { runs: { syncs: number }[] } }>({ width: 1100, height: 760 });
  const { errors, sim } = pane;
  const training = cellOf(fieldById("training_sessions"));
  const publicCell = cellOf(fieldById("public_sessions"));
  const events = tableById("events");
  const eventRows = 1000;

  it("insert, type an error: the mark and the status appear at once, 查看问题 goes to the list", async () => {
    const page = pane.page;
    // No ?view=: the pane opens on the view that fits the workbook (no template yet: 插入模板).
    await page.goto(`${pane.origin}/taskpane.html`);
    await page.getByRole("tab", { name: "插入模板", selected: true }).waitFor();
    await page.getByRole("button", { name: "插入模板" }).last().click();
    await page.getByRole("button", { name: "继续插入" }).click();
    await page.getByText("已插入模板").waitFor();

    // The unit types 培训次数 2, then 公益性宣贯次数 5: marked while 插入模板 still shows.
    await sim((s, a: string) => s.edit("基本情况", a, 2), training);
    await page.waitForTimeout(400);
    const runsBefore = await sim((s) => s.stats.runs.length);
    const typedAt = Date.now();
    await sim((s, a: string) => s.edit("基本情况", a, 5), publicCell);
    await until(
      () => sim((s) => s.marks()),
      (m) => m.some((x) => x.sheet === SHEETS.basic && x.address === publicCell),
    );
    const elapsed = Date.now() - typedAt;
    await page.getByText(/状态：有错误/).waitFor();
    expect(await page.getByRole("tab", { name: "插入模板" }).getAttribute("aria-selected")).toBe("true");
    const syncs = await sim((s, from: number) => s.stats.runs.slice(from).reduce((n, r) => n + r.syncs, 0), runsBefore);
    expect(syncs).toBeLessThanOrEqual(2);
    expect(elapsed).toBeLessThan(1000);
    await page.screenshot({ path: path.join(ARTIFACTS, "4-live-after-insert.png") });

    await page.getByRole("button", { name: "查看问题" }).click();
    expect(await page.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
    await page.getByRole("button", { name: new RegExp(`^${publicCell} · 公益性宣贯次数超过培训次数`) }).waitFor();
    expect(await sim((s) => s.stats.unloadedReads)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it(`on a report of ${eventRows} event rows every edit is marked or unmarked, in at most two syncs`, async () => {
    const rows = Array.from({ length: eventRows }, (_, i) => [
      "2023-06-05",
      `第${i + 1}场研学活动`,
      "集中宣贯培训",
      "线下",
      "《条例》",
      10,
      "是",
    ]);
    await sim((s, a: { at: string; rows: unknown[][] }) => s.edit("活动明细", a.at, a.rows), {
      at: `A${events.firstRow}`,
      rows,
    });
    await pane.page.waitForTimeout(1500);
    const regulation = cellOf(fieldById("regulation_participants"));
    // Start from a right number there (the blank cell is marked as a required field left empty).
    await sim((s, a: string) => s.edit("基本情况", a, 20000), regulation);
    await until(
      () => sim((s) => s.marks()),
      (m) => !m.some((x) => x.address === regulation),
    );
    await pane.page.waitForTimeout(300);
    const times: number[] = [];
    for (let k = 0; k < 6; k++) {
      // Words where a headcount goes (an error, marked), then a right number (the mark goes).
      const wrong = k % 2 === 0;
      const runsBefore = await sim((s) => s.stats.runs.length);
      const t0 = Date.now();
      await sim((s, a: { cell: string; v: string | number }) => s.edit("基本情况", a.cell, a.v), {
        cell: regulation,
        v: wrong ? "很多" : 20000,
      });
      await until(
        () => sim((s) => s.marks()),
        (m) => m.some((x) => x.address === regulation) === wrong,
        3000,
        5,
      );
      times.push(Date.now() - t0);
      const syncs = await sim(
        (s, from: number) => s.stats.runs.slice(from).reduce((n, r) => n + r.syncs, 0),
        runsBefore,
      );
      expect(syncs).toBeLessThanOrEqual(2);
      await pane.page.waitForTimeout(300);
    }
    // The 300 ms budget is the benchmark's to measure (`npm run bench live`): on a loaded machine a
    // timing assert here fails for reasons that are not the pane's. Here every edit is marked (or
    // unmarked) within the wait above, in at most two syncs.
    console.log(`edit → marks on ${eventRows} event rows (ms): ${times.join(", ")}`);
    expect(times).toHaveLength(6);
    expect(errors).toEqual([]);
  });
});
