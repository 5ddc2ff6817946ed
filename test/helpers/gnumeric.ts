/**
 * Gnumeric (ssconvert), a third spreadsheet program, for tests: save a workbook again as .xlsx the way
 * a unit using it would, and recalculate a workbook and read what every cell of a sheet shows.
 *
 *   const describeGn = gnumericDescribe();                 // describe, or skip without ssconvert
 *   await convertWithGnumeric(input, output);               // a round trip
 *   const rows = await gnumericSheet(input, sheetIndex);    // recalculated, as shown (strings)
 *
 * Absent Gnumeric skips the tests, unless REQUIRE_GNUMERIC=1 (CI), which makes them fail.
 */
import { execFile, execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "csv-parse/sync";

let cached: string | null | undefined;

export function findGnumeric(): string | null {
  if (cached !== undefined) return cached;
  try {
    cached = execFileSync("sh", ["-c", "command -v ssconvert"], { encoding: "utf8" }).trim() || null;
  } catch {
    cached = null;
  }
  return cached;
}

export function gnumericDescribe(): jest.Describe | ((name: string, fn: () => void) => void) {
  if (findGnumeric()) return describe;
  if (process.env.REQUIRE_GNUMERIC === "1") {
    return (name: string) =>
      describe(name, () => {
        it("needs Gnumeric (ssconvert), which REQUIRE_GNUMERIC=1 demands", () => {
          throw new Error("ssconvert not found: apt-get install -y gnumeric");
        });
      });
  }
  return describe.skip;
}

function ssconvert(args: string[], timeoutMs = 120_000): Promise<void> {
  const bin = findGnumeric();
  if (!bin) return Promise.reject(new Error("Gnumeric (ssconvert) not found"));
  return new Promise((resolve, reject) =>
    execFile(bin, args, { timeout: timeoutMs }, (err, _stdout, stderr) =>
      err ? reject(new Error(`ssconvert ${args.join(" ")} failed: ${err.message}\n${stderr}`)) : resolve(),
    ),
  );
}

/** Opens `input` in Gnumeric and saves it as `output` (the format from its extension). */
export function convertWithGnumeric(input: string, output: string): Promise<void> {
  return ssconvert([input, output]);
}

/**
 * Gnumeric recalculates `input` and shows sheet number `sheetIndex` (0-based): every cell as the
 * program displays it, by row, as text.
 */
export async function gnumericSheet(input: string, sheetIndex: number): Promise<string[][]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gnumeric-"));
  try {
    await ssconvert(["--recalc", "-S", input, path.join(dir, "sheet-%n.csv")]);
    return parse(readFileSync(path.join(dir, `sheet-${sheetIndex}.csv`), "utf8"), {
      relax_column_count: true,
    }) as string[][];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `work` over `items`, `width` at a time (ssconvert is single-threaded; the machine has more cores). */
export async function inParallel<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]);
      }
    }),
  );
  return out;
}
