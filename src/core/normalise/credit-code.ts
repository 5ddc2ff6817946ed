/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters of the definition's alphabet after width folding and
 * upper-casing; the last one is a check character over the first 17.
 */
import { type CellValue } from "../model";
import { normaliseText, shownValue } from "./text";
import { accepted, rejected, type Normalised, fold } from "./result";
import { READING } from "../definition";
import { oneOf } from "./pattern";

const ALPHABET = READING.creditCodeAlphabet;
const LENGTH = READING.creditCodeLength;
/** GB 32100-2015's weight of each of the first 17 characters: 3^i mod 31. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: LENGTH - 1 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % ALPHABET.length;
  return w;
});
const SHAPE = new RegExp(`^${oneOf(ALPHABET)}{${LENGTH}}$`);
/** Capital letters the code never uses, for the message. */
const LEFT_OUT = Array.from("ABCDEFGHIJKLMNOPQRSTUVWXYZ").filter((c) => !ALPHABET.includes(c));

export function normaliseCreditCode(v: CellValue): Normalised<string> {
  const t = normaliseText(v);
  const s = t.ok ? fold(t.value).replace(/\s+/g, "").toUpperCase() : "";
  if (SHAPE.test(s)) return accepted(s);
  return rejected(
    `应为${LENGTH}位统一社会信用代码（数字或大写字母，不含 ${LEFT_OUT.join("、")}），填写的是“${shownValue(v)}”`,
  );
}

/** The check character GB 32100-2015 expects after these 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < LENGTH - 1; i++) sum += ALPHABET.indexOf(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  return ALPHABET[(ALPHABET.length - (sum % ALPHABET.length)) % ALPHABET.length];
}

/** True when a well-formed code's last character is the GB 32100 check character. */
export function creditCodeCheckDigitOk(code: string): boolean {
  return creditCodeCheckChar(code.slice(0, LENGTH - 1)) === code[LENGTH - 1];
}
