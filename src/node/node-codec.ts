/**
 * Node's native zlib and crypto behind the reader's codec seam (src/read/codec.ts): the same
 * inflating, checksum and hash as the pure default, a few times faster and without an async hop.
 * Node 20.15 and later have zlib.crc32; an older Node keeps the pure checksum.
 */
import { createHash } from "crypto";
import * as zlib from "zlib";
import { PURE_CODEC, type Codec } from "../read/codec";

export const NODE_CODEC: Codec = {
  inflate(data, maxBytes) {
    try {
      // maxOutputLength must be at least 1; a part declared empty that gives a byte is refused by the caller.
      return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
    } catch (e) {
      if ((e as { code?: unknown } | null)?.code === "ERR_BUFFER_TOO_LARGE") return undefined;
      throw e;
    }
  },
  crc32: typeof zlib.crc32 === "function" ? (bytes, crc) => zlib.crc32(bytes, crc) : PURE_CODEC.crc32,
  sha256: (bytes) => createHash("sha256").update(bytes).digest("hex"),
};
