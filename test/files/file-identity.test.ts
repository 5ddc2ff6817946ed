/** Whether two paths name one file, on a real folder tree: links, detours, hard links, files not made yet. */
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { identityOf, sameFile } from "../../src/node/file-identity";

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "identity-"));
  mkdirSync(path.join(root, "reports", "sub"), { recursive: true });
  writeFileSync(path.join(root, "reports", "a.xlsx"), "a");
  writeFileSync(path.join(root, "reports", "b.xlsx"), "b");
  symlinkSync(path.join(root, "reports"), path.join(root, "link-to-reports"));
  linkSync(path.join(root, "reports", "a.xlsx"), path.join(root, "hard-a.xlsx"));
  // On a case-insensitive file system A.XLSX would name a.xlsx; here a link spelled so stands in for it.
  symlinkSync("a.xlsx", path.join(root, "reports", "A.XLSX"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const same = async (a: string, b: string) =>
  sameFile(await identityOf(path.join(root, a)), await identityOf(path.join(root, b)));

describe("sameFile(identityOf(…))", () => {
  it("one file however the path reaches it: a linked folder, a detour, a hard link, another case", async () => {
    expect(await same("reports/a.xlsx", "link-to-reports/a.xlsx")).toBe(true);
    expect(await same("reports/a.xlsx", path.join("reports", "sub", "..", ".", "a.xlsx"))).toBe(true);
    expect(await same("reports/a.xlsx", "hard-a.xlsx")).toBe(true);
    expect(await same("reports/a.xlsx", "reports/A.XLSX")).toBe(true);
  });

  it("two files are two, even with equal contents or names that differ only by folder", async () => {
    writeFileSync(path.join(root, "reports", "sub", "a.xlsx"), "a");
    expect(await same("reports/a.xlsx", "reports/b.xlsx")).toBe(false);
    expect(await same("reports/a.xlsx", "reports/sub/a.xlsx")).toBe(false);
  });

  it("a file not made yet is known by its folder's real path and its name", async () => {
    const id = await identityOf(path.join(root, "link-to-reports", "new", "汇总.xlsx"));
    expect(id.node).toBeUndefined();
    expect(id.real).toBe(path.join((await identityOf(path.join(root, "reports"))).real, "new", "汇总.xlsx"));
    expect(await same("link-to-reports/new/汇总.xlsx", "reports/new/汇总.xlsx")).toBe(true);
    expect(await same("link-to-reports/new/汇总.xlsx", "reports/new/总.xlsx")).toBe(false);
  });
});
