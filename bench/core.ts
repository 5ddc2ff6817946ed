/**
 * Core benchmark: judging one report with 1,000 event rows (normalise every value, run every rule,
 * attach 核实说明, sort). Target: ≤ 10 ms median. Pure core only — no file reading.
 * Runs alone with `npx tsx bench/core.ts`, or through benchCore() from the bench runner.
 */
import { judgeReport } from "../src/core/judge";
import type { CellValue } from "../src/core/model";
import { VALID_EVENTS, validReport } from "../test/helpers/report-builder";
import { runStandalone, type BenchFigure } from "./figures";

const EVENT_ROWS = 1000;
const RUNS = 200;
const WARMUP = 30;

/** 1,000 events in a mix of spellings (text dates, serials, 人次 suffixes), totals that match them. */
function bigReport() {
  const events: Record<string, CellValue>[] = [];
  for (let i = 0; i < EVENT_ROWS; i++) {
    const base = VALID_EVENTS[i % VALID_EVENTS.length];
    const month = 1 + (i % 10);
    const day = 1 + (i % 28);
    const date: CellValue =
      i % 3 === 0 ? 44927 + (i % 300) : i % 3 === 1 ? `2023-${month}-${day}` : `2023年${month}月${day}日`;
    events.push({
      ...base,
      date,
      title: `研学活动${i + 1}`,
      participants: i % 4 === 0 ? `${20 + (i % 50)}人次` : 20 + (i % 50),
    });
  }
  return validReport({
    fields: {
      training_sessions: EVENT_ROWS,
      public_sessions: events.filter((e) => e.is_public === "是").length,
      regulation_participants: 100000,
      outline_participants: 100000,
    },
    tables: { events, explanations: [{ rule: "format.normalized", location: "参加人次", text: "按人次填写。" }] },
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function benchCore(): BenchFigure[] {
  const report = bigReport();
  for (let i = 0; i < WARMUP; i++) judgeReport(report);
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    findings = judgeReport(report).findings.length;
    times.push(performance.now() - t0);
  }
  return [
    {
      name: `core: judge one report with ${EVENT_ROWS} event rows (median of ${RUNS}, target ≤ 10 ms)`,
      value: `${median(times).toFixed(2)} ms`,
    },
    {
      name: "core: same, 95th percentile",
      value: `${[...times].sort((a, b) => a - b)[Math.floor(RUNS * 0.95)].toFixed(2)} ms`,
    },
    { name: "core: findings in that report", value: String(findings) },
  ];
}

if (require.main === module) runStandalone(benchCore);
