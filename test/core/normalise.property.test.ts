/** Property tests (fast-check) for the spec §3 normalisers. */
import fc from "fast-check";
import { dateOfExcelSerial, excelSerialOfIso, normaliseDate, normaliseHeadcount } from "../../src/core/normalise";

// ---- an independent writer of the spellings people use -------------------------------------------

const ZH_DIGITS = "零一二三四五六七八九";
const ZH_UNITS = ["", "十", "百", "千"];

/** 0..9999 in Chinese, standard style (一千零五, 一百一十). */
function zhSection(n: number): string {
  let out = "";
  let zeroPending = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out) zeroPending = true;
      continue;
    }
    if (zeroPending) out += "零";
    zeroPending = false;
    out += ZH_DIGITS[d] + ZH_UNITS[p];
  }
  return out;
}

/** 0..99,999,999 in Chinese; `shortTen` writes 10–19 as 十… instead of 一十…. */
function toChinese(n: number, shortTen: boolean): string {
  if (n === 0) return "零";
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let out = high ? zhSection(high) + "万" : "";
  if (low) out += (high && low < 1000 ? "零" : "") + zhSection(low);
  return shortTen && out.startsWith("一十") ? out.slice(1) : out;
}

const toFullWidth = (s: string) => s.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

interface Spelling {
  text: string;
  normalized: boolean;
}

const spellingOf = (n: number) =>
  fc
    .record({
      style: fc.constantFrom("plain", "grouped", "chinese"),
      fullWidth: fc.boolean(),
      decimal: fc.constantFrom("", ".0", ".00"),
      suffix: fc.constantFrom("", "人", "人次"),
      spaces: fc.constantFrom("", " ", "  ", "\u3000"),
      shortTen: fc.boolean(),
    })
    .map(({ style, fullWidth, decimal, suffix, spaces, shortTen }): Spelling => {
      let text: string;
      if (style === "chinese" && n <= 99_999_999) text = toChinese(n, shortTen);
      else {
        text = (style === "grouped" ? grouped(n) : String(n)) + decimal;
        if (fullWidth) text = toFullWidth(text);
      }
      return {
        text: `${spaces}${text}${suffix}${spaces}`,
        normalized: suffix !== "" || (style === "chinese" && n <= 99_999_999),
      };
    });

describe("headcount properties", () => {
  it("any whole number 0..10^7 in any accepted spelling reads back as itself", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }).chain((n) => spellingOf(n).map((s) => ({ n, s }))),
        ({ n, s }) => {
          const r = normaliseHeadcount(s.text);
          expect(r).toEqual(
            s.normalized
              ? { ok: true, value: n, note: { kind: "normalized", readAs: String(n) } }
              : { ok: true, value: n },
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("whole numbers from a grid read back as themselves", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) =>
        expect(normaliseHeadcount(n)).toEqual({ ok: true, value: n }),
      ),
    );
  });

  it("rejects non-integers, as numbers and as text", () => {
    const nonInteger = fc
      .double({ min: -1e7, max: 1e7, noNaN: true })
      .filter((x) => Math.abs(x - Math.round(x)) > 1e-6);
    fc.assert(
      fc.property(nonInteger, (x) => {
        expect(normaliseHeadcount(x).ok).toBe(false);
        expect(normaliseHeadcount(String(x)).ok).toBe(false);
      }),
    );
  });

  it("rejects negative numbers in any spelling", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: -1 }), fc.constantFrom("", "人", "人次"), (n, suffix) => {
        expect(normaliseHeadcount(n).ok).toBe(false);
        expect(normaliseHeadcount(`${n}${suffix}`).ok).toBe(false);
        expect(normaliseHeadcount(toFullWidth(String(-n)).replace(/^/, "－")).ok).toBe(false);
      }),
    );
  });

  it("rejects text without any digit or numeral", () => {
    const noNumber = fc
      .string({ unit: "binary", maxLength: 12 })
      .filter((s) => !/[0-9０-９零〇一二两三四五六七八九十百千万亿]/.test(s));
    fc.assert(
      fc.property(noNumber, (s) => expect(normaliseHeadcount(s).ok).toBe(false)),
      { numRuns: 2000 },
    );
  });
});

// ---- dates ----------------------------------------------------------------------------------------

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");

/** Any calendar day from 1904-01-01 (the first day both serial systems know) to 9999-12-31. */
const calendarDay = fc.integer({ min: Date.UTC(1904, 0, 1) / DAY, max: Date.UTC(9999, 11, 31) / DAY }).map((day) => {
  const d = new Date(day * DAY);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), day };
});

describe("date properties", () => {
  it("every accepted spelling of a valid date reads back as that date", () => {
    fc.assert(
      fc.property(calendarDay, fc.constantFrom("-", "/", "."), fc.boolean(), ({ y, m, d }, sep, padded) => {
        const iso = `${y}-${pad(m)}-${pad(d)}`;
        const mm = padded ? pad(m) : String(m);
        const dd = padded ? pad(d) : String(d);
        for (const text of [
          iso,
          `${y}${sep}${mm}${sep}${dd}`,
          `${y}年${mm}月${dd}日`,
          ` ${toFullWidth(iso).replace(/-/g, "－")} `,
        ]) {
          expect(normaliseDate(text)).toEqual({ ok: true, value: iso });
        }
        expect(normaliseDate(`${m}月${d}日`, { year: y })).toEqual({
          ok: true,
          value: iso,
          note: { kind: "normalized", readAs: iso },
        });
        expect(normaliseDate(new Date(Date.UTC(y, m - 1, d)))).toEqual({ ok: true, value: iso });
      }),
      { numRuns: 1000 },
    );
  });

  it("serial numbers of the 1900 and 1904 systems agree with the Date of the same day", () => {
    fc.assert(
      fc.property(calendarDay, fc.double({ min: 0, max: 0.999, noNaN: true }), ({ y, m, d, day }, time) => {
        const iso = `${y}-${pad(m)}-${pad(d)}`;
        // Days since 1899-12-30, computed from Date, not from the code under test.
        const serial1900 = day - Date.UTC(1899, 11, 30) / DAY;
        const serial1904 = day - Date.UTC(1904, 0, 1) / DAY;
        expect(dateOfExcelSerial(serial1900 + time, false)).toBe(iso);
        expect(dateOfExcelSerial(serial1904 + time, true)).toBe(iso);
        expect(normaliseDate(serial1900)).toEqual({ ok: true, value: iso });
        expect(normaliseDate(serial1904, { date1904: true })).toEqual({ ok: true, value: iso });
        expect(excelSerialOfIso(iso)).toBe(serial1900);
        expect(excelSerialOfIso(iso, true)).toBe(serial1904);
      }),
      { numRuns: 1000 },
    );
  });

  it("rejects impossible days", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 29, max: 40 }),
        (y, m, d) => {
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCMonth() === m - 1;
          expect(normaliseDate(`${y}-${m}-${d}`).ok).toBe(real);
          expect(normaliseDate(`${y}年${m}月${d}日`).ok).toBe(real);
        },
      ),
    );
  });
});
