/**
 * 50,000 event rows (1,000 units × 50) are written with bounded memory: exceljs's streaming writer
 * turns each row into XML as it is committed, and only the parts' XML is held until the package is
 * zipped. Measured in a child process, so the test runner's own memory is not counted. exceljs's
 * non-streaming writer needs ≈ 1.2 GB for this.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import { tempDir } from "../helpers/libreoffice";

const ROOT = path.resolve(__dirname, "../..");
const MB_GROWTH_LIMIT = 200;
const MB_PEAK_LIMIT = 512;

interface Figures {
  events: number;
  eventRows: number;
  rssBeforeMB: number;
  rssPeakMB: number;
  maxRssMB: number;
  seconds: number;
  fileMB: number;
}

describe("memory while writing a 50,000-row 活动明细", () => {
  it(`stays within ${MB_GROWTH_LIMIT} MB above the merge result and ${MB_PEAK_LIMIT} MB in all`, () => {
    const tmp = tempDir("master-mem-");
    try {
      const out = path.join(tmp.dir, "big.xlsx");
      const stdout = execFileSync(
        path.join(ROOT, "node_modules/.bin/tsx"),
        ["--expose-gc", path.join(__dirname, "memory-child.ts"), out, "1000", "50"],
        {
          cwd: ROOT,
          encoding: "utf8",
          timeout: 170000,
        },
      );
      const f = JSON.parse(stdout.trim().split("\n").pop() as string) as Figures;
      // The figures the issue asks for, in the test log.
      console.log(
        `master: ${f.eventRows} event rows in ${f.seconds} s, ${f.fileMB} MB; RSS ${f.rssBeforeMB} MB before writing, peak ${f.maxRssMB} MB`,
      );
      expect(f.eventRows).toBe(50000);
      expect(f.maxRssMB - f.rssBeforeMB).toBeLessThan(MB_GROWTH_LIMIT);
      expect(f.maxRssMB).toBeLessThan(MB_PEAK_LIMIT);
    } finally {
      tmp.cleanup();
    }
  }, 180000);
});
