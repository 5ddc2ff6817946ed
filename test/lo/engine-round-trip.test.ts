/**
 * Every engine keeps the template small: the blank and the filled template, opened and saved as .xlsx
 * again by LibreOffice and by Gnumeric (each where installed), stay under 1 MB and `check` reads them
 * as it reads the original. (A style on whole table rows once made Gnumeric save every one of 16,384
 * columns of each row: 52 KB became 21 MB, which `check` refused.) The filled copy printed by
 * LibreOffice covers the whole report: 打印稿 names the tables to print with it, and the tables print
 * on A4 with their header repeated and page numbers.
 */
import { statSync, writeFileSync } from "fs";
import * as path from "path";
import { SHEETS, TABLES, columnById, tableById } from "../../src/core/definition";
import type { CheckResult } from "../../src/intake";
import { checkFile } from "../../src/node/intake-path";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { withTablesLine } from "../../src/xlsx/template/print-sheet";
import { filledTemplate } from "../helpers/filled-template";
import { convertWithGnumeric, findGnumeric } from "../helpers/gnumeric";
import { findLibreOffice, libreOfficeRequired, recalcWithLibreOffice, tempDir } from "../helpers/libreoffice";
import { execFileSync } from "child_process";

const MB = 1024 * 1024;
const EVENTS = 60;

const engines = [
  { name: "LibreOffice", present: findLibreOffice() !== null, required: libreOfficeRequired() },
  { name: "Gnumeric", present: findGnumeric() !== null, required: process.env.REQUIRE_GNUMERIC === "1" },
];

/** What `check` makes of a file, whatever it is called. */
const verdict = (r: CheckResult) => ({ status: r.status, unit: r.unit, findings: r.findings });

describe.each(engines)("$name round trip", ({ name, present, required }) => {
  const run = present || required ? it : it.skip;
  let tmp: ReturnType<typeof tempDir>;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    if (!present) return;
    tmp = tempDir("round-trip-");
    files.blank = path.join(tmp.dir, "blank.xlsx");
    writeFileSync(files.blank, await writeTemplate());
    files.filled = path.join(tmp.dir, "filled.xlsx");
    await (await filledTemplate()).xlsx.writeFile(files.filled);
    for (const which of ["blank", "filled"]) {
      const out = path.join(tmp.dir, `${which}-${name}.xlsx`);
      if (name === "LibreOffice") await recalcWithLibreOffice([{ input: files[which], output: out }]);
      else await convertWithGnumeric(files[which], out);
      files[`${which}-saved`] = out;
    }
  }, 300000);

  afterAll(() => tmp?.cleanup());

  run.each(["blank", "filled"])("the %s template stays under 1 MB and reads as the original", async (which) => {
    if (!present) throw new Error(`${name} not found`);
    const saved = files[`${which}-saved`];
    expect(statSync(saved).size).toBeLessThan(MB);
    const [original, again] = await Promise.all([checkFile(files[which]), checkFile(saved)]);
    expect(again.status).not.toBe("unreadable");
    expect(verdict(again)).toEqual(verdict(original));
  });
});

const describeLo = findLibreOffice() || libreOfficeRequired() ? describe : describe.skip;

describeLo("the printed copy of a filled report", () => {
  let tmp: ReturnType<typeof tempDir>;
  let pages: string[] = [];
  let sizes: string[] = [];

  beforeAll(async () => {
    tmp = tempDir("printed-");
    const events = tableById("events");
    const wb = await filledTemplate((w) => {
      const ws = w.getWorksheet(events.sheet)!;
      for (let i = 0; i < EVENTS; i++) {
        const row = events.firstRow + i;
        ws.getCell(`${columnById(events, "date").column}${row}`).value = new Date(Date.UTC(2023, 5, 1 + (i % 28)));
        ws.getCell(`${columnById(events, "title").column}${row}`).value = `第${i + 1}场宣贯活动`;
        ws.getCell(`${columnById(events, "form").column}${row}`).value = "集中宣贯培训";
        ws.getCell(`${columnById(events, "mode").column}${row}`).value = "线下";
        ws.getCell(`${columnById(events, "content").column}${row}`).value = "《条例》";
        ws.getCell(`${columnById(events, "participants").column}${row}`).value = 10;
        ws.getCell(`${columnById(events, "is_public").column}${row}`).value = "是";
      }
    });
    const input = path.join(tmp.dir, "filled.xlsx");
    await wb.xlsx.writeFile(input);
    const pdf = path.join(tmp.dir, "filled.pdf");
    await recalcWithLibreOffice([{ input, output: pdf }]);
    const info = execFileSync("pdfinfo", ["-l", "999", pdf], { encoding: "utf8" });
    sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map(
      (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
    );
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    pages = Array.from({ length: count }, (_, i) =>
      execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"], { encoding: "utf8" }),
    );
  }, 300000);

  afterAll(() => tmp?.cleanup());

  /** The pages a table printed: each starts with its title (the repeated rows). */
  const pagesOf = (title: string) => pages.filter((p) => p.trim().split("\n")[0].trim() === title);

  it("prints every page on A4", () => {
    expect(sizes.length).toBe(pages.length);
    for (const s of sizes) expect(["595x842", "842x595"]).toContain(s);
  });

  it("打印稿 says which tables go with it, and counts their rows", () => {
    const print = pages.filter((p) => p.includes("本件由本表和"));
    expect(print).toHaveLength(1);
    const flat = pages.join("\n").replace(/\s+/g, "");
    expect(flat).toContain(withTablesLine().replace(/\s+/g, "").slice(0, 30));
    expect(flat).toContain(`“${SHEETS.events}”${EVENTS}项`);
    for (const t of TABLES) expect(flat).toContain(`“${t.sheet}”`);
  });

  it("each table prints its rows with the header on every page and page numbers, and no page of empty grid", () => {
    const events = tableById("events");
    const eventPages = pagesOf(events.label);
    expect(eventPages.length).toBeGreaterThanOrEqual(2);
    eventPages.forEach((p, i) => {
      for (const c of events.columns) expect(p).toContain(c.label);
      expect(p).toMatch(new RegExp(`第 ${i + 1} 页，共 \\d+ 页`));
    });
    const printed = eventPages.join("\n");
    for (const i of [1, EVENTS]) expect(printed).toContain(`第${i}场宣贯活动`);
    // Rows nobody filled are not printed: the pages hold the 60 rows and no more.
    expect(eventPages.length).toBeLessThanOrEqual(3);
    for (const t of TABLES.filter((x) => x.id !== "events")) expect([t.id, pagesOf(t.label).length]).toEqual([t.id, 1]);
  });
});
