/**
 * A CSV text as the bytes of a file, the same in every host (the command line writes them, the task
 * pane offers them as a download), by iconv-lite (TextEncoder only writes UTF-8). In GB18030 a
 * character outside GBK is written as its four-byte GB18030 sequence, so nothing is lost or replaced.
 */
import iconv from "iconv-lite";
import type { CsvOutputEncoding } from "../core/csv";
import type { MergeResult } from "../core/merge/model";
import { remindersCsv } from "../core/reminders";

export function csvBytes(text: string, encoding: CsvOutputEncoding): Uint8Array {
  // UTF-8 with the byte-order mark Excel writes for “CSV UTF-8” (src/core/csv.ts says why).
  const encoded = iconv.encode(text, encoding, { addBOM: encoding === "utf-8" });
  // A plain Uint8Array (iconv-lite gives a Buffer): equal bytes compare equal in both hosts.
  return new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.length).slice();
}

/** The 催报 list of a merge (src/core/reminders.ts) as the bytes of a .csv file. */
export function reminderBytes(result: MergeResult, encoding: CsvOutputEncoding = "gb18030"): Uint8Array {
  return csvBytes(remindersCsv(result), encoding);
}
