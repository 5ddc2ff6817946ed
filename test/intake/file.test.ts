/**
 * The one intake both hosts call (src/intake): what a file is, from its facts and bytes. The command
 * line reaches it through the file system (intakePath), the pane through a Blob (the 汇总 run): the
 * same file gets the same verdict either way, damaged or not. Names that say what a file is are never
 * read, a file too large is refused before its bytes are read, and a master is known as a master.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { isLockFileName, isTemporaryMasterName, temporaryMasterName } from "../../src/core/file-names";
import type { MergeInput } from "../../src/core/merge";
import { HostReadError, checkResultOf, intakeFile, type FileFacts } from "../../src/intake";
import { intakePath } from "../../src/node/intake-path";
import { saveMaster } from "../../src/node/save-master";
import { runMergeJob, type JobEvent } from "../../src/taskpane/merge/job";
import { VERSION } from "../../src/version";
import { GOOD_FILL } from "../core/locate-helpers";
import { filledTemplate } from "../helpers/filled-template";
import { sampleResult } from "../master/merge-result";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "intake-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const facts = (name: string, size = 100): FileFacts => ({ name, path: name, size, modified: null });
const neverRead = () => {
  throw new Error("the bytes were read");
};

async function writeBook(name: string, wb: ExcelJS.Workbook): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The pane's verdict on a file: its line from the 汇总 run, through a Blob as the browser gives it. */
async function paneVerdict(file: string, limits?: { maxTableRows: number }): Promise<MergeInput> {
  const bytes = readFileSync(file);
  const modified = statSync(file).mtime.toISOString();
  return intakeFile(
    { name: path.basename(file), path: path.basename(file), size: bytes.length, modified },
    () => new Blob([bytes]).arrayBuffer().then((b) => new Uint8Array(b)),
    limits ? { limits } : {},
  );
}

const verdict = (i: MergeInput) =>
  i.kind === "unreadable" ? [i.kind, i.code] : i.kind === "report" ? [i.kind, i.candidate.judgement.status] : [i.kind];

describe("names that say what a file is", () => {
  it("knows Excel/WPS (~$) and LibreOffice (.~lock.…#) lock files, and nothing else", () => {
    expect(isLockFileName("~$01-和平区.xlsx")).toBe(true);
    expect(isLockFileName(".~lock.01-和平区.xlsx#")).toBe(true);
    expect(isLockFileName("01-和平区.xlsx")).toBe(false);
    expect(isLockFileName("报表~$.xlsx")).toBe(false);
  });

  it("knows merge's temporary master by the name merge gives it, and a report by another", () => {
    const temp = temporaryMasterName("/data/汇总.xlsx", 4242);
    expect(temp).toBe(".汇总.4242.tmp.xlsx");
    expect(isTemporaryMasterName(temp)).toBe(true);
    expect(isTemporaryMasterName(`报送/${temp}`)).toBe(true);
    expect(isTemporaryMasterName("汇总.xlsx")).toBe(false);
    expect(isTemporaryMasterName(".汇总.tmp.xlsx")).toBe(false);
  });

  it("never reads a lock file or a temporary master, and never calls them unreadable", async () => {
    expect(await intakeFile(facts("~$01.xlsx"), neverRead)).toMatchObject({ kind: "lock_file" });
    expect(await intakeFile(facts(".汇总.77.tmp.xlsx"), neverRead)).toMatchObject({ kind: "temporary_master" });
  });

  it("refuses a file over the size limit before reading it", async () => {
    const big = await intakeFile(facts("大.xlsx", 50 * 1024 * 1024), neverRead);
    expect(big).toMatchObject({ kind: "unreadable", code: "too_large", message: expect.stringContaining("大.xlsx") });
  });

  it("says when the host could not hand over the bytes, in Chinese", async () => {
    const denied = await intakeFile(facts("私有.xlsx"), () => {
      throw new HostReadError("no_access");
    });
    expect(denied).toMatchObject({
      kind: "unreadable",
      code: "no_access",
      message: expect.stringContaining("没有读取“私有.xlsx”的权限"),
    });
  });
});

describe("one verdict in both hosts", () => {
  it("a table over the row cap is too large in the command line and in the pane (not “not the template”)", async () => {
    const file = await writeBook("long.xlsx", await filledTemplate());
    const limits = { maxTableRows: GOOD_FILL.tables.events.length - 1 };
    const cli = await intakePath({ path: file, display: "long.xlsx" }, { limits });
    const pane = await paneVerdict(file, limits);
    expect(verdict(cli)).toEqual(["unreadable", "too_large"]);
    expect(verdict(pane)).toEqual(verdict(cli));
    if (cli.kind === "unreadable" && pane.kind === "unreadable") expect(pane.message).toBe(cli.message);
  });

  it("a report that also holds sheets named 汇总表 and 问题清单 is a report in both", async () => {
    const file = await writeBook(
      "report-with-master-names.xlsx",
      await filledTemplate((wb) => {
        wb.addWorksheet("汇总表").getCell("A1").value = "我自己的汇总";
        wb.addWorksheet("问题清单").getCell("A1").value = "待办";
      }),
    );
    const cli = await intakePath({ path: file, display: path.basename(file) });
    expect(verdict(cli)[0]).toBe("report");
    expect(verdict(await paneVerdict(file))).toEqual(verdict(cli));
  });

  it("damaged files get the same code and message in both", async () => {
    const good = readFileSync(await writeBook("good.xlsx", await filledTemplate()));
    const damaged: [string, Uint8Array][] = [
      ["truncated.xlsx", good.subarray(0, Math.floor(good.length / 2))],
      ["empty.xlsx", new Uint8Array(0)],
      ["text.xlsx", new TextEncoder().encode("姓名,电话\n张三,13812345678\n")],
    ];
    for (const [name, bytes] of damaged) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      const cli = await intakePath({ path: file, display: name });
      const pane = await paneVerdict(file);
      expect([name, verdict(pane)]).toEqual([name, verdict(cli)]);
      expect(pane).toEqual(cli);
    }
  });
});

describe("masters", () => {
  it("a master this product wrote is a master, in both hosts, even with its sheets renamed", async () => {
    const file = path.join(dir, "汇总.xlsx");
    await saveMaster(sampleResult({ roster: true }), file);
    expect(verdict(await intakePath({ path: file, display: "汇总.xlsx" }))).toEqual(["master_input"]);
    expect(verdict(await paneVerdict(file))).toEqual(["master_input"]);
    const renamed = new ExcelJS.Workbook();
    await renamed.xlsx.readFile(file);
    renamed.getWorksheet("汇总表")!.name = "总表";
    renamed.getWorksheet("问题清单")!.name = "问题";
    const renamedFile = await writeBook("改名的汇总.xlsx", renamed);
    expect(verdict(await intakePath({ path: renamedFile, display: "改名的汇总.xlsx" }))).toEqual(["master_input"]);
  });

  it("a master written before 汇总信息 existed is still known by its sheets", async () => {
    const file = path.join(dir, "old-master.xlsx");
    await saveMaster(sampleResult(), file);
    const old = new ExcelJS.Workbook();
    await old.xlsx.readFile(file);
    old.removeWorksheet(old.getWorksheet("汇总信息")!.id);
    const oldFile = await writeBook("旧汇总.xlsx", old);
    expect(verdict(await intakePath({ path: oldFile, display: "旧汇总.xlsx" }))).toEqual(["master_input"]);
  });

  it("check says a master is not a unit's report, with its own code", async () => {
    const file = path.join(dir, "汇总2.xlsx");
    await saveMaster(sampleResult(), file);
    const result = checkResultOf(await intakePath({ path: file, display: "汇总2.xlsx" }), "汇总2.xlsx");
    expect(result).toMatchObject({
      status: "unreadable",
      code: "master",
      message: expect.stringContaining("汇总生成的总表"),
    });
  });

  it("the pane's 汇总 run skips a master among the chosen files, as merge does", async () => {
    const file = path.join(dir, "汇总3.xlsx");
    await saveMaster(sampleResult(), file);
    const bytes = readFileSync(file);
    const events: JobEvent[] = [];
    await runMergeJob(
      {
        files: [
          {
            id: 1,
            name: "汇总3.xlsx",
            path: "汇总3.xlsx",
            size: bytes.length,
            modified: null,
            blob: new Blob([bytes]),
          },
        ],
        roster: null,
        reportType: null,
        productVersion: VERSION,
      },
      (e) => events.push(e),
    );
    const merged = events.find((e) => e.type === "merged");
    expect(merged?.type === "merged" && merged.lines[0]).toMatchObject({
      fate: "skipped",
      reason: expect.stringContaining("汇总生成的总表"),
    });
  });
});
