/**
 * What reading a package will cost the workbook reader, estimated while its parts inflate.
 *
 * A file can be small and honest about its sizes and still sink the reader: exceljs 4.4 keeps an
 * object per cell and per row, and expands merged ranges, data-validation ranges and defined names
 * into one entry per cell (a 6 KB file merging A1:Z20000 costs it 144 MB; validation on
 * B1:B1048576 costs 150 MB; `<col max="2000000000">` never returns). So every XML part is scanned
 * as it streams by — tags only, never a DOM — and the memory the reader will need is estimated
 * from what it holds, with weights measured on exceljs 4.4 (see bench/guard.ts). The values-only
 * reader (src/read) needs far less, so the same limits are a generous bound on it and keep every
 * refusal users have seen. The scan reads the inflated UTF-8 bytes themselves: it decodes only an
 * attribute value that is not plain digits, and a tag grown too long to keep.
 */

import { formatBytes, GuardLimits } from "./limits";
import { GuardProblem } from "./refusal";

/** Bytes exceljs 4.4 spends per item while loading (measured; rounded up). */
export const READER_COST = {
  /** Any element the SAX parser hands over (a cell `<c r="A1"/>` measured 236 B). */
  element: 250,
  /** A `<row>` (300,000 empty rows measured 500 B each). */
  row: 500,
  /** Each cell covered by a merged range (A1:Z20000 measured 280 B a cell). */
  mergedCell: 300,
  /** Each cell covered by a data-validation range (1.8 million cells measured 165 B a cell). */
  validatedCell: 170,
  /** Each cell covered by a defined name's range (measured 110 B a cell). */
  namedCell: 120,
  /** Each defined name, beyond its element and cells: exceljs keeps a cell store per name (300,000 names measured 1.45 KB each in all). */
  definedName: 1300,
  /** Each column a `<col min max>` creates. */
  column: 200,
  /** Every byte of XML: inflated text held as a string, plus parser buffers. */
  xmlByte: 3,
  /** Every byte of a binary part (images): kept as a buffer. */
  binaryByte: 1,
} as const;

/** Excel's last column (XFD); `<col>` beyond it is damage, and exceljs would loop on it. */
export const MAX_COLUMN = 16384;
/** Excel's last row; exceljs reads `<row r>` beyond it, and walks every row number up to it. */
export const MAX_ROW = 1048576;

export interface ReaderTally {
  elements: number;
  rows: number;
  cells: number;
  mergedRanges: number;
  mergedCells: number;
  validatedCells: number;
  namedCells: number;
  definedNames: number;
  columns: number;
  xmlBytes: number;
  binaryBytes: number;
}

/** Parts the reader parses as XML; everything else is carried as bytes. */
export function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

const CELL_RANGE = /\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Cells covered by A1-style references in `text` ("A1", "$A$1:$Z$20000", several separated by
 * spaces or commas). Whole columns or rows ("B:B", "3:3") are not expanded by exceljs and count 0.
 */
export function rangeArea(text: string): number {
  let area = 0;
  for (const m of text.matchAll(CELL_RANGE)) {
    if (m[3] === undefined) {
      area += 1;
      continue;
    }
    const cols = Math.abs(columnNumber(m[3]) - columnNumber(m[1])) + 1;
    const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
    area += cols * rows;
  }
  return area;
}

/**
 * Longest tag (or defined-name text) kept while waiting for its end. Excel caps formulas and
 * names at 8,192 characters; a tag this long is hostile. Counted in characters (UTF-16 units, as
 * the text decodes), though the scanner holds bytes: a string is never longer than its UTF-8, so
 * only bytes past this many are ever decoded to count them.
 */
const MAX_TAG_CHARS = 64 * 1024;

// The scanner works on the UTF-8 bytes as they inflate, never decoding a part: '<', '>', quotes,
// '/', '!', '?' and ASCII names are single bytes in UTF-8 and never occur inside a multi-byte
// character, so tags are found and read byte by byte. Each step below does exactly what the
// string scanner it replaced did on the decoded text (test/guard/reader-cost-reference.ts).

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const DASH = 0x2d;
const BRACKET = 0x5d; // ]
const DOLLAR = 0x24;

const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
const COMMENT_OPEN = ascii("<!--");
const CDATA_OPEN = ascii("<![CDATA[");
const DEFINED_NAME = ascii("definedName");
const MERGE_CELL = ascii("mergeCell");
const DATA_VALIDATION = ascii("dataValidation");
const ATTR_R = ascii("r");
const ATTR_REF = ascii("ref");
const ATTR_SQREF = ascii("sqref");
const ATTR_MIN = ascii("min");
const ATTR_MAX = ascii("max");

/** Byte classes: `\w` (letters, digits, _) and the tag-name characters `[\w.-]`. */
const WORD = new Uint8Array(256);
const NAME = new Uint8Array(256);
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

function skipSpace(b: Uint8Array, at: number, end: number): number {
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
function numberAttribute(chunk: Chunk, start: number, end: number, name: Uint8Array): number {
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
function areaAttribute(chunk: Chunk, start: number, end: number, name: Uint8Array): number {
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
 * `rangeArea` of the bytes b[start, end): the same matches as CELL_RANGE finds in the decoded
 * text, since a pattern of ASCII classes matches nothing in a multi-byte character (nor in the
 * U+FFFD a broken one decodes to) and every ASCII byte decodes to itself.
 */
function bytesRangeArea(b: Uint8Array, start: number, end: number): number {
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

/** Whether b[start, end) (starting with '/') matches `^\/(\w+:)?definedName\s*$`. */
function closesDefinedName(b: Uint8Array, start: number, end: number): boolean {
  let at = start + 1;
  let word = at;
  while (word < end && WORD[b[word]]) word++;
  if (word > at && word < end && b[word] === COLON) at = word + 1;
  if (!startsWith(b, at, end, DEFINED_NAME)) return false;
  return skipSpace(b, at + DEFINED_NAME.length, end) === end;
}

function startsWith(b: Uint8Array, at: number, end: number, prefix: Uint8Array): boolean {
  if (end - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[at + i] !== prefix[i]) return false;
  return true;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const NO_WORDS = new Int32Array(0);
const NO_BYTES = new Uint8Array(0);

/**
 * A chunk and its aligned middle as 32-bit words (none on a big-endian machine), so the search
 * for a byte tests four at a time: on the short hops from tag to tag, nearly twice as fast as a
 * loop over bytes and three times as fast as Uint8Array.prototype.indexOf.
 */
class Chunk {
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
function indexOfByte(b: Uint8Array, words: Int32Array, base: number, byte: number, from: number, end: number): number {
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
function indexOfCloser(chunk: Chunk, mark: number, from: number): number {
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
class LengthPastLimit {
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
function room(b: Uint8Array, used: number, more: number): Uint8Array {
  if (used + more <= b.length) return b;
  const grown = new Uint8Array(Math.max(256, b.length * 2, used + more));
  grown.set(b.subarray(0, used));
  return grown;
}

/**
 * Streams parts through a tag scanner and keeps the running estimate. Use one per package:
 * `const part = cost.part(name)`, `part.feed(chunk)` for each chunk, then `part.end()`; check
 * `cost.problem()` as often as you like (after each chunk stops a hostile part early).
 */
export class ReaderCost {
  readonly tally: ReaderTally = {
    elements: 0,
    rows: 0,
    cells: 0,
    mergedRanges: 0,
    mergedCells: 0,
    validatedCells: 0,
    namedCells: 0,
    definedNames: 0,
    columns: 0,
    xmlBytes: 0,
    binaryBytes: 0,
  };
  private damage: GuardProblem | undefined;

  constructor(private readonly limits: GuardLimits) {}

  /** Estimated bytes the reader needs for everything scanned so far. */
  get estimate(): number {
    const t = this.tally;
    const c = READER_COST;
    return (
      t.elements * c.element +
      t.rows * (c.row - c.element) +
      t.mergedCells * c.mergedCell +
      t.validatedCells * c.validatedCell +
      t.namedCells * c.namedCell +
      t.definedNames * c.definedName +
      t.columns * c.column +
      t.xmlBytes * c.xmlByte +
      t.binaryBytes * c.binaryByte
    );
  }

  problem(): GuardProblem | undefined {
    if (this.damage) return this.damage;
    if (this.tally.mergedRanges > this.limits.maxMergedRanges)
      return {
        code: "too_large",
        detail: `合并单元格区域有 ${this.tally.mergedRanges} 个，上限 ${this.limits.maxMergedRanges} 个`,
      };
    if (this.estimate > this.limits.maxReaderBytes)
      return {
        code: "too_large",
        detail: `工作表中的单元格、合并单元格、数据验证范围或名称过多（例如整列设置了数据验证），读取约需 ${formatBytes(this.estimate)} 内存，上限 ${formatBytes(this.limits.maxReaderBytes)}`,
      };
    return undefined;
  }

  part(name: string): { feed(chunk: Uint8Array): void; end(): void } {
    if (!isXmlPart(name)) {
      return { feed: (chunk) => void (this.tally.binaryBytes += chunk.length), end: () => undefined };
    }
    const scan = new XmlScan(name, this.tally, (problem) => void (this.damage ??= problem));
    return {
      feed: (chunk) => {
        this.tally.xmlBytes += chunk.length;
        if (!this.damage) scan.feed(chunk);
      },
      end: () => {
        if (!this.damage) scan.end();
      },
    };
  }
}

/**
 * One XML part's tag scanner. Tags are counted as each closes; a tag, comment or CDATA section
 * cut by the end of a chunk is carried (as bytes) to the next, and the text of a `definedName` is
 * collected (as bytes) until it closes, across chunks and any comments inside it.
 */
class XmlScan {
  /** The tag (or comment, or CDATA section) cut by the end of the last chunk, from its '<'. */
  private carry: Uint8Array = NO_BYTES;
  private carried = 0;
  private readonly carryLength = new LengthPastLimit();
  /** Whether the text of a `definedName` is being collected, and the text so far. */
  private naming = false;
  private nameText: Uint8Array = NO_BYTES;
  private named = 0;
  private readonly nameLength = new LengthPastLimit();

  constructor(
    private readonly name: string,
    private readonly tally: ReaderTally,
    private readonly damage: (problem: GuardProblem) => void,
  ) {}

  feed(bytes: Uint8Array): void {
    const chunk = new Chunk(bytes);
    const from = this.carried > 0 ? this.finishCarried(chunk) : 0;
    if (from >= 0) this.scan(chunk, from);
    this.checkLengths(false);
  }

  end(): void {
    this.checkLengths(true);
  }

  /** Count the tags in the chunk from `from` on, and carry whatever the chunk cuts. */
  private scan(chunk: Chunk, from: number): void {
    const b = chunk.bytes;
    const words = chunk.words;
    const base = chunk.base;
    for (let at = from; ;) {
      const lt = indexOfByte(b, words, base, LT, at, b.length);
      const textEnd = lt < 0 ? b.length : lt;
      if (this.naming && textEnd > at) this.collect(b, at, textEnd);
      if (lt < 0) return;
      // Comments and CDATA may hold '<' and '>' freely; the parser makes no element of them.
      const bang = lt + 1 < b.length && b[lt + 1] === BANG;
      const comment = bang && startsWith(b, lt, b.length, COMMENT_OPEN);
      const element = !comment && !(bang && startsWith(b, lt, b.length, CDATA_OPEN));
      const close = element
        ? indexOfByte(b, words, base, GT, lt + 1, b.length)
        : indexOfCloser(chunk, comment ? DASH : BRACKET, lt + 1);
      // An opener cut by the chunk end ("<!-") has no closer after it yet, so it is carried too.
      if (close < 0) {
        this.carryLength.reset();
        this.carried = 0;
        this.keep(b, lt, b.length);
        return;
      }
      if (element) this.tag(chunk, lt + 1, close);
      at = element ? close + 1 : close + 3;
    }
  }

  /**
   * Look for the end of the carried tag in the chunk; returns where the chunk's own tags start,
   * or -1 when the whole chunk joined the carry. Only the chunk is searched: the carry was
   * searched when it was cut, so a long tag is not searched again for every chunk.
   */
  private finishCarried(chunk: Chunk): number {
    const b = chunk.bytes;
    const carried = this.carried;
    const carry = this.carry;
    // The carry and the chunk, as one text (the opener itself may be cut: "<![CDA" + "TA[").
    const byteAt = (i: number) => (i < carried ? carry[i] : i - carried < b.length ? b[i - carried] : -1);
    const opens = (opener: Uint8Array) => opener.every((c, i) => byteAt(i) === c);
    const mark = opens(COMMENT_OPEN) ? DASH : opens(CDATA_OPEN) ? BRACKET : GT;
    let gt = indexOfByte(b, chunk.words, chunk.base, GT, 0, b.length);
    if (mark !== GT)
      while (gt >= 0 && !(byteAt(carried + gt - 1) === mark && byteAt(carried + gt - 2) === mark))
        gt = indexOfByte(b, chunk.words, chunk.base, GT, gt + 1, b.length);
    if (gt < 0) {
      this.keep(b, 0, b.length);
      return -1;
    }
    if (mark === GT) {
      this.keep(b, 0, gt + 1);
      this.tag(new Chunk(this.carry.subarray(0, this.carried)), 1, this.carried - 1);
    }
    this.carried = 0;
    this.carryLength.reset();
    return gt + 1;
  }

  /** Append b[start, end) to the carry. */
  private keep(b: Uint8Array, start: number, end: number): void {
    this.carry = room(this.carry, this.carried, end - start);
    this.carry.set(b.subarray(start, end), this.carried);
    this.carried += end - start;
  }

  private collect(b: Uint8Array, start: number, end: number): void {
    this.nameText = room(this.nameText, this.named, end - start);
    this.nameText.set(b.subarray(start, end), this.named);
    this.named += end - start;
  }

  private checkLengths(last: boolean): void {
    if (
      this.carryLength.over(this.carry, this.carried, MAX_TAG_CHARS, last) ||
      (this.naming && this.nameLength.over(this.nameText, this.named, MAX_TAG_CHARS, last))
    )
      this.damage({ code: "corrupt", detail: `部件 ${this.name} 中有异常长的 XML 标记` });
  }

  /** Count the tag b[start, end); b[end] is its '>'. Kept small: it runs for every tag. */
  private tag(chunk: Chunk, start: number, end: number): void {
    const b = chunk.bytes;
    const first = b[start];
    if (first === SLASH) {
      if (this.naming && closesDefinedName(b, start, end)) {
        this.tally.namedCells += bytesRangeArea(this.nameText, 0, this.named);
        this.naming = false;
      }
    } else if (first !== QUESTION && first !== BANG) {
      this.tally.elements++;
      // The local name: `^(?:[\w.-]+:)?([\w.-]+)`; the '>' at `end` ends it at the latest.
      let nameStart = start;
      let nameEnd = start;
      while (NAME[b[nameEnd]] === 1) nameEnd++;
      if (b[nameEnd] === COLON && nameEnd > start && NAME[b[nameEnd + 1]] === 1) {
        nameStart = nameEnd + 1;
        nameEnd = nameStart + 1;
        while (NAME[b[nameEnd]] === 1) nameEnd++;
      }
      if (nameEnd - nameStart === 1) {
        if (b[nameStart] === 0x63 /* c */) this.tally.cells++;
      } else if (nameEnd - nameStart >= 3) this.element(chunk, start, end, nameStart, nameEnd);
    }
  }

  /** Count an element whose local name b[nameStart, nameEnd) may be one that costs more. */
  private element(chunk: Chunk, start: number, end: number, nameStart: number, nameEnd: number): void {
    const b = chunk.bytes;
    const t = this.tally;
    const c0 = b[nameStart];
    switch (nameEnd - nameStart) {
      case 3:
        if (c0 === 0x72 /* r */ && b[nameStart + 1] === 0x6f /* o */ && b[nameStart + 2] === 0x77 /* w */) {
          t.rows++;
          const r = numberAttribute(chunk, start, end, ATTR_R);
          if (!(r >= 1 && r <= MAX_ROW))
            this.damage({ code: "corrupt", detail: `行号 ${r} 超出 Excel 的 ${MAX_ROW} 行` });
        } else if (c0 === 0x63 /* c */ && b[nameStart + 1] === 0x6f /* o */ && b[nameStart + 2] === 0x6c /* l */) {
          const min = numberAttribute(chunk, start, end, ATTR_MIN);
          const max = numberAttribute(chunk, start, end, ATTR_MAX);
          if (!(min >= 1 && max >= min && max <= MAX_COLUMN))
            this.damage({ code: "corrupt", detail: `列范围 ${min}-${max} 超出 Excel 的 ${MAX_COLUMN} 列` });
          else t.columns += max - min + 1;
        }
        return;
      case 9:
        if (startsWith(b, nameStart, nameEnd, MERGE_CELL)) {
          t.mergedRanges++;
          t.mergedCells += areaAttribute(chunk, start, end, ATTR_REF);
        }
        return;
      case 14:
        if (startsWith(b, nameStart, nameEnd, DATA_VALIDATION))
          t.validatedCells += areaAttribute(chunk, start, end, ATTR_SQREF);
        return;
      case 11:
        if (startsWith(b, nameStart, nameEnd, DEFINED_NAME)) {
          t.definedNames++;
          if (b[end - 1] !== SLASH) {
            this.naming = true;
            this.named = 0;
            this.nameLength.reset();
          }
        }
        return;
    }
  }
}
