/**
 * Finding tags, attributes and A1 ranges in inflated UTF-8 bytes without decoding them: the
 * byte-level steps of the reader-cost scanner (xml-scan.ts). Pure, so the task pane can share it.
 *
 * '<', '>', quotes, '/', '!', '?' and ASCII names are single bytes in UTF-8 and never occur inside
 * a multi-byte character, so tags are found and read byte by byte. Each step below does exactly
 * what the string scanner it replaced did on the decoded text (test/guard/reader-cost-reference.ts).
 */

export const LT = 0x3c; // <
export const GT = 0x3e; // >
export const SLASH = 0x2f;
export const BANG = 0x21;
export const QUESTION = 0x3f;
export const COLON = 0x3a;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
export const DASH = 0x2d;
export const BRACKET = 0x5d; // ]
const DOLLAR = 0x24;

export const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
export const COMMENT_OPEN = ascii("<!--");
export const CDATA_OPEN = ascii("<![CDATA[");

/** Byte classes: `\w` (letters, digits, _) and the tag-name characters `[\w.-]`. */
export const WORD = new Uint8Array(256);
export const NAME = new Uint8Array(256);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  WORD[c] = /\w/.test(ch) ? 1 : 0;
  NAME[c] = /[\w.-]/.test(ch) ? 1 : 0;
}

/**
 * Length of the whitespace character (`\s` of a JavaScript pattern) starting at `at`, 0 if none:
 * ASCII spaces, and U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
 * Their lead bytes never continue another character, so where one starts it decodes as itself.
 */
function spaceAt(b: Uint8Array, at: number, end: number): number {
  const c = b[at];
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return 1;
  if (c < 0xc2) return 0;
  if (c === 0xc2) return at + 1 < end && b[at + 1] === 0xa0 ? 2 : 0;
  if (at + 2 >= end) return 0;
  const c1 = b[at + 1];
  const c2 = b[at + 2];
  switch (c) {
    case 0xe1:
      return c1 === 0x9a && c2 === 0x80 ? 3 : 0;
    case 0xe2:
      if (c1 === 0x80) return (c2 >= 0x80 && c2 <= 0x8a) || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf ? 3 : 0;
      return c1 === 0x81 && c2 === 0x9f ? 3 : 0;
    case 0xe3:
      return c1 === 0x80 && c2 === 0x80 ? 3 : 0;
    case 0xef:
      return c1 === 0xbb && c2 === 0xbf ? 3 : 0;
    default:
      return 0;
  }
}

/** Length of the whitespace character that ends just before `at` and starts at or after `start`, 0 if none. */
function spaceBefore(b: Uint8Array, at: number, start: number): number {
  if (at - 1 < start) return 0;
  const c = b[at - 1];
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return 1;
  if (c < 0x80) return 0;
  if (at - 2 >= start && b[at - 2] === 0xc2) return c === 0xa0 ? 2 : 0;
  return at - 3 >= start && spaceAt(b, at - 3, at) === 3 ? 3 : 0;
}

export function skipSpace(b: Uint8Array, at: number, end: number): number {
  for (let n; at < end && (n = spaceAt(b, at, end)) > 0;) at += n;
  return at;
}

/**
 * Where the value of attribute `name` starts in the tag [start, end) of the chunk (its closing
 * quote is the next one of its kind), or -1: the first match of `\s{name}\s*=\s*("[^"]*"|'[^']*')`,
 * as the string scanner had it (which may lie inside another attribute's value, as it did there).
 * Each '=' is a candidate, and there is one way at most to read a match around it.
 */
function attributeAt(chunk: Chunk, start: number, end: number, name: Uint8Array): number {
  const { bytes: b, words, base } = chunk;
  for (let eq = indexOfByte(b, words, base, EQUALS, start, end); eq >= 0;) {
    const value = valueAround(b, start, end, name, eq);
    if (value >= 0) return value;
    eq = indexOfByte(b, words, base, EQUALS, eq + 1, end);
  }
  return -1;
}

/** Where the value starts if the '=' at `eq` is part of a match of attributeAt's pattern, else -1. */
function valueAround(b: Uint8Array, start: number, end: number, name: Uint8Array, eq: number): number {
  let nameEnd = eq;
  for (let n; (n = spaceBefore(b, nameEnd, start)) > 0;) nameEnd -= n;
  const nameStart = nameEnd - name.length;
  if (nameStart <= start) return -1;
  for (let i = 0; i < name.length; i++) if (b[nameStart + i] !== name[i]) return -1;
  if (spaceBefore(b, nameStart, start) === 0) return -1;
  const q = skipSpace(b, eq + 1, end);
  if (q >= end) return -1;
  const quote = b[q];
  if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return -1;
  for (let close = q + 1; close < end; close++) if (b[close] === quote) return q + 1;
  return -1;
}

/** End of the value `attributeAt` found (its closing quote). */
function valueEnd(b: Uint8Array, at: number): number {
  const quote = b[at - 1];
  while (b[at] !== quote) at++;
  return at;
}

/** For the rare value that is not plain digits; values sit between ASCII quotes, so decode alone. */
const VALUE_DECODER = new TextDecoder("utf-8");

/** `Number(value ?? "1")` of attribute `name`. */
export function numberAttribute(chunk: Chunk, start: number, end: number, name: Uint8Array): number {
  const b = chunk.bytes;
  const at = attributeAt(chunk, start, end, name);
  if (at < 0) return 1;
  const stop = valueEnd(b, at);
  if (stop > at && stop - at <= 15) {
    let n = 0;
    let i = at;
    for (; i < stop; i++) {
      const digit = b[i] - 0x30;
      if (digit < 0 || digit > 9) break;
      n = n * 10 + digit;
    }
    if (i === stop) return n;
  }
  return Number(VALUE_DECODER.decode(b.subarray(at, stop)));
}

/** `rangeArea` of attribute `name` (0 when absent). */
export function areaAttribute(chunk: Chunk, start: number, end: number, name: Uint8Array): number {
  const at = attributeAt(chunk, start, end, name);
  return at < 0 ? 0 : bytesRangeArea(chunk.bytes, at, valueEnd(chunk.bytes, at));
}

/** 1 for A or a, … 26 for Z or z; 0 for any other byte. */
const letter = (c: number): number => {
  const n = (c & 0xdf) - 0x40;
  return n >= 1 && n <= 26 ? n : 0;
};

// `cellEnd` leaves the cell it read here.
let cellColumn = 0;
let cellRow = 0;

/** End of `\$?[A-Za-z]{1,3}\$?\d{1,7}` at `at` (setting cellColumn and cellRow), or -1. */
function cellEnd(b: Uint8Array, at: number, end: number): number {
  if (at < end && b[at] === DOLLAR) at++;
  let column = 0;
  const letters = at;
  for (let n; at < end && at - letters < 3 && (n = letter(b[at])) > 0; at++) column = column * 26 + n;
  if (at === letters || (at < end && letter(b[at]) > 0)) return -1; // none, or a fourth letter
  if (at < end && b[at] === DOLLAR) at++;
  let row = 0;
  const digits = at;
  for (; at < end && at - digits < 7; at++) {
    const digit = b[at] - 0x30;
    if (digit < 0 || digit > 9) break;
    row = row * 10 + digit;
  }
  if (at === digits) return -1;
  cellColumn = column;
  cellRow = row;
  return at;
}

/**
 * `rangeArea` of the bytes b[start, end): the same matches as CELL_RANGE (reader-cost.ts) finds
 * in the decoded text, since a pattern of ASCII classes matches nothing in a multi-byte character
 * (nor in the U+FFFD a broken one decodes to) and every ASCII byte decodes to itself.
 */
export function bytesRangeArea(b: Uint8Array, start: number, end: number): number {
  let area = 0;
  for (let at = start; at < end;) {
    const first = cellEnd(b, at, end);
    if (first < 0) {
      at++;
      continue;
    }
    const column = cellColumn;
    const row = cellRow;
    const second = first < end && b[first] === COLON ? cellEnd(b, first + 1, end) : -1;
    if (second < 0) {
      area += 1;
      at = first;
    } else {
      area += (Math.abs(cellColumn - column) + 1) * (Math.abs(cellRow - row) + 1);
      at = second;
    }
  }
  return area;
}

export function startsWith(b: Uint8Array, at: number, end: number, prefix: Uint8Array): boolean {
  if (end - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[at + i] !== prefix[i]) return false;
  return true;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const NO_WORDS = new Int32Array(0);
export const NO_BYTES = new Uint8Array(0);

/**
 * A chunk and its aligned middle as 32-bit words (none on a big-endian machine), so the search
 * for a byte tests four at a time: on the short hops from tag to tag, nearly twice as fast as a
 * loop over bytes and three times as fast as Uint8Array.prototype.indexOf.
 */
export class Chunk {
  readonly words: Int32Array;
  /** Index of the byte the first word starts at. */
  readonly base: number;
  constructor(readonly bytes: Uint8Array) {
    const base = (4 - (bytes.byteOffset & 3)) & 3;
    const count = (bytes.length - base) >> 2;
    this.base = base;
    this.words = LITTLE_ENDIAN && count > 0 ? new Int32Array(bytes.buffer, bytes.byteOffset + base, count) : NO_WORDS;
  }
}

/** First index in [from, end) holding `byte` in the chunk, or -1. */
export function indexOfByte(
  b: Uint8Array,
  words: Int32Array,
  base: number,
  byte: number,
  from: number,
  end: number,
): number {
  let at = from;
  const wordsEnd = Math.min(words.length, (end - base) >> 2);
  if (at < base + 4 * wordsEnd) {
    for (; ((at - base) & 3) !== 0; at++) if (b[at] === byte) return at;
    const pattern = byte * 0x01010101;
    for (let k = (at - base) >> 2; k < wordsEnd; k++) {
      const v = words[k] ^ pattern;
      const zero = (v - 0x01010101) & ~v & 0x80808080; // lowest bit set marks the first match
      if (zero !== 0) return base + (k << 2) + ((31 - Math.clz32(zero & -zero)) >> 3);
    }
    at = base + 4 * wordsEnd;
  }
  for (; at < end; at++) if (b[at] === byte) return at;
  return -1;
}

/** Start of the first "-->" (or "]]>" for `mark` ']') starting at or after `from`, or -1. */
export function indexOfCloser(chunk: Chunk, mark: number, from: number): number {
  const b = chunk.bytes;
  for (
    let gt = indexOfByte(b, chunk.words, chunk.base, GT, from + 2, b.length);
    gt >= 0;
    gt = indexOfByte(b, chunk.words, chunk.base, GT, gt + 1, b.length)
  )
    if (b[gt - 1] === mark && b[gt - 2] === mark) return gt - 2;
  return -1;
}

/**
 * UTF-16 length of bytes that grow by appending, as a streaming TextDecoder gives it. Decodes
 * nothing until the bytes pass the limit (a string is never longer than its UTF-8), then only
 * what was added since, so a long hostile tag is not decoded over and over.
 */
export class LengthPastLimit {
  private decoder: TextDecoder | undefined;
  private counted = 0;
  private units = 0;

  reset(): void {
    this.decoder = undefined;
    this.counted = 0;
    this.units = 0;
  }

  /** Whether b[0, length) decodes to more than `limit` units; `last` flushes a cut character. */
  over(b: Uint8Array, length: number, limit: number, last: boolean): boolean {
    if (length <= limit) return false;
    this.decoder ??= new TextDecoder("utf-8");
    this.units += this.decoder.decode(b.subarray(this.counted, length), { stream: !last }).length;
    this.counted = length;
    return this.units > limit;
  }
}

/** A growing byte buffer. */
export function room(b: Uint8Array, used: number, more: number): Uint8Array {
  if (used + more <= b.length) return b;
  const grown = new Uint8Array(Math.max(256, b.length * 2, used + more));
  grown.set(b.subarray(0, used));
  return grown;
}
