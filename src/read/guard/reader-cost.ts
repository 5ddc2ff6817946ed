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
 * refusal users have seen. The scan (xml-scan.ts, with the byte-level steps of xml-bytes.ts) reads
 * the inflated UTF-8 bytes themselves: it decodes only an attribute value that is not plain digits,
 * and a tag grown too long to keep.
 */

import { formatBytes, GuardLimits } from "../../core/guard/limits";
import { GuardProblem } from "../../core/guard/refusal";
import { ReaderTally, XmlScan } from "./xml-scan";

// The scan's bounds and tally are part of the estimate's API (the guard index exports them).
export { MAX_COLUMN, MAX_ROW } from "./xml-scan";
export type { ReaderTally } from "./xml-scan";

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

  /** Records the first damage a scan finds (later ones change nothing). */
  protected damaged(problem: GuardProblem): void {
    this.damage ??= problem;
  }

  protected get isDamaged(): boolean {
    return this.damage !== undefined;
  }

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
    const scan = new XmlScan(name, this.tally, (problem) => this.damaged(problem));
    return {
      feed: (chunk) => {
        this.tally.xmlBytes += chunk.length;
        if (!this.isDamaged) scan.feed(chunk);
      },
      end: () => {
        if (!this.isDamaged) scan.end();
      },
    };
  }
}
