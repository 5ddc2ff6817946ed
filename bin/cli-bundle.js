/**
 * The command runs from one bundled file (and its batch worker from another), built with esbuild
 * from src/ on first use and again whenever an input to the build changes, into node_modules/.cache.
 * Run from bundles, a report is read ~12% faster and each batch worker starts without compiling
 * sources: tsx, which runs the sources directly, puts a getter on every import and a name wrapper on
 * every function. Nothing has to be compiled by hand after `npm ci`; if a bundle cannot be built
 * the caller runs the sources through tsx instead.
 *
 * A bundle is named after the hash of the contents of everything the build reads (every file under
 * src/, package.json, package-lock.json, tsconfig.json, this script, and the version of each package
 * bundled in), so a changed file is seen whatever its modification time says. Each build writes a
 * fresh folder and renames it into place whole, stamp written last: a build killed part way leaves
 * only a temporary folder, which a later build removes, never a bundle that looks finished.
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "tj-report-cli");
const ENTRIES = { main: "src/cli/main.ts", "batch-worker": "src/node/batch-worker.ts" };
/**
 * Packages the sources import as ES modules only (saxen; csv-parse's browser build, which the task
 * pane shares): bundled in, since Node before 20.19 cannot require() them. Every other dependency
 * stays in node_modules.
 */
const BUNDLED_PACKAGES = ["saxen", "csv-parse"];
/** Files outside src/ that the build reads. A bundled package is represented by its package.json (its version). */
const BUILD_FILES = [
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  path.relative(ROOT, __filename),
  ...BUNDLED_PACKAGES.map((p) => path.join("node_modules", p, "package.json")),
];
const STAMP = "stamp.json";
const BUILDING = ".build-";
/** A build folder this old is abandoned even if its process id has been reused; a version unused this long may go. */
const STALE_MS = 60 * 60 * 1000;

function externalPackages() {
  const { dependencies } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  return Object.keys(dependencies)
    .filter((d) => !BUNDLED_PACKAGES.includes(d))
    .flatMap((d) => [d, `${d}/*`]);
}

/** esbuild's options for bundling `entryPoints` (the bench bundles the reader with the same). */
function bundleOptions(entryPoints, outdir) {
  return {
    absWorkingDir: ROOT,
    entryPoints,
    outdir,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // Packages stay in node_modules (resolved from the cache folder, which is inside it).
    external: externalPackages(),
    outExtension: { ".js": ".cjs" },
    sourcemap: true,
    logLevel: "silent",
  };
}

/** Every file the hash covers, relative to the project, in a fixed order. */
function buildInputs() {
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk("src");
  files.sort();
  return [...files, ...BUILD_FILES];
}

/** The hash of every build input's name and contents (a missing file counts as missing). */
function inputsHash() {
  const hash = crypto.createHash("sha256");
  for (const file of buildInputs()) {
    hash.update(file.split(path.sep).join("/")).update("\0");
    try {
      hash.update(fs.readFileSync(path.join(ROOT, file)));
    } catch {
      hash.update("(missing)");
    }
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 20);
}

/** Whether `dir` holds a finished build of `key`: its stamp (written last) says so and both bundles are there. */
function isComplete(dir, key) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(dir, STAMP), "utf8"));
    return stamp.key === key && Object.keys(ENTRIES).every((n) => fs.statSync(path.join(dir, `${n}.cjs`)).isFile());
  } catch {
    return false;
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM"; // exists, owned by someone else
  }
}

/**
 * Removes what no command can be using: build folders whose process is gone (a build killed part way)
 * or that are over an hour old, other versions not used for an hour, and files of the layout before
 * versions had folders. Errors are ignored: another command may be removing the same things.
 */
function removeStale(keep) {
  const now = Date.now();
  for (const name of fs.readdirSync(CACHE)) {
    const full = path.join(CACHE, name);
    try {
      const stat = fs.statSync(full);
      let stale;
      if (!stat.isDirectory()) stale = true;
      else if (name.startsWith(BUILDING)) {
        const pid = Number(name.slice(BUILDING.length).split("-")[0]);
        stale = !isRunning(pid) || now - stat.mtimeMs > STALE_MS;
      } else stale = name !== keep && now - usedAt(full) > STALE_MS;
      if (stale) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // gone already, or in use on a system that will not remove open files: left for another time
    }
  }
}

/** When a version was last started (its stamp is touched on every start). */
function usedAt(dir) {
  try {
    return fs.statSync(path.join(dir, STAMP)).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds `key` into a folder of its own, then renames the whole folder into place. */
function build(key, dir) {
  const esbuild = require("esbuild");
  fs.mkdirSync(CACHE, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(CACHE, `${BUILDING}${process.pid}-`));
  fs.chmodSync(tmp, 0o755); // mkdtemp makes it private; the bundle is for everyone who may run the project
  try {
    esbuild.buildSync(bundleOptions(ENTRIES, tmp));
    fs.writeFileSync(path.join(tmp, STAMP), JSON.stringify({ key, inputs: buildInputs().length }));
    if (fs.existsSync(dir)) {
      // A folder under this name that is not complete (it cannot be half renamed, but it can be damaged): set aside.
      if (isComplete(dir, key)) return;
      fs.renameSync(dir, path.join(CACHE, `${BUILDING}${process.pid}-damaged-${Date.now()}`));
    }
    try {
      fs.renameSync(tmp, dir);
    } catch (e) {
      // Another command finished the same build first: its folder is as good as ours.
      if (!isComplete(dir, key)) throw e;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    removeStale(path.basename(dir));
  }
}

/** The path of the bundled CLI, built first when no bundle of the current inputs exists. */
function cliBundle() {
  const key = inputsHash();
  const dir = path.join(CACHE, key);
  if (!isComplete(dir, key)) build(key, dir);
  else {
    try {
      const now = new Date();
      fs.utimesSync(path.join(dir, STAMP), now, now); // in use: not removed as an old version
    } catch {
      // a read-only install: nothing is ever removed there either
    }
  }
  return path.join(dir, "main.cjs");
}

module.exports = { cliBundle, bundleOptions, buildInputs, ROOT };
