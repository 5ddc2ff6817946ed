/**
 * `check` over batches of the heaviest files the limits let through, and over files with more table
 * rows than a report has: every file gets its answer, output is streamed exactly as
 * JSON.stringify(results, null, 2) would print it, and the process stays under 512 MB.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../src/cli/program";
import { DEFAULT_GUARD_LIMITS } from "../../src/core/guard";
import { checkFile } from "../../src/node/intake-path";
import { checkUntouched, expectUnreadable, goodReport, ROOT, sheetPart, withParts } from "./helpers";

const MAX_ROWS = DEFAULT_GUARD_LIMITS.maxTableRows;
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-batch-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every table filled to `rows` rows of wrong values, and as many 说明 (the most findings the limits allow). */
function fullOfMistakes(rows: number): Promise<Buffer> {
  return goodReport((wb) => {
    const bad = (i: number, k: number) => Array.from({ length: k }, (_, j) => `错${j}-${i % 97}`);
    for (let i = 0; i < rows; i++) {
      wb.getWorksheet("活动明细")!.getRow(4 + i).values = bad(i, 10);
      wb.getWorksheet("宣传报道")!.getRow(4 + i).values = bad(i, 5);
      wb.getWorksheet("佐证材料")!.getRow(4 + i).values = bad(i, 4);
      wb.getWorksheet("核实说明")!.getRow(4 + i).values = ["format.approximate", "参加人次", `说明${i}`];
    }
  });
}

/** `rows` rows on 活动明细 holding one cell each (the rest of each row blank, so every required column is a finding). */
async function loneCells(rows: number): Promise<Buffer> {
  const report = await goodReport();
  const part = await sheetPart(report, "活动明细");
  const xml = Array.from(
    { length: rows },
    (_, i) => `<row r="${i + 10}"><c r="J${i + 10}" t="inlineStr"><is><t>x</t></is></c></row>`,
  ).join("");
  return withParts(report, (parts, text) =>
    parts.set(part, Buffer.from(text(part).replace("</sheetData>", `${xml}</sheetData>`))),
  );
}

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The installed command (bin/tj-report.js, as `npm run cli` runs it) in a child: its stdout straight into a file, its exit code and peak memory. */
function cliInChild(args: string[], outFile: string): Promise<{ code: number; maxRssMB: number }> {
  const out = fs.openSync(outFile, "w");
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["-r", path.join(ROOT, "test/helpers/report-rss.cjs"), path.join(ROOT, "bin/tj-report.js"), ...args],
      {
        cwd: ROOT,
        stdio: ["ignore", out, "pipe"],
        timeout: 120000,
      },
    );
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", () => {
      fs.closeSync(out);
      try {
        resolve(JSON.parse(stderr));
      } catch {
        reject(new Error(`child gave no report: ${stderr}`));
      }
    });
  });
}

describe("table rows", () => {
  it(`a table of ${MAX_ROWS} rows is read; one more row and the file is refused as too large`, async () => {
    const atLimit = write("at-limit.xlsx", await loneCells(MAX_ROWS - 2)); // + the two events of the good report
    const r = await checkUntouched(atLimit);
    expect(r.status).toBe("errors");
    const over = write("over-limit.xlsx", await loneCells(MAX_ROWS - 1));
    const refused = await checkUntouched(over);
    expectUnreadable(refused, "too_large", "over-limit.xlsx");
    expect(refused.message).toContain(`${MAX_ROWS + 1} 行`);
  });
});

describe("check streams its output", () => {
  it("--json prints exactly JSON.stringify(results, null, 2), file by file", async () => {
    const files = [
      write("mistakes.xlsx", await fullOfMistakes(50)),
      write("empty.xlsx", Buffer.alloc(0)),
      write("good.xlsx", await goodReport()),
    ];
    const expected = [];
    for (const f of files) expected.push(await checkFile(f, { displayName: f }));
    expect(expected[0].findings.length).toBeGreaterThan(100);
    const out: string[] = [];
    const code = await runCli(["check", ...files, "--json"], {
      stdout: (t) => out.push(t),
      stderr: () => undefined,
      cwd: dir,
      isTTY: false,
    });
    expect(out.join("")).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(code).toBe(1);
  });
});

describe("batches of the heaviest files stay under 512 MB", () => {
  it("four files full of mistakes, one with 100,000 lone cells, one good: each answered, in bounded memory", async () => {
    const heavy = await fullOfMistakes(MAX_ROWS - 10);
    const files = [1, 2, 3, 4].map((i) => write(`heavy${i}.xlsx`, heavy));
    files.splice(2, 0, write("lone.xlsx", await loneCells(100_000)), write("good.xlsx", await goodReport()));
    const outFile = path.join(dir, "out.json");
    // (these files are over check.ts's heavy-file size: the batch reads them one at a time)
    expect(files.filter((f) => fs.statSync(f).size > 256 * 1024).length).toBeGreaterThanOrEqual(4);
    const { code, maxRssMB } = await cliInChild(["check", ...files, "--json"], outFile);
    const text = fs.readFileSync(outFile, "utf8");
    const statuses = [...text.matchAll(/^ {4}"status": "(\w+)"/gm)].map((m) => m[1]);
    expect(statuses).toEqual(["errors", "errors", "unreadable", "ok", "errors", "errors"]);
    expect(text).toContain("“lone.xlsx”文件过大");
    expect(code).toBe(1);
    expect(maxRssMB).toBeLessThan(512);
  }, 180000);
});
