/**
 * Validation as the user types, on the strict Excel stand-in (test/helpers/excel-sim): the template
 * inserted, a correct report typed with 1,000 event rows, then a user's edits to a headcount, each
 * followed as the pane follows it (onWorkbookChanged, then the verdict's marks). Figures: the time from
 * the edit to the marks (the quiet time included), and the context.sync calls each edit cost.
 * Runs alone with `npx tsx bench/live.ts`, or through benchLive() from the bench runner.
 */
import { cellOf, columnById, fieldById, tableById } from "../src/core/definition";
import { DEBOUNCE_MS } from "../src/host-kit/own-writes";
import { createOfficeOperations } from "../src/office/operations";
import type { Validation } from "../src/ports/operations";
import { findingsToMark } from "../src/taskpane/findings-view";
import { writeTemplate } from "../src/xlsx/template-writer";
import { GOOD_FILL } from "../test/core/locate-helpers";
import { ExcelSim } from "../test/helpers/excel-sim";
import { readInsertedWorkbook } from "../test/helpers/excel-sim/reader";
import { typeReport } from "../test/helpers/excel-sim/type-report";
import { runStandalone, type BenchFigure } from "./figures";

const EVENT_ROWS = 1000;
const EDITS = 11;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchLive(): Promise<BenchFigure[]> {
  const sim = new ExcelSim({ read: readInsertedWorkbook });
  sim.workbook.addSheet("Sheet1");
  const template = (await writeTemplate()).toString("base64");
  const ops = createOfficeOperations({ excel: sim.excel, isSetSupported: () => true, template: async () => template });
  const inserted = await ops.insertTemplate();
  if (inserted.kind !== "inserted") throw new Error(`insert: ${JSON.stringify(inserted)}`);

  typeReport(sim, GOOD_FILL);
  const events = tableById("events");
  const row = (i: number) =>
    events.columns.map((c) => {
      const v = (
        {
          date: "2023-06-05",
          title: `第${i + 1}场研学活动`,
          form: "集中宣贯培训",
          mode: "线下",
          content: "《条例》",
          participants: 10,
          is_public: "是",
        } as Record<string, string | number>
      )[c.id];
      return v ?? null;
    });
  sim.edit(
    events.sheet,
    `${columnById(events, "date").column}${events.firstRow}`,
    Array.from({ length: EVENT_ROWS }, (_, i) => row(i)),
  );
  const first = await ops.validate();
  if (first.kind !== "checked" || !first.check.ok) throw new Error("the report was not read");
  await ops.markFindings(findingsToMark(first.check.judgement.findings));
  await sim.settled();

  // Followed as the pane follows it: every verdict marks its findings.
  let resolveMarked: (() => void) | null = null;
  let readJudge = 0;
  const stop = ops.onWorkbookChanged((v: Validation) => {
    const t = performance.now();
    if (v.kind !== "checked" || !v.check.ok) return;
    void ops.markFindings(findingsToMark(v.check.judgement.findings)).then(() => {
      readJudge = t;
      resolveMarked?.();
    });
  });
  await new Promise((r) => setTimeout(r, 300));

  const headcount = fieldById("regulation_participants");
  const total = [] as number[];
  const afterQuiet = [] as number[];
  const syncs = [] as number[];
  for (let k = 0; k < EDITS; k++) {
    const runs = sim.stats.runs.length;
    const marked = new Promise<void>((resolve) => (resolveMarked = resolve));
    const t0 = performance.now();
    sim.edit(headcount.sheet, cellOf(headcount), k % 2 === 0 ? "很多" : EVENT_ROWS * 20);
    await marked;
    const t1 = performance.now();
    total.push(t1 - t0);
    afterQuiet.push(readJudge - t0 - DEBOUNCE_MS);
    syncs.push(sim.stats.runs.slice(runs).reduce((n, r) => n + r.syncs, 0));
    const shouldMark = k % 2 === 0;
    if (sim.marks().some((m) => m.address === cellOf(headcount)) !== shouldMark)
      throw new Error(`edit ${k}: marks wrong`);
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  return [
    {
      name: `live: edit → marks on a report with ${EVENT_ROWS} event rows (median of ${EDITS}, ≤ 300 ms)`,
      value: `${median(total).toFixed(0)} ms (max ${Math.max(...total).toFixed(0)} ms; ${DEBOUNCE_MS} ms of it the quiet time before re-reading)`,
    },
    {
      name: "live: re-read and judged after the quiet time (median)",
      value: `${median(afterQuiet).toFixed(0)} ms`,
    },
    { name: "live: context.sync calls per edit (≤ 2)", value: `${Math.max(...syncs)} at most (${syncs.join(", ")})` },
  ];
}

if (require.main === module) runStandalone(benchLive);
