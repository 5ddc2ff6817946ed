/** The command-line input iterator on a real temporary folder tree. */
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "fs";
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

describe("expandInputs and symbolic links", () => {
  let tree: string;
  beforeAll(() => {
    // tree/in: a.xlsx, sub/b.xlsx, and links: to a file outside, to a folder outside, to a file and a folder inside
    tree = mkdtempSync(path.join(os.tmpdir(), "inputs-links-"));
    for (const d of ["in/sub", "other", "outside/secrets"]) mkdirSync(path.join(tree, d), { recursive: true });
    for (const f of ["in/a.xlsx", "in/sub/b.xlsx", "other/c.xlsx", "outside/x.xlsx", "outside/secrets/key.xlsx"])
      writeFileSync(path.join(tree, f), "x");
    symlinkSync(path.join(tree, "outside", "x.xlsx"), path.join(tree, "in", "l1-file-out.xlsx"));
    symlinkSync(path.join(tree, "outside", "secrets"), path.join(tree, "in", "l2-folder-out"));
    symlinkSync(path.join("sub", "b.xlsx"), path.join(tree, "in", "l3-file-in.xlsx")); // relative, inside
    symlinkSync(path.join(tree, "in", "sub"), path.join(tree, "in", "l4-folder-in"));
    symlinkSync(path.join(tree, "other"), path.join(tree, "in", "l5-other-given"));
    symlinkSync(path.join(tree, "in"), path.join(tree, "in-link"));
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  const lines = (got: InputEntry[]) =>
    got.map((e) => `${e.kind} ${e.display}${e.kind === "outside_link" ? ` -> ${e.target}` : ""}`);

  it("does not follow links leading outside the folders given, and says where each leads", async () => {
    const got = await all(["in"], tree);
    const j = (...p: string[]) => path.join(...p);
    const real = realpathSync(tree); // the system's temp folder may itself be reached through a link
    expect(lines(got)).toEqual([
      `file ${j("in", "a.xlsx")}`,
      `outside_link ${j("in", "l1-file-out.xlsx")} -> ${j(real, "outside", "x.xlsx")}`,
      `outside_link ${j("in", "l2-folder-out")} -> ${j(real, "outside", "secrets")}`,
      `file ${j("in", "l3-file-in.xlsx")}`,
      // l4 leads to in/sub, walked once only: under the name met first
      `file ${j("in", "l4-folder-in", "b.xlsx")}`,
      `outside_link ${j("in", "l5-other-given")} -> ${j(real, "other")}`,
    ]);
  });

  it("a link into another folder given on the command line is inside: that folder is read once", async () => {
    const got = await all(["in", "other"], tree);
    const files = got.filter((e) => e.kind === "file").map((e) => e.display);
    expect(files).toContain(path.join("in", "l5-other-given", "c.xlsx"));
    expect(files.filter((f) => f.endsWith("c.xlsx"))).toHaveLength(1);
    expect(got.filter((e) => e.kind === "outside_link")).toHaveLength(2);
  });

  it("a folder given through a link, or by a ./ and ../ detour, is the same folder to its links", async () => {
    for (const given of ["in-link", `.${path.sep}in${path.sep}..${path.sep}in`]) {
      const got = await all([given], tree);
      expect(got.filter((e) => e.kind === "outside_link").map((e) => path.basename(e.path))).toEqual([
        "l1-file-out.xlsx",
        "l2-folder-out",
        "l5-other-given",
      ]);
      expect(got.filter((e) => e.kind === "file")).toHaveLength(3);
    }
  });

  it("a link named on the command line is followed: the user named it", async () => {
    const got = await all([path.join("in", "l1-file-out.xlsx"), path.join("in", "l2-folder-out")], tree);
    expect(lines(got)).toEqual([
      `file ${path.join("in", "l1-file-out.xlsx")}`,
      `file ${path.join("in", "l2-folder-out", "key.xlsx")}`,
    ]);
  });
});
