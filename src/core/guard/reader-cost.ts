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
 * refusal users have seen.
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

/** One compiled pattern per attribute name: tags are scanned by the hundred thousand. */
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = pattern.exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * Longest tag (or defined-name text) kept while waiting for its end. Excel caps formulas and
 * names at 8,192 characters; a tag this long is hostile.
 */
const MAX_TAG_CHARS = 64 * 1024;

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
    const decoder = new TextDecoder("utf-8");
    let carry = "";
    let nameText: string | undefined;
    // `resumeAt`: the carried tag was already searched up to here, so a long tag is not rescanned per chunk.
    const scan = (text: string, resumeAt: number) => {
      let pos = 0;
      for (;;) {
        const lt = text.indexOf("<", pos);
        const textEnd = lt < 0 ? text.length : lt;
        if (nameText !== undefined) nameText += text.slice(pos, textEnd);
        if (lt < 0) {
          carry = "";
          break;
        }
        // Comments and CDATA may hold '<' and '>' freely; the parser makes no element of them.
        const closer = text.startsWith("<!--", lt) ? "-->" : text.startsWith("<![CDATA[", lt) ? "]]>" : ">";
        const close = text.indexOf(closer, Math.max(lt + 1, pos === 0 ? resumeAt : 0));
        // An opener cut by the chunk end ("<!-") has no closer after it yet, so it is carried too.
        if (close < 0) {
          carry = text.slice(lt);
          break;
        }
        if (closer === ">") nameText = this.tag(text.slice(lt + 1, close), nameText);
        pos = close + closer.length;
      }
      if (carry.length > MAX_TAG_CHARS || (nameText?.length ?? 0) > MAX_TAG_CHARS)
        this.damage ??= { code: "corrupt", detail: `部件 ${name} 中有异常长的 XML 标记` };
    };
    return {
      feed: (chunk) => {
        this.tally.xmlBytes += chunk.length;
        if (this.damage) return;
        const searched = Math.max(0, carry.length - 8);
        scan(carry + decoder.decode(chunk, { stream: true }), searched);
      },
      end: () => {
        if (!this.damage) scan(carry + decoder.decode(), Math.max(0, carry.length - 8));
      },
    };
  }

  /** Count one tag; returns the defined-name text being collected (undefined outside one). */
  private tag(tag: string, nameText: string | undefined): string | undefined {
    const first = tag.charCodeAt(0);
    if (first === 0x2f /* / */) {
      if (nameText !== undefined && /^\/(\w+:)?definedName\s*$/.test(tag)) {
        this.tally.namedCells += rangeArea(nameText);
        return undefined;
      }
      return nameText;
    }
    if (first === 0x3f /* ? */ || first === 0x21 /* ! */) return nameText;
    this.tally.elements++;
    const m = /^(?:[\w.-]+:)?([\w.-]+)/.exec(tag);
    const local = m ? m[1] : "";
    switch (local) {
      case "c":
        this.tally.cells++;
        break;
      case "row": {
        this.tally.rows++;
        const r = Number(attribute(tag, "r") ?? "1");
        if (!(r >= 1 && r <= MAX_ROW))
          this.damage ??= { code: "corrupt", detail: `行号 ${r} 超出 Excel 的 ${MAX_ROW} 行` };
        break;
      }
      case "mergeCell":
        this.tally.mergedRanges++;
        this.tally.mergedCells += rangeArea(attribute(tag, "ref") ?? "");
        break;
      case "dataValidation":
        this.tally.validatedCells += rangeArea(attribute(tag, "sqref") ?? "");
        break;
      case "col": {
        const min = Number(attribute(tag, "min") ?? "1");
        const max = Number(attribute(tag, "max") ?? "1");
        if (!(min >= 1 && max >= min && max <= MAX_COLUMN))
          this.damage ??= { code: "corrupt", detail: `列范围 ${min}-${max} 超出 Excel 的 ${MAX_COLUMN} 列` };
        else this.tally.columns += max - min + 1;
        break;
      }
      case "definedName":
        this.tally.definedNames++;
        if (!tag.endsWith("/")) return "";
        break;
    }
    return nameText;
  }
}
