/**
 * Batches over worker threads (the workers load the TypeScript sources through tsx): the same
 * results as file-by-file checking, in the order the files were given, bad files included.
 */
import { mkdtempSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { checkFiles, intakePaths } from "../../src/node/read-batch";
import { checkFile, intakePath } from "../../src/node/intake-path";
import { filledTemplate } from "../helpers/filled-template";

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("batch reading over worker threads", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "batch-"));
  let files: string[];

  beforeAll(async () => {
    const good = Buffer.from(await (await filledTemplate()).xlsx.writeBuffer());
    const wrongYear = Buffer.from(
      await (
        await filledTemplate((wb) => (wb.getWorksheet("基本情况")!.getCell("C5").value = "不是年份"))
      ).xlsx.writeBuffer(),
    );
    const write = (name: string, bytes: Buffer | string) => {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return file;
    };
    files = [
      write("a.xlsx", good),
      write("b.txt", "不是表格"),
      write("c.xlsx", wrongYear),
      write("d.xlsx", good.subarray(0, good.length / 2)),
      path.join(dir, "missing.xlsx"),
      write("f.xlsx", good),
      write("g.xlsx", Buffer.alloc(0)),
    ];
  }, 60000);

  it("checkFiles over 2 workers gives exactly checkFile's results, in input order", async () => {
    const one = await Promise.all(files.map((f) => checkFile(f, { displayName: path.basename(f) })));
    const batch = await collect(
      checkFiles(
        files.map((f) => ({ path: f, displayName: path.basename(f) })),
        { concurrency: 2, window: 2 },
      ),
    );
    expect(batch).toEqual(one);
    expect(batch.map((r) => r.status)).toContain("unreadable");
    expect(batch[0].status).not.toBe("unreadable");
  }, 60000);

  const entries = () => files.map((f) => ({ path: f, display: path.basename(f) }));
  const nameOf = (i: Awaited<ReturnType<typeof intakePath>>) =>
    i.kind === "report" ? i.candidate.source.name : i.source.name;

  it("intakePaths gives intakePath's outcomes (candidates, dates and all) in input order", async () => {
    const one = await Promise.all(entries().map((e) => intakePath(e)));
    const batch = await collect(intakePaths(entries(), { concurrency: 2 }));
    expect(batch).toEqual(one);
    expect(batch.map(nameOf)).toEqual(files.map((f) => path.basename(f)));
    expect(batch.map((i) => i.kind)).toEqual([
      "report",
      "unreadable",
      "report",
      "unreadable",
      "unreadable",
      "report",
      "unreadable",
    ]);
  }, 60000);

  it("a consumer that stops early stops the workers (the batch ends, nothing is left running)", async () => {
    const first: string[] = [];
    for await (const r of intakePaths(entries(), { concurrency: 2, window: 2 })) {
      first.push(nameOf(r));
      break;
    }
    expect(first).toEqual([path.basename(files[0])]);
  }, 60000);

  it("a single thread gives the same", async () => {
    const batch = await collect(intakePaths(entries(), { concurrency: 1 }));
    expect(batch).toEqual(await Promise.all(entries().map((e) => intakePath(e))));
  });
});
