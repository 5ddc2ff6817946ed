/**
 * The installed command runs the CLI bundled from the sources (bin/cli-bundle.js): the bundle and its
 * batch workers give the sources' answers; it is rebuilt whenever an input to the build changes by
 * content (not by modification time), and a build killed part way leaves nothing a later run trips over.
 */
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../src/cli/program";

const ROOT = path.resolve(__dirname, "../..");
interface BundleModule {
  cliBundle: () => string;
  buildInputs: () => string[];
  bundleOptions: (entryPoints: Record<string, string>, outdir: string) => object;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain JS beside the installed command
const { cliBundle, buildInputs, bundleOptions } = require("../../bin/cli-bundle") as BundleModule;
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
      const code = fs.readFileSync(path.join(dir, f), "utf8");
      expect(code).not.toMatch(/require\("(saxen|csv-parse)/);
      expect(code).toMatch(/require\("fflate"\)/);
    }
  });

  it("hashes every file esbuild reads: the sources, package.json, and the packages bundled in (by their version)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild's own API, as the script uses it
    const esbuild = require("esbuild") as { buildSync: (o: object) => { metafile: { inputs: object } } };
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-inputs-"));
    try {
      const entries = { main: "src/cli/main.ts", "batch-worker": "src/node/batch-worker.ts" };
      const { metafile } = esbuild.buildSync({ ...bundleOptions(entries, outdir), metafile: true, write: false });
      const hashed = new Set(buildInputs().map((f) => f.split(path.sep).join("/")));
      const bundledPackages = [...hashed].filter((f) => /^node_modules\/.+\/package\.json$/.test(f));
      const covered = (input: string) =>
        hashed.has(input) || bundledPackages.some((p) => input.startsWith(p.replace(/package\.json$/, "")));
      expect(Object.keys(metafile.inputs).filter((input) => !covered(input))).toEqual([]);
      for (const f of ["package.json", "package-lock.json", "tsconfig.json", "bin/cli-bundle.js"])
        expect(hashed).toContain(f);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }, 60000);
});

/**
 * A copy of the project (bin/, src/, the package files) whose node_modules links to the real
 * packages one by one, so its bundle cache is its own and the real sources are never touched.
 */
function projectCopy(): { root: string; cache: string; run: (...args: string[]) => string; bundle: () => string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-project-"));
  for (const item of ["bin", "src"]) fs.cpSync(path.join(ROOT, item), path.join(root, item), { recursive: true });
  for (const f of ["package.json", "package-lock.json", "tsconfig.json"])
    fs.copyFileSync(path.join(ROOT, f), path.join(root, f));
  // Whole-second times, which utimes gives back exactly (a copy's sub-millisecond times it would round).
  const fixed = new Date("2024-01-01T00:00:00Z");
  const settle = (p: string): void => {
    if (fs.statSync(p).isDirectory()) for (const name of fs.readdirSync(p)) settle(path.join(p, name));
    else fs.utimesSync(p, fixed, fixed);
  };
  settle(root);
  fs.mkdirSync(path.join(root, "node_modules"));
  for (const name of fs.readdirSync(path.join(ROOT, "node_modules")))
    if (name !== ".cache") fs.symlinkSync(path.join(ROOT, "node_modules", name), path.join(root, "node_modules", name));
  const script = path.join(root, "bin", "cli-bundle.js");
  return {
    root,
    cache: path.join(root, "node_modules", ".cache", "tj-report-cli"),
    run: (...args) =>
      execFileSync(process.execPath, [path.join(root, "bin", "tj-report.js"), ...args], { encoding: "utf8" }),
    // In a child process: a fresh copy of the script, as each command starts.
    bundle: () =>
      execFileSync(process.execPath, ["-e", `process.stdout.write(require(${JSON.stringify(script)}).cliBundle())`], {
        encoding: "utf8",
      }),
  };
}

/** Rewrites a file, then gives it back its old modification time: only its content says it changed. */
function rewriteKeepingTime(file: string, change: (text: string) => string): void {
  const before = fs.statSync(file);
  fs.writeFileSync(file, change(fs.readFileSync(file, "utf8")));
  fs.utimesSync(file, before.atime, before.mtime);
  expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);
}

describe("the bundle is always the current code", () => {
  let project: ReturnType<typeof projectCopy>;
  beforeAll(() => {
    project = projectCopy();
  });
  afterAll(() => fs.rmSync(project.root, { recursive: true, force: true }));

  it("is rebuilt when a source's content changes, even with its modification time kept; not when only touched", () => {
    const first = project.bundle();
    const source = path.join(project.root, "src/cli/program.ts");
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(source, later, later);
    expect(project.bundle()).toBe(first); // a newer time alone builds nothing
    rewriteKeepingTime(source, (t) => t.replace("显示帮助", "显示本帮助信息"));
    const second = project.bundle();
    expect(second).not.toBe(first);
    expect(project.run("--help")).toContain("显示本帮助信息");
  }, 120_000);

  it("is rebuilt when package.json or the lock file changes", () => {
    const before = project.bundle();
    rewriteKeepingTime(path.join(project.root, "package.json"), (t) =>
      t.replace(/"version": "[^"]*"/, '"version": "9.8.7"'),
    );
    expect(project.run("--version").trim()).toBe("9.8.7");
    const withVersion = project.bundle();
    expect(withVersion).not.toBe(before);
    rewriteKeepingTime(path.join(project.root, "package-lock.json"), (t) => `${t}\n`);
    expect(project.bundle()).not.toBe(withVersion);
  }, 120_000);

  it("a build killed part way leaves nothing the next run trips over", async () => {
    const current = path.dirname(project.bundle());
    // What a killed build can leave: its own half-written folder (its process gone), and, had the
    // disk been damaged, a version folder with half a stamp and half a bundle.
    const dead = spawn(process.execPath, ["-e", ""]);
    const deadPid = await new Promise<number>((resolve) => dead.on("exit", () => resolve(dead.pid!)));
    const abandoned = path.join(project.cache, `.build-${deadPid}-abc123`);
    fs.mkdirSync(abandoned);
    fs.writeFileSync(path.join(abandoned, "main.cjs"), "// half a bun");
    fs.writeFileSync(path.join(current, "main.cjs"), "// half a bun");
    fs.writeFileSync(path.join(current, "stamp.json"), '{"key":');

    expect(project.run("--version").trim()).toBe("9.8.7");
    expect(path.dirname(project.bundle())).toBe(current);
    expect(fs.readFileSync(path.join(current, "main.cjs"), "utf8")).not.toContain("half a bun");
    expect(fs.existsSync(abandoned)).toBe(false);
  }, 120_000);

  it("two commands starting together on changed sources both run the new bundle", async () => {
    rewriteKeepingTime(path.join(project.root, "src/cli/program.ts"), (t) => t.replace("显示版本号", "显示当前版本号"));
    const script = path.join(project.root, "bin", "tj-report.js");
    const both = await Promise.all(
      [1, 2].map(
        () =>
          new Promise<string>((resolve) => {
            const child = spawn(process.execPath, [script, "--help"]);
            let out = "";
            child.stdout.on("data", (d: Buffer) => (out += d.toString()));
            child.on("exit", () => resolve(out));
          }),
      ),
    );
    for (const out of both) expect(out).toContain("显示当前版本号");
    expect(fs.readdirSync(project.cache).filter((n) => n.startsWith(".build-"))).toEqual([]);
  }, 120_000);
});
