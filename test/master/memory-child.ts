/**
 * Run by memory.test.ts in its own process (so the test runner's memory is not counted):
 *   tsx test/master/memory-child.ts OUT.xlsx UNITS EVENTS_PER_UNIT
 * builds a MergeResult of UNITS × EVENTS_PER_UNIT event rows, writes the master, and prints JSON:
 * resident memory before writing (the result itself), the peak while writing, the time, the file's
 * size and the rows found in 活动明细's XML.
 */
import { readFileSync, statSync } from "fs";
import { unzipSync } from "fflate";
import { saveMaster } from "../../src/node/save-master";
import { largeResult } from "./merge-result";

const MB = 1024 * 1024;

/** `<row ` elements in one part of the written package. */
function countRows(file: string, part: string): number {
  const parts = unzipSync(readFileSync(file), { filter: (f) => f.name === part });
  const bytes = parts[part];
  return bytes ? Buffer.from(bytes).toString("latin1").split("<row ").length - 1 : -1;
}

async function main(): Promise<void> {
  const [out, units, perUnit] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const result = largeResult(units, perUnit);
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = Date.now();
  await saveMaster(result, out);
  const seconds = (Date.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const eventRows = countRows(out, "xl/worksheets/sheet2.xml") - 1;
  console.log(
    JSON.stringify({
      events: result.details.events.length,
      eventRows,
      rssBeforeMB: Math.round(before / MB),
      rssPeakMB: Math.round(peak / MB),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      seconds,
      fileMB: Math.round((statSync(out).size / MB) * 10) / 10,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
