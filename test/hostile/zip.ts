/**
 * A zip writer for structural oddities the guard's own crafter (test/guard/craft.ts) does not make:
 * Zip64 records, data descriptors, big extra fields, archive comments and end records whose counts
 * disagree with the directory. Entries are CraftEntry, so craft.ts's deflatedEntry/storedEntry feed it.
 */
import type { CraftEntry } from "../guard/craft";

export interface ZipOptions {
  /** Write Zip64 extra fields (sizes and offsets as 0xFFFFFFFF in the records) and the Zip64 end records. */
  zip64?: boolean;
  /** Sizes and CRC only in a data descriptor after each entry's data (flag bit 3), zero in the local headers. */
  dataDescriptor?: boolean;
  /** An extra field of this many bytes (an unknown header id) on every entry, local and central. */
  extraBytes?: number;
  /** Archive comment at the end. */
  comment?: Buffer;
  /** Entry count to claim in the end record instead of the real one. */
  claimedCount?: number;
}

const MAX32 = 0xffffffff;

function zip64Extra(e: CraftEntry, offset: number): Buffer {
  const x = Buffer.alloc(4 + 24);
  x.writeUInt16LE(0x0001, 0);
  x.writeUInt16LE(24, 2);
  x.writeBigUInt64LE(BigInt(e.uncompressedSize), 4);
  x.writeBigUInt64LE(BigInt(e.data.length), 12);
  x.writeBigUInt64LE(BigInt(offset), 20);
  return x;
}

function padExtra(bytes: number): Buffer {
  if (bytes === 0) return Buffer.alloc(0);
  const x = Buffer.alloc(bytes, 0x41);
  x.writeUInt16LE(0xcafe, 0);
  x.writeUInt16LE(bytes - 4, 2);
  return x;
}

export function buildOddZip(entries: readonly CraftEntry[], opts: ZipOptions = {}): Buffer {
  const out: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const flags = (e.flags ?? 0) | 0x800 | (opts.dataDescriptor ? 0x8 : 0);
    const version = opts.zip64 ? 45 : 20;
    const pad = padExtra(opts.extraBytes ?? 0);
    const localExtra = Buffer.concat([opts.zip64 ? zip64Extra(e, 0).subarray(0, 20) : Buffer.alloc(0), pad]);
    if (opts.zip64) localExtra.writeUInt16LE(16, 2);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(version, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method, 8);
    if (!opts.dataDescriptor) {
      local.writeUInt32LE(e.crc32 >>> 0, 14);
      local.writeUInt32LE(opts.zip64 ? MAX32 : e.data.length, 18);
      local.writeUInt32LE(opts.zip64 ? MAX32 : e.uncompressedSize, 22);
    }
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const parts = [local, name, localExtra, e.data];
    if (opts.dataDescriptor) {
      const dd = Buffer.alloc(opts.zip64 ? 24 : 16);
      dd.writeUInt32LE(0x08074b50, 0);
      dd.writeUInt32LE(e.crc32 >>> 0, 4);
      if (opts.zip64) {
        dd.writeBigUInt64LE(BigInt(e.data.length), 8);
        dd.writeBigUInt64LE(BigInt(e.uncompressedSize), 16);
      } else {
        dd.writeUInt32LE(e.data.length, 8);
        dd.writeUInt32LE(e.uncompressedSize, 12);
      }
      parts.push(dd);
    }
    const centralExtra = Buffer.concat([opts.zip64 ? zip64Extra(e, offset) : Buffer.alloc(0), pad]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(version, 4);
    central.writeUInt16LE(version, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc32 >>> 0, 16);
    central.writeUInt32LE(opts.zip64 ? MAX32 : e.data.length, 20);
    central.writeUInt32LE(opts.zip64 ? MAX32 : e.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(opts.zip64 ? MAX32 : offset, 42);
    centrals.push(central, name, centralExtra);
    out.push(...parts);
    offset += parts.reduce((n, b) => n + b.length, 0);
  }
  const cd = Buffer.concat(centrals);
  const count = opts.claimedCount ?? entries.length;
  const tail: Buffer[] = [];
  if (opts.zip64) {
    const eocd64 = Buffer.alloc(56);
    eocd64.writeUInt32LE(0x06064b50, 0);
    eocd64.writeBigUInt64LE(44n, 4);
    eocd64.writeUInt16LE(45, 12);
    eocd64.writeUInt16LE(45, 14);
    eocd64.writeBigUInt64LE(BigInt(count), 24);
    eocd64.writeBigUInt64LE(BigInt(count), 32);
    eocd64.writeBigUInt64LE(BigInt(cd.length), 40);
    eocd64.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(eocd64, locator);
  }
  const comment = opts.comment ?? Buffer.alloc(0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(opts.zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(opts.zip64 ? MAX32 : cd.length, 12);
  end.writeUInt32LE(opts.zip64 ? MAX32 : offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...out, cd, ...tail, end, comment]);
}
