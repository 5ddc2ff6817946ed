/**
 * The CLI as a command: Chinese help with examples, statuses and exit codes; --version; template names;
 * a Word file renamed .xlsx; and real processes started the two documented ways (the bin, and
 * `npm run -s cli`) from another folder with relative paths, a folder and a missing file.
 */
import { execFile } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { runCommand } from "../helpers/run-cli";
import { buildZip, deflatedEntry } from "../guard/craft";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURE = path.join(ROOT, "test/fixtures/lo/correct/report.xlsx");

async function run(args: string[], cwd = process.cwd()) {
  return runCommand(args, cwd);
}

function spawn(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith("npm_") || k === "INIT_CWD") delete env[k];
    execFile(command, args, { cwd, env, timeout: 60000 }, (e, stdout, stderr) =>
      resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const ENGLISH = /Usage:|Options:|Commands:|Arguments:|\[options\]|display help/;

describe("help and version", () => {
  it("main help is Chinese throughout, with examples, statuses and exit codes", async () => {
    const { code, out } = await run(["--help"]);
    expect(code).toBe(0);
    expect(out).not.toMatch(ENGLISH);
    for (const text of [
      "用法：",
      "命令：",
      "选项：",
      "示例：",
      "npm run -s cli -- check 报送文件夹 --json",
      "待说明",
      "无法读取",
      "退出码：",
      "2  用法错误",
    ])
      expect(out).toContain(text);
  });

  it("each command's help is Chinese and ends with the same examples and exit codes", async () => {
    for (const cmd of ["check", "template", "describe"]) {
      const { out } = await run(["help", cmd]);
      expect([cmd, ENGLISH.test(out)]).toEqual([cmd, false]);
      expect(out).toContain("退出码：");
    }
  });

  it("--version prints the package version", async () => {
    const { code, out } = await run(["--version"]);
    expect(code).toBe(0);
    expect(out.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version);
  });

  it("no arguments prints the usage and exits 2", async () => {
    const { code, err } = await run([]);
    expect(code).toBe(2);
    expect(err).toContain("用法：");
  });
});

describe("files users get wrong", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "cli-command-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("template -o x.csv is refused with the .xlsx name to use, and nothing is written", async () => {
    const { code, err } = await run(["template", "-o", "x.csv"], dir);
    expect(code).toBe(2);
    expect(err).toContain("-o x.xlsx");
    expect(existsSync(path.join(dir, "x.csv"))).toBe(false);
    expect((await run(["template", "-o", "模板.XLSX"], dir)).code).toBe(0);
  });

  it("a Word document renamed .xlsx is told to send the filled template, not to open it in Excel", async () => {
    writeFileSync(
      path.join(dir, "总结.xlsx"),
      buildZip([deflatedEntry("[Content_Types].xml", "<Types/>"), deflatedEntry("word/document.xml", "<w:document/>")]),
    );
    const [r] = JSON.parse((await run(["check", "总结.xlsx", "--json"], dir)).out);
    expect(r).toMatchObject({ status: "unreadable", code: "not_spreadsheet" });
    expect(r.message).toContain("Word");
    expect(r.message).toContain("发送填好的模板");
    expect(r.message).not.toContain("用 Excel 打开");
  });
});

describe("started as a real process from another folder", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "cli-process-"));
    mkdirSync(path.join(dir, "报送", "二批"), { recursive: true });
    copyFileSync(FIXTURE, path.join(dir, "报送", "二批", "河西区.xlsx"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const expectResults = (stdout: string) =>
    expect(
      JSON.parse(stdout).map((r: { file: string; status: string; code?: string }) => [r.file, r.status, r.code]),
    ).toEqual([
      [path.join("报送", "二批", "河西区.xlsx"), "ok", undefined],
      ["没有.xlsx", "unreadable", "not_found"],
    ]);

  it("the installed command (bin) resolves relative paths from where it is run", async () => {
    const r = await spawn(
      process.execPath,
      [path.join(ROOT, "bin/tj-report.js"), "check", "报送", "没有.xlsx", "--json"],
      dir,
    );
    expect(r.code).toBe(1);
    expectResults(r.stdout);
  }, 60000);

  it("the README's --json command, run exactly as written, prints parseable JSON about files relative to the user's folder", async () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const example = /^(npm run -s cli -- check) \S+ --json$/m.exec(readme);
    expect(example).not.toBeNull();
    const words = example![1].split(" ");
    // From another folder, npm needs --prefix to find the project; the rest is the README's words.
    const r = await spawn("npm", ["--prefix", ROOT, ...words.slice(1), "报送", "没有.xlsx", "--json"], dir);
    expect(r.code).toBe(1);
    expectResults(r.stdout);
  }, 60000);
});
