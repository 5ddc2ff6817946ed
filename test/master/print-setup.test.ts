/**
 * The master prints (issue 17 part 8): every sheet landscape A4 fitted to the page width with its
 * header row on every page and numbered pages; 统计 on one page; long text wrapped in rows made tall
 * enough, short text left on one line. LibreOffice's printout is checked in libreoffice-print.test.ts.
 */
import type ExcelJS from "exceljs";
import { LINE_PT, rowHeight, wrappedLines } from "../../src/core/master/row-height";
import type { MergeResult } from "../../src/core/merge/model";
import { cellUnder, writeAndRead, type WrittenMaster } from "./read-master";
import { sampleResult } from "./merge-result";

const LISTS = ["汇总表", "活动明细", "宣传报道", "佐证材料", "问题清单", "未报送单位"];
const LONG = "本单位组织全体干部职工集中学习《天津市标准化条例》，并结合工作实际开展专题研讨和知识测试，效果良好。";

describe("the master's page setup", () => {
  let m: WrittenMaster;
  beforeAll(async () => {
    const base = sampleResult({ roster: true });
    const problems = base.problems.map((p, i) => (i === 0 ? { ...p, message: LONG } : p));
    m = await writeAndRead({ ...base, problems } as MergeResult);
  });
  afterAll(() => m.cleanup());
  const sheet = (name: string) => m.workbook.getWorksheet(name) as ExcelJS.Worksheet;

  it("prints every list landscape on A4, one page wide, as many pages tall as it needs, its header row on each", () => {
    for (const name of LISTS) {
      const xml = m.sheetXml(name);
      expect([name, /<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/.test(xml)]).toEqual([name, true]);
      expect(xml).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="0"/);
      expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
      expect(m.parts["xl/workbook.xml"]).toContain(`&apos;${name}&apos;!$1:$1</definedName>`);
    }
  });

  it("prints 统计 on one page, and numbers the pages of every sheet", () => {
    expect(m.sheetXml("统计")).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="1"/);
    for (const name of [...LISTS, "统计"])
      expect(m.sheetXml(name)).toContain("<oddFooter>第 &amp;P 页，共 &amp;N 页</oddFooter>");
  });

  it("wraps a long text in its column and makes its row tall enough; a short row keeps the default height", () => {
    const ws = sheet("问题清单");
    const row = [2, 3, 4, 5].find((r) => cellUnder(ws, "问题说明", r).value === LONG)!;
    const cell = cellUnder(ws, "问题说明", row);
    expect(cell.alignment).toMatchObject({ wrapText: true, vertical: "top" });
    const width = ws.getColumn(cell.col).width!;
    expect(wrappedLines(LONG, width)).toBeGreaterThan(1);
    expect(ws.getRow(row).height).toBeGreaterThanOrEqual(wrappedLines(LONG, width) * LINE_PT);
    // The unreadable file's line: short texts only, one line.
    const short = [2, 3, 4, 5].find((r) => cellUnder(ws, "类型", r).value === "无法读取")!;
    expect(ws.getRow(short).height).toBeUndefined();
    // Numbers never wrap.
    expect(cellUnder(ws, "行", row).alignment?.wrapText).toBeFalsy();
  });

  it("puts 统计's paragraph in one cell across the tables, tall enough for its lines", () => {
    const ws = sheet("统计");
    expect(m.sheetXml("统计")).toMatch(/<mergeCell ref="A1:N1"\/>/);
    expect(ws.getCell("A1").alignment).toMatchObject({ wrapText: true });
    expect(ws.getRow(1).height).toBeGreaterThan(LINE_PT);
  });
});

describe("row heights", () => {
  it("count the lines a text takes wrapped, its own line breaks kept", () => {
    expect(wrappedLines("短", 10)).toBe(1);
    expect(wrappedLines("一\n二\n三", 10)).toBe(3);
    // 10 × 7 + 5 − 6 = 69 px hold 4 characters of 14.7 px: 10 take 3 lines.
    expect(wrappedLines("天".repeat(10), 10)).toBe(3);
    expect(wrappedLines("a".repeat(9), 10)).toBe(1);
  });

  it("are left to the default for one line, and never above Excel's limit", () => {
    expect(rowHeight(["短", "天".repeat(100)], [10, 10], [true, false])).toBeUndefined();
    expect(rowHeight(["天".repeat(30)], [10], [true])).toBe(LINE_PT * 8);
    expect(rowHeight(["天".repeat(10_000)], [10], [true])).toBe(409);
  });
});
