/**
 * Headless LibreOffice for tests: find it, run it with a private profile, recalculate and convert.
 *
 *   const lo = findLibreOffice();          // null when absent
 *   const describeLo = libreOfficeDescribe(); describeLo("…", () => { … });
 *   await recalcWithLibreOffice([{ input, output }]);   // output .xlsx / .ods / .pdf
 *
 * Absent LibreOffice skips the tests, unless REQUIRE_LIBREOFFICE=1 (CI), which makes them fail.
 * Each call starts its own soffice with -env:UserInstallation in a fresh temp dir, so parallel
 * test files never share (or lock) a profile; batch files into one call to pay the start-up once.
 */
import { execFile, execFileSync } from "child_process";
import { existsSync, mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";

export interface LibreOffice {
  soffice: string;
  /** A Python with the `uno` module (Debian's python3-uno is built for /usr/bin/python3). */
  python: string;
}

const RECALC_SCRIPT = path.join(__dirname, "lo-recalc.py");
const PROBE_SCRIPT = path.join(__dirname, "lo-probe.py");

function onPath(cmd: string): string | null {
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

let cached: LibreOffice | null | undefined;

export function findLibreOffice(): LibreOffice | null {
  if (cached !== undefined) return cached;
  const soffice =
    ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) => existsSync(p)) ?? onPath("soffice");
  const python = ["/usr/bin/python3"].find((p) => existsSync(p)) ?? onPath("python3");
  let hasUno = false;
  if (soffice && python) {
    try {
      execFileSync(python, ["-c", "import uno"], { stdio: "ignore" });
      hasUno = true;
    } catch {
      hasUno = false;
    }
  }
  cached = soffice && python && hasUno ? { soffice, python } : null;
  return cached;
}

export const libreOfficeRequired = (): boolean => process.env.REQUIRE_LIBREOFFICE === "1";

/**
 * `describe` when LibreOffice is here; `describe.skip` when it is not (or a failing test when
 * REQUIRE_LIBREOFFICE=1, so CI cannot pass by skipping).
 */
export function libreOfficeDescribe(): jest.Describe | ((name: string, fn: () => void) => void) {
  if (findLibreOffice()) return describe;
  if (libreOfficeRequired()) {
    return (name: string) =>
      describe(name, () => {
        it("needs LibreOffice (soffice and python3-uno), which REQUIRE_LIBREOFFICE=1 demands", () => {
          throw new Error("LibreOffice not found: apt-get install -y libreoffice-calc python3-uno fonts-noto-cjk");
        });
      });
  }
  return describe.skip;
}

export interface Conversion {
  input: string;
  /** Its extension picks the format: .xlsx, .xls, .ods or .pdf. */
  output: string;
}

/** Opens each input in one headless LibreOffice, recalculates everything, saves to its output. */
export async function recalcWithLibreOffice(conversions: readonly Conversion[], timeoutMs = 120000): Promise<void> {
  const lo = findLibreOffice();
  if (!lo) throw new Error("LibreOffice not found");
  const profile = mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    const args = [RECALC_SCRIPT, profile, ...conversions.map((c) => `${c.input}=${c.output}`)];
    await new Promise<void>((resolve, reject) => {
      execFile(
        lo.python,
        args,
        { timeout: timeoutMs, env: { ...process.env, PATH: `${path.dirname(lo.soffice)}:${process.env.PATH ?? ""}` } },
        (err, stdout, stderr) => {
          if (err) reject(new Error(`lo-recalc failed: ${err.message}\n${stdout}\n${stderr}`));
          else resolve();
        },
      );
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A temp directory removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ProbedSheet {
  name: string;
  visible: boolean;
  protected: boolean;
  /** Rows above the frozen split (0: none). */
  frozenRows: number;
}

export interface ProbedCell {
  sheet: string;
  cell: string;
  /** LibreOffice's ValidationType: LIST, WHOLE, DATE, TEXT_LEN, ANY… */
  validation: string;
  formula1: string;
  locked: boolean;
  string: string;
}

/** What LibreOffice itself sees in a file: sheets (visibility, protection, frozen rows) and cells. */
export async function probeWithLibreOffice(
  file: string,
  cells: readonly { sheet: string; cell: string }[],
): Promise<{ sheets: ProbedSheet[]; cells: ProbedCell[] }> {
  const lo = findLibreOffice();
  if (!lo) throw new Error("LibreOffice not found");
  const profile = mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = execFile(
        lo.python,
        [PROBE_SCRIPT, profile, file],
        {
          timeout: 120000,
          maxBuffer: 64 * 1024 * 1024,
          env: { ...process.env, PATH: `${path.dirname(lo.soffice)}:${process.env.PATH ?? ""}` },
        },
        (err, out, stderr) => (err ? reject(new Error(`lo-probe failed: ${err.message}\n${stderr}`)) : resolve(out)),
      );
      child.stdin?.end(JSON.stringify(cells));
    });
    return JSON.parse(stdout);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
