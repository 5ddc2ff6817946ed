/**
 * LibreOffice, a real spreadsheet program, opens the template and evaluates the 自检 formulas:
 * copies of the template are filled with exceljs (one per case of selfcheck-cases.ts), then one
 * headless LibreOffice opens each, recalculates everything (calculateAll) and saves it; the cached
 * results are read back with exceljs. The same run prints the template to PDF.
 * Skipped without LibreOffice unless REQUIRE_LIBREOFFICE=1.
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import {
  FIELDS,
  SHEETS,
  SINGLE_FIELD_LAYOUT,
  TABLES,
  TEMPLATE,
  cellOf,
  type ValueSpec,
} from "../../src/core/definition";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { META_CELLS, META_SHEET } from "../../src/xlsx/template/meta";
import { SELF_CHECK_LINES } from "../../src/xlsx/template/self-check-lines";
import {
  libreOfficeDescribe,
  probeWithLibreOffice,
  recalcWithLibreOffice,
  tempDir,
  type ProbedCell,
  type ProbedSheet,
} from "../helpers/libreoffice";
import { applyPlan } from "./apply-plan";
import { CASES, expectedOverall, expectedResults, isInputCell } from "./selfcheck-cases";
import { readSelfCheck, type SelfCheckResult } from "./read-self-check";
import type { CheckResult } from "../../src/intake";
import { checkFile } from "../../src/node/intake-path";
import { disagreements } from "./verdict";

const describeLo = libreOfficeDescribe();
const EXCELJS_CASES = CASES.filter((c) => !c.loFillOnly);

describe("self-check cases", () => {
  it("write only into input cells of the template", () => {
    for (const c of CASES)
      for (const s of c.plan) if ("cell" in s) expect([c.name, isInputCell(s.sheet, s.cell)]).toEqual([c.name, true]);
  });
  it("name only existing self-check lines", () => {
    const ids = new Set(SELF_CHECK_LINES.map((l) => l.id));
    for (const c of CASES)
      for (const id of [...c.failing, ...(c.notApplicable ?? [])])
        expect([c.name, id, ids.has(id)]).toEqual([c.name, id, true]);
  });
});

describeLo("LibreOffice evaluates the template", () => {
  const results = new Map<string, SelfCheckResult>();
  const checks = new Map<string, CheckResult>();
  let pdf: Buffer;
  let roundTrip: ExcelJS.Workbook;
  let tmp: ReturnType<typeof tempDir>;
  let probed: { sheets: ProbedSheet[]; cells: ProbedCell[] };
  /** Inputs LibreOffice is asked about: every single field, first and last prepared row of every column. */
  const probes: { sheet: string; cell: string; spec: ValueSpec; label?: string }[] = [
    ...FIELDS.map((f) => ({ sheet: f.sheet, cell: cellOf(f), spec: f })),
    ...TABLES.flatMap((t) =>
      t.columns.flatMap((c) =>
        [t.firstRow, t.firstRow + t.capacity - 1].map((r) => ({ sheet: t.sheet, cell: `${c.column}${r}`, spec: c })),
      ),
    ),
  ];
  const labels = FIELDS.map((f) => ({ sheet: f.sheet, cell: `${SINGLE_FIELD_LAYOUT.labelColumn}${f.row}` }));

  beforeAll(async () => {
    tmp = tempDir("lo-selfcheck-");
    const template = await writeTemplate();
    const templatePath = path.join(tmp.dir, "template.xlsx");
    writeFileSync(templatePath, template);
    const conversions = [
      { input: templatePath, output: path.join(tmp.dir, "template.pdf") },
      { input: templatePath, output: path.join(tmp.dir, "template-lo.xlsx") },
    ];
    for (const c of EXCELJS_CASES) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template as never);
      applyPlan(wb, c.plan);
      const input = path.join(tmp.dir, `${c.name}.xlsx`);
      await wb.xlsx.writeFile(input);
      conversions.push({ input, output: path.join(tmp.dir, `${c.name}-lo.xlsx`) });
    }
    await recalcWithLibreOffice(conversions, 900000);
    probed = await probeWithLibreOffice(templatePath, [
      ...probes.map(({ sheet, cell }) => ({ sheet, cell })),
      ...labels,
    ]);
    for (const c of EXCELJS_CASES) {
      const file = path.join(tmp.dir, `${c.name}-lo.xlsx`);
      results.set(c.name, await readSelfCheck(file));
      checks.set(c.name, await checkFile(file));
    }
    pdf = readFileSync(path.join(tmp.dir, "template.pdf"));
    roundTrip = new ExcelJS.Workbook();
    await roundTrip.xlsx.readFile(path.join(tmp.dir, "template-lo.xlsx"));
  }, 1000000);

  afterAll(() => tmp?.cleanup());

  it("opens the template and keeps its sheets, the hidden metadata and the defined names", () => {
    expect(roundTrip.worksheets.map((w) => w.name)).toEqual(Object.values(SHEETS));
    expect(roundTrip.getWorksheet(META_SHEET)!.state).not.toBe("visible");
    expect(roundTrip.getWorksheet(META_SHEET)!.getCell(META_CELLS.version.valueCell).value).toBe(TEMPLATE.version);
    const names = (roundTrip.definedNames.model as { name: string }[]).map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(["fld_unit_name", "fld_public_sessions", "tbl_events"]));
  });

  it("sees the protection, the frozen headers and the hidden metadata sheet", () => {
    const byName = Object.fromEntries(probed.sheets.map((x) => [x.name, x]));
    expect(probed.sheets.map((x) => x.name)).toEqual(Object.values(SHEETS));
    for (const x of probed.sheets)
      expect([x.name, x.protected, x.visible]).toEqual([x.name, true, x.name !== SHEETS.meta]);
    for (const t of TABLES) expect(byName[t.sheet].frozenRows).toBe(t.headerRow);
  });

  it("sees a dropdown on every enum input, whole-number rules on headcounts, date rules on dates; inputs unlocked, labels locked", () => {
    const expectedType: Partial<Record<ValueSpec["type"], string>> = {
      enum: "LIST",
      headcount: "WHOLE",
      integer: "WHOLE",
      date: "DATE",
      credit_code: "TEXT_LEN",
    };
    probes.forEach((p, i) => {
      const got = probed.cells[i];
      expect([got.sheet, got.cell]).toEqual([p.sheet, p.cell]);
      expect(got.locked).toBe(false);
      const type = expectedType[p.spec.type];
      if (type) expect([p.cell, got.validation]).toEqual([p.cell, type]);
      if (p.spec.type === "enum")
        expect(got.formula1.split(";").map((o) => o.replace(/^"|"$/g, ""))).toEqual(p.spec.options);
      if (p.spec.type === "headcount") expect(got.formula1).toBe("0");
    });
    for (const got of probed.cells.slice(probes.length)) {
      expect(got.locked).toBe(true);
      expect(got.string.length).toBeGreaterThan(1);
    }
  });

  it.each(EXCELJS_CASES.map((c) => [c.name, c] as const))("%s: every line shows the expected ✓ / ✗ / —", (_name, c) => {
    const r = results.get(c.name)!;
    expect(r.byLine).toEqual(expectedResults(c));
    expect(r.overall).toBe(expectedOverall(c));
    for (const [id, text] of Object.entries(c.messages ?? {})) expect(r.messages[id]).toBe(text);
    for (const id of c.failing) expect(String(r.messages[id] ?? "").length).toBeGreaterThan(4);
  });

  it.each(EXCELJS_CASES.map((c) => [c.name] as const))("%s: 自检 and check give one verdict, rule by rule", (name) => {
    expect([name, disagreements(results.get(name)!, checks.get(name)!)]).toEqual([name, []]);
  });

  it("the messages carry the numbers that broke the rule", () => {
    expect(results.get("public-above-training")!.messages["public.le_training"]).toBe(
      "“其中：公益性宣贯次数”（4）大于“组织研学宣贯培训次数”（3）。",
    );
    expect(results.get("regulation-below-events")!.messages["regulation.covers_events"]).toContain(
      "（129）少于活动明细中研学《条例》的参加人次合计（130）",
    );
    expect(results.get("training-not-event-rows")!.messages["training.matches_events"]).toContain("有3行活动");
    expect(results.get("correct")!.messages["public.le_training"]).toBeFalsy();
    expect(results.get("public-above-training")!.breakdown).toBe("其中错误 1 项，提示 1 项");
    expect(results.get("no-media-no-evidence")!.breakdown).toBe("其中错误 0 项，提示 2 项");
    expect(results.get("correct")!.breakdown).toBe("全部检查项");
  });

  it("public.min_one is an error in a 年度总结 and a warning in a 阶段性总结", () => {
    expect(results.get("no-public-session-annual")!.severities["public.min_one"]).toBe("错误");
    expect(results.get("no-public-session-stage")!.severities["public.min_one"]).toBe("提示");
  });

  it("prints to PDF with its Chinese labels as text in a CJK font", () => {
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(7);
    expect(pdf.toString("latin1")).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+[^\s/]*(CJK|Song|Hei|Ming|WenQuanYi)/i);
    const text = inflatedStreams(pdf);
    // ToUnicode maps of the embedded fonts name the characters of 填报说明 and 基本情况.
    for (const ch of "填报说明基本情况")
      expect(text).toContain(`<${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`);
  });
});

/** All Flate streams of a PDF, inflated, joined (upper-cased so hex compares as in the CMaps). */
function inflatedStreams(pdf: Buffer): string {
  const s = pdf.toString("latin1");
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf("endstream", start);
    if (end < 0) break;
    try {
      out.push(zlib.inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      // not a Flate stream (images, fonts with other filters)
    }
    re.lastIndex = end + "endstream".length;
  }
  return out.join("\n").toUpperCase();
}
