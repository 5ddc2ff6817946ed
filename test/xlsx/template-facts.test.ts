/**
 * The definition is the single source of every secondary fact: defined-name prefixes, the deadline
 * and length words in hints, the words and alphabets `check` reads (READING) and that 自检's formulas
 * restate, 是/否. One test per fact: each fails when one of its users keeps a copy that drifted.
 */
import {
  DEADLINES,
  DEFINED_NAME_PREFIXES,
  FIELDS,
  NO,
  READING,
  REPORT_TYPES,
  TABLES,
  YES,
  YES_NO,
  definedNameOf,
  fieldById,
  lengthWords,
  monthDayWords,
  tableNameOf,
  type ValueSpec,
} from "../../src/core/definition";
import { tableDefinedName } from "../../src/core/locate/tables";
import { normaliseHeadcount } from "../../src/core/normalise/headcount";
import { normaliseEmail, normalisePhone, normaliseUrl } from "../../src/core/normalise/contact";
import { CREDIT_CODE_WEIGHTS, creditCodeCheckChar, normaliseCreditCode } from "../../src/core/normalise/credit-code";
import { normaliseDate } from "../../src/core/normalise/date";
import { normaliseInteger } from "../../src/core/normalise/integer";
import { TEMPLATE_NAMES } from "../../src/host-kit/template-names";
import { buildTemplateWorkbook } from "../../src/xlsx/template-writer";
import { guideLines } from "../../src/xlsx/template/guide";
import { lineSpecs, selfCheckLine } from "../../src/xlsx/template/self-check-lines";
import { readBlockCells } from "../../src/xlsx/template/self-check-reading";
import { judgeReport } from "../../src/core/judge";
import { validReport } from "../helpers/report-builder";
import { definedNames, loadTemplate } from "./template-helpers";

/** Every formula 自检 is made of (lines and helper cells), as one text. */
const SELF_CHECK_TEXT = [
  ...lineSpecs().flatMap((l) => [
    l.applicable,
    l.pass,
    l.undecided,
    l.failMessage,
    l.helpers?.measure ?? "",
    l.helpers?.unsure ?? "",
  ]),
  ...readBlockCells().map((c) => c.formula ?? ""),
].join("\n");
const lineText = (id: string) => {
  const l = lineSpecs().find((x) => x.id === id)!;
  return [l.applicable, l.pass, l.undecided, l.failMessage, l.helpers?.measure, l.helpers?.unsure].join("\n");
};
const inFormula = (s: string) => `"${s.replace(/"/g, '""')}"`;
const specs: ValueSpec[] = [...FIELDS, ...TABLES.flatMap((t) => t.columns)];

describe("defined-name prefixes", () => {
  it("the file's names, the names 插入模板 recreates and the names the locator asks for are the definition's", async () => {
    const written = Object.keys(definedNames(await loadTemplate())).filter((n) => !n.startsWith("_xlnm"));
    const expected = [...FIELDS.map((f) => definedNameOf(f.id)), ...TABLES.map((t) => tableNameOf(t.id))];
    expect(written.sort()).toEqual([...expected].sort());
    expect(TEMPLATE_NAMES.map((n) => n.name).sort()).toEqual([...expected].sort());
    for (const t of TABLES) expect(tableDefinedName(t.id)).toBe(tableNameOf(t.id));
    for (const name of expected)
      expect(Object.values(DEFINED_NAME_PREFIXES).some((p) => name.startsWith(p))).toBe(true);
  });
});

describe("deadline words", () => {
  it("the 报告类型 hint, 填报说明 and the 自检 deadline line say the definition's deadlines", () => {
    const guide = guideLines(2023)
      .map((l) => l.text)
      .join("\n");
    const deadlineLine = lineSpecs().find((l) => l.id === "deadline.late")!;
    for (const type of REPORT_TYPES) {
      const words = monthDayWords(DEADLINES[type]);
      expect([type, fieldById("report_type").hint.includes(`${type}于${words}前`)]).toEqual([type, true]);
      expect([type, new RegExp(`${type}[^。]*：2023年${words}前`).test(guide)]).toEqual([type, true]);
      expect(deadlineLine.failMessage).toContain(`${type}${words}前`);
      expect(deadlineLine.pass).toContain(`DATE(`);
    }
  });

  it("`check` finds a 填报日期 late one day after the definition's deadline, not on it", () => {
    const iso = (month: number, day: number) => new Date(Date.UTC(2023, month - 1, day)).toISOString().slice(0, 10);
    const late = (type: string, fill: string) =>
      judgeReport(validReport({ fields: { report_type: type, fill_date: fill } })).findings.some(
        (f) => f.rule === "deadline.late",
      );
    for (const type of REPORT_TYPES) {
      const { month, day } = DEADLINES[type];
      expect([type, late(type, iso(month, day)), late(type, iso(month, day + 1))]).toEqual([type, false, true]);
    }
  });
});

describe("length words", () => {
  it("every hint that states a length states its own field's limit, and every long text states it", () => {
    for (const s of specs) {
      const stated = [...s.hint.matchAll(/不超过(\d+)字/g)].map((m) => Number(m[1]));
      for (const n of stated) expect([s.id, n]).toEqual([s.id, s.maxLength]);
      if (s.type === "longtext") expect([s.id, s.hint.includes(lengthWords(s.maxLength!))]).toEqual([s.id, true]);
    }
  });

  it("the validation and 自检 state the same limit", () => {
    const wb = buildTemplateWorkbook();
    for (const f of FIELDS.filter((x) => x.maxLength !== undefined)) {
      expect(selfCheckLine(`text.too_long.${f.id}`).name).toContain(`不超过${f.maxLength}字`);
      const dv = wb.getWorksheet(f.sheet)!.getCell(`C${f.row}`).dataValidation;
      expect([f.id, dv.formulae?.[0]]).toEqual([f.id, f.maxLength]);
    }
  });
});

describe("words and alphabets check reads and 自检 restates", () => {
  const H = READING.headcount;

  it("headcount words: check reads each with its note, and 自检's helper cells look for each", () => {
    for (const w of H.unitSuffixes) {
      const r = normaliseHeadcount(`12${w}`);
      expect([w, r.ok && r.note?.kind]).toEqual([w, "normalized"]);
      expect([w, SELF_CHECK_TEXT.includes(inFormula(w))]).toEqual([w, true]);
    }
    for (const w of [...H.approximatePrefixes.map((p) => `${p}12`), ...H.approximateSuffixes.map((s) => `12${s}`)]) {
      const r = normaliseHeadcount(w);
      expect([w, r.ok && r.note?.kind]).toEqual([w, "approximate"]);
    }
    for (const w of [...H.approximatePrefixes, ...H.approximateSuffixes, H.tenThousand])
      expect([w, SELF_CHECK_TEXT.includes(inFormula(w))]).toEqual([w, true]);
    expect(normaliseHeadcount(`1.${"1".repeat(H.tenThousandDecimals)}${H.tenThousand}`).ok).toBe(true);
    expect(normaliseHeadcount(`1.${"1".repeat(H.tenThousandDecimals + 1)}${H.tenThousand}`).ok).toBe(false);
  });

  it("year words: check reads 2023年 and 2023年度 with a note, and 自检 strips the same words", () => {
    for (const w of READING.yearSuffixes) {
      const r = normaliseInteger(`2023${w}`, 2000, 2100);
      expect([w, r.ok && r.note?.kind]).toEqual([w, "normalized"]);
      expect(SELF_CHECK_TEXT).toContain(inFormula(w));
    }
  });

  it("date marks: check reads each separator and 日/号, and 自检 knows the same shapes", () => {
    const D = READING.date;
    for (const sep of D.separators) {
      expect([sep, normaliseDate(`2023${sep}6${sep}5`).ok]).toEqual([sep, true]);
      expect(SELF_CHECK_TEXT).toContain(`#0000${sep}0${sep}0`);
    }
    for (const mark of D.dayMarks) {
      expect([mark, normaliseDate(`2023${D.yearMark}6${D.monthMark}5${mark}`).ok]).toEqual([mark, true]);
      expect(SELF_CHECK_TEXT).toContain(`#0${D.monthMark}0${mark}`);
    }
  });

  it("the phone's codes and marks: check accepts numbers built from them, and 自检 looks for each", () => {
    const P = READING.phone;
    expect(normalisePhone(`+${P.countryCode}${P.mobileFirstDigit}${P.mobileSecondDigits[0]}812345678`).ok).toBe(true);
    expect(normalisePhone(`${P.areaCode}-27182133`).ok).toBe(true);
    for (const mark of P.extensionMarks) {
      expect([mark, normalisePhone(`27182133${mark}1`).ok]).toEqual([mark, true]);
      expect([mark, SELF_CHECK_TEXT.includes(inFormula(mark))]).toEqual([mark, true]);
    }
    expect(normalisePhone(`27182133-${"1".repeat(P.maxExtensionDigits + 1)}`).ok).toBe(false);
    for (const s of [`+${P.countryCode}`, P.countryCode, `(${P.areaCode})`, P.areaCode, P.mobileSecondDigits])
      expect([s, SELF_CHECK_TEXT.includes(inFormula(s))]).toEqual([s, true]);
  });

  it("the credit-code alphabet and weights: check accepts exactly its characters, and 自检 computes with both", () => {
    const valid = "11120103MB12345678";
    for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") {
      const code = `${valid.slice(0, 17)}${ch}`;
      expect([ch, normaliseCreditCode(code).ok]).toEqual([ch, READING.creditCodeAlphabet.includes(ch)]);
    }
    expect(creditCodeCheckChar(valid.slice(0, 17))).toBe(valid[17]);
    expect(SELF_CHECK_TEXT).toContain(inFormula(READING.creditCodeAlphabet));
    expect(SELF_CHECK_TEXT).toContain(`{${CREDIT_CODE_WEIGHTS.join(",")}}`);
  });

  it("the e-mail alphabets: check accepts their characters and nothing else, and 自检 restates them", () => {
    const M = READING.email;
    for (const ch of M.localChars) expect([ch, normaliseEmail(`a${ch}b@example.com`).ok]).toEqual([ch, true]);
    for (const ch of ["!", "#", "中"]) expect([ch, normaliseEmail(`a${ch}b@example.com`).ok]).toEqual([ch, false]);
    expect(normaliseEmail(`a@example.${"c".repeat(M.minTldLength - 1)}`).ok).toBe(false);
    for (const chars of [M.localChars, `${M.labelChars}.`, M.tldChars])
      expect(SELF_CHECK_TEXT).toContain(inFormula(chars));
  });

  it("url schemes: check accepts each, and the hint and 自检 name each", () => {
    for (const s of READING.urlSchemes) {
      expect([s, normaliseUrl(`${s}example.com`).ok]).toEqual([s, true]);
      expect(fieldOrColumnHint("url")).toContain(s);
      expect(SELF_CHECK_TEXT).toContain(inFormula(s));
    }
  });
});

describe("是 and 否", () => {
  it("every yes/no option list is the definition's, and 自检 counts 是 and reads 否 from it", () => {
    for (const s of specs.filter((x) => x.options?.includes(YES) || x.options?.includes(NO)))
      expect([s.id, s.options]).toEqual([s.id, YES_NO]);
    expect(lineSpecs().find((l) => l.id === "public.matches_events")!.failMessage).toContain(`“${YES}”`);
    expect(lineText("sealed.no")).toContain(inFormula(NO));
    expect(lineText("public.matches_events")).toContain(inFormula(YES));
  });
});

function fieldOrColumnHint(type: ValueSpec["type"]): string {
  return specs.find((s) => s.type === type)!.hint;
}
