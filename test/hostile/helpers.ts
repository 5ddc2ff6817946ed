/**
 * Shared by the hostile-input tests: a correct report made from the real template, part-level
 * edits of it, `checkFile` under a watch (the input must come back untouched, the answer must be a
 * clean result), and a child process that reports its own peak memory for the heavy inputs.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { CheckResult } from "../../src/intake";
import { checkFile } from "../../src/node/intake-path";
import { filledTemplate } from "../helpers/filled-template";
import { unzipParts, zipParts } from "../guard/craft";

export const ROOT = path.resolve(__dirname, "../..");

/** The real template filled with a correct report by exceljs, then `edit`ed. */
export async function goodReport(edit?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  return Buffer.from(await (await filledTemplate(edit)).xlsx.writeBuffer());
}

export type Parts = Map<string, Buffer>;

/** The package `bytes` with its parts changed by `edit` (parts are inflated; the result is re-zipped). */
export async function withParts(
  bytes: Buffer,
  edit: (parts: Parts, text: (name: string) => string) => void,
): Promise<Buffer> {
  const parts = await unzipParts(bytes);
  edit(parts, (name) => {
    const part = parts.get(name);
    if (!part) throw new Error(`no part ${name}; parts: ${[...parts.keys()].join(", ")}`);
    return part.toString("utf8");
  });
  return zipParts(parts);
}

/** The worksheet part of the sheet named `sheet` (exceljs writes sheetN.xml in workbook order). */
export async function sheetPart(bytes: Buffer, sheet: string): Promise<string> {
  const parts = await unzipParts(bytes);
  const workbook = parts.get("xl/workbook.xml")!.toString("utf8");
  const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  const i = names.indexOf(sheet);
  if (i < 0) throw new Error(`no sheet ${sheet} in ${names.join(", ")}`);
  return `xl/worksheets/sheet${i + 1}.xml`;
}

function fingerprint(file: string): { sha256: string; mtimeMs: number; size: number; mode: number } {
  const st = fs.statSync(file);
  return {
    sha256: createHash("sha256").update(fs.readFileSync(file)).digest("hex"),
    mtimeMs: st.mtimeMs,
    size: st.size,
    mode: st.mode,
  };
}

/**
 * `checkFile` on `file` as `name` within `ms`; the file (when it is a regular file) must be left
 * exactly as it was: same bytes, same modification time, same mode.
 */
export async function checkUntouched(
  file: string,
  name = path.basename(file),
  ms = 15000,
): Promise<CheckResult & { ms: number }> {
  const regular = fs.lstatSync(file).isFile();
  const before = regular ? fingerprint(file) : undefined;
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`checkFile(${name}) took more than ${ms} ms`)), ms);
  });
  try {
    const result = await Promise.race([checkFile(file, { displayName: name }), timeout]);
    if (before) expect(fingerprint(file)).toEqual(before);
    return { ...result, ms: performance.now() - t0 };
  } finally {
    clearTimeout(timer);
  }
}

/** An unreadable result with one of `codes`, a Chinese message naming the file, and nothing else. */
export function expectUnreadable(result: CheckResult, codes: string | readonly string[], name: string): void {
  const allowed = typeof codes === "string" ? [codes] : codes;
  expect({ status: result.status, code: allowed.includes(result.code ?? "") ? "expected" : result.code }).toEqual({
    status: "unreadable",
    code: "expected",
  });
  expect(result.findings).toEqual([]);
  expect(result.unit).toBeNull();
  expect(result.message).toContain(`“${name}”`);
  expect(result.message).toMatch(/[\u4e00-\u9fff]{4}/);
}

/** What the child reports: the check result, its own peak resident memory and the time the check took. */
export interface ChildCheck {
  result: CheckResult;
  maxRssMB: number;
  ms: number;
}

const CHILD = path.join(__dirname, "child-check.ts");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

/** `checkFile(file)` in a fresh Node process (tsx), so its peak memory is its own. */
export function checkInChild(file: string, timeoutMs = 60000): Promise<ChildCheck> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [TSX, CHILD, file],
      { cwd: ROOT, timeout: timeoutMs, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`child failed: ${err.message}\n${stderr}`));
        resolve(JSON.parse(stdout) as ChildCheck);
      },
    );
  });
}
