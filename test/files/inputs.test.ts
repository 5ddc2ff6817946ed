/** The command-line input iterator on a real temporary folder tree. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { expandInputs, type InputEntry } from "../../src/node/inputs";

async function all(inputs: string[], cwd: string): Promise<InputEntry[]> {
  const out: InputEntry[] = [];
  for await (const e of expandInputs(inputs, cwd)) out.push(e);
  return out;
}

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "inputs-"));
  mkdirSync(path.join(root, "in", "b-sub", "deeper"), { recursive: true });
  mkdirSync(path.join(root, "in", "a-sub"));
  mkdirSync(path.join(root, "in", "empty"));
  for (const f of [
    "in/z.xlsx",
    "in/A.xlsx",
    "in/m.xlsx",
    "in/b-sub/deeper/x.xlsx",
    "in/b-sub/c.xlsx",
    "in/a-sub/y.xlsx",
    "single.xlsx",
  ])
    writeFileSync(path.join(root, f), "x");
  symlinkSync(path.join(root, "in"), path.join(root, "in", "b-sub", "loop")); // a link back to an ancestor
  symlinkSync(path.join(root, "nowhere"), path.join(root, "in", "dangling.xlsx"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("expandInputs", () => {
  it("walks a folder recursively in byte-wise name order, files only, without following a loop", async () => {
    const got = await all(["in"], root);
    expect(got.map((e) => `${e.kind} ${e.display}`)).toEqual([
      `file ${path.join("in", "A.xlsx")}`,
      `file ${path.join("in", "a-sub", "y.xlsx")}`,
      `file ${path.join("in", "b-sub", "c.xlsx")}`,
      `file ${path.join("in", "b-sub", "deeper", "x.xlsx")}`,
      `missing ${path.join("in", "dangling.xlsx")}`,
      `file ${path.join("in", "m.xlsx")}`,
      `file ${path.join("in", "z.xlsx")}`,
    ]);
    expect(got[0].path).toBe(path.join(root, "in", "A.xlsx"));
  });

  it("keeps the order of the arguments; a missing path is one entry and does not stop the rest", async () => {
    const got = await all(["single.xlsx", "no-such.xlsx", path.join("in", "a-sub")], root);
    expect(got).toEqual([
      { kind: "file", path: path.join(root, "single.xlsx"), display: "single.xlsx" },
      { kind: "missing", path: path.join(root, "no-such.xlsx"), display: "no-such.xlsx", code: "not_found" },
      { kind: "file", path: path.join(root, "in", "a-sub", "y.xlsx"), display: path.join("in", "a-sub", "y.xlsx") },
    ]);
  });

  it("resolves relative paths from the cwd given, not the process's", async () => {
    const got = await all(["single.xlsx"], root);
    expect(got[0]).toMatchObject({ kind: "file", path: path.join(root, "single.xlsx") });
    expect((await all(["single.xlsx"], os.tmpdir()))[0]).toMatchObject({ kind: "missing", code: "not_found" });
  });

  it("an absolute path is kept as written; an empty folder yields nothing", async () => {
    const abs = path.join(root, "single.xlsx");
    expect(await all([abs, path.join(root, "in", "empty")], "/")).toEqual([{ kind: "file", path: abs, display: abs }]);
  });

  it("a folder that may not be listed is one no_access entry", async () => {
    if (process.getuid?.() === 0) return; // root may list anything; nothing to observe
    const locked = path.join(root, "locked");
    mkdirSync(locked);
    writeFileSync(path.join(locked, "hidden.xlsx"), "x");
    chmodSync(locked, 0o000);
    try {
      expect(await all(["locked"], root)).toEqual([
        { kind: "missing", path: locked, display: "locked", code: "no_access" },
      ]);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});
