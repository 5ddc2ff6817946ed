/** Chinese numerals as people write headcounts: 一百二十, 两千, 十五, 一万零五十, 一二〇. */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

const CHINESE_NUMERAL_CHARS = /^[零〇一二两三四五六七八九十百千万亿]+$/;

/**
 * The whole number a Chinese numeral stands for, or null when the text is not one. Lenient about
 * style (一百十 = 110) because the caller always reports what it read; strict about characters.
 */
export function parseChineseNumeral(text: string): number | null {
  if (!CHINESE_NUMERAL_CHARS.test(text)) return null;
  const chars = Array.from(text);
  // 一二〇: digit by digit, the way years and short numbers are sometimes written.
  if (chars.length > 1 && chars.every((c) => c in DIGITS)) {
    return Number(chars.map((c) => DIGITS[c]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of chars) {
    if (c in DIGITS) {
      if (digit !== null && digit !== 0 && DIGITS[c] !== 0) return null; // 二三百: two digits in a row
      digit = DIGITS[c];
    } else if (c in SMALL_UNITS) {
      // 十五 means 一十五; other units need a digit before them.
      const d = digit ?? (c === "十" ? 1 : null);
      if (d === null || d === 0) return null;
      section += d * SMALL_UNITS[c];
      digit = null;
    } else {
      const before = section + (digit ?? 0);
      if (before === 0 && total === 0) return null;
      if (c === "亿") total = (total + before) * BIG_UNITS[c];
      else total += before * BIG_UNITS[c];
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}
