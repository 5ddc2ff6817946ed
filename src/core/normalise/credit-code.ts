/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters of 0-9A-HJ-NPQRTUWXY after width folding and
 * upper-casing; the last one is a check character over the first 17.
 */
import { type CellValue } from "../model";
import { normaliseText, shownValue } from "./text";
import { accepted, rejected, type Normalised, fold } from "./result";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function normaliseCreditCode(v: CellValue): Normalised<string> {
  const t = normaliseText(v);
  const s = t.ok ? fold(t.value).replace(/\s+/g, "").toUpperCase() : "";
  if (SHAPE.test(s)) return accepted(s);
  return rejected(`应为18位统一社会信用代码（数字或大写字母，不含 I、O、Z、S、V），填写的是“${shownValue(v)}”`);
}

/** The check character GB 32100-2015 expects after these 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** True when a well-formed code's last character is the GB 32100 check character. */
export function creditCodeCheckDigitOk(code: string): boolean {
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}
