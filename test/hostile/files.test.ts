/**
 * Things that are not workbooks at all, and paths that are not ordinary files: each is a clean
 * `unreadable` result naming the file (or, for a folder or a missing path, a usage error of `check`),
 * never a hang, and the input is never changed. A batch with bad files in it checks all the others.
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/program";
import { guardFile } from "../../src/node/file-guard";
import { buildZip, deflatedEntry } from "../guard/craft";
import { checkUntouched, expectUnreadable, goodReport, ROOT } from "./helpers";

let dir: string;
let report: Buffer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-files-"));
  report = await goodReport();
});
afterAll(() => {
  fs.chmodSync(dir, 0o700);
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A FIFO at `file`, or undefined where mkfifo is not available. */
function fifo(file: string): string | undefined {
  try {
    execFileSync("mkfifo", [file]);
    return file;
  } catch {
    return undefined;
  }
}

const posix = process.platform !== "win32";

describe("not a workbook", () => {
  const binaryWorkbook = () =>
    buildZip([
      deflatedEntry(
        "[Content_Types].xml",
        '<Types><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
      ),
      deflatedEntry("_rels/.rels", "<Relationships/>"),
      deflatedEntry("xl/workbook.bin", Buffer.from([0x83, 0x01, 0x00])),
      deflatedEntry("xl/worksheets/sheet1.bin", Buffer.from([0x81, 0x01, 0x00])),
    ]);
  const cases: [string, () => Buffer | string, string, RegExp | undefined][] = [
    ["0 bytes", () => "", "empty", undefined],
    ["1 byte", () => "P", "not_spreadsheet", undefined],
    ["the zip signature alone", () => Buffer.from([0x50, 0x4b, 0x03, 0x04]), "corrupt", undefined],
    [
      "an empty zip",
      () => Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
      "not_spreadsheet",
      /空的压缩包/,
    ],
    [".xlsb renamed .xlsx", binaryWorkbook, "not_spreadsheet", /\.xlsb/],
    [
      "a GBK .csv renamed .xlsx",
      () => Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x31, 0x32, 0x30, 0x0a]),
      "not_spreadsheet",
      /纯文本/,
    ],
    [
      "UTF-16 text with a byte-order mark",
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("单位名称\t参加人次\r\n", "utf16le")]),
      "not_spreadsheet",
      /纯文本/,
    ],
    [
      "UTF-16 text without a byte-order mark",
      () => Buffer.from("单位名称\t参加人次\r\n", "utf16le"),
      "not_spreadsheet",
      undefined,
    ],
    [
      "an HTML table saved as .xls and renamed",
      () => "<html><body><table><tr><td>单位名称</td></tr></table></body></html>",
      "not_spreadsheet",
      /HTML/,
    ],
  ];
  it.each(cases)("%s", async (what, bytes, code, detail) => {
    const name = `${what.replace(/\W+/g, "-")}.xlsx`;
    const r = await checkUntouched(write(name, bytes()), name);
    expectUnreadable(r, code, name);
    if (detail) expect(r.message).toMatch(detail);
  });
});

(posix ? describe : describe.skip)("paths that are not ordinary files", () => {
  it("a symlink to /dev/zero named .xlsx: refused at once, nothing read", async () => {
    const link = path.join(dir, "zero.xlsx");
    fs.symlinkSync("/dev/zero", link);
    const r = await checkUntouched(link, "zero.xlsx", 3000);
    expectUnreadable(r, "not_spreadsheet", "zero.xlsx");
    expect(r.message).toContain("特殊文件");
    await expect(guardFile(link)).rejects.toThrow(/not a file/);
  });

  it("a FIFO named .xlsx (opening it would block): refused at once", async () => {
    const pipe = fifo(path.join(dir, "pipe.xlsx"));
    if (!pipe) return;
    const r = await checkUntouched(pipe, "pipe.xlsx", 3000);
    expectUnreadable(r, "not_spreadsheet", "pipe.xlsx");
    await expect(guardFile(pipe)).rejects.toThrow(/not a file/);
  });

  it("a folder, a dangling symlink and a symlink loop are not found", async () => {
    fs.mkdirSync(path.join(dir, "folder.xlsx"));
    fs.symlinkSync(path.join(dir, "nowhere.xlsx"), path.join(dir, "dangling.xlsx"));
    fs.symlinkSync(path.join(dir, "loop.xlsx"), path.join(dir, "loop.xlsx"));
    for (const name of ["folder.xlsx", "dangling.xlsx", "loop.xlsx"])
      expectUnreadable(await checkUntouched(path.join(dir, name), name), "not_found", name);
  });

  it("a correct report that is read-only on disk is read and left exactly as it was", async () => {
    const file = write("readonly.xlsx", report);
    fs.chmodSync(file, 0o444);
    const r = await checkUntouched(file);
    expect(r.status).toBe("ok");
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
  });

  it("a file the checker may not read: no_access, said as such", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "private-"));
    const file = path.join(sub, "private.xlsx");
    fs.writeFileSync(file, report);
    fs.chmodSync(file, 0o000);
    // Root reads anything: there the check runs in a child that is still root (so it reaches the
    // checkout's node_modules even under a private parent folder) but lacks the two capabilities
    // that let root ignore permission bits, so the kernel answers EACCES as it would to a user.
    const root = process.getuid?.() === 0;
    const result = root ? await checkWithoutReadOverride(file) : await checkUntouched(file);
    expectUnreadable(result, "no_access", "private.xlsx");
    expect(result.message).toContain("权限");
    fs.chmodSync(file, 0o644);
  }, 60000);
});

/** `checkFile(file)` in a child process without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (setpriv, util-linux). */
function checkWithoutReadOverride(file: string): Promise<Awaited<ReturnType<typeof checkUntouched>>> {
  const caps = "-dac_override,-dac_read_search";
  const child = [
    process.execPath,
    path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
    path.join(__dirname, "child-check.ts"),
    file,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      "setpriv",
      [`--bounding-set=${caps}`, `--inh-caps=${caps}`, "--", ...child],
      { cwd: ROOT, timeout: 30000 },
      (err, stdout, stderr) =>
        err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve({ ...JSON.parse(stdout).result, ms: 0 }),
    );
  });
}

describe("check FILE... with a few bad files among good ones", () => {
  it("checks every file in order, says what is wrong with each bad one, exits 1", async () => {
    const good = write("好.xlsx", report);
    const bad = write(
      "电话错.xlsx",
      await goodReport((wb: ExcelJS.Workbook) => {
        wb.getWorksheet("基本情况")!.getCell("C13").value = "12345";
      }),
    );
    const files = [
      good,
      write("空.xlsx", ""),
      bad,
      write("文本.xlsx", "单位,人次\n"),
      write("截断.xlsx", report.subarray(0, 1000)),
    ];
    const codes = ["empty", "not_spreadsheet", "corrupt"];
    if (posix) {
      const zero = path.join(dir, "零.xlsx");
      fs.symlinkSync("/dev/zero", zero);
      files.push(zero);
      codes.push("not_spreadsheet");
      const pipe = fifo(path.join(dir, "管道.xlsx"));
      if (pipe) files.push(pipe);
      if (pipe) codes.push("not_spreadsheet");
    }
    files.push(good);
    const out: string[] = [];
    const code = await runCli(["check", ...files, "--json"], {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      cwd: dir,
      isTTY: false,
    });
    const results = JSON.parse(out.join("")) as { file: string; status: string; code?: string; message?: string }[];
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results[0].status).toBe("ok");
    expect(results[2].status).toBe("errors");
    expect(results[results.length - 1].status).toBe("ok");
    const unreadable = results.filter((r) => r.status === "unreadable");
    expect(unreadable.map((r) => r.code)).toEqual(codes);
    for (const r of unreadable) expect(r.message).toContain(`“${path.basename(r.file)}”`);
    expect(code).toBe(1);
  });

  it("the same through `npm run cli`, in a process of its own, bounded in time", () => {
    const files = [write("甲.xlsx", report), write("乙.xlsx", "PK")];
    let stdout = "";
    let status = 0;
    try {
      stdout = execFileSync(process.execPath, [path.join(ROOT, "bin/tj-report.js"), "check", ...files, "--json"], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 30000,
      });
    } catch (e) {
      const err = e as { status: number; stdout: string };
      status = err.status;
      stdout = err.stdout;
    }
    expect(status).toBe(1);
    expect(JSON.parse(stdout).map((r: { status: string }) => r.status)).toEqual(["ok", "unreadable"]);
  }, 40000);
});
