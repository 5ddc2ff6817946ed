/**
 * What each folder of src may import: the folders by role (see README's 代码结构) and their packages.
 * The pure folders run unchanged in the task pane and in Node, so they import no Node module; the
 * Office adapter and the pane never import each other (they meet in src/ports, and only the
 * composition root in src/entry sees both); and the import graph has no cycle, type imports included.
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../../src");

/** Folder → the folders it may import from (itself always) and the packages it may use. */
const LAYERS: Readonly<Record<string, { readonly folders: readonly string[]; readonly packages: readonly string[] }>> =
  {
    core: { folders: [], packages: ["zod"] },
    read: { folders: ["core"], packages: ["fflate", "saxen", "csv-parse/browser/esm/sync"] },
    intake: { folders: ["core", "read"], packages: [] },
    xlsx: {
      folders: ["core"],
      packages: ["exceljs", "exceljs/lib/stream/xlsx/workbook-writer", "fflate", "iconv-lite"],
    },
    ports: { folders: ["core"], packages: [] },
    // Pure helpers both spreadsheet-host adapters share (template names, marks, 核实说明 rows, own writes).
    "host-kit": { folders: ["core", "ports"], packages: [] },
    office: { folders: ["core", "ports", "host-kit"], packages: [] },
    wps: { folders: ["core", "ports", "host-kit"], packages: [] },
    taskpane: {
      folders: ["core", "ports", "intake", "read", "xlsx", "version.ts"],
      packages: ["react", "@fluentui/react-components"],
    },
    node: {
      folders: ["core", "read", "intake", "xlsx", "version.ts"],
      // child_process and url: LibreOffice, run for the conversions (node/libreoffice-convert.ts).
      packages: ["fs", "path", "os", "crypto", "zlib", "worker_threads", "child_process", "url"],
    },
    cli: {
      folders: ["core", "intake", "node", "xlsx", "version.ts"],
      packages: ["commander", "cli-progress", "fs", "path"],
    },
    entry: { folders: ["taskpane", "office", "wps", "host-kit", "ports"], packages: ["react-dom/client"] },
  };

/** Top-level modules beside the folders, and what they may import. */
const ROOT_MODULES: Readonly<Record<string, readonly string[]>> = { "version.ts": ["../package.json"] };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(tsx?|js)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** Strips comments so a comment that mentions a module is not taken for an import. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

function specifiers(file: string): string[] {
  const text = code(fs.readFileSync(file, "utf8"));
  return [
    ...text.matchAll(
      /\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)|new URL\(\s*["']([^"']+)["']/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

/** The file a relative specifier names (.ts, .tsx, .js, or a folder's index). */
function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, "index.ts")])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

/** The folder (or root module) of src a file belongs to. */
const layerOf = (file: string): string => path.relative(SRC, file).split(path.sep)[0];

const files = sourceFiles(SRC);

describe("layering of src", () => {
  it("knows every folder and module of src", () => {
    const layers = new Set(files.map(layerOf));
    expect([...layers].sort()).toEqual([...Object.keys(LAYERS), ...Object.keys(ROOT_MODULES)].sort());
  });

  it.each(files.map((f) => [path.relative(SRC, f), f]))("%s imports only what its folder may", (_name, file) => {
    const layer = layerOf(file);
    const rule = LAYERS[layer];
    for (const spec of specifiers(file)) {
      if (!spec.startsWith(".")) {
        expect([layer, spec, rule ? rule.packages.includes(spec) : false]).toEqual([layer, spec, true]);
        continue;
      }
      const target = resolve(file, spec);
      if (target === null || !target.startsWith(SRC + path.sep)) {
        expect([layer, spec, ROOT_MODULES[layer]?.includes(spec) ?? false]).toEqual([layer, spec, true]);
        continue;
      }
      const to = layerOf(target);
      expect([layer, spec, to === layer || (rule?.folders.includes(to) ?? false)]).toEqual([layer, spec, true]);
    }
  });

  it.each(["core", "read", "intake", "ports", "host-kit", "office", "wps", "taskpane", "entry"])(
    "%s touches no Node global (and only the Office adapter touches Office's, only the WPS adapter WPS's)",
    (layer) => {
      const office = layer === "office" ? [] : [/\b(Excel|Office)\.[A-Za-z]+\s*[.(]/];
      // WPS's globals: Application (window.Application) and its alias wps.
      const wps = layer === "wps" ? [] : [/\b(Application|wps)\.[A-Z][A-Za-z]*/, /\bwindow\.(Application|wps)\b/];
      const node =
        layer === "entry" ? [] : [/\bBuffer\b/, /\bprocess\./, /\brequire\(/, /\b__dirname\b/, /\bsetImmediate\b/];
      const globals = [...node, ...office, ...wps];
      const inLayer = files.filter((f) => layerOf(f) === layer);
      expect(inLayer.length).toBeGreaterThan(0);
      for (const f of inLayer) {
        const text = code(fs.readFileSync(f, "utf8"));
        for (const g of globals) expect([path.relative(SRC, f), g.test(text)]).toEqual([path.relative(SRC, f), false]);
      }
    },
  );

  it("has no import cycle (type imports included)", () => {
    const graph = new Map<string, string[]>();
    for (const f of files)
      graph.set(
        f,
        specifiers(f)
          .filter((s) => s.startsWith("."))
          .map((s) => resolve(f, s))
          .filter((t): t is string => t !== null && graph !== undefined && t.startsWith(SRC + path.sep)),
      );
    // Tarjan's strongly connected components: a component of two or more files is a cycle.
    let index = 0;
    const indices = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string): void => {
      indices.set(v, index);
      low.set(v, index++);
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!indices.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
      if (low.get(v) === indices.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(path.relative(SRC, w));
        } while (w !== v);
        if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component);
      }
    };
    for (const f of files) if (!indices.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
