/**
 * Limits benchmark: how long the worst inputs take that the unit tests check only for their answer and
 * memory (a time limit in a unit test fails on a loaded machine, so the times live here). Each figure
 * names the limit it is held to. Pure pieces: median of several runs. Hostile files: `checkFile` in a
 * child process (test/hostile/helpers.checkInChild), timing the check alone.
 * Runs alone with `npx tsx bench/limits.ts`, or through benchLimits() from the bench runner.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkGrid } from "../src/core/check-grid";
import { DEFAULT_GUARD_LIMITS } from "../src/core/guard";
import { applyExplanations } from "../src/core/explanations";
import { trimInvisible } from "../src/core/normalise/text";
import { labelKey } from "../src/core/text";
import { ReaderCost } from "../src/read/guard";
import { GOOD_FILL, withPastedRows } from "../test/core/locate-helpers";
import { deflatedEntry, deflatedZeros, unzipParts } from "../test/guard/craft";
import { checkInChild, goodReport, sheetPart, withParts } from "../test/hostile/helpers";
import { explainedEventsReport, explainedWarnings } from "../test/hostile/inputs";
import { buildOddZip } from "../test/hostile/zip";
import { runStandalone, type BenchFigure } from "./figures";

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median milliseconds of `work` over RUNS runs after one warm-up. */
function timed(work: () => unknown): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const ms = (n: number) => (n < 10 ? `${n.toFixed(2)} ms` : `${n.toFixed(0)} ms`);
/** The time, marked when it is over its limit (the figure a unit test used to assert). */
const within = (n: number, limitMs: number) => `${ms(n)}${n > limitMs ? " — OVER THE LIMIT" : ""}`;

function pureFigures(): BenchFigure[] {
  const run = 100_000;
  const { findings, notes } = explainedWarnings(5000);
  const pasted = withPastedRows(100_000);
  const tag = new TextEncoder().encode(`<worksheet><c r="A1" t="${"x".repeat(60000)}"/><c/></worksheet>`);
  const byteAtATime = () => {
    const part = new ReaderCost(DEFAULT_GUARD_LIMITS).part("xl/worksheets/sheet1.xml");
    for (let i = 0; i < tag.length; i++) part.feed(tag.subarray(i, i + 1));
    part.end();
  };
  const pieces: [string, number, () => unknown][] = [
    ["trimInvisible on a run of 100,000 spaces inside the text", 100, () => trimInvisible(`x${" ".repeat(run)}x`)],
    ["labelKey on a run of 100,000 asterisks inside the text", 100, () => labelKey(`x${"*".repeat(run)}x`)],
    ["5,000 说明 matched to 5,000 warnings (applyExplanations)", 2000, () => applyExplanations(findings, notes)],
    ["a 100,000-row paste refused by checkGrid", 5000, () => checkGrid(pasted)],
    ["reader cost of a 60,000-character tag fed a byte at a time", 3000, byteAtATime],
  ];
  return pieces.map(([name, limitMs, work]) => ({
    name: `limits: ${name} (limit ${limitMs.toLocaleString("en")} ms)`,
    value: within(timed(work), limitMs),
  }));
}

/** Hostile files made from the correct report, each with the limit its check is held to. */
async function hostileFiles(): Promise<{ name: string; limitMs: number; bytes: Buffer }[]> {
  const report = await goodReport();
  const unit = String(GOOD_FILL.fields.unit_name);
  const edit = (part: string, change: (xml: string) => string) =>
    withParts(report, (parts, text) => parts.set(part, Buffer.from(change(text(part)))));
  const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("");
  const names = (n: number) =>
    edit("xl/workbook.xml", (xml) =>
      xml.replace(
        "</definedNames>",
        `${Array.from({ length: n }, (_, i) => `<definedName name="junk${i}">'模板信息'!$A$${i + 1}</definedName>`).join("")}</definedNames>`,
      ),
    );
  const meta = await sheetPart(report, "模板信息");
  const xfd = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 100}"><c r="XFD${i + 100}"><v>1</v></c></row>`);
  const entries = [...(await unzipParts(report))].map(([n, c]) => deflatedEntry(n, c));
  const bomb = await deflatedZeros("xl/media/image9.png", 256 * 1024 * 1024);
  return [
    {
      name: "billion laughs in the shared strings, refused",
      limitMs: 3000,
      bytes: await edit("xl/sharedStrings.xml", (xml) =>
        xml.replace(/^<\?xml[^>]*\?>/, (d) => `${d}<!DOCTYPE sst [<!ENTITY l0 "lol">${levels}]>`).replace(unit, "&l9;"),
      ),
    },
    { name: "100,000 junk defined names, read", limitMs: 8000, bytes: await names(100_000) },
    { name: "300,000 defined names, refused before loading", limitMs: 2000, bytes: await names(300_000) },
    {
      name: "3,000 values in column XFD, refused",
      limitMs: 5000,
      bytes: await edit(meta, (xml) => xml.replace("</sheetData>", `${xfd.join("")}</sheetData>`)),
    },
    {
      name: "a 256 MiB bomb hidden from the end record's count, refused",
      limitMs: 1000,
      bytes: buildOddZip([...entries, bomb], { claimedCount: entries.length }),
    },
    { name: "5,000 events each explained by a 说明, judged", limitMs: 20000, bytes: await explainedEventsReport(5000) },
  ];
}

export async function benchLimits(): Promise<BenchFigure[]> {
  const figures = pureFigures();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-limits-"));
  try {
    for (const [i, f] of (await hostileFiles()).entries()) {
      const file = path.join(dir, `${i}.xlsx`);
      fs.writeFileSync(file, f.bytes);
      const { result, ms: checked, maxRssMB } = await checkInChild(file);
      figures.push({
        name: `limits: ${f.name} (limit ${f.limitMs.toLocaleString("en")} ms)`,
        value: `${result.status}${result.code ? ` (${result.code})` : ""} in ${within(checked, f.limitMs)}, peak rss ${maxRssMB.toFixed(0)} MB`,
      });
    }
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) runStandalone(benchLimits);
