/**
 * Multi-level 汇总 (issue 17 part 3): a city merges two district masters with the reports sent to it
 * directly. Each unit is counted once by the identity rule wherever it appears (the other copy is a
 * 被替代 line that says where it was), the city's totals are the sum over its distinct units, the
 * districts' findings carry over with their chain, and a master the product cannot read exactly is
 * refused by name.
 */
import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { fieldById } from "../../src/core/definition";
import { mergeSubmissions, HEADCOUNT_FIELDS, type MergeInput } from "../../src/core/merge";
import type { IncludedMaster, MergeResult, ProblemRow, UnitRow } from "../../src/core/merge/model";
import { takeLowerMaster, takePreviousMaster } from "../../src/intake/master";
import { masterBytes } from "../../src/xlsx/master";
import { creditCode, reportFile } from "./helpers";

const REG = "regulation_participants";
const FIXTURES = path.resolve(__dirname, "../fixtures/masters");

const facts = (file: string, size: number) => ({ name: path.basename(file), path: file, size, modified: null });

async function bytesOf(result: MergeResult): Promise<Uint8Array> {
  return masterBytes(result, { productVersion: "test" });
}

async function asMaster(result: MergeResult, file: string): Promise<IncludedMaster> {
  const bytes = await bytesOf(result);
  const read = await takeLowerMaster(facts(file, bytes.length), () => bytes);
  if (!read.ok) throw new Error(read.reason);
  return read.master;
}

/** A report of unit `n` (its own name and code) with its 《条例》 headcount and 填报日期. */
function report(file: string, n: number, regulation: number | string, day: number): MergeInput {
  return reportFile(file, {
    fields: {
      unit_name: `天津市测试单位${n}`,
      credit_code: creditCode(n),
      regulation_participants: regulation,
      fill_date: `2023-11-${String(day).padStart(2, "0")}`,
    },
  });
}

/** The same file as `input` (the same bytes) under another path. */
function sameBytes(input: MergeInput, file: string): MergeInput {
  if (input.kind !== "report") throw new Error("not a report");
  const { source } = input.candidate;
  return {
    kind: "report",
    candidate: { ...input.candidate, source: { ...source, path: file, name: path.basename(file) } },
  };
}

const unitNamed = (r: MergeResult, n: number): UnitRow | undefined =>
  r.units.find((u) => u.values.unit_name === `天津市测试单位${n}`);

describe("a city merges two district masters and the reports sent to it directly", () => {
  let city: MergeResult;
  const c3 = report("河西/收到的报表/3.xlsx", 3, 300, 3);
  beforeAll(async () => {
    const hexi = mergeSubmissions([
      report("河西/收到的报表/1.xlsx", 1, 100, 1),
      report("河西/收到的报表/2.xlsx", 2, "约200", 2),
      c3,
      reportFile("河西/收到的报表/6.xlsx", { fields: { unit_name: "天津市甲公司", credit_code: creditCode(60) } }),
    ]);
    const nankai = mergeSubmissions([
      report("南开/收到的报表/2-补报.xlsx", 2, "约350", 5),
      report("南开/收到的报表/4.xlsx", 4, 400, 4),
      reportFile("南开/收到的报表/7.xlsx", { fields: { unit_name: "天津市乙公司", credit_code: creditCode(60) } }),
    ]);
    city = mergeSubmissions(
      [report("市/1.xlsx", 1, 110, 1), sameBytes(c3, "市/3.xlsx"), report("市/5.xlsx", 5, 500, 5)],
      { masters: [await asMaster(hexi, "河西/汇总.xlsx"), await asMaster(nankai, "南开/汇总.xlsx")] },
    );
  });

  it("counts each unit once: 7 distinct units from 3 files and 2 masters holding 7 more", () => {
    expect(city.units.map((u) => u.values.unit_name).sort()).toEqual(
      [
        "天津市测试单位1",
        "天津市测试单位2",
        "天津市测试单位3",
        "天津市测试单位4",
        "天津市测试单位5",
        "天津市甲公司",
        "天津市乙公司",
      ].sort(),
    );
    expect(city.summary).toMatchObject({
      filesRead: 5,
      unitsMerged: 7,
      superseded: 3,
      includedMasters: 2,
      unitsFromMasters: 4,
    });
  });

  it("takes the later 填报日期 wherever it is, and on the same day the file sent directly over a master's copy", () => {
    // 2: 南开's resubmission (11-05) over 河西's (11-02); 1: the city's own file, same day as 河西's copy.
    expect(unitNamed(city, 2)!.values[REG]).toBe(350);
    expect(unitNamed(city, 2)!.source.carried).toEqual({
      via: ["南开/汇总.xlsx"],
      file: "南开/收到的报表/2-补报.xlsx",
    });
    expect(unitNamed(city, 1)!.values[REG]).toBe(110);
    expect(unitNamed(city, 1)!.source).toMatchObject({ path: "市/1.xlsx" });
    expect(unitNamed(city, 1)!.source.carried).toBeUndefined();
  });

  it("lists every other copy as 被替代, saying where it was and which one counts", () => {
    const lines = city.problems.filter((p) => p.kind === "superseded");
    const about = (file: string) => lines.find((p) => p.file === file)?.message;
    expect(lines).toHaveLength(3);
    expect(about("河西/汇总.xlsx › 河西/收到的报表/2.xlsx")).toBe(
      "同一单位另有总表“南开/汇总.xlsx”中的文件“南开/收到的报表/2-补报.xlsx”（填报日期 2023-11-05）。按填报日期较晚者为准、同一天以直接报送的文件为准，本份未计入汇总。",
    );
    expect(about("河西/汇总.xlsx › 河西/收到的报表/1.xlsx")).toContain(
      "同一单位另有文件“市/1.xlsx”（填报日期 2023-11-01）",
    );
    expect(about("河西/汇总.xlsx › 河西/收到的报表/3.xlsx")).toBe(
      "与文件“市/3.xlsx”是同一个文件（SHA-256 相同），该单位只计一次，本份未重复计入汇总。",
    );
  });

  it("totals over the city are the sum over its distinct units", () => {
    for (const f of HEADCOUNT_FIELDS) {
      const sum = city.units.reduce(
        (s, u) => s + (typeof u.values[f.id] === "number" ? (u.values[f.id] as number) : 0),
        0,
      );
      expect([f.id, city.totals.headcounts[f.id]]).toEqual([f.id, sum]);
    }
    expect(city.totals.headcounts[REG]).toBe(110 + 350 + 300 + 400 + 500 + 2 * 300);
    expect(city.totals.units).toBe(7);
    expect(city.details.events.length).toBe(city.units.reduce((s, u) => s + u.tableCounts.events, 0));
  });

  it("carries a district's findings with the copy that counts, and recomputes identity across districts", () => {
    const of = (p: ProblemRow) => [p.file, p.rule, p.severity, p.sheet, p.cell];
    const two = city.problems.filter((p) => p.unit === "天津市测试单位2" && p.kind === "finding");
    expect(two.map(of)).toEqual([
      ["南开/汇总.xlsx › 南开/收到的报表/2-补报.xlsx", "format.approximate", "warning", "基本情况", "C19"],
    ]);
    expect(unitNamed(city, 2)).toMatchObject({ status: "warnings", warnings: 1, unexplainedWarnings: 1 });
    // 甲 (河西) and 乙 (南开) state one code: neither district saw both, the city does.
    const conflicts = city.problems.filter((p) => p.kind === "identity_conflict");
    expect(conflicts.map((p) => p.unit).sort()).toEqual(["天津市乙公司", "天津市甲公司"]);
    expect(conflicts.find((p) => p.unit === "天津市甲公司")!.message).toContain("总表“南开/汇总.xlsx”中的文件");
  });

  it("passes the chain on: a province merging the city's master sees unit file → district → city", async () => {
    const province = mergeSubmissions([], { masters: [await asMaster(city, "天津/汇总.xlsx")] });
    expect(unitNamed(province, 2)!.source.carried).toEqual({
      via: ["南开/汇总.xlsx", "天津/汇总.xlsx"],
      file: "南开/收到的报表/2-补报.xlsx",
    });
    expect(unitNamed(province, 5)!.source.carried).toEqual({ via: ["天津/汇总.xlsx"], file: "市/5.xlsx" });
    expect(province.totals).toEqual(city.totals);
  });
});

/** The master of `result`, edited in exceljs as a person would edit it in Excel. */
async function edited(result: MergeResult, edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await bytesOf(result)) as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function refusal(file: string, bytes: Uint8Array): Promise<string> {
  const read = await takeLowerMaster(facts(file, bytes.length), () => bytes);
  if (read.ok) throw new Error("read");
  return read.reason;
}

describe("a master the product cannot read exactly is refused by name, never misread", () => {
  const district = mergeSubmissions([report("a.xlsx", 1, 100, 1), report("b.xlsx", 2, "约200", 2)]);
  const column = (ws: ExcelJS.Worksheet, header: string) =>
    (ws.getRow(1).values as unknown[]).findIndex((v) => v === header);

  it("reads the master as written (the case the refusals below depart from)", async () => {
    const bytes = await bytesOf(district);
    const read = await takeLowerMaster(facts("区/汇总.xlsx", bytes.length), () => bytes);
    expect(read.ok && read.master.content.units.length).toBe(2);
  });

  it("a master from before 汇总信息, and one from before its 总表格式 line (both made by those versions)", async () => {
    const old = readFileSync(path.join(FIXTURES, "before-info-d7ac31e.xlsx"));
    expect(await refusal("旧/汇总.xlsx", old)).toBe(
      "下级总表“旧/汇总.xlsx”不能使用：它是旧版程序生成的总表（没有“汇总信息”表），无法确认各列的含义。请用本程序的最新版本重新汇总生成该总表后再使用。",
    );
    const format1 = readFileSync(path.join(FIXTURES, "format-1-de1aa6a.xlsx"));
    expect(await refusal("旧/汇总.xlsx", format1)).toMatch(
      /^下级总表“旧\/汇总\.xlsx”不能使用：它由较早版本的程序生成（产品版本 0\.1\.0，模板版本 1\.0\.0），当时的总表格式（第 1 版）不能完整读回各单位的数据。/,
    );
  });

  it("a master of a newer layout, or of a template version this product never issued", async () => {
    const stamp = (label: string, value: string) => (wb: ExcelJS.Workbook) =>
      wb.getWorksheet("汇总信息")!.eachRow((r) => void (r.getCell(1).value === label && (r.getCell(2).value = value)));
    expect(await refusal("新.xlsx", await edited(district, stamp("总表格式", "3")))).toContain(
      "总表格式为第 3 版，本程序只能读取到第 2 版。请升级本程序后再使用。",
    );
    expect(await refusal("新.xlsx", await edited(district, stamp("模板版本", "9.0.0")))).toContain(
      "它按模板版本 9.0.0 生成，本程序不认识这一版本。",
    );
  });

  it("a figure typed over by hand (as text, or as another number), a line of 问题清单 deleted, a column removed", async () => {
    const typed = await edited(district, (wb) => {
      const ws = wb.getWorksheet("汇总表")!;
      ws.getRow(2).getCell(column(ws, fieldById(REG).label)).value = "一百";
    });
    expect(await refusal("区.xlsx", typed)).toMatch(
      /^下级总表“区\.xlsx”不能使用：工作表“汇总表”的 [A-Z]+2 单元格（“参加《天津市标准化条例》研学人次”列）应为整数，实为“一百”。总表可能被手工改动过/,
    );
    const changed = await edited(district, (wb) => {
      const ws = wb.getWorksheet("汇总表")!;
      ws.getRow(2).getCell(column(ws, fieldById(REG).label)).value = 999;
    });
    expect(await refusal("区.xlsx", changed)).toMatch(
      /^下级总表“区\.xlsx”不能使用：工作表“汇总表”的 [A-Z]+4 单元格（“参加《天津市标准化条例》研学人次”列）应为1199（各单位之和），实为“300”/,
    );
    const deleted = await edited(district, (wb) => wb.getWorksheet("问题清单")!.spliceRows(2, 1));
    expect(await refusal("区.xlsx", deleted)).toMatch(
      /工作表“汇总表”的 [A-Z]+\d 单元格（“(错误|提示)数”列）应为0（问题清单中该单位的/,
    );
    const noColumn = await edited(district, (wb) => {
      const ws = wb.getWorksheet("活动明细")!;
      ws.spliceColumns(column(ws, "来源行号"), 1);
    });
    expect(await refusal("区.xlsx", noColumn)).toContain("工作表“活动明细”缺少“来源行号”列");
  });

  it("a unit's report given as a master, and a file that is no workbook", async () => {
    const reportBytes = await edited(district, (wb) => {
      for (const ws of [...wb.worksheets]) wb.removeWorksheet(ws.id);
      wb.addWorksheet("基本情况");
    });
    expect(await refusal("单位.xlsx", reportBytes)).toContain("它是单位报送的报表，不是汇总生成的总表。");
    expect(await refusal("说明.xlsx", new TextEncoder().encode("不是工作簿"))).toMatch(
      /^下级总表“说明\.xlsx”不能使用：.*不是 Excel 工作簿/,
    );
  });
});

describe("last time's master (--previous) is read from any version of the product", () => {
  it.each(["before-info-d7ac31e.xlsx", "format-1-de1aa6a.xlsx"])(
    "%s: every unit's name, code and figures",
    async (file) => {
      const bytes = readFileSync(path.join(FIXTURES, file));
      const read = await takePreviousMaster(facts(`上年/${file}`, bytes.length), () => new Uint8Array(bytes));
      if (!read.ok) throw new Error(read.reason);
      expect(read.master.units.length).toBeGreaterThan(5);
      const heping = read.master.units.find((u) => String(u.values.unit_name).includes("和平区"));
      expect(heping?.values).toMatchObject({ credit_code: expect.stringMatching(/^[0-9A-Z]{18}$/) });
      expect(typeof heping?.values[REG]).toBe("number");
    },
  );
});
