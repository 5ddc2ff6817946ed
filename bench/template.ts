/**
 * Writing the blank template (what `template -o` and the add-in's 插入模板 pay): time and size.
 * Median over several runs after a warm-up. Runs alone with `npx tsx bench/template.ts`, or through
 * benchTemplate() from the bench runner.
 */
import { writeTemplate } from "../src/xlsx/template-writer";
import { runStandalone, type BenchFigure } from "./figures";

const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchTemplate(): Promise<BenchFigure[]> {
  let data = await writeTemplate(); // warm-up: module loading and JIT
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    data = await writeTemplate();
    times.push(performance.now() - t0);
  }
  return [
    { name: `template: write the blank template (median of ${RUNS})`, value: `${median(times).toFixed(0)} ms` },
    { name: "template: size of the blank template", value: `${(data.length / 1024).toFixed(1)} KB` },
  ];
}

if (require.main === module) runStandalone(benchTemplate);
