/**
 * The reader must run unchanged in the task pane and in Node: it may import only the core, itself,
 * fflate, saxen and csv-parse's browser build, and may not touch Node globals or the file system.
 */
import * as fs from "fs";
import * as path from "path";

const READ = path.resolve(__dirname, "../../src/read");
const CORE = path.resolve(__dirname, "../../src/core");
const PACKAGES = new Set(["fflate", "saxen", "csv-parse/browser/esm/sync"]);
const NODE_GLOBALS = [/\bBuffer\b/, /\bprocess\./, /\brequire\(/, /\b__dirname\b/];

const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
const files = fs.readdirSync(READ).filter((f) => f.endsWith(".ts"));

describe("reader purity", () => {
  it("finds the reader's modules", () => {
    expect(files).toEqual(expect.arrayContaining(["read-workbook.ts", "inflate.ts", "xml.ts"]));
  });

  it.each(files)("%s imports only the core, the reader and its three packages", (file) => {
    const text = code(fs.readFileSync(path.join(READ, file), "utf8"));
    const specifiers = [...text.matchAll(/\bfrom\s+["']([^"']+)["']/g)].map((m) => m[1]);
    for (const s of specifiers) {
      if (s.startsWith(".")) {
        const target = path.resolve(READ, s);
        expect(target.startsWith(READ) || target.startsWith(CORE)).toBe(true);
      } else expect(PACKAGES.has(s)).toBe(true);
    }
    for (const g of NODE_GLOBALS) expect(text).not.toMatch(g);
  });
});
