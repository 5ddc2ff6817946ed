/**
 * The seam between the reader and a host's byte services: inflating one small part in a single
 * call, the zip checksum and the file's SHA-256. The default is pure (fflate, a table CRC-32,
 * WebCrypto) and runs in the task pane and in Node alike; Node's adapter passes its native zlib and
 * crypto instead (src/node/node-codec.ts), a few times faster with the same results. Large parts
 * always stream through fflate (inflate.ts), where the caps are checked chunk by chunk.
 */
import { inflateSync } from "fflate";
import { crc32 } from "./crc32";
import { sha256Hex } from "./sha256";

export interface Codec {
  /**
   * Raw deflate `data` inflated, or undefined when it gives more than `maxBytes` (the caller
   * refuses the part). Throws on data that is not deflate or ends early.
   */
  inflate(data: Uint8Array, maxBytes: number): Uint8Array | undefined;
  /** Continue `crc` (0 to start) over `bytes`; the unsigned zip CRC-32. */
  crc32(bytes: Uint8Array, crc: number): number;
  /** Hex SHA-256 of `bytes`. */
  sha256(bytes: Uint8Array): string | Promise<string>;
}

export const PURE_CODEC: Codec = {
  inflate(data, maxBytes) {
    // One byte of room beyond the most allowed: filling it means the part gives more.
    const out = inflateSync(data, { out: new Uint8Array(maxBytes + 1) });
    return out.length > maxBytes ? undefined : out;
  },
  crc32,
  sha256: sha256Hex,
};
