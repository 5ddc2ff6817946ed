/**
 * The command runs from one bundled file (and its batch worker from another), built with esbuild
 * from src/ on first use and again whenever a source is newer, into node_modules/.cache. Run from
 * bundles, a report is read ~12% faster and each batch worker starts without compiling sources:
 * tsx, which runs the sources directly, puts a getter on every import and a name wrapper on every
 * function. Nothing has to be compiled by hand after `npm ci`; if a bundle cannot be built the
 * caller runs the sources through tsx instead.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "node_modules", ".cache", "tj-report-cli");
const ENTRIES = { main: "src/cli/main.ts", "batch-worker": "src/node/batch-worker.ts" };
/**
 * Packages the sources import as ES modules only (saxen; csv-parse's browser build, which the task
 * pane shares): bundled in, since Node before 20.19 cannot require() them. Every other dependency
 * stays in node_modules.
 */
const BUNDLED_PACKAGES = new Set(["saxen", "csv-parse"]);

function externalPackages() {
  const { dependencies } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  return Object.keys(dependencies)
    .filter((d) => !BUNDLED_PACKAGES.has(d))
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

/** The newest modification time among the sources, this file and the lock file (a stale bundle is rebuilt). */
function newestSource() {
  let newest = Math.max(fs.statSync(__filename).mtimeMs, fs.statSync(path.join(ROOT, "package-lock.json")).mtimeMs);
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(ROOT, "src"));
  return newest;
}

function isFresh(stamp, newest) {
  try {
    const built = JSON.parse(fs.readFileSync(stamp, "utf8"));
    return built.newest === newest && Object.keys(ENTRIES).every((n) => fs.existsSync(path.join(OUT, `${n}.cjs`)));
  } catch {
    return false;
  }
}

/**
 * The path of the bundled CLI, built first when missing or stale. Two commands starting at once
 * each build into a folder of their own and move the files into place, so neither sees half a file.
 */
function cliBundle() {
  const newest = newestSource();
  const stamp = path.join(OUT, "stamp.json");
  if (!isFresh(stamp, newest)) {
    const esbuild = require("esbuild");
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    const tmp = fs.mkdtempSync(path.join(path.dirname(OUT), "tj-report-cli-"));
    try {
      esbuild.buildSync(bundleOptions(ENTRIES, tmp));
      fs.mkdirSync(OUT, { recursive: true });
      for (const f of fs.readdirSync(tmp)) fs.renameSync(path.join(tmp, f), path.join(OUT, f));
      fs.writeFileSync(path.join(tmp, "stamp.json"), JSON.stringify({ newest }));
      fs.renameSync(path.join(tmp, "stamp.json"), stamp);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return path.join(OUT, "main.cjs");
}

module.exports = { cliBundle, bundleOptions, ROOT };
