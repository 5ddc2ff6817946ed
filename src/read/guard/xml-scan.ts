/**
 * One XML part's tag scanner, for the reader-cost estimate (reader-cost.ts): it counts into a
 * ReaderTally what the workbook reader will hold, and reports the damage that would stall it. The
 * byte-level steps it takes are in xml-bytes.ts.
 */

import { GuardProblem } from "../../core/guard/refusal";
import * as xmlBytes from "./xml-bytes";

// Bound once, here: tsx (which runs the CLI) compiles each module to CommonJS, where every use of
// an imported name calls a getter, and in the per-tag loops below that made the scan five times
// slower. A module's own constants cost nothing to read. Chunk, a type too, is named as
// xmlBytes.Chunk: it is built once a chunk, not once a tag.
const {
  areaAttribute,
  ascii,
  BANG,
  BRACKET,
  bytesRangeArea,
  CDATA_OPEN,
  COLON,
  COMMENT_OPEN,
  DASH,
  GT,
  indexOfByte,
  indexOfCloser,
  LengthPastLimit,
  LT,
  NAME,
  NO_BYTES,
  numberAttribute,
  QUESTION,
  room,
  skipSpace,
  SLASH,
  startsWith,
  WORD,
} = xmlBytes;

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

/**
 * Longest tag (or defined-name text) kept while waiting for its end. Excel caps formulas and
 * names at 8,192 characters; a tag this long is hostile. Counted in characters (UTF-16 units, as
 * the text decodes), though the scanner holds bytes: a string is never longer than its UTF-8, so
 * only bytes past this many are ever decoded to count them.
 */
const MAX_TAG_CHARS = 64 * 1024;

const DEFINED_NAME = ascii("definedName");
const MERGE_CELL = ascii("mergeCell");
const DATA_VALIDATION = ascii("dataValidation");
const ATTR_R = ascii("r");
const ATTR_REF = ascii("ref");
const ATTR_SQREF = ascii("sqref");
const ATTR_MIN = ascii("min");
const ATTR_MAX = ascii("max");

/** Whether b[start, end) (starting with '/') matches `^\/(\w+:)?definedName\s*$`. */
function closesDefinedName(b: Uint8Array, start: number, end: number): boolean {
  let at = start + 1;
  let word = at;
  while (word < end && WORD[b[word]]) word++;
  if (word > at && word < end && b[word] === COLON) at = word + 1;
  if (!startsWith(b, at, end, DEFINED_NAME)) return false;
  return skipSpace(b, at + DEFINED_NAME.length, end) === end;
}

/**
 * One XML part's tag scanner. Tags are counted as each closes; a tag, comment or CDATA section
 * cut by the end of a chunk is carried (as bytes) to the next, and the text of a `definedName` is
 * collected (as bytes) until it closes, across chunks and any comments inside it.
 */
export class XmlScan {
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
    const chunk = new xmlBytes.Chunk(bytes);
    const from = this.carried > 0 ? this.finishCarried(chunk) : 0;
    if (from >= 0) this.scan(chunk, from);
    this.checkLengths(false);
  }

  end(): void {
    this.checkLengths(true);
  }

  /** Count the tags in the chunk from `from` on, and carry whatever the chunk cuts. */
  private scan(chunk: xmlBytes.Chunk, from: number): void {
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
  private finishCarried(chunk: xmlBytes.Chunk): number {
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
      this.tag(new xmlBytes.Chunk(this.carry.subarray(0, this.carried)), 1, this.carried - 1);
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
  private tag(chunk: xmlBytes.Chunk, start: number, end: number): void {
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
  private element(chunk: xmlBytes.Chunk, start: number, end: number, nameStart: number, nameEnd: number): void {
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
