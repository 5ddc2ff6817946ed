/**
 * Builders for hostile and odd files, made at test time: a zip writer that can lie about sizes,
 * a minimal OLE2 compound file writer, and a real workbook written by exceljs.
 */

import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import * as path from "path";
import { DEFAULT_GUARD_LIMITS } from "../../src/core/guard";
import { ReaderCost } from "../../src/read/guard";
import * as zlib from "zlib";
import { unzipSync } from "fflate";

export interface CraftEntry {
  name: string;
  /** The bytes as stored in the archive (already deflated when method is 8). */
  data: Buffer;
  method: number;
  crc32: number;
  /** What the records claim; may differ from the truth on purpose. */
  uncompressedSize: number;
  flags?: number;
}

export function storedEntry(name: string, content: Buffer | string): CraftEntry {
  const data = Buffer.from(content);
  return { name, data, method: 0, crc32: zlib.crc32(data), uncompressedSize: data.length };
}

export function deflatedEntry(name: string, content: Buffer | string): CraftEntry {
  const raw = Buffer.from(content);
  return { name, data: zlib.deflateRawSync(raw), method: 8, crc32: zlib.crc32(raw), uncompressedSize: raw.length };
}

/** `size` zero bytes deflated by streaming, so even GiBs never sit in memory. */
export async function deflatedZeros(name: string, size: number): Promise<CraftEntry> {
  const deflate = zlib.createDeflateRaw({ level: 9, chunkSize: 1 << 20 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  const block = Buffer.alloc(Math.min(size, 64 << 20));
  let crc = 0;
  for (let written = 0; written < size;) {
    const piece = block.subarray(0, Math.min(block.length, size - written));
    crc = zlib.crc32(piece, crc);
    written += piece.length;
    if (!deflate.write(piece)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), method: 8, crc32: crc, uncompressedSize: size };
}

/** A zip archive of `entries` in order, with local headers, central directory and end record (no zip64). */
export function buildZip(entries: readonly CraftEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const flags = (e.flags ?? 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc32 >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc32 >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Every part of a zip, inflated (for small, trusted archives made by the tests themselves). */
export async function unzipParts(zip: Buffer): Promise<Map<string, Buffer>> {
  const parts = new Map<string, Buffer>();
  for (const [name, data] of Object.entries(unzipSync(zip))) parts.set(name, Buffer.from(data));
  return parts;
}

export function zipParts(parts: ReadonlyMap<string, Buffer>): Buffer {
  return buildZip([...parts].map(([name, content]) => deflatedEntry(name, content)));
}

/** A small real workbook written by exceljs. */
export async function exceljsWorkbook(rows = 3): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("基本信息");
  ws.getCell("A1").value = "单位名称";
  ws.getCell("B1").value = "天津市某某标准化研究院";
  for (let r = 2; r <= rows + 1; r++) {
    ws.getCell(r, 1).value = `活动 ${r - 1}`;
    ws.getCell(r, 2).value = r * 37;
    ws.getCell(r, 3).value = new Date(Date.UTC(2023, 5, (r % 28) + 1));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same workbook turned into an .xlsm: VBA part and/or macro-enabled content type. */
export async function xlsmLike(opts: { vba: boolean; contentType: boolean }): Promise<Buffer> {
  const parts = await unzipParts(await exceljsWorkbook());
  if (opts.vba) parts.set("xl/vbaProject.bin", Buffer.from("not really VBA, only its place in the package"));
  if (opts.contentType) {
    const ct = parts.get("[Content_Types].xml")!.toString("utf8");
    const macro = ct.replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );
    if (macro === ct) throw new Error("exceljs content types changed: no workbook main type found");
    parts.set("[Content_Types].xml", Buffer.from(macro));
  }
  return zipParts(parts);
}

const CT_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">';

/** A .docx-shaped package: content types, relationships, a Word document, no workbook. */
export function docxLike(): Buffer {
  return buildZip([
    deflatedEntry(
      "[Content_Types].xml",
      `${CT_HEAD}<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    deflatedEntry("_rels/.rels", "<Relationships/>"),
    deflatedEntry("word/document.xml", "<w:document/>"),
  ]);
}

/** An OpenDocument package: stored `mimetype` first, as ODF requires (or deflated, as sloppy writers do). */
export function odfLike(mimetype: string, opts: { storedFirst: boolean } = { storedFirst: true }): Buffer {
  const mt = opts.storedFirst ? storedEntry("mimetype", mimetype) : deflatedEntry("mimetype", mimetype);
  return buildZip([
    mt,
    deflatedEntry("content.xml", "<office:document-content/>"),
    deflatedEntry("META-INF/manifest.xml", "<manifest:manifest/>"),
  ]);
}

/**
 * A minimal OLE2 compound file (MS-CFB v3, 512-byte sectors): header, one FAT sector, one directory
 * sector with the root and the given stream names (empty streams; only the directory matters here).
 */
export function cfbWithStreams(names: readonly string[]): Buffer {
  if (names.length > 3) throw new Error("one directory sector holds the root and three streams");
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory starts at sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 is the FAT itself
  fat.writeUInt32LE(END, 4); // sector 1, the directory, ends its chain
  const dir = Buffer.alloc(512, 0);
  const entry = (i: number, name: string, type: number) => {
    const at = i * 128;
    dir.write(name, at, "utf16le");
    dir.writeUInt16LE((name.length + 1) * 2, at + 64);
    dir[at + 66] = type;
    dir[at + 67] = 1;
    dir.writeUInt32LE(FREE, at + 68);
    dir.writeUInt32LE(i + 1 <= names.length && i > 0 ? i + 1 : FREE, at + 72);
    dir.writeUInt32LE(i === 0 && names.length > 0 ? 1 : FREE, at + 76);
    dir.writeUInt32LE(END, at + 116);
  };
  entry(0, "Root Entry", 5);
  names.forEach((n, i) => entry(i + 1, n, 2));
  return Buffer.concat([header, fat, dir]);
}

/** Sheet shapes that cost exceljs the most memory per byte of file (see src/core/guard/reader-cost.ts). */
export const COSTLY_SHAPES = ["values", "merged", "validated"] as const;
export type CostlyShape = (typeof COSTLY_SHAPES)[number];

const TEN_COLS = "ABCDEFGHIJ".split("");
const SHAPE_BODY: Record<CostlyShape, (n: number) => string> = {
  /** n rows of ten numeric cells. */
  values: (n) =>
    `<sheetData>${Array.from({ length: n }, (_, i) => {
      const r = i + 1;
      return `<row r="${r}">${TEN_COLS.map((c, j) => `<c r="${c}${r}"><v>${(r * 31 + j) % 100000}</v></c>`).join("")}</row>`;
    }).join("")}</sheetData>`,
  /** One merged range of ten columns by n rows. */
  merged: (n) => `<sheetData/><mergeCells count="1"><mergeCell ref="A1:J${n}"/></mergeCells>`,
  /** One validation over ten columns by n rows. */
  validated: (n) =>
    `<sheetData/><dataValidations count="1"><dataValidation type="whole" sqref="A1:J${n}"><formula1>1</formula1></dataValidation></dataValidations>`,
};
const SHEET1 = "xl/worksheets/sheet1.xml";

export function costlySheet(kind: CostlyShape, n: number): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${SHAPE_BODY[kind](n)}</worksheet>`,
  );
}

/** The workbook `parts` with its first sheet replaced by a costly shape of size n. */
export function withSheet(parts: ReadonlyMap<string, Buffer>, kind: CostlyShape, n: number): Buffer {
  return buildZip([...parts].map(([name, c]) => deflatedEntry(name, name === SHEET1 ? costlySheet(kind, n) : c)));
}

function estimate(parts: ReadonlyMap<string, Buffer>, kind: CostlyShape, n: number): number {
  const cost = new ReaderCost(DEFAULT_GUARD_LIMITS);
  for (const [name, c] of parts) {
    const part = cost.part(name);
    part.feed(name === SHEET1 ? costlySheet(kind, n) : c);
    part.end();
  }
  return cost.estimate;
}

/** The size n whose estimated reader cost is `target` (the estimate grows linearly with n). */
export function sizeUnderBudget(parts: ReadonlyMap<string, Buffer>, kind: CostlyShape, target: number): number {
  const e1 = estimate(parts, kind, 1000);
  const e2 = estimate(parts, kind, 2000);
  return Math.floor(1000 + ((target - e1) / (e2 - e1)) * 1000);
}

const LOAD_SCRIPT = `const ExcelJS = require("exceljs");
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(require("fs").readFileSync(process.env.GUARD_FILE));
  console.log(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, sheets: wb.worksheets.length }));
})();`;

/** Load `file` with exceljs in a fresh Node process; its peak resident memory, in MB. */
export function loadInChild(file: string): { maxRssMB: number; sheets: number } {
  const out = execFileSync(process.execPath, ["-e", LOAD_SCRIPT], {
    cwd: path.resolve(__dirname, "../.."),
    env: { ...process.env, GUARD_FILE: file },
    encoding: "utf8",
    timeout: 120000,
  });
  return JSON.parse(out) as { maxRssMB: number; sheets: number };
}

/**
 * An "overlapping" bomb (Fifield's construction): one stored part, and a central directory whose
 * `names` all point at it, so every record is honest and the file stays small.
 */
export function overlappingZip(part: CraftEntry, names: readonly string[]): Buffer {
  const single = buildZip([part]);
  const localLength = 30 + Buffer.byteLength(part.name) + part.data.length;
  const local = single.subarray(0, localLength);
  const template = single.subarray(localLength, localLength + 46);
  const centrals = names.flatMap((n) => {
    const name = Buffer.from(n, "utf8");
    const central = Buffer.from(template);
    central.writeUInt16LE(name.length, 28);
    return [central, name];
  });
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, cd, end]);
}
