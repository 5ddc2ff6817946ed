/** `check FILE... [--json]` run in-process on the committed LibreOffice fixtures (spec §6). */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../src/cli/program";

const LO = path.resolve(__dirname, "../fixtures/lo");
const fixture = (name: string, ext = "xlsx") => path.join(LO, name, `report.${ext}`);

function capture(cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    text: () => out.join(""),
    errText: () => err.join(""),
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd, isTTY: false },
  };
}

async function check(args: string[], cwd?: string) {
  const c = capture(cwd);
  const code = await runCli(["check", ...args], c.io);
  return { code, out: c.text(), err: c.errText() };
}

describe("check --json", () => {
  it("prints one spec §6 object per file, in the order given", async () => {
    const { code, out } = await check([
      fixture("correct"),
      fixture("rules-basic"),
      fixture("correct-xls", "xls"),
      "--json",
      // Without LibreOffice (as on a machine that has none), an .xls is refused.
      "--no-soffice",
    ]);
    const json = JSON.parse(out);
    expect(json.map((r: { status: string }) => r.status)).toEqual(["ok", "errors", "unreadable"]);
    expect(json[0]).toEqual({
      file: fixture("correct"),
      unit: "天津市河西区市场监督管理局",
      status: "ok",
      findings: [],
    });
    const phone = json[1].findings.find((f: { rule: string }) => f.rule === "format.phone");
    expect(phone).toEqual({
      rule: "format.phone",
      severity: "error",
      field: "contact_phone",
      sheet: "基本情况",
      cell: "C13",
      message: expect.stringContaining("联系电话"),
    });
    expect(json[2]).toMatchObject({
      status: "unreadable",
      code: "legacy_xls",
      findings: [],
      unit: null,
      message: expect.stringContaining(".xlsx"),
    });
    expect(code).toBe(1);
  });

  it("a table finding carries table and worksheet row; an explained warning its 说明", async () => {
    const [tables, explained] = JSON.parse(
      (await check([fixture("rules-tables"), fixture("stage-explained"), "--json"])).out,
    );
    expect(tables.findings.find((f: { rule: string }) => f.rule === "type.enum")).toMatchObject({
      table: "events",
      row: 6,
      field: "form",
      sheet: "活动明细",
      cell: "C6",
    });
    expect(explained.status).toBe("warnings");
    expect(explained.findings.find((f: { rule: string }) => f.rule === "deadline.late").explanation).toContain(
      "审批流程",
    );
  });

  it("file names are shown as typed, relative to the working directory", async () => {
    const { out } = await check([path.join("correct", "report.xlsx"), "--json"], LO);
    expect(JSON.parse(out)[0].file).toBe(path.join("correct", "report.xlsx"));
  });
});

describe("check (human output)", () => {
  it("one verdict line per file, findings with sheet!cell, severity, message, rule and 说明", async () => {
    const { code, out } = await check([
      fixture("stage-explained"),
      fixture("rules-totals"),
      fixture("correct-ods", "ods"),
      "--no-soffice",
    ]);
    expect(code).toBe(1);
    const lines = out.split("\n");
    expect(lines[0]).toBe(
      `${fixture("stage-explained")}（天津市河西区市场监督管理局）：待说明，2 个提示（1 个待说明）`,
    );
    expect(out).toMatch(/ {2}提示 {2}基本情况!C15 {2}.*\[填报日期晚于报送期限\]\n {8}说明：因单位内部审批流程/);
    expect(out).toMatch(/ {2}错误 {2}基本情况!C19 {2}.*\[《条例》研学人次少于活动合计\]\n/);
    // An unexplained warning says what to copy into 核实说明; an explained one and an error do not.
    expect(out).toContain(
      "[未加盖公章]\n        如情况属实，在“核实说明”中填写：规则“未加盖公章”，位置“基本情况!C16”，并写明说明。\n",
    );
    expect(out.match(/如情况属实/g)).toHaveLength(3);
    expect(out).toContain(`${fixture("correct-ods", "ods")}：无法读取。`);
    expect(out).toContain("本次运行加了 --no-soffice");
    expect(out).toContain("共 3 个文件：通过 0 个，待说明 1 个，有错误 1 个，无法读取 1 个。");
  });

  it("a single correct file: exit 0, a verdict and no summary line", async () => {
    const { code, out } = await check([fixture("correct")]);
    expect(code).toBe(0);
    expect(out.trim()).toBe(`${fixture("correct")}（天津市河西区市场监督管理局）：通过，未发现问题`);
  });

  it("warnings only: exit 0", async () => {
    expect((await check([fixture("dates-as-text")])).code).toBe(0);
  });

  it("errors: exit 1; unreadable: exit 1", async () => {
    expect((await check([fixture("inserted-rows")])).code).toBe(1);
    expect((await check([fixture("correct-xls", "xls"), "--no-soffice"])).code).toBe(1);
  });
});

describe("check: bad usage exits 2", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "check-cli-"));
    writeFileSync(path.join(dir, "empty.xlsx"), "");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("no file argument", async () => {
    const { code, err } = await check([]);
    expect(code).toBe(2);
    expect(err).toContain("缺少参数");
  });

  it("a folder that holds no file at all", async () => {
    const emptyDir = mkdtempSync(path.join(dir, "nothing-"));
    const { code, out, err } = await check([emptyDir, "--json"]);
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual([]);
    expect(err).toContain("没有找到任何文件");
  });

  it("an existing but empty file is a result, not bad usage", async () => {
    const { code, out } = await check([path.join(dir, "empty.xlsx"), "--json"]);
    expect(code).toBe(1);
    expect(JSON.parse(out)[0]).toMatchObject({ status: "unreadable", code: "empty" });
  });
});

describe("check: folders, mixes and missing paths", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "check-folders-"));
    mkdirSync(path.join(dir, "batch", "late"), { recursive: true });
    copyFileSync(fixture("correct"), path.join(dir, "batch", "a-correct.xlsx"));
    copyFileSync(fixture("rules-basic"), path.join(dir, "batch", "late", "b-rules.xlsx"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a folder is walked recursively; a missing path is one unreadable result and every other file is still checked", async () => {
    const { code, out } = await check(["没有这个文件.xlsx", "batch", fixture("correct"), "--json"], dir);
    const json = JSON.parse(out);
    expect(json.map((r: { file: string; status: string }) => [r.file, r.status])).toEqual([
      ["没有这个文件.xlsx", "unreadable"],
      [path.join("batch", "a-correct.xlsx"), "ok"],
      [path.join("batch", "late", "b-rules.xlsx"), "errors"],
      [fixture("correct"), "ok"],
    ]);
    expect(json[0]).toMatchObject({
      code: "not_found",
      unit: null,
      findings: [],
      message: expect.stringContaining("找不到“没有这个文件.xlsx”"),
    });
    expect(code).toBe(1);
  });

  it("only a missing path: exit 1 and a human line naming it", async () => {
    const { code, out } = await check(["gone.xlsx"], dir);
    expect(code).toBe(1);
    expect(out).toContain("gone.xlsx：无法读取。找不到“gone.xlsx”");
  });

  it("a folder of correct reports exits 0", async () => {
    const { code, out } = await check([fixture("correct"), path.join(dir, "batch", "a-correct.xlsx")]);
    expect(code).toBe(0);
    expect(out).toContain("共 2 个文件：通过 2 个");
  });
});
