/**
 * The guard's promise to the reader: anything it accepts, exceljs can load in well under 512 MB.
 * For each costly shape (dense values, merged area, validated area) a file is built just under the
 * reader budget; the guard must accept it and refuse the same shape 10% bigger; exceljs then loads
 * the accepted one in a child process whose peak memory is measured.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_GUARD_LIMITS } from "../../src/core/guard";
import { guardBuffer } from "../../src/node/file-guard";
import {
  COSTLY_SHAPES,
  CostlyShape,
  exceljsWorkbook,
  loadInChild,
  sizeUnderBudget,
  unzipParts,
  withSheet,
} from "./craft";

describe("accepted files stay within the reader's memory", () => {
  let parts: Map<string, Buffer>;
  let dir: string;
  beforeAll(async () => {
    parts = await unzipParts(await exceljsWorkbook());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "guard-mem-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(COSTLY_SHAPES)(
    "%s: just under the budget is accepted and loads under 512 MB; 10%% more is refused",
    async (kind: CostlyShape) => {
      const n = sizeUnderBudget(parts, kind, DEFAULT_GUARD_LIMITS.maxReaderBytes * 0.98);
      const accepted = withSheet(parts, kind, n);
      expect(await guardBuffer(`${kind}.xlsx`, accepted)).toMatchObject({ ok: true });
      expect(await guardBuffer(`${kind}.xlsx`, withSheet(parts, kind, Math.ceil(n * 1.1)))).toMatchObject({
        ok: false,
        code: "too_large",
      });

      const file = path.join(dir, `${kind}.xlsx`);
      fs.writeFileSync(file, accepted);
      const { maxRssMB, sheets } = loadInChild(file);
      expect(sheets).toBe(1);
      expect(maxRssMB).toBeLessThan(512);
    },
    180000,
  );
});
