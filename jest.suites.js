/**
 * The suites' shared Jest options, and which suite a test file belongs to, decided from the file itself
 * so a new test lands in the right one without editing any config (test/README.md, "Suites"):
 *
 * - libreoffice: the file, or a test module it imports (followed through test/), calls LibreOffice —
 *   it names one of test/helpers/libreoffice.ts's entry points (libreOfficeDescribe, findLibreOffice,
 *   recalcWithLibreOffice, probeWithLibreOffice) or runs soffice / ssconvert itself.
 *   Importing only tempDir from that helper does not count.
 * - memory: otherwise, the file asserts on a child process's peak memory (it reads `maxRssMB`, what
 *   test/hostile/helpers.checkInChild, test/guard/craft.loadInChild and test/master/memory-child.ts
 *   report): large hostile inputs, a Node process each.
 * - browser: test/browser/ (needs the built pane and Chromium).
 * - unit: everything else.
 * One config file per suite (jest.unit.config.js, jest.memory.config.js, jest.lo.config.js,
 * jest.browser.config.js); jest.config.js runs all but the browser one together, so `npx jest some/path`
 * finds any test.
 */
const fs = require("fs");
const path = require("path");

const TEST_ROOT = path.join(__dirname, "test");
const LIBREOFFICE_HELPER = path.join(TEST_ROOT, "helpers", "libreoffice.ts");
const CALLS_LIBREOFFICE =
  /\b(libreOfficeDescribe|findLibreOffice|recalcWithLibreOffice|probeWithLibreOffice)\b|["'`/](soffice|ssconvert)\b/;
const MEASURES_MEMORY = /\bmaxRssMB\b/;
const RELATIVE_IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["'](\.\.?\/[^"']+)["']/g;
const EXTENSIONS = ["", ".ts", ".tsx", ".js", "/index.ts", "/index.tsx"];

/** The test-side modules `file` imports (relative imports that stay inside test/). */
function testImports(file, source) {
  const found = [];
  for (const m of source.matchAll(RELATIVE_IMPORT)) {
    const base = path.resolve(path.dirname(file), m[1]);
    if (!base.startsWith(TEST_ROOT + path.sep)) continue; // src/ never runs LibreOffice
    const hit = EXTENSIONS.map((e) => base + e).find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
    if (hit) found.push(hit);
  }
  return found;
}

/** True when `file` or a test module it reaches calls LibreOffice. */
function callsLibreOffice(file, seen = new Set()) {
  if (seen.has(file) || file === LIBREOFFICE_HELPER) return false;
  seen.add(file);
  const source = fs.readFileSync(file, "utf8");
  if (CALLS_LIBREOFFICE.test(source)) return true;
  return testImports(file, source).some((imported) => callsLibreOffice(imported, seen));
}

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : testFiles(full);
    return /\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The suite of a test file outside test/browser: "libreoffice", "memory" or "unit". */
function suiteOf(file) {
  if (callsLibreOffice(file)) return "libreoffice";
  if (MEASURES_MEMORY.test(fs.readFileSync(file, "utf8"))) return "memory";
  return "unit";
}

/** Absolute paths of the test files of `suite` ("libreoffice", "memory" or "unit"). */
function testFilesOf(suite) {
  return testFiles(TEST_ROOT)
    .filter((f) => !f.startsWith(path.join(TEST_ROOT, "browser") + path.sep))
    .filter((f) => suiteOf(f) === suite);
}

/** What every suite shares: how TypeScript is compiled and what runs around each test. */
const shared = {
  rootDir: __dirname,
  testEnvironment: "node",
  testTimeout: 30000,
  // esbuild, or ts-jest for a file that calls jest.mock (jest.transform.js). saxen and csv-parse's
  // browser build are ES modules only; Jest's CommonJS runtime needs them compiled like our sources.
  transform: {
    "^.+\\.tsx?$": "<rootDir>/jest.transform.js",
    "/node_modules/(saxen|csv-parse)/.+\\.js$": "<rootDir>/jest.transform.js",
  },
  transformIgnorePatterns: ["/node_modules/(?!(saxen|csv-parse)/)"],
  setupFilesAfterEnv: ["<rootDir>/test/helpers/setup.ts"],
};

/** A testRegex that matches `file` (an absolute path) and nothing else. */
const exactly = (file) => `^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`;

module.exports = { exactly, shared, testFilesOf, suiteOf };
