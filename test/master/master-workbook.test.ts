/**
 * The master workbook as the bureau opens it (spec §5): sheets in order, headers from the template
 * definition, frozen and filtered header rows, totals, status colours, number and date formats,
 * provenance, original text beside unread values, and submission text that stays text in the XML.
 */
import type ExcelJS from "exceljs";
import { FIELDS, TABLES, TEMPLATE, fieldById } from "../../src/core/definition";
import { MASTER_ID } from "../../src/core/master";
import type { MergeResult } from "../../src/core/merge/model";
import { asCellText } from "../../src/xlsx/master/text";
import { HOSTILE_TEXTS, sampleResult } from "./merge-result";
import { cellUnder, headers, sharedStrings, writeAndRead, type WrittenMaster } from "./read-master";

const ORDER = ["汇总表", "活动明细", "宣传报道", "佐证材料", "问题清单", "未报送单位", "统计"];
const REG = fieldById("regulation_participants").label;
const OUTLINE = fieldById("outline_participants").label;
const UNREAD = "（原文）";
const fill = (c: ExcelJS.Cell): string | undefined => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

describe("master workbook with a roster", () => {
  let m: WrittenMaster;
  let result: MergeResult;
  beforeAll(async () => {
    result = sampleResult({ roster: true });
    m = await writeAndRead(result);
  });
  afterAll(() => m.cleanup());
  const sheet = (name: string) => m.workbook.getWorksheet(name) as ExcelJS.Worksheet;

  it("has the seven sheets of spec §5 in order, then the hidden 汇总信息 that marks it as a master", () => {
    expect(m.workbook.worksheets.map((w) => w.name)).toEqual([...ORDER, "汇总信息"]);
    expect(m.workbook.worksheets.map((w) => w.state)).toEqual([...ORDER.map(() => "visible"), "veryHidden"]);
    const info = sheet("汇总信息");
    expect([info.getCell("A1").value, info.getCell("B1").value]).toEqual(["标识", MASTER_ID]);
    expect(info.getCell("A4").value).toBe("模板版本");
    expect(info.getCell("B4").value).toBe(TEMPLATE.version);
  });

  it("heads 汇总表 with status, every field label of the definition, row counts, errors and provenance", () => {
    const expected = [
      "审核状态",
      // 丙's 参加《条例》人次 “见签到表” could not be read: its 原文 column stands right beside it.
      ...FIELDS.flatMap((f) => (f.id === "regulation_participants" ? [f.label, f.label + UNREAD] : [f.label])),
      ...TABLES.map((t) => `${t.label}行数`),
      "错误数",
      "提示数",
      "未说明提示数",
      "单位名单",
      "来源文件",
      "SHA-256",
      "模板版本",
    ];
    expect(headers(sheet("汇总表"))).toEqual(expected);
    expect(headers(sheet("汇总表"))).not.toContain(OUTLINE + UNREAD);
  });

  it("heads each detail sheet with the unit, the table's labels and provenance", () => {
    for (const id of ["events", "media", "evidence"]) {
      const t = TABLES.find((x) => x.id === id)!;
      const h = headers(sheet(ORDER[1 + ["events", "media", "evidence"].indexOf(id)]));
      const labels = t.columns.flatMap((c) =>
        id === "events" && c.id === "participants" ? [c.label, c.label + UNREAD] : [c.label],
      );
      expect(h).toEqual(["报送单位", ...labels, "来源文件", "SHA-256", "模板版本", "来源工作表", "来源行号"]);
    }
  });

  it("freezes the header row of every list sheet and filters every list; 统计, under its paragraph, scrolls", () => {
    for (const name of ORDER.filter((n) => n !== "统计")) {
      const view = sheet(name).views[0] as ExcelJS.WorksheetViewFrozen;
      expect([name, view.state, view.ySplit]).toEqual([name, "frozen", 1]);
    }
    expect((sheet("统计").views ?? []).filter((v) => v.state === "frozen")).toEqual([]);
    // 汇总表 also keeps status … unit name in view; the detail sheets their unit column.
    const summaryView = sheet("汇总表").views[0] as ExcelJS.WorksheetViewFrozen;
    expect(headers(sheet("汇总表"))[(summaryView.xSplit ?? 0) - 1]).toBe(fieldById("unit_name").label);
    expect((sheet("活动明细").views[0] as ExcelJS.WorksheetViewFrozen).xSplit).toBe(1);
    // 汇总表: 3 units under the header; the totals row (5) stays outside the filter.
    const lastCol = headers(sheet("汇总表")).length;
    const letter = (n: number): string =>
      (n > 26 ? String.fromCharCode(64 + Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
    expect(m.sheetXml("汇总表")).toContain(`<autoFilter ref="A1:${letter(lastCol)}4"/>`);
    expect(m.sheetXml("活动明细")).toMatch(/<autoFilter ref="A1:[A-Z]+7"\/>/);
    expect(m.sheetXml("问题清单")).toMatch(/<autoFilter ref="A1:M5"\/>/);
  });

  it("totals every headcount over every unit, the one with errors included", () => {
    const ws = sheet("汇总表");
    expect(ws.getCell("A5").value).toBe("合计");
    // 120 + 300 + (丙: unread → not counted); 80 + 250 + 40 (丙 has errors and still counts).
    expect(cellUnder(ws, REG, 5).value).toBe(420);
    expect(cellUnder(ws, OUTLINE, 5).value).toBe(370);
    expect(cellUnder(ws, fieldById("training_sessions").label, 5).value).toBe(9);
    expect(cellUnder(ws, "研学宣贯活动明细行数", 5).value).toBe(6);
    expect(cellUnder(ws, fieldById("unit_name").label, 5).value).toBe("共 3 家单位");
    expect(cellUnder(ws, REG, 5).numFmt).toBe("#,##0");
    expect(m.sheetXml("汇总表")).not.toMatch(/<f>/);
  });

  it("colours each status: 通过 green, 待说明 yellow, 有错误 red", () => {
    const ws = sheet("汇总表");
    expect([2, 3, 4].map((r) => [ws.getCell(`A${r}`).value, fill(ws.getCell(`A${r}`))])).toEqual([
      ["通过", "FFC6EFCE"],
      ["待说明", "FFFFEB9C"],
      ["有错误", "FFFFC7CE"],
    ]);
    // Other cells of the row keep no colour.
    expect(fill(cellUnder(ws, REG, 4))).toBeUndefined();
  });

  it("colours 问题清单's severity: 错误 red, 提示 yellow, 备注 none", () => {
    const ws = sheet("问题清单");
    const sev = [2, 3, 4, 5].map((r) => cellUnder(ws, "严重程度", r));
    expect(sev.map((c) => [c.value, fill(c)])).toEqual([
      ["错误", "FFFFC7CE"],
      ["提示", "FFFFEB9C"],
      ["错误", "FFFFC7CE"],
      ["备注", undefined],
    ]);
    expect(cellUnder(ws, "规则名称", 2).value).toBe("人次或次数不是整数");
    expect(cellUnder(ws, "字段", 2).value).toBe(REG);
    expect(cellUnder(ws, "单元格", 2).value).toBe("C19");
    expect(cellUnder(ws, "类型", 4).value).toBe("无法读取");
  });

  it("keeps the original text of an unread value beside the blank it became", () => {
    const ws = sheet("汇总表");
    expect(cellUnder(ws, REG, 4).value).toBeNull();
    expect(cellUnder(ws, REG + UNREAD, 4).value).toBe("见签到表");
    expect(cellUnder(ws, REG + UNREAD, 2).value).toBeNull();
    const ev = sheet("活动明细");
    const blank = [2, 3, 4, 5, 6, 7].find((r) => cellUnder(ev, "参加人次" + UNREAD, r).value !== null)!;
    expect(cellUnder(ev, "参加人次" + UNREAD, blank).value).toBe("约五十人");
    expect(cellUnder(ev, "参加人次", blank).value).toBeNull();
  });

  it("writes dates as dates and numbers as numbers, with formats", () => {
    const ws = sheet("汇总表");
    const date = cellUnder(ws, fieldById("fill_date").label, 2);
    expect(date.value).toEqual(new Date(Date.UTC(2023, 10, 1)));
    expect(date.numFmt).toBe("yyyy-mm-dd");
    expect(cellUnder(ws, REG, 2).value).toBe(120);
    expect(cellUnder(ws, fieldById("year").label, 2).numFmt).toBe("0");
    expect(cellUnder(sheet("活动明细"), "日期", 2).value).toEqual(new Date(Date.UTC(2023, 5, 15)));
  });

  it("gives every detail row its unit, file, SHA-256, template version, sheet and row", () => {
    const ev = sheet("活动明细");
    const row = [2, 3, 4, 5, 6, 7].find((r) => cellUnder(ev, "报送单位", r).value === "天津市乙协会")!;
    expect(
      ["来源文件", "SHA-256", "模板版本", "来源工作表", "来源行号"].map((h) => cellUnder(ev, h, row).value),
    ).toEqual(["乙.xlsx", "b".repeat(64), "1.0.0", "活动明细", 4]);
    expect(cellUnder(sheet("汇总表"), "SHA-256", 3).value).toBe("b".repeat(64));
  });

  it("keeps formula-looking submission text as text: shared strings, never <f>", () => {
    const strings = sharedStrings(m.parts);
    for (const text of HOSTILE_TEXTS) expect(strings).toContain(text);
    const sheets = Object.keys(m.parts).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets).toHaveLength(8);
    for (const p of sheets) {
      expect(m.parts[p]).not.toMatch(/<f[ >]/);
      // Every cell holding text is a shared string: no t="str" (a formula's cached result) anywhere.
      expect(m.parts[p]).not.toMatch(/t="(str|e)"/);
    }
    // exceljs's view agrees: the unit named like a formula is plain text in 汇总表 and 问题清单.
    const unit = cellUnder(sheet("汇总表"), fieldById("unit_name").label, 4);
    expect([unit.value, unit.formula]).toEqual([HOSTILE_TEXTS[0], undefined]);
    expect(cellUnder(sheet("问题清单"), "核实说明", 3).value).toBe("@SUM(A1)");
    expect(cellUnder(sheet("宣传报道"), "标题", 2).value).toBe("+1");
    expect(cellUnder(sheet("佐证材料"), "材料名称", 2).value).toBe("-1");
  });

  it("copies nothing executable or external: no macros, external links or hyperlinks", () => {
    expect(Object.keys(m.parts).filter((p) => /vba|externalLink|activeX|oleObject/i.test(p))).toEqual([]);
    for (const [name, xml] of Object.entries(m.parts)) {
      expect([name, /TargetMode="External"|<hyperlink/.test(xml)]).toEqual([name, false]);
    }
  });

  it("lists roster units that sent nothing and submissions not on the roster with the closest name", () => {
    const ws = sheet("未报送单位");
    expect(
      [2, 3].map((r) => [
        cellUnder(ws, "情况", r).value,
        cellUnder(ws, "单位名称", r).value,
        cellUnder(ws, "名单行号", r).value,
      ]),
    ).toEqual([
      ["未报送", "天津市丁研究院", 5],
      ["不在名单中", HOSTILE_TEXTS[0], null],
    ]);
    expect(cellUnder(ws, "最接近的名单单位", 3).value).toBe("天津市丙公司");
    expect(cellUnder(sheet("汇总表"), "单位名单", 4).value).toBe("不在名单中，最接近：天津市丙公司");
  });

  it("totals 统计 by district and by category, with a totals row, under the summary paragraph", () => {
    const ws = sheet("统计");
    expect(String(ws.getCell("A1").value)).toMatch(/^全市共3个单位报送2023年度总结/);
    expect(ws.getCell("A3").value).toBe(fieldById("district").label);
    const heping = [4, 5, 6, 7, 8].find((r) => ws.getCell(`A${r}`).value === "和平区")!;
    expect(cellUnder(ws, "单位数", heping, 3).value).toBe(2);
    expect(cellUnder(ws, REG, heping, 3).value).toBe(120);
    expect(cellUnder(ws, "有错误", heping, 3).value).toBe(1);
    // 17 districts, then 合计.
    expect([ws.getCell("A21").value, cellUnder(ws, REG, 21, 3).value]).toEqual(["合计", 420]);
    expect(ws.getCell("A23").value).toBe(fieldById("unit_category").label);
  });
});

describe("master workbook without a roster or unread values", () => {
  let m: WrittenMaster;
  beforeAll(async () => {
    const base = sampleResult();
    const clean: MergeResult = {
      ...base,
      units: base.units.map((u) => ({ ...u, unread: {} })),
      details: { ...base.details, events: base.details.events.map((e) => ({ ...e, unread: {} })) },
    };
    m = await writeAndRead(clean);
  });
  afterAll(() => m.cleanup());

  it("adds no 原文 column and no roster column", () => {
    for (const ws of m.workbook.worksheets) expect(headers(ws).filter((h) => h.endsWith(UNREAD))).toEqual([]);
    expect(headers(m.workbook.getWorksheet("汇总表")!)).not.toContain("单位名单");
  });

  it("says in 未报送单位 that no roster was given, and still lists the file that could not be read", () => {
    const ws = m.workbook.getWorksheet("未报送单位")!;
    expect(ws.getCell("A2").value).toBe("未提供单位名单，无法列出未报送单位");
    expect([ws.getCell("A3").value, cellUnder(ws, "来源文件", 3).value]).toEqual(["文件无法读取", "in/坏.xlsx"]);
    expect(ws.rowCount).toBe(3);
  });
});

describe("submission text", () => {
  it("keeps a literal _xHHHH_ literal and drops characters XML cannot hold", () => {
    expect(asCellText("_x0041_ 原样")).toBe("_x005F_x0041_ 原样");
    expect(asCellText("a\uFFFFb\uD800c")).toBe("abc");
    expect(asCellText("😀 =1+1")).toBe("😀 =1+1");
  });

  it("cuts a text longer than a cell can hold, visibly, and leaves one that fits", () => {
    const fits = "字".repeat(32767);
    expect(asCellText(fits)).toBe(fits);
    const long = asCellText("a" + "😀".repeat(20000));
    expect(long.length).toBeLessThanOrEqual(32767);
    expect(long.endsWith("…")).toBe(true);
    expect(/[\uD800-\uDBFF]…$/.test(long)).toBe(false);
  });

  it("reaches the sheet as the characters typed (read back by LibreOffice's rules: _x005F_ is an underscore)", async () => {
    const base = sampleResult();
    const events = base.details.events.map((e, i) =>
      i === 0 ? { ...e, values: { ...e.values, note: "_x0041_ 原样" } } : e,
    );
    const m = await writeAndRead({ ...base, details: { ...base.details, events } });
    try {
      expect(sharedStrings(m.parts)).toContain("_x005F_x0041_ 原样");
    } finally {
      m.cleanup();
    }
  });
});
