/** Contact details: phone, e-mail, web address. Width-folded and trimmed before they are judged. */
import { type CellValue } from "../model";
import { normaliseText, shownValue } from "./text";
import { accepted, rejected, type Normalised, fold } from "./result";
import { READING } from "../definition";
import { anyOf, literal, oneOf } from "./pattern";

const PHONE = READING.phone;
const MAIL = READING.email;

/**
 * Mobile 1[3-9]xxxxxxxxx (optionally +86; grouped 138-1234-5678 as people write it), or a Tianjin
 * landline (022-)?xxxxxxxx (or 2718-2133) with an optional extension.
 */
const MOBILE = new RegExp(
  `^(?:\\+?${PHONE.countryCode}-?)?${literal(PHONE.mobileFirstDigit)}${oneOf(PHONE.mobileSecondDigits)}\\d-?\\d{4}-?\\d{4}$`,
);
const LANDLINE = new RegExp(
  `^(?:(?:\\(${PHONE.areaCode}\\)|${PHONE.areaCode})-?)?\\d{4}-?\\d{4}(?:${anyOf(PHONE.extensionMarks)}\\d{1,${PHONE.maxExtensionDigits}})?$`,
  "i",
);
const EMAIL = new RegExp(
  `^${oneOf(MAIL.localChars)}+@${oneOf(MAIL.labelChars)}+(?:\\.${oneOf(MAIL.labelChars)}+)*\\.${oneOf(MAIL.tldChars)}{${MAIL.minTldLength},}$`,
);
const URL_PATTERN = new RegExp(
  `^${anyOf(READING.urlSchemes)}[^\\s/?#.]+(?:\\.[^\\s/?#.]+)*(?::\\d{1,5})?(?:[/?#]\\S*)?$`,
  "i",
);

function asText(v: CellValue): string | null {
  const t = normaliseText(v);
  return t.ok ? fold(t.value).trim() : null;
}

export function normalisePhone(v: CellValue): Normalised<string> {
  const s = asText(v);
  const compact = s?.replace(/[\s\u00a0]+/g, "") ?? "";
  if (s !== null && (MOBILE.test(compact) || LANDLINE.test(compact))) return accepted(s);
  return rejected(`应为手机号（11位）或固定电话（如 022-27182133，可带分机号），填写的是“${s ?? shownValue(v)}”`);
}

export function normaliseEmail(v: CellValue): Normalised<string> {
  const s = asText(v);
  if (s !== null && EMAIL.test(s)) return accepted(s);
  return rejected(`应为电子邮箱地址（如 name@example.com），填写的是“${s ?? shownValue(v)}”`);
}

export function normaliseUrl(v: CellValue): Normalised<string> {
  const s = asText(v);
  if (s !== null && URL_PATTERN.test(s)) return accepted(s);
  return rejected(`应为以 http:// 或 https:// 开头的网址，填写的是“${s ?? shownValue(v)}”`);
}
