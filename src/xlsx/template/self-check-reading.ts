/**
 * How 自检 reads the single fields whose spellings need more than one formula: headcounts written
 * with words (约120人), the year (2023年度), 填报日期 and the phone. Each is read step by step in
 * hidden helper cells on the 自检 sheet, one row per field and one cell per step, the way
 * src/core/normalise reads it: a formula cannot name an intermediate result, so a step in a cell of
 * its own is what keeps each formula short. Every line that needs the field's number or its state
 * reads them from that row (READ_BLOCK.value / .state).
 */
import { FIELDS, READING, type FieldDef, type FieldId } from "../../core/definition";
import { integerBounds } from "../../core/definition";
import { F, digitShape, isShapeOf, onlyChars, str } from "./formula-text";
import {
  CHINESE_NUMERAL_CHARS,
  STATE,
  allDigits,
  compact,
  dateReading,
  isPlainNumber,
  plainNumber,
} from "./formula-read";
import { META_CELLS, META_SHEET } from "./meta";
import { absolute, quoteSheet } from "./refs";

/** Where the helper cells are: hidden columns right of the lines, one row per field read here. */
export const READ_BLOCK = {
  firstRow: 5,
  labelColumn: "I",
  stepColumns: ["J", "K", "L", "M", "N", "O", "P"],
  valueColumn: "Q",
  stateColumn: "R",
} as const;

/** The fields 自检 reads through helper cells, in the definition's order. */
export const READ_FIELDS: readonly FieldDef[] = FIELDS.filter(
  (f) => f.type === "headcount" || f.type === "integer" || f.type === "date" || f.type === "phone",
);

export interface FieldReading {
  /** The number read ("" when none), and the STATE, as absolute cells on 自检. */
  readonly value: string;
  readonly state: string;
}

function rowOf(fieldId: FieldId): number {
  const i = READ_FIELDS.findIndex((f) => f.id === fieldId);
  if (i < 0) throw new Error(`自检 reads ${fieldId} without helper cells`);
  return READ_BLOCK.firstRow + i;
}

export function readingOf(fieldId: FieldId): FieldReading {
  const r = rowOf(fieldId);
  return { value: `$${READ_BLOCK.valueColumn}$${r}`, state: `$${READ_BLOCK.stateColumn}$${r}` };
}

/**
 * The state is one of these. (A sum, never a lone comparison: a spreadsheet ranks TRUE and FALSE above
 * every number, so (A=B)>0 is always TRUE in Excel and Gnumeric.)
 */
export function stateIs(reading: FieldReading, ...states: number[]): string {
  return `(${states.map((s) => `(${reading.state}=${s})`).join("+")}+0>0)`;
}

/** The report year as the core uses it: 年度 when it reads as one, else the year the template was made for. */
export function reportYear(): string {
  const y = readingOf("year");
  return `IF(${stateIs(y, STATE.ok, STATE.normalized)},${y.value},${quoteSheet(META_SHEET)}!${absolute(META_CELLS.year.valueCell)})`;
}

/** Nested IFs: the first word of `words` (longest first) that `test` finds gives `then(word)`; else `otherwise`. */
function firstWord(
  words: readonly string[],
  test: (w: string) => string,
  then: (w: string) => string,
  otherwise: string,
) {
  return [...words]
    .sort((a, b) => a.length - b.length)
    .reduce((acc, w) => `IF(${test(w)},${then(w)},${acc})`, otherwise);
}

/** Length of the word of `words` that `s` ends with (longest first), or 0. */
const endingLength = (s: string, words: readonly string[]) =>
  firstWord(
    words,
    (w) => `RIGHT(${s},${w.length})=${str(w)}`,
    (w) => String(w.length),
    "0",
  );

const cut = (s: string, n: string) => `TRIM(LEFT(${s},LEN(${s})-${n}))`;

/** One cell's formula per step, then the value and the state: headcounts as normaliseHeadcount reads them. */
function headcountCells(x: string, at: (col: string) => string): Record<string, string> {
  const [t, p, k1, r1, k2, core, wan] = READ_BLOCK.stepColumns.map(at);
  const W = READING.headcount;
  const units = W.unitSuffixes;
  const approx = W.approximateSuffixes;
  const m = `LEFT(${core},LEN(${core})-${W.tenThousand.length})`;
  const whole = `LEFT(${m},FIND(".",${m}&".")-1)`;
  const frac = `MID(${m},FIND(".",${m}&".")+1,99)`;
  const dotted = `ISNUMBER(FIND(".",${m}))`;
  const wanShape = `${allDigits(whole)}*IF(${dotted},(LEN(${frac})<=${W.tenThousandDecimals})*${allDigits(frac)},1)`;
  const tens = "1" + "0".repeat(W.tenThousandDecimals);
  return {
    // The text, folded and trimmed ("" for a number cell).
    [READ_BLOCK.stepColumns[0]]: `IF(ISNUMBER(${x}),"",TRIM(ASC(${x})))`,
    // 约, 大约…: at most one, at the start.
    [READ_BLOCK.stepColumns[1]]: firstWord(
      W.approximatePrefixes,
      (w) => `LEFT(${t},${w.length})=${str(w)}`,
      (w) => `TRIM(MID(${t},${w.length + 1},999))`,
      t,
    ),
    // Two rounds at the end: a unit (人次…) is looked for before an approximation (余…), each at most once.
    [READ_BLOCK.stepColumns[2]]: `IF(${endingLength(p, units)}>0,"U",IF(${endingLength(p, approx)}>0,"A",""))`,
    [READ_BLOCK.stepColumns[3]]:
      `IF(${k1}="U",${cut(p, endingLength(p, units))},IF(${k1}="A",${cut(p, endingLength(p, approx))},${p}))`,
    [READ_BLOCK.stepColumns[4]]:
      `IF(${k1}="U",IF(${endingLength(r1, approx)}>0,"A",""),IF(${k1}="A",IF(${endingLength(r1, units)}>0,"U",""),""))`,
    [READ_BLOCK.stepColumns[5]]:
      `IF(${k2}="A",${cut(r1, endingLength(r1, approx))},IF(${k2}="U",${cut(r1, endingLength(r1, units))},${r1}))`,
    // 1.2万: the number of ten thousands, whole only.
    [READ_BLOCK.stepColumns[6]]:
      `IF(RIGHT(${core},${W.tenThousand.length})=${str(W.tenThousand)},IF(${wanShape},VALUE(${whole})*${tens}+IF(${dotted},VALUE(LEFT(${frac}&${str(tens.slice(1))},${W.tenThousandDecimals})),0),""),"")`,
    [READ_BLOCK.valueColumn]: `IF(ISNUMBER(${x}),ROUND(${x},0),IF(${isPlainNumber(core)},${plainNumber(core)},IF(ISNUMBER(${wan}),${wan},"")))`,
    [READ_BLOCK.stateColumn]:
      `IF(ISNUMBER(${x}),IF((ROUND(${x},0)<0)+(ROUND(${x},0)>9007199254740991),${STATE.error},IF(${x}=ROUND(${x},0),${STATE.ok},IF(ABS(${x}-ROUND(${x},0))<1E-9,${STATE.normalized},${STATE.error}))),` +
      `IF(LEN(${t})=0,${STATE.blank},IF(ISNUMBER(${at(READ_BLOCK.valueColumn)}),IF(${at(READ_BLOCK.valueColumn)}>9007199254740991,${STATE.error},` +
      `IF((${p}<>${t})+(${k1}="A")+(${k2}="A"),${STATE.approximate},IF((${k1}="U")+(${k2}="U")+ISNUMBER(${wan}),${STATE.normalized},${STATE.ok}))),` +
      // Chinese numerals (一百二十, but also 十百): only the core parses them.
      `IF((LEN(${core})>0)*IFERROR(${onlyChars(core, CHINESE_NUMERAL_CHARS)},0),${STATE.unsure},${STATE.error}))))`,
  };
}

/** The year as normaliseInteger reads it: a whole number, or digits with 年 / 年度 (noted). */
function integerCells(f: FieldDef, x: string, at: (col: string) => string): Record<string, string> {
  const [t, core] = READ_BLOCK.stepColumns.map(at);
  const { min, max } = integerBounds(f);
  const whole = `LEFT(${core},FIND(".",${core}&".")-1)`;
  const frac = `MID(${core},FIND(".",${core}&".")+1,99)`;
  const shape = `${allDigits(whole)}*IF(ISNUMBER(FIND(".",${core})),(LEN(${frac})>0)*(SUBSTITUTE(${frac},"0","")=""),1)`;
  const v = at(READ_BLOCK.valueColumn);
  return {
    [READ_BLOCK.stepColumns[0]]: compact(x),
    [READ_BLOCK.stepColumns[1]]: firstWord(
      READING.yearSuffixes,
      (w) => `RIGHT(${t},${w.length})=${str(w)}`,
      (w) => `LEFT(${t},LEN(${t})-${w.length})`,
      t,
    ),
    [READ_BLOCK.valueColumn]: `IF(ISNUMBER(${x}),${x},IF(${shape},VALUE(${whole}),""))`,
    [READ_BLOCK.stateColumn]:
      `IF(ISNUMBER(${x}),IF((${x}=INT(${x}))*(${x}>=${min})*(${x}<=${max}),${STATE.ok},${STATE.error}),` +
      `IF(LEN(${t})=0,${STATE.blank},IF(ISNUMBER(${v}),IF((${v}>=${min})*(${v}<=${max}),IF(${core}<>${t},${STATE.normalized},${STATE.ok}),${STATE.error}),${STATE.error})))`,
  };
}

/**
 * The phone as normalisePhone reads it, on the compacted lower-case text and its digit shape (a digit
 * shape of part of the text is that part of the shape, so every test is a MID of two cells).
 */
function phoneCells(x: string, at: (col: string) => string): Record<string, string> {
  const [p, shape, start, mobile, landline, withArea] = READ_BLOCK.stepColumns.map(at);
  const P = READING.phone;
  /** The extension from position k on: nothing, or a mark and 1…max digits. */
  const digitsFrom = (k: string) =>
    `(LEN(${p})>=${k})*(LEN(${p})-(${k})+1<=${P.maxExtensionDigits})*(MID(${shape},${k},99)=REPT("0",LEN(${p})-(${k})+1))`;
  const extensionFrom = (k: string) =>
    `IF(LEN(${p})<${k},1,${firstWord(
      P.extensionMarks,
      (w) => `MID(${p},${k},${w.length})=${str(w)}`,
      (w) => digitsFrom(`${k}+${w.length}`),
      "0",
    )})`;
  /** A landline from position o+1: 8 digits or 4-4, then an extension. */
  const landlineAt = (o: string) =>
    `IF(MID(${shape},${o}+1,8)="00000000",${extensionFrom(`${o}+9`)},IF(MID(${shape},${o}+1,9)="0000-0000",${extensionFrom(`${o}+10`)},0))`;
  const bracketed = `(${P.areaCode})`;
  const prefixed = (prefix: string) =>
    `(LEFT(${p},${prefix.length})=${str(prefix)})*(${landlineAt(String(prefix.length))}+(MID(${p},${prefix.length + 1},1)="-")*${landlineAt(String(prefix.length + 1))})`;
  const mobileShapes = ["00000000000", "000-00000000", "0000000-0000", "000-0000-0000"];
  const cc = `IF(LEFT(${p},${P.countryCode.length + 1})=${str(`+${P.countryCode}`)},${P.countryCode.length + 1},IF(LEFT(${p},${P.countryCode.length})=${str(P.countryCode)},${P.countryCode.length},0))`;
  return {
    [READ_BLOCK.stepColumns[0]]: `LOWER(${compact(x)})`,
    [READ_BLOCK.stepColumns[1]]: digitShape(p),
    // Where a mobile number starts: after +86 / 86 and one dash.
    [READ_BLOCK.stepColumns[2]]: `${cc}+(${cc}>0)*(MID(${p},${cc}+1,1)="-")`,
    [READ_BLOCK.stepColumns[3]]:
      `${isShapeOf(`MID(${shape},${start}+1,99)`, mobileShapes)}*(MID(${p},${start}+1,1)=${str(P.mobileFirstDigit)})*ISNUMBER(FIND(MID(${p},${start}+2,1),${str(P.mobileSecondDigits)}))`,
    [READ_BLOCK.stepColumns[4]]: `${landlineAt("0")}+${prefixed(bracketed)}`,
    [READ_BLOCK.stepColumns[5]]: prefixed(P.areaCode),
    [READ_BLOCK.valueColumn]: `""`,
    [READ_BLOCK.stateColumn]: `IF(LEN(${p})=0,${STATE.blank},IF(${mobile}+${landline}+${withArea}>0,${STATE.ok},${STATE.error}))`,
  };
}

/** 填报日期: a date (dateReading), month and day alone read in the report year. */
function dateCells(x: string): Record<string, string> {
  const r = dateReading(x, reportYear());
  return { [READ_BLOCK.valueColumn]: r.value, [READ_BLOCK.stateColumn]: r.state };
}

/** Every helper cell: address → formula, with a label per row saying which field it reads. */
export function readBlockCells(): { address: string; formula?: string; text?: string }[] {
  const out: { address: string; formula?: string; text?: string }[] = [];
  READ_FIELDS.forEach((f, i) => {
    const row = READ_BLOCK.firstRow + i;
    const at = (col: string) => `$${col}$${row}`;
    out.push({ address: `${READ_BLOCK.labelColumn}${row}`, text: f.id });
    const x = F(f.id);
    const cells =
      f.type === "headcount"
        ? headcountCells(x, at)
        : f.type === "integer"
          ? integerCells(f, x, at)
          : f.type === "phone"
            ? phoneCells(x, at)
            : dateCells(x);
    for (const [col, formula] of Object.entries(cells)) out.push({ address: `${col}${row}`, formula });
  });
  return out;
}
