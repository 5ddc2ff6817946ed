/**
 * The core must run unchanged in the task pane and in Node: it may import only other core modules
 * and zod, and may not touch Office.js, Node globals or the file system.
 */
import * as fs from "fs";
import * as path from "path";

const CORE = path.resolve(__dirname, "../../src/core");
const ALLOWED_PACKAGES = new Set(["zod"]);
const FORBIDDEN_GLOBALS = [/\bExcel\./, /\bOffice\./, /\bBuffer\b/, /\bprocess\./, /\brequire\(/, /\b__dirname\b/];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Strips comments so a comment that mentions Office.js is not taken for a call. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

describe("core purity", () => {
  const files = sourceFiles(CORE);

  it("finds the core modules", () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files.map((f) => [path.relative(CORE, f), f]))("%s imports only core modules and zod", (_name, file) => {
    const text = code(fs.readFileSync(file, "utf8"));
    const specifiers = [...text.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)].map(
      (m) => m[1] ?? m[2],
    );
    for (const s of specifiers) {
      if (s.startsWith(".")) {
        const target = path.resolve(path.dirname(file), s);
        expect(target.startsWith(CORE)).toBe(true);
      } else {
        expect(ALLOWED_PACKAGES.has(s)).toBe(true);
      }
    }
    for (const g of FORBIDDEN_GLOBALS) expect(text).not.toMatch(g);
  });
});
