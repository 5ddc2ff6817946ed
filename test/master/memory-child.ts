/**
 * Run by memory.test.ts in its own process (so the test runner's memory is not counted):
 *   tsx test/master/memory-child.ts OUT.xlsx UNITS EVENTS_PER_UNIT
 * builds a MergeResult of UNITS × EVENTS_PER_UNIT event rows, writes the master, and prints JSON:
 * resident memory before writing (the result itself), the peak while writing, the time, the file's
 * size and the rows found in 活动明细's XML.
 */
import * as yauzl from "yauzl";
import { statSync } from "fs";
import { writeMasterWorkbook } from "../../src/xlsx/master";
import { largeResult } from "./merge-result";

const MB = 1024 * 1024;

async function countRows(file: string, part: string): Promise<number> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== part) continue;
      let n = 0;
      let tail = "";
      for await (const chunk of await zip.openReadStreamPromise(entry)) {
        const text = tail + (chunk as Buffer).toString("latin1");
        n += text.split("<row ").length - 1;
        tail = text.slice(-4);
      }
      return n;
    }
    return -1;
  } finally {
    zip.close();
  }
}

async function main(): Promise<void> {
  const [out, units, perUnit] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const result = largeResult(units, perUnit);
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = Date.now();
  await writeMasterWorkbook(result, out);
  const seconds = (Date.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const eventRows = (await countRows(out, "xl/worksheets/sheet2.xml")) - 1;
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
