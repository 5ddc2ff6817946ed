/**
 * Interrupted runs leave nothing behind (issue 5): the real command (bin/tj-report.js) merging a
 * folder of generated reports, stopped by SIGINT while its temporary master is being written and by
 * SIGTERM while it reads. It exits 130 / 143 with a Chinese line, the existing output is untouched,
 * and no temporary file, work folder or folder it made is left.
 */
import { spawn } from "child_process";
import { promises as fs, readdirSync, watch } from "fs";
import * as os from "os";
import * as path from "path";
import { benchFiles } from "../../bench/report-files";
import { isTemporaryMasterName, temporaryMasterName } from "../../src/core/file-names";

const BIN = path.resolve(__dirname, "../../bin/tj-report.js");
/** Enough reports that reading takes seconds and the master's temporary file lives for a few hundred ms. */
const REPORTS = 100;

let reports: string;
let dir: string;
beforeAll(async () => {
  reports = await benchFiles(REPORTS);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "interrupt-"));
}, 300_000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

interface Run {
  readonly pid: number;
  signal(name: NodeJS.Signals): void;
  /** Exit code, stderr, and milliseconds from the signal to the exit. */
  readonly exited: Promise<{ code: number | null; stderr: string; afterSignalMs: number }>;
}

/** Starts the command with its own temp folder (os.tmpdir() in the child), so leftovers there are seen. */
function start(args: string[], tmp: string): Run {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  let signalledAt = 0;
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  return {
    pid: child.pid!,
    signal: (name) => {
      signalledAt = Date.now();
      child.kill(name);
    },
    exited: new Promise((resolve) =>
      child.on("exit", (code) => resolve({ code, stderr, afterSignalMs: Date.now() - signalledAt })),
    ),
  };
}

/** Resolves with the first name in `folder` that `wanted` accepts, as soon as it appears (or null if `until` ends first). */
function appears(folder: string, wanted: (name: string) => boolean, until: Promise<unknown>): Promise<string | null> {
  return new Promise((resolve) => {
    const done = (name: string | null) => {
      watcher.close();
      clearInterval(poll);
      resolve(name);
    };
    const look = () => {
      const name = readdirSync(folder).find(wanted);
      if (name !== undefined) done(name);
    };
    const watcher = watch(folder, look);
    const poll = setInterval(look, 20); // in case the file system gives no events
    void until.then(() => done(null));
    look();
  });
}

describe("an interrupted merge", () => {
  it("Ctrl+C while the master is written: exit 130, temporary file removed, the existing output untouched", async () => {
    const out = path.join(dir, "总表");
    const tmp = path.join(dir, "tmp-int");
    await fs.mkdir(out);
    await fs.mkdir(tmp);
    await fs.writeFile(path.join(out, "汇总.xlsx"), "上一次的总表");
    const run = start(["merge", reports, "-o", path.join(out, "汇总.xlsx"), "--force"], tmp);
    const temporary = await appears(out, isTemporaryMasterName, run.exited);
    expect(temporary).toBe(temporaryMasterName("汇总.xlsx", run.pid));
    run.signal("SIGINT");
    const { code, stderr } = await run.exited;
    expect(code).toBe(130);
    expect(stderr).toContain("已中断：总表未写出");
    expect(await fs.readdir(out)).toEqual(["汇总.xlsx"]);
    expect(await fs.readFile(path.join(out, "汇总.xlsx"), "utf8")).toBe("上一次的总表");
    expect(await fs.readdir(tmp)).toEqual([]); // the writer's work folder is gone too
  }, 120_000);

  it("SIGTERM while the reports are read: exit 143 at once, the folder it made for the master removed", async () => {
    const out = path.join(dir, "空");
    const tmp = path.join(dir, "tmp-term");
    await fs.mkdir(out);
    await fs.mkdir(tmp);
    const run = start(["merge", reports, "-o", path.join(out, "新建", "子", "汇总.xlsx")], tmp);
    // The folder is made just before the reports are listed and read.
    expect(await appears(out, (name) => name === "新建", run.exited)).toBe("新建");
    run.signal("SIGTERM");
    const { code, stderr, afterSignalMs } = await run.exited;
    expect(code).toBe(143);
    expect(stderr).toContain("已中断");
    expect(afterSignalMs).toBeLessThan(5000); // reading all the reports takes longer: the workers stopped
    expect(await fs.readdir(out)).toEqual([]);
    expect(await fs.readdir(tmp)).toEqual([]);
  }, 120_000);

  it("Ctrl+C while the units' feedback is written: exit 130, the feedback made so far and its new folder removed, the master kept", async () => {
    const out = path.join(dir, "退回");
    const tmp = path.join(dir, "tmp-feedback");
    await fs.mkdir(out);
    await fs.mkdir(tmp);
    const run = start(
      ["merge", reports, "-o", path.join(out, "汇总.xlsx"), "--feedback", path.join(out, "各单位")],
      tmp,
    );
    expect(await appears(out, (name) => name === "各单位", run.exited)).toBe("各单位");
    expect(await appears(path.join(out, "各单位"), (name) => name.endsWith("-回执.xlsx"), run.exited)).not.toBeNull();
    run.signal("SIGINT");
    const { code, stderr } = await run.exited;
    expect(code).toBe(130);
    expect(stderr).toContain("已中断：总表已写入；本次写出的退回意见已删除");
    expect(await fs.readdir(out)).toEqual(["汇总.xlsx"]);
    expect(await fs.readdir(tmp)).toEqual([]);
  }, 120_000);
});
