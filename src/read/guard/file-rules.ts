/**
 * Rules on a whole submitted file, before it is opened as a zip: its name, its size, its first
 * bytes. Each returns a problem or says which way to go on.
 */

import { classifyOle2 } from "./cfb";
import { formatBytes, GuardLimits } from "../../core/guard/limits";
import { GuardProblem } from "../../core/guard/refusal";
import { isLockFileName } from "../../core/file-names";
import { describeOther, isOdsMimetype, odfMimetypeOfFirstEntry, sniffMagic } from "./sniff";
import { readZipDirectory, type ZipDirectory } from "./zip-directory";

/** Checks that need only the name and the size, so a huge file is refused before it is read. */
export function judgeNameAndSize(fileName: string, size: number, limits: GuardLimits): GuardProblem | undefined {
  if (isLockFileName(fileName)) return { code: "lock_file" };
  if (size === 0) return { code: "empty" };
  if (size > limits.maxFileBytes)
    return { code: "too_large", detail: `${formatBytes(size)}，上限 ${formatBytes(limits.maxFileBytes)}` };
  return undefined;
}

/**
 * Checks on the file's bytes before anything is inflated. Returns the problem, or, for a zip worth
 * opening, its directory as read (its layout already judged; its entries are judged next).
 */
export function openFileBytes(fileName: string, bytes: Uint8Array, limits: GuardLimits): GuardProblem | ZipDirectory {
  const early = judgeNameAndSize(fileName, bytes.length, limits);
  if (early) return early;
  switch (sniffMagic(bytes)) {
    case "zip": {
      const directory = readZipDirectory(bytes);
      if (directory.layoutProblem) return directory.layoutProblem;
      const mimetype = odfMimetypeOfFirstEntry(bytes);
      if (mimetype !== undefined && isOdsMimetype(mimetype)) return { code: "ods" };
      return directory;
    }
    case "empty_zip":
      return { code: "not_spreadsheet", detail: "这是一个空的压缩包" };
    case "ole2": {
      const ole = classifyOle2(bytes);
      if (ole.kind === "encrypted") return { code: "encrypted" };
      if (ole.kind === "legacy_xls") return { code: "legacy_xls" };
      return { code: "not_spreadsheet", detail: ole.what };
    }
    case "other":
      return { code: "not_spreadsheet", detail: describeOther(bytes) };
  }
}

/** openFileBytes without the directory: undefined when the file is a zip worth opening, else the problem. */
export function judgeFileBytes(fileName: string, bytes: Uint8Array, limits: GuardLimits): GuardProblem | undefined {
  const opened = openFileBytes(fileName, bytes, limits);
  return "code" in opened ? opened : undefined;
}
