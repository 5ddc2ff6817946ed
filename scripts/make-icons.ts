/**
 * Draws the add-in's ribbon and store icons (assets/icon-{16,32,64,80,128}.png) with nothing but
 * Node's zlib, so the icons can be regenerated without an image editor or an extra package.
 *
 * The picture: a blue rounded square holding a white sheet with a green header row and grid lines,
 * i.e. "a filled-in spreadsheet report". Run: `npx tsx scripts/make-icons.ts`.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

type Rgba = readonly [number, number, number, number];

const SIZES = [16, 32, 64, 80, 128] as const;
const BLUE: Rgba = [15, 108, 189, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GREEN: Rgba = [33, 115, 70, 255];
const GRID: Rgba = [160, 180, 200, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** The colour of pixel (x, y) in an icon of `size` pixels, from proportions so every size looks alike. */
function pixel(x: number, y: number, size: number): Rgba {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const r = 0.18; // corner radius of the blue square, as a fraction of the size
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;

  const inSheet = u > 0.2 && u < 0.8 && v > 0.18 && v < 0.82;
  if (!inSheet) return BLUE;
  if (v < 0.34) return GREEN;
  const line = Math.max(1 / size, 0.035);
  const nearRow = [0.5, 0.66].some((row) => Math.abs(v - row) < line);
  const nearColumn = Math.abs(u - 0.42) < line;
  return nearRow || nearColumn ? GRID : WHITE;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG: signature, IHDR, one IDAT of filter-0 scanlines, IEND. */
export function drawIcon(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type RGBA
  const raw = Buffer.alloc(size * (1 + 4 * size));
  for (let y = 0; y < size; y++) {
    const rowStart = y * (1 + 4 * size);
    for (let x = 0; x < size; x++) raw.set(pixel(x, y, size), rowStart + 1 + 4 * x);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = path.resolve(__dirname, "../assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`${path.relative(process.cwd(), file)}: ${size}×${size}`);
  }
}
