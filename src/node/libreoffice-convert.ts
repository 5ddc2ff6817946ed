/**
 * .xls, .et and .ods to .xlsx with LibreOffice (Node adapter: the intake's Converter). Each conversion
 * runs `soffice --headless --convert-to` in a private temporary folder of its own, holding a copy of the
 * bytes as sent (the unit's file is never opened by LibreOffice, so nothing, not even a lock file,
 * appears beside it), a fresh profile with macros disabled and links never updated, and the output.
 * The input filter is the one the guard's verdict names, so LibreOffice never guesses a format. A
 * conversion still running at its time limit is killed with its whole process group; the folder is
 * removed afterwards, on Ctrl+C too. At most one conversion per core runs at a time.
 *
 * Main thread only: the cleanup on Ctrl+C is registered with interrupt.ts, whose handlers run there.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import type { ConversionFailure, ConvertibleFormat } from "../core/guard";
import type { ConvertedBytes, Converter } from "../intake";
import { cpuCores } from "./cores";
import { readFileAtMost } from "./file-guard";
import { undoOnInterrupt } from "./interrupt";

export interface LibreOfficeOptions {
  /** The soffice program (found by soffice.ts, or given with --soffice). */
  readonly soffice: string;
  /** How long one conversion may run (default 120 s: a first start with a fresh profile takes seconds, more on a busy machine). */
  readonly timeoutMs?: number;
  /** Conversions at a time (default: one per core). */
  readonly slots?: number;
  /** Where each conversion's private folder is made (default: the system's temporary folder). */
  readonly tempRoot?: string;
}

export const DEFAULT_CONVERT_TIMEOUT_MS = 120_000;

/**
 * The profile's settings (registrymodifications.xcu), as LibreOffice's configuration schema documents
 * them (officecfg Common.xcs, Calc.xcs): macro execution disabled in general (DisableMacrosExecution;
 * the highest MacroSecurityLevel besides, should a later version weigh it), VBA code neither loaded nor
 * made executable, links to other files never updated, links to untrusted images blocked.
 */
export const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Filter/Import/VBA"><prop oor:name="Load" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Filter/Import/VBA"><prop oor:name="Executable" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>1</value></prop></item>
</oor:items>
`;

/**
 * LibreOffice's import filter for what the guard found: BIFF (Excel 97-2003, which WPS's .et is too:
 * LibreOffice's own type for this filter, calc_MS_Excel_97, lists the .et extension) or ODF.
 */
const INPUT_FILTERS: Readonly<Record<ConvertibleFormat, string>> = {
  xls: "MS Excel 97",
  et: "MS Excel 97",
  ods: "calc8",
};

const OUTPUT_FILTER = "xlsx:Calc MS Excel 2007 XML";

const WINDOWS = process.platform === "win32";

/** Up to `size` tasks at a time; the rest wait their turn in order. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

export function libreOfficeConverter(options: LibreOfficeOptions): Converter {
  const slots = new Slots(options.slots ?? cpuCores());
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONVERT_TIMEOUT_MS;
  const tempRoot = options.tempRoot ?? os.tmpdir();
  return (bytes, from, maxBytes) =>
    slots.run(() => convertOnce(options.soffice, tempRoot, bytes, from, maxBytes, timeoutMs));
}

/** Ends the child and everything it started (soffice is a script that starts soffice.bin). */
function stopGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  if (WINDOWS) {
    if (child.exitCode === null && child.signalCode === null)
      spawnSync("taskkill", ["/pid", String(child.pid), "/T", "/F"], { stdio: "ignore", windowsHide: true });
    return;
  }
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // The group is gone already: everything in it has ended.
  }
}

const errnoOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

/** Runs soffice to its end or its time limit; undefined when it ended well, else why not. */
function run(
  soffice: string,
  args: readonly string[],
  timeoutMs: number,
  started: (child: ChildProcess) => void,
): Promise<ConversionFailure | undefined> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      // A group of its own (POSIX), so a timeout or Ctrl+C ends soffice.bin too, not only the script.
      child = spawn(soffice, args, { detached: !WINDOWS, stdio: "ignore", windowsHide: true });
    } catch (e) {
      resolve({ reason: "start", detail: errnoOf(e) });
      return;
    }
    started(child);
    const timer = setTimeout(() => {
      stopGroup(child);
      resolve({ reason: "timeout", seconds: timeoutMs / 1000 });
    }, timeoutMs);
    child.once("error", (e) => {
      clearTimeout(timer);
      resolve({ reason: "start", detail: errnoOf(e) });
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? undefined : { reason: "exit", code, signal });
    });
  });
}

/** The .xlsx LibreOffice wrote, when it wrote one no larger than `maxBytes`. */
function readOutput(file: string, maxBytes: number): ConvertedBytes {
  let bytes: Buffer;
  try {
    bytes = readFileAtMost(file, maxBytes);
  } catch {
    return { ok: false, failure: { reason: "no_output" } };
  }
  if (bytes.length > maxBytes)
    return { ok: false, failure: { reason: "too_large", bytes: bytes.length, limit: maxBytes } };
  if (bytes.length === 0) return { ok: false, failure: { reason: "no_output" } };
  return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
}

async function convertOnce(
  soffice: string,
  tempRoot: string,
  bytes: Uint8Array,
  from: ConvertibleFormat,
  maxBytes: number,
  timeoutMs: number,
): Promise<ConvertedBytes> {
  // Made and registered for removal in one synchronous step: no signal is handled in between.
  const dir = mkdtempSync(path.join(tempRoot, "tj-report-convert-"));
  let child: ChildProcess | undefined;
  const cleanup = () => {
    if (child) stopGroup(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const release = undoOnInterrupt(cleanup);
  try {
    const profile = path.join(dir, "profile");
    const out = path.join(dir, "out");
    const input = path.join(dir, `sent.${from}`);
    mkdirSync(path.join(profile, "user"), { recursive: true });
    writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);
    writeFileSync(input, bytes, { mode: 0o600 });
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--invisible",
      "--nodefault",
      "--nolockcheck",
      "--nologo",
      "--norestore",
      `--infilter=${INPUT_FILTERS[from]}`,
      "--convert-to",
      OUTPUT_FILTER,
      "--outdir",
      out,
      input,
    ];
    const failure = await run(soffice, args, timeoutMs, (c) => (child = c));
    if (failure) return { ok: false, failure };
    return readOutput(path.join(out, "sent.xlsx"), maxBytes);
  } catch (e) {
    return { ok: false, failure: { reason: "start", detail: errnoOf(e) } };
  } finally {
    cleanup();
    release();
  }
}
