/**
 * The installed command runs the CLI bundled from the sources (bin/cli-bundle.js): the bundle and its
 * batch workers give the sources' answers, and a source newer than the bundle gets it rebuilt.
 */
import { execFileSync } from "child_process";
import { readFileSync, statSync, utimesSync } from "fs";
import * as path from "path";
import { runCli } from "../../src/cli/program";

const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain JS beside the installed command
const { cliBundle } = require("../../bin/cli-bundle") as { cliBundle: () => string };
const REPORTS = path.join(ROOT, "examples/reports");

async function fromSources(args: string[]): Promise<string> {
  let out = "";
  await runCli(args, { stdout: (t) => (out += t), stderr: () => undefined, cwd: ROOT, isTTY: false });
  return out;
}

describe("the bundled command", () => {
  it("checks a folder in its batch workers exactly as the sources do", async () => {
    const args = ["check", REPORTS, "--json"];
    let bundled = "";
    try {
      bundled = execFileSync(process.execPath, [path.join(ROOT, "bin/tj-report.js"), ...args], {
        cwd: ROOT,
        encoding: "utf8",
      });
    } catch (e) {
      bundled = (e as { stdout: string }).stdout; // exit code 1: some examples have errors
    }
    expect(JSON.parse(bundled).length).toBeGreaterThanOrEqual(4); // enough files for workers
    expect(bundled).toBe(await fromSources(args));
  }, 60000);

  it("carries the packages published as ES modules only, which older Node 20 cannot require", () => {
    const dir = path.dirname(cliBundle());
    for (const f of ["main.cjs", "batch-worker.cjs"]) {
      const code = readFileSync(path.join(dir, f), "utf8");
      expect(code).not.toMatch(/require\("(saxen|csv-parse)/);
      expect(code).toMatch(/require\("fflate"\)/);
    }
  });

  it("is rebuilt when a source is newer than it", () => {
    const main = cliBundle();
    const built = statSync(main).mtimeMs;
    const source = path.join(ROOT, "src/version.ts");
    const before = statSync(source);
    try {
      const later = new Date(Date.now() + 60_000);
      utimesSync(source, later, later);
      expect(cliBundle()).toBe(main);
      expect(statSync(main).mtimeMs).toBeGreaterThan(built);
      const stamp = JSON.parse(readFileSync(path.join(path.dirname(main), "stamp.json"), "utf8"));
      expect(stamp.newest).toBe(statSync(source).mtimeMs);
    } finally {
      utimesSync(source, before.atime, before.mtime);
    }
  }, 60000);
});
