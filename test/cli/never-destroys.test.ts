/**
 * The command line never destroys anything, however a path names it (issue 4): `--force` refuses an
 * output that is an input or the roster through a linked folder, `./` and `../` detours, a hard link
 * or another letter case; links leading outside the folders given are not read; names with control
 * characters print as one visible line. Run in-process on copies of examples/.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { runCommand } from "../helpers/run-cli";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const FIRST = "01-和平区市场监管局.xlsx";
let dir: string;

async function run(args: string[]) {
  return runCommand(args, dir);
}

/** Bytes and modification time: an input "left as it was" keeps both. */
async function fingerprint(file: string): Promise<string> {
  const stat = await fs.stat(file);
  return `${(await fs.readFile(file)).toString("base64")}@${stat.mtimeMs}`;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "never-destroys-"));
  await fs.mkdir(path.join(dir, "收件"));
  for (const f of [FIRST, "02-河西区市场监管局.xlsx", "03-市标准化研究院.xlsx"])
    await fs.copyFile(path.join(EXAMPLES, "reports", f), path.join(dir, "收件", f));
  await fs.copyFile(path.join(EXAMPLES, "名单.xlsx"), path.join(dir, "名单.xlsx"));
  await fs.symlink(path.join(dir, "收件"), path.join(dir, "收件链接"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("merge --force never overwrites an input or the roster", () => {
  const input = () => path.join(dir, "收件", FIRST);

  it.each([
    ["a link to the input folder", path.join("收件链接", FIRST)],
    ["./ and ../ detours", `.${path.sep}收件${path.sep}..${path.sep}收件链接${path.sep}.${path.sep}${FIRST}`],
  ])("refuses an input named through %s", async (_how, output) => {
    const before = await fingerprint(input());
    const r = await run(["merge", "收件", "-o", output, "--force"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("是要汇总的输入文件之一");
    expect(r.err).toContain(path.join("收件", FIRST));
    expect(await fingerprint(input())).toBe(before);
  });

  it("refuses a hard link to an input, and another spelling of its name (as a case-insensitive disk would give)", async () => {
    await fs.link(input(), path.join(dir, "硬链接.xlsx"));
    // On NTFS or APFS "01-…市场监管局.XLSX" opens the input itself; a link spelled so stands in for that here.
    await fs.symlink(input(), path.join(dir, "收件", FIRST.replace(".xlsx", ".XLSX")));
    try {
      const before = await fingerprint(input());
      for (const output of ["硬链接.xlsx", path.join("收件链接", FIRST.replace(".xlsx", ".XLSX"))]) {
        const r = await run(["merge", "收件", "-o", output, "--force"]);
        expect([output, r.code]).toEqual([output, 2]);
        expect(r.err).toContain("是要汇总的输入文件之一");
      }
      expect(await fingerprint(input())).toBe(before);
    } finally {
      await fs.rm(path.join(dir, "硬链接.xlsx"));
      await fs.rm(path.join(dir, "收件", FIRST.replace(".xlsx", ".XLSX")));
    }
  });

  it("refuses the roster as output, however it is named", async () => {
    const roster = path.join(dir, "名单.xlsx");
    const before = await fingerprint(roster);
    await fs.symlink(roster, path.join(dir, "名单链接.xlsx"));
    for (const output of ["名单链接.xlsx", `.${path.sep}收件${path.sep}..${path.sep}名单.xlsx`]) {
      const r = await run(["merge", "收件", "-o", output, "--roster", "名单.xlsx", "--force"]);
      expect([output, r.code]).toEqual([output, 2]);
      expect(r.err).toContain("就是名单文件“名单.xlsx”");
    }
    expect(await fingerprint(roster)).toBe(before);
  });

  it("still replaces a master that an earlier run left in the input folder, named by another path", async () => {
    const first = await run(["merge", "收件", "-o", path.join("收件", "汇总.xlsx"), "--json"]);
    expect(JSON.parse(first.out)).toMatchObject({ filesRead: 3 });
    const again = await run(["merge", "收件", "-o", path.join("收件链接", "汇总.xlsx"), "--force", "--json"]);
    expect(again.code).not.toBe(2);
    expect(JSON.parse(again.out)).toMatchObject({ filesRead: 3, ignored: 0 });
    await fs.rm(path.join(dir, "收件", "汇总.xlsx"));
  }, 60000);
});

describe("links in a folder that lead outside the folders given", () => {
  it("are not read, and merge and check say so on stderr", async () => {
    await fs.mkdir(path.join(dir, "别处"));
    await fs.copyFile(path.join(EXAMPLES, "reports", "04-市标准化协会.xlsx"), path.join(dir, "别处", "04.xlsx"));
    await fs.symlink(path.join(dir, "别处", "04.xlsx"), path.join(dir, "收件", "04-链接.xlsx"));
    try {
      const merged = await run(["merge", "收件", "-o", "links.xlsx", "--json"]);
      expect(JSON.parse(merged.out)).toMatchObject({ filesRead: 3 });
      const notice = `已跳过“${path.join("收件", "04-链接.xlsx")}”：它是指向所给文件夹以外`;
      expect(merged.err).toContain(notice);
      const checked = await run(["check", "收件", "--json"]);
      expect(JSON.parse(checked.out)).toHaveLength(3);
      expect(checked.err).toContain(notice);
      // Named together with its folder, the link's target is inside what was given: it is read.
      const both = await run(["check", "收件", "别处", "--json"]);
      expect(JSON.parse(both.out)).toHaveLength(5);
      expect(both.err).toBe("");
    } finally {
      await fs.rm(path.join(dir, "收件", "04-链接.xlsx"));
    }
  }, 60000);

  it("are explained in both commands' help", async () => {
    for (const cmd of ["check", "merge"])
      expect((await run(["help", cmd])).out).toContain("指向所给文件夹以外的符号链接");
  });
});

describe("file names with control characters", () => {
  const NAME = "坏\n\u001b[31m文件\u202e.xlsx";
  beforeAll(async () => {
    await fs.mkdir(path.join(dir, "怪名"));
    await fs.writeFile(path.join(dir, "怪名", NAME), "这不是工作簿");
    await fs.copyFile(path.join(EXAMPLES, "reports", FIRST), path.join(dir, "怪名", FIRST));
  });

  const shown = path.join("怪名", "坏\\n\\u001B[31m文件\\u202E.xlsx");

  it("check prints each file on its own single line, escaped", async () => {
    const r = await run(["check", "怪名"]);
    for (const ch of ["\n坏", "\u001b", "\u202e"]) expect(r.out).not.toContain(ch);
    const verdicts = r.out.split("\n").filter((l) => l.startsWith("怪名"));
    expect(verdicts).toHaveLength(2);
    expect(verdicts.find((l) => l.startsWith(`${shown}：无法读取。`))).toContain("不是 Excel 工作簿");
    // The JSON keeps the real name for scripts.
    expect(JSON.parse((await run(["check", "怪名", "--json"])).out)[1].file).toBe(path.join("怪名", NAME));
  });

  it("merge's detail lines stay one line per file", async () => {
    const r = await run(["merge", "怪名", "-o", "怪名汇总.xlsx"]);
    expect(r.code).toBe(1);
    for (const ch of ["\n坏", "\u001b", "\u202e"]) expect(r.out).not.toContain(ch);
    const line = r.out.split("\n").find((l) => l.startsWith("  无法读取："));
    expect(line).toContain(shown);
    expect(line).toMatch(/不是 Excel 工作簿/);
  }, 60000);
});

describe("template --force", () => {
  it("replaces a link at the output's name, never the file it leads to", async () => {
    const report = path.join(dir, "收件", FIRST);
    const before = await fingerprint(report);
    await fs.symlink(report, path.join(dir, "模板.xlsx"));
    const r = await run(["template", "-o", "模板.xlsx", "--force"]);
    expect(r.code).toBe(0);
    expect(await fingerprint(report)).toBe(before);
    expect((await fs.lstat(path.join(dir, "模板.xlsx"))).isSymbolicLink()).toBe(false);
    expect((await fs.readdir(dir)).filter((n) => n.includes(".tmp."))).toEqual([]);
  }, 60000);
});
