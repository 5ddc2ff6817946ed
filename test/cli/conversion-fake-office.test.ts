/**
 * The LibreOffice converter (src/node/libreoffice-convert.ts) and `check --soffice` run against a
 * stand-in program: a shell script that records how it was started and then copies a real .xlsx, or
 * hangs with a child of its own. Proves what LibreOffice itself cannot show quickly: a private profile
 * with macros off, a copy of the file (never the file itself), the timeout ending the whole process
 * group, the temporary folder removed, at most `slots` conversions at a time, and a batch that goes on
 * after a hang. test/lo/conversion.test.ts runs the real LibreOffice.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "fs";
import * as os from "os";
import * as path from "path";
import { spawn } from "child_process";
import { runCli } from "../../src/cli/program";
import { libreOfficeConverter, PROFILE_SETTINGS } from "../../src/node/libreoffice-convert";

const LO = path.resolve(__dirname, "../fixtures/lo");
const XLSX = path.join(LO, "correct", "report.xlsx");
const XLS = path.join(LO, "correct-xls", "report.xls");
const BIN = path.resolve(__dirname, "../../bin/tj-report.js");
const WINDOWS = process.platform === "win32";
const describePosix = WINDOWS ? describe.skip : describe;

let dir: string;
let tmp: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "fake-office-"));
  // The converter's private folders go here, so leftovers are seen.
  tmp = path.join(dir, "tmp");
  mkdirSync(tmp);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A stand-in soffice. `copy`: logs its arguments and the profile's settings, then writes the .xlsx twin
 * where LibreOffice would. `hang`: logs its pid and a child's, then waits forever. `slow`: logs its start
 * and end around a short sleep, then copies.
 */
function fakeOffice(mode: "copy" | "hang" | "slow"): { program: string; log: string } {
  const log = path.join(dir, `${mode}.log`);
  const program = path.join(dir, `fake-office-${mode}.sh`);
  writeFileSync(
    program,
    `#!/bin/sh
for a in "$@"; do last="$a"; done
out=""; prev=""; profile=""
for a in "$@"; do
  [ "$prev" = "--outdir" ] && out="$a"
  case "$a" in -env:UserInstallation=file://*) profile="\${a#-env:UserInstallation=file://}";; esac
  prev="$a"
done
case "${mode}" in
  copy)
    for a in "$@"; do echo "arg $a" >> "${log}"; done
    cat "$profile/user/registrymodifications.xcu" >> "${log}"
    mkdir -p "$out" && cp "${XLSX}" "$out/$(basename "\${last%.*}").xlsx" ;;
  hang)
    sleep 300 &
    echo "pids $$ $!" >> "${log}"
    wait ;;
  slow)
    echo start >> "${log}"; sleep 0.4; echo end >> "${log}"
    mkdir -p "$out" && cp "${XLSX}" "$out/$(basename "\${last%.*}").xlsx" ;;
esac
`,
  );
  chmodSync(program, 0o755);
  return { program, log };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function untilDead(pids: number[], ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (pids.every((p) => !alive(p))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describePosix("the LibreOffice converter (stand-in program)", () => {
  it("converts a copy in a private folder: headless, its own profile with macros off, the format named; then removes it all", async () => {
    const { program, log } = fakeOffice("copy");
    const before = statSync(XLS);
    const sent = readFileSync(XLS);
    const result = await libreOfficeConverter({ soffice: program, tempRoot: tmp })(sent, "xls", 50 * 1024 * 1024);
    expect(result.ok && Buffer.from(result.bytes).equals(readFileSync(XLSX))).toBe(true);
    const said = readFileSync(log, "utf8");
    const args = said.split("\n").flatMap((l) => (l.startsWith("arg ") ? [l.slice(4)] : []));
    expect(args).toEqual(
      expect.arrayContaining(["--headless", "--norestore", "--infilter=MS Excel 97", "--convert-to"]),
    );
    const profile = args.find((a) => a.startsWith("-env:UserInstallation=file://"));
    const input = args.at(-1)!;
    // The profile and the copy live in one temporary folder under the temporary root, never beside the unit's file.
    expect(profile).toContain(tmp);
    expect(input.startsWith(tmp)).toBe(true);
    expect(input.endsWith(".xls")).toBe(true);
    expect(said).toContain(PROFILE_SETTINGS);
    expect(PROFILE_SETTINGS).toMatch(/DisableMacrosExecution[^]*<value>true<\/value>/);
    // Nothing is left: not the copy, not the profile, not the output.
    expect(readdirSync(tmp)).toEqual([]);
    // The unit's file is untouched.
    expect(statSync(XLS).mtimeMs).toBe(before.mtimeMs);
    expect(readFileSync(XLS).equals(sent)).toBe(true);
  });

  it("an .ods is opened with the OpenDocument filter", async () => {
    const { program, log } = fakeOffice("copy");
    await libreOfficeConverter({ soffice: program, tempRoot: tmp })(new Uint8Array([1, 2, 3]), "ods", 50 * 1024 * 1024);
    expect(readFileSync(log, "utf8")).toContain("arg --infilter=calc8\n");
  });

  it("output larger than a submission may be is refused, and none at all is no_output", async () => {
    const { program } = fakeOffice("copy");
    const small = await libreOfficeConverter({ soffice: program, tempRoot: tmp })(new Uint8Array([1]), "xls", 1000);
    expect(small).toEqual({ ok: false, failure: { reason: "too_large", bytes: expect.any(Number), limit: 1000 } });
    expect(!small.ok && small.failure.reason === "too_large" && small.failure.bytes).toBeGreaterThan(1000);
    const silent = path.join(dir, "silent.sh");
    writeFileSync(silent, "#!/bin/sh\nexit 0\n");
    chmodSync(silent, 0o755);
    expect(await libreOfficeConverter({ soffice: silent, tempRoot: tmp })(new Uint8Array([1]), "xls", 1000)).toEqual({
      ok: false,
      failure: { reason: "no_output" },
    });
    const failing = path.join(dir, "failing.sh");
    writeFileSync(failing, "#!/bin/sh\nexit 81\n");
    chmodSync(failing, 0o755);
    expect(await libreOfficeConverter({ soffice: failing, tempRoot: tmp })(new Uint8Array([1]), "xls", 1000)).toEqual({
      ok: false,
      failure: { reason: "exit", code: 81, signal: null },
    });
    expect(readdirSync(tmp)).toEqual([]);
  });

  it("a hang is stopped at the timeout with everything it started, and its folder is removed", async () => {
    const { program, log } = fakeOffice("hang");
    const result = await libreOfficeConverter({ soffice: program, timeoutMs: 700, tempRoot: tmp })(
      new Uint8Array([1]),
      "xls",
      1000,
    );
    expect(result).toEqual({ ok: false, failure: { reason: "timeout", seconds: 0.7 } });
    const pids = readFileSync(log, "utf8").trim().split(/\s+/).slice(1).map(Number);
    expect(pids).toHaveLength(2);
    // The script and the sleep it started (a grandchild of ours) both end.
    expect(await untilDead(pids)).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it("at most `slots` conversions run at a time", async () => {
    const runs = async (slots: number) => {
      const { program, log } = fakeOffice("slow");
      const convert = libreOfficeConverter({ soffice: program, slots, tempRoot: tmp });
      await Promise.all([1, 2, 3, 4].map(() => convert(new Uint8Array([1]), "xls", 50 * 1024 * 1024)));
      let running = 0;
      let most = 0;
      for (const line of readFileSync(log, "utf8").trim().split("\n")) {
        running += line === "start" ? 1 : -1;
        most = Math.max(most, running);
      }
      rmSync(log);
      return most;
    };
    expect(await runs(1)).toBe(1);
    expect(await runs(2)).toBe(2);
  });
});

describePosix("check --soffice with a converter that hangs", () => {
  it("the hung file is unreadable with the timeout named, and the batch goes on", async () => {
    const { program } = fakeOffice("hang");
    const out: string[] = [];
    const code = await runCli(["check", XLS, XLSX, "--soffice", program, "--convert-timeout", "1", "--json"], {
      stdout: (t) => out.push(t),
      stderr: () => undefined,
      cwd: dir,
      isTTY: false,
    });
    const [hung, good] = JSON.parse(out.join(""));
    expect(hung).toMatchObject({ status: "unreadable", code: "conversion_failed" });
    expect(hung.message).toContain(
      "“report.xls”用 LibreOffice 转换为 .xlsx 时失败（转换 .xls 超过 1 秒仍未完成，已停止）",
    );
    expect(good).toMatchObject({ status: "ok", unit: "天津市河西区市场监督管理局" });
    expect(code).toBe(1);
  });

  it("--soffice naming no program, and a --convert-timeout that is no number of seconds, are usage errors", async () => {
    const err: string[] = [];
    const io = { stdout: () => undefined, stderr: (t: string) => err.push(t), cwd: dir, isTTY: false };
    expect(await runCli(["check", XLSX, "--soffice", path.join(dir, "nothing-here")], io)).toBe(2);
    expect(err.join("")).toContain("不是可以运行的程序");
    expect(await runCli(["check", XLSX, "--convert-timeout", "soon"], io)).toBe(2);
    expect(err.join("")).toContain("--convert-timeout 应为 1 到 3600 之间的秒数");
  });
});

describePosix("Ctrl+C during a conversion", () => {
  it("ends the converter with everything it started and removes its folder", async () => {
    const { program, log } = fakeOffice("hang");
    // The real command, with its temporary folder here (os.tmpdir() in the child reads TMPDIR).
    const child = spawn(process.execPath, [BIN, "check", XLS, "--soffice", program], {
      cwd: dir,
      env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const end = Date.now() + 100_000;
    while (!(existsSync(log) && readFileSync(log, "utf8").includes("pids")) && Date.now() < end)
      await new Promise((r) => setTimeout(r, 100));
    expect(readdirSync(tmp).filter((n) => n.startsWith("tj-report-convert-"))).toHaveLength(1);
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toContain("已中断");
    const pids = readFileSync(log, "utf8").trim().split(/\s+/).slice(1).map(Number);
    expect(await untilDead(pids)).toBe(true);
    expect(readdirSync(tmp).filter((n) => n.startsWith("tj-report-convert-"))).toEqual([]);
  }, 150_000);
});
