/** `template -o FILE [--year N] [--force]` run in-process against a temp folder. */
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/program";
import { TEMPLATE } from "../../src/core/definition";
import { META_CELLS, META_SHEET } from "../../src/xlsx/template/meta";
import { tempDir } from "../helpers/libreoffice";

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir("template-cli-")));
afterEach(() => tmp.cleanup());

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: tmp.dir, isTTY: false };
  return runCli(args, io).then((code) => ({ code, out: out.join(""), err: err.join("") }));
}

async function yearIn(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet(META_SHEET)!.getCell(META_CELLS.year.valueCell).value;
}

describe("template command", () => {
  it("writes the template (relative to the working folder) and says where, in Chinese", async () => {
    const r = await run(["template", "-o", "模板.xlsx"]);
    const file = path.join(tmp.dir, "模板.xlsx");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已生成${TEMPLATE.defaultYear}年填报模板：${file}`);
    expect(await yearIn(file)).toBe(TEMPLATE.defaultYear);
  });

  it("--year picks the year", async () => {
    const r = await run(["template", "--output", "t.xlsx", "--year", "2024"]);
    expect(r.code).toBe(0);
    expect(await yearIn(path.join(tmp.dir, "t.xlsx"))).toBe(2024);
  });

  it.each([["20x"], ["1999"], ["2023.5"], ["-1"], ["3000"]])(
    "a bad --year %s is bad usage (exit 2) with a Chinese message",
    async (year) => {
      const r = await run(["template", "-o", "t.xlsx", "--year", year]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--year 应为 2000 至 2100 之间/);
      expect(existsSync(path.join(tmp.dir, "t.xlsx"))).toBe(false);
    },
  );

  it("refuses to overwrite an existing file without --force, and overwrites with it", async () => {
    const file = path.join(tmp.dir, "t.xlsx");
    writeFileSync(file, "keep me");
    const r = await run(["template", "-o", "t.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("文件已存在");
    expect(r.err).toContain("--force");
    expect(readFileSync(file, "utf8")).toBe("keep me");
    const forced = await run(["template", "-o", "t.xlsx", "--force"]);
    expect(forced.code).toBe(0);
    expect(await yearIn(file)).toBe(TEMPLATE.defaultYear);
  });

  it("without -o it is bad usage; an unwritable folder is reported in Chinese", async () => {
    const r = await run(["template"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("缺少必需的选项");
    const bad = await run(["template", "-o", path.join("没有这个文件夹", "t.xlsx")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("所在文件夹不存在");
  });

  it("--help describes the command in Chinese", async () => {
    const r = await run(["template", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("生成空白填报模板");
    expect(r.out).toContain("--year");
  });
});
