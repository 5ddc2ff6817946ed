/** What the browser bundle of the reader exposes in the tests: bytes → findings, with no Node module. */
import { checkGrid } from "../../src/core/check-grid";
import { readWorkbook } from "../../src/read";

export async function findingsOf(name: string, bytes: Uint8Array): Promise<unknown> {
  const read = await readWorkbook(name, bytes);
  if (!read.ok) return { code: read.code, message: read.message };
  const checked = checkGrid(read.grid);
  return checked.ok
    ? { unit: checked.unit, findings: checked.judgement.findings, sha256: read.sha256 }
    : { notTemplate: checked.message };
}
