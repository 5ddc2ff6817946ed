/**
 * LibreOffice, a program nobody here wrote, draws the chart on 统计: the master is converted to PDF,
 * the page with the chart's title names the districts under the bars, and rendered to pixels it shows
 * the two series' colours. A master with no units has neither. Formula-looking text prints as typed. Skipped without LibreOffice unless
 * REQUIRE_LIBREOFFICE=1.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import { DISTRICTS } from "../../src/core/definition";
import { saveMaster } from "../../src/node/save-master";
import { CHART_TITLE } from "../../src/core/master";
import { libreOfficeDescribe, recalcWithLibreOffice, tempDir } from "../helpers/libreoffice";
import { noUnitsResult, sampleResult } from "./merge-result";

const BLUE = [0x44, 0x72, 0xc4];
const ORANGE = [0xed, 0x7d, 0x31];

function pagesOf(pdf: string): string[] {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split(
    "\f",
  );
}

/** Pixels of one PDF page (1-based) close to `rgb`, rendered at 50 dpi. */
function pixelsLike(pdf: string, page: number, rgb: readonly number[]): number {
  const ppm = execFileSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "50", pdf], {
    maxBuffer: 64 * 1024 * 1024,
  });
  // P6 header: magic, width, height, maxval, each followed by whitespace; then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("pdftoppm did not write a P6 image");
  let n = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (Math.abs(ppm[i] - rgb[0]) < 24 && Math.abs(ppm[i + 1] - rgb[1]) < 24 && Math.abs(ppm[i + 2] - rgb[2]) < 24) n++;
  }
  return n;
}

libreOfficeDescribe()("LibreOffice draws the chart of participants by district", () => {
  const tmp = tempDir("master-lo-");
  const withChart = path.join(tmp.dir, "with-chart.xlsx");
  const without = path.join(tmp.dir, "without.xlsx");
  beforeAll(async () => {
    const base = sampleResult({ roster: true });
    // A literal _xHHHH_ in a unit's text: SpreadsheetML would read it as an escaped character.
    const events = base.details.events.map((e, i) =>
      i === 0 ? { ...e, values: { ...e.values, note: "_x0041_原样" } } : e,
    );
    await saveMaster({ ...base, details: { ...base.details, events } }, withChart);
    await saveMaster(noUnitsResult(), without);
    await recalcWithLibreOffice([
      { input: withChart, output: withChart.replace(/xlsx$/, "pdf") },
      { input: without, output: without.replace(/xlsx$/, "pdf") },
    ]);
  }, 180000);
  afterAll(() => tmp.cleanup());

  it("prints the chart titled, with every district under the bars and both series' colours", () => {
    const pdf = withChart.replace(/xlsx$/, "pdf");
    const pages = pagesOf(pdf);
    const at = pages.findIndex((p) => p.includes(CHART_TITLE));
    expect(at).toBeGreaterThanOrEqual(0);
    for (const d of DISTRICTS) expect(pages[at]).toContain(d);
    expect(pages[at]).toContain("人次");
    // Bars: 和平区 120/120 and 河西区 300/250 are hundreds of pixels of each colour even at 50 dpi.
    expect(pixelsLike(pdf, at + 1, BLUE)).toBeGreaterThan(200);
    expect(pixelsLike(pdf, at + 1, ORANGE)).toBeGreaterThan(200);
  });

  it("shows formula-looking submission text as the characters typed, not as results", () => {
    const text = pagesOf(withChart.replace(/xlsx$/, "pdf")).join("\n");
    expect(text).toContain('=HYPERLINK("http://x","点我")');
    expect(text).toContain("@SUM(A1)");
    expect(text).toContain("_x0041_原样");
  });

  it("draws nothing for a master without units", () => {
    const pdf = without.replace(/xlsx$/, "pdf");
    const pages = pagesOf(pdf);
    expect(pages.some((p) => p.includes(CHART_TITLE))).toBe(false);
    const blue = pages.reduce((n, _p, i) => n + (pages[i].trim() ? pixelsLike(pdf, i + 1, BLUE) : 0), 0);
    expect(blue).toBe(0);
  });
});
