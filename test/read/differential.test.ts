/**
 * The new reader (src/read) against the old path (guard + exceljs load + toWorkbookGrid) on every
 * workbook we have: the LibreOffice-filled fixtures, the foreign workbooks, the template, a filled
 * template. Same grid when the old path read the file; same code and message when it refused it.
 */
import { existsSync, promises as fs, readdirSync, statSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/read";
import type { WorkbookGrid } from "../../src/core/model";
import { guardBuffer } from "../../src/xlsx/file-guard";
import { GridRefusal, toWorkbookGrid } from "../../src/xlsx/read-workbook";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { filledTemplate } from "../helpers/filled-template";

type Outcome = { ok: true; grid: WorkbookGrid } | { ok: false; code: string; message: string };

async function oldPath(name: string, bytes: Buffer): Promise<Outcome> {
  const guarded = await guardBuffer(name, bytes);
  if (!guarded.ok) return { ok: false, code: guarded.code, message: guarded.message };
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return { ok: true, grid: toWorkbookGrid(wb) };
  } catch (e) {
    return { ok: false, code: e instanceof GridRefusal ? e.code : "corrupt", message: "" };
  }
}

function workbooksUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) return workbooksUnder(p);
    return /\.(xlsx|xlsm|xls|ods)$/i.test(e) ? [p] : [];
  });
}

const ROOT = path.resolve(__dirname, "../..");
const files = [...workbooksUnder(path.join(ROOT, "test/fixtures")), ...workbooksUnder(path.resolve(ROOT, "../shared/fixtures"))];

describe("new reader = old exceljs path", () => {
  it("has fixtures to compare", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))("%s", async (_rel, file) => {
    const bytes = await fs.readFile(file);
    const name = path.basename(file);
    const before = await oldPath(name, bytes);
    const after = await readWorkbook(name, bytes);
    if (before.ok) {
      expect(after).toMatchObject({ ok: true });
      if (after.ok) expect(after.grid).toEqual(before.grid);
    } else {
      expect(after).toMatchObject({ ok: false, code: before.code });
      if (before.message && !after.ok) expect(after.message).toBe(before.message);
    }
  });

  it("the written template and a filled one", async () => {
    for (const [name, bytes] of [
      ["模板.xlsx", await writeTemplate()],
      ["填好.xlsx", Buffer.from(await (await filledTemplate()).xlsx.writeBuffer())],
    ] as const) {
      const before = await oldPath(name, Buffer.from(bytes));
      const after = await readWorkbook(name, bytes);
      expect(before.ok).toBe(true);
      if (before.ok && after.ok) expect(after.grid).toEqual(before.grid);
      else expect(after).toMatchObject({ ok: true });
    }
  });
});
