/** The written template, read back with exceljs: sheets, validations, protection, names, metadata, layout. */
import ExcelJS from "exceljs";
import {
  FIELDS,
  SEAL_BLOCK,
  SHEETS,
  TABLES,
  TEMPLATE,
  BASIC_SECTIONS,
  SINGLE_FIELD_LAYOUT,
  cellOf,
  definedNameOf,
  type FieldId,
} from "../../src/core/definition";
import { describeTemplate } from "../../src/core/describe";
import { RULES } from "../../src/core/rules/catalogue";
import { labelKey } from "../../src/core/text";
import { buildTemplateWorkbook } from "../../src/xlsx/template-writer";
import {
  META_CELLS,
  META_SHEET,
  SELF_CHECK_HASH_CELLS,
  enumSpecs,
  optionListRange,
} from "../../src/xlsx/template/meta";
import { SELF_CHECK, SELF_CHECK_LINES, selfCheckFingerprint } from "../../src/xlsx/template/self-check-lines";
import { INLINE_LIST_LIMIT, listSource } from "../../src/xlsx/template/validation";
import { definedNames, listOptions, loadTemplate, sheet } from "./template-helpers";

const SHEET_ORDER = [
  "填报说明",
  "基本情况",
  "活动明细",
  "宣传报道",
  "佐证材料",
  "核实说明",
  "打印稿",
  "自检",
  "模板信息",
];

let wb: ExcelJS.Workbook;
beforeAll(async () => {
  wb = await loadTemplate();
});

const lastPreparedRow = (t: (typeof TABLES)[number]) => t.firstRow + t.capacity - 1;
/** Every prepared row of a table (the checks below look at all of them, not a sample). */
const preparedRows = (t: (typeof TABLES)[number]) => Array.from({ length: t.capacity }, (_, i) => t.firstRow + i);

describe("sheets and metadata", () => {
  it("has the sheets in the contract's order, only 模板信息 hidden", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEET_ORDER);
    expect(Object.values(SHEETS)).toEqual(SHEET_ORDER);
    for (const ws of wb.worksheets) expect(ws.state).toBe(ws.name === META_SHEET ? "hidden" : "visible");
  });

  it("holds template id, version and year in the fixed meta cells", async () => {
    const meta = sheet(wb, META_SHEET);
    expect(meta.getCell(META_CELLS.templateId.keyCell).value).toBe("templateId");
    expect(meta.getCell(META_CELLS.templateId.valueCell).value).toBe(TEMPLATE.id);
    expect(meta.getCell(META_CELLS.version.keyCell).value).toBe("version");
    expect(meta.getCell(META_CELLS.version.valueCell).value).toBe(TEMPLATE.version);
    expect(meta.getCell(META_CELLS.year.keyCell).value).toBe("year");
    expect(meta.getCell(META_CELLS.year.valueCell).value).toBe(TEMPLATE.defaultYear);
  });

  it("keeps every option list on the hidden sheet, and the self-check fingerprint under the metadata", () => {
    const meta = sheet(wb, META_SHEET);
    for (const { key, spec } of enumSpecs()) {
      expect(listOptions(wb, { type: "list", formulae: [optionListRange(key)] })).toEqual(spec.options);
    }
    expect(meta.getCell(SELF_CHECK_HASH_CELLS.valueCell).value).toBe(selfCheckFingerprint());
    expect(selfCheckFingerprint()).toMatch(/^[0-9a-f]{8}$/);
  });

  it("--year picks the year of 年度, the metadata, the title and the date rules", async () => {
    const other = await loadTemplate({ year: 2025 });
    expect(sheet(other, META_SHEET).getCell(META_CELLS.year.valueCell).value).toBe(2025);
    expect(sheet(other, SHEETS.basic).getCell(cellOf(FIELDS.find((f) => f.id === "year")!)).value).toBe(2025);
    expect(String(sheet(other, SHEETS.basic).getCell("A1").value)).toContain("2025");
    const dv = sheet(other, SHEETS.events).getCell("A4").dataValidation;
    expect(new Date(dv.formulae[0]).getUTCFullYear()).toBe(2025);
    expect(String(sheet(other, SHEETS.guide).getColumn("A").values.join(""))).toContain("2025年11月10日前");
  });

  it("rejects a year outside the definition's range", () => {
    expect(() => buildTemplateWorkbook({ year: 1999 })).toThrow(RangeError);
    expect(() => buildTemplateWorkbook({ year: 2023.5 })).toThrow(RangeError);
    expect(() => buildTemplateWorkbook({ year: 2100 })).not.toThrow();
  });
});

describe("基本情况 agrees with describe, cell by cell", () => {
  const basic = () => sheet(wb, SHEETS.basic);

  it("every described field is an input cell with its label in column B and its hint in D", () => {
    const d = describeTemplate();
    expect(d.fields.map((f) => f.id)).toEqual(FIELDS.map((f) => f.id));
    for (const f of d.fields) {
      const def = FIELDS.find((x) => x.id === f.id)!;
      const ws = sheet(wb, f.sheet);
      const row = Number(f.cell.replace(/^[A-Z]+/, ""));
      expect(f.cell.replace(/\d+$/, "")).toBe(SINGLE_FIELD_LAYOUT.inputColumn);
      const label = String(ws.getCell(`${SINGLE_FIELD_LAYOUT.labelColumn}${row}`).value);
      expect(labelKey(label)).toBe(labelKey(f.label));
      expect(label.startsWith("*")).toBe(f.required);
      expect(ws.getCell(`${SINGLE_FIELD_LAYOUT.hintColumn}${row}`).value).toBe(def.hint);
      expect(ws.getCell(f.cell).protection?.locked).toBe(false);
      expect(ws.getCell(`${SINGLE_FIELD_LAYOUT.numberColumn}${row}`).value).toEqual(expect.any(Number));
    }
  });

  it("required labels are red as well as starred", () => {
    for (const f of FIELDS) {
      const color = basic().getCell(`${SINGLE_FIELD_LAYOUT.labelColumn}${f.row}`).font?.color?.argb;
      if (f.required) expect(color).toBe("FFC00000");
      else expect(color).not.toBe("FFC00000");
    }
  });

  it("prefills the year and leaves every other input blank (report_type included)", () => {
    for (const f of FIELDS) {
      const v = basic().getCell(cellOf(f)).value;
      if (f.id === "year") expect(v).toBe(TEMPLATE.defaultYear);
      else expect(v).toBeNull();
    }
  });

  it("has the title, section titles and the seal block", () => {
    expect(String(basic().getCell("A1").value)).toBe(`${TEMPLATE.defaultYear}年${TEMPLATE.title}`);
    for (const s of BASIC_SECTIONS) expect(basic().getCell(`A${s.row}`).value).toBe(s.title);
    const sealTexts = basic().getRow(SEAL_BLOCK.row).values as unknown[];
    expect(sealTexts).toContain(SEAL_BLOCK.unitLabel);
    expect(sealTexts).toContain(SEAL_BLOCK.dateLabel);
  });
});

describe("table sheets agree with describe", () => {
  it("title in row 1, a note in row 2, the labels at headerRow in the definition's columns", () => {
    for (const t of describeTemplate().tables) {
      const ws = sheet(wb, t.sheet);
      const def = TABLES.find((x) => x.id === t.id)!;
      expect(ws.getCell("A1").value).toBe(def.label);
      expect(String(ws.getCell("A2").value).length).toBeGreaterThan(10);
      for (const c of t.columns) {
        expect(ws.getCell(`${c.column}${t.headerRow}`).value).toBe(c.label);
        expect(ws.getCell(`${c.column}${t.headerRow}`).protection?.locked).not.toBe(false);
        expect(ws.getColumn(c.column).width).toBe(def.columns.find((x) => x.id === c.id)!.width);
      }
      for (const r of preparedRows(def))
        for (const c of def.columns) expect(ws.getCell(`${c.column}${r}`).protection?.locked).toBe(false);
    }
  });

  it("has room for the spec's minimum rows", () => {
    const room = Object.fromEntries(TABLES.map((t) => [t.id, t.capacity]));
    expect(room.events).toBeGreaterThanOrEqual(200);
    expect(room.media).toBeGreaterThanOrEqual(100);
    expect(room.evidence).toBeGreaterThanOrEqual(100);
    expect(room.explanations).toBeGreaterThanOrEqual(50);
  });

  it("freezes the rows down to the header", () => {
    for (const t of TABLES) {
      const view = sheet(wb, t.sheet).views[0] as ExcelJS.WorksheetViewFrozen;
      expect(view.state).toBe("frozen");
      expect(view.ySplit).toBe(t.headerRow);
    }
  });
});

describe("data validation", () => {
  const inputs = () => [
    ...FIELDS.map((f) => ({ spec: f as typeof f & { id: string }, ws: sheet(wb, f.sheet), cells: [cellOf(f)] })),
    ...TABLES.flatMap((t) =>
      t.columns.map((c) => ({ spec: c, ws: sheet(wb, t.sheet), cells: preparedRows(t).map((r) => `${c.column}${r}`) })),
    ),
  ];

  it("every enum input has a dropdown with exactly its options, in every prepared row", () => {
    let checked = 0;
    for (const { spec, ws, cells } of inputs().filter((x) => x.spec.type === "enum")) {
      for (const cell of cells) {
        const dv = ws.getCell(cell).dataValidation;
        expect(dv?.type).toBe("list");
        expect(listOptions(wb, dv)).toEqual(spec.options);
        expect(dv.showErrorMessage).toBe(true);
        expect(dv.error).toMatch(/请从下拉列表中选择/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("every headcount input allows only whole numbers ≥ 0, with a Chinese message", () => {
    for (const { ws, cells } of inputs().filter((x) => x.spec.type === "headcount")) {
      for (const cell of cells) {
        const dv = ws.getCell(cell).dataValidation;
        expect(dv).toMatchObject({
          type: "whole",
          operator: "greaterThanOrEqual",
          formulae: [0],
          showErrorMessage: true,
          errorStyle: "stop",
        });
        expect(dv.error).toMatch(/不小于0的整数/);
      }
    }
  });

  it("the year is a whole number in the definition's range", () => {
    const year = FIELDS.find((f) => f.id === "year")!;
    expect(sheet(wb, year.sheet).getCell(cellOf(year)).dataValidation).toMatchObject({
      type: "whole",
      operator: "between",
      formulae: [year.min, year.max],
    });
  });

  it("every date input has a date rule (table dates within the report year)", () => {
    for (const { spec, ws, cells } of inputs().filter((x) => x.spec.type === "date")) {
      for (const cell of cells) {
        const dv = ws.getCell(cell).dataValidation;
        expect(dv.type).toBe("date");
        const [from, to] = dv.formulae.map((d: string) => new Date(d));
        expect(from.toISOString().slice(0, 10)).toBe(`${TEMPLATE.defaultYear}-01-01`);
        expect(to.getUTCFullYear()).toBe(TEMPLATE.defaultYear + (spec.id === "fill_date" ? 1 : 0));
        expect(ws.getCell(cell).numFmt).toBe("yyyy-mm-dd");
      }
    }
  });

  it("every input shows its hint as the prompt; the validation stops after the last prepared row", () => {
    for (const { spec, ws, cells } of inputs()) {
      const dv = ws.getCell(cells[0]).dataValidation;
      if (!dv) continue;
      expect(dv.showInputMessage).toBe(true);
      expect(dv.prompt).toBe(spec.hint);
      expect(dv.promptTitle).toBe(spec.label);
    }
    for (const t of TABLES)
      expect(
        sheet(wb, t.sheet).getCell(`${t.columns[0].column}${lastPreparedRow(t) + 1}`).dataValidation,
      ).toBeUndefined();
  });

  it("credit code and phone are text cells, so an 18-character code stays exact", async () => {
    for (const id of ["credit_code", "contact_phone"]) {
      const f = FIELDS.find((x) => x.id === id)!;
      expect(sheet(wb, f.sheet).getCell(cellOf(f)).numFmt).toBe("@");
    }
    const f = FIELDS.find((x) => x.id === "credit_code")!;
    expect(sheet(wb, f.sheet).getCell(cellOf(f)).dataValidation).toMatchObject({
      type: "textLength",
      operator: "equal",
      formulae: [18],
    });
  });

  it("long lists go to a range on the hidden sheet, short ones stay inline", () => {
    expect(listSource("x", ["是", "否"])).toBe('"是,否"');
    const many = Array.from({ length: 100 }, (_, i) => `选项${i}`);
    expect(many.join(",").length).toBeGreaterThan(INLINE_LIST_LIMIT);
    expect(listSource("district", many)).toMatch(/^'模板信息'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
    expect(listSource("unit_category", ["含,逗号"])).toMatch(/^'模板信息'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
  });
});

describe("protection and defined names", () => {
  it("protects every visible sheet without a password; table sheets allow row insertion and deletion", () => {
    for (const ws of wb.worksheets.filter((w) => w.state === "visible")) {
      const p = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
      expect(p?.sheet).toBe(true);
      expect(p.hashValue).toBeUndefined();
      expect(p.algorithmName).toBeUndefined();
      const isTable = TABLES.some((t) => t.sheet === ws.name);
      expect(Boolean(p.insertRows)).toBe(isTable);
      expect(Boolean(p.deleteRows)).toBe(isTable);
    }
  });

  it("labels, titles and self-check cells are locked", () => {
    const basic = sheet(wb, SHEETS.basic);
    for (const f of FIELDS) expect(basic.getCell(`B${f.row}`).protection?.locked).not.toBe(false);
    expect(basic.getCell("A1").protection?.locked).not.toBe(false);
    const check = sheet(wb, SHEETS.selfCheck);
    for (const l of SELF_CHECK_LINES) expect(check.getCell(`C${l.row}`).protection?.locked).not.toBe(false);
  });

  it("fld_<id> names every single field's input cell; tbl_<id> each table's first header cell", () => {
    const names = definedNames(wb);
    for (const f of describeTemplate().fields) {
      const abs = f.cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
      expect(names[definedNameOf(f.id as FieldId)]).toEqual([`'${f.sheet}'!${abs}`]);
    }
    for (const t of describeTemplate().tables)
      expect(names[`tbl_${t.id}`]).toEqual([`'${t.sheet}'!$${t.columns[0].column}$${t.headerRow}`]);
  });
});

describe("formatting, printing, formulas", () => {
  it("highlights every blank required input, and impossible headcounts and public > training", () => {
    const basic = sheet(wb, SHEETS.basic) as unknown as {
      conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[];
    };
    const formulasAt = (cell: string) =>
      basic.conditionalFormattings
        .filter((c) => c.ref === cell)
        .flatMap((c) => c.rules.flatMap((r) => r.formulae ?? []));
    for (const f of FIELDS) {
      const cell = cellOf(f);
      expect(formulasAt(cell).includes(`LEN(${cell})=0`)).toBe(f.required);
      if (f.type === "headcount") expect(formulasAt(cell).join(" ")).toContain(`${cell}<0`);
    }
    expect(formulasAt("C22").join(" ")).toContain("C22>fld_training_sessions");
    for (const t of TABLES) {
      const ws = sheet(wb, t.sheet) as unknown as { conditionalFormattings: { ref: string }[] };
      for (const c of t.columns.filter((x) => x.required)) {
        expect(ws.conditionalFormattings.map((x) => x.ref)).toContain(
          `${c.column}${t.firstRow}:${c.column}${lastPreparedRow(t)}`,
        );
      }
    }
  });

  it("prints on A4, one page wide, with repeated titles; wide tables in landscape", () => {
    for (const t of TABLES) {
      const ps = sheet(wb, t.sheet).pageSetup;
      expect(ps).toMatchObject({
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `1:${t.headerRow}`,
      });
      expect(ps.orientation).toBe(t.columns.reduce((a, c) => a + c.width, 0) > 95 ? "landscape" : "portrait");
    }
    expect(sheet(wb, SHEETS.basic).pageSetup).toMatchObject({
      paperSize: 9,
      fitToPage: true,
      fitToHeight: 0,
      printTitlesRow: "1:3",
    });
  });

  it("has formulas only on 自检 and 打印稿, and a result formula on every self-check line plus the overall line", () => {
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) expect([SHEETS.selfCheck, SHEETS.print]).toContain(ws.name);
          if (typeof cell.value === "string" && cell.value.startsWith("="))
            throw new Error(`text that looks like a formula at ${ws.name}!${cell.address}`);
        }),
      );
    }
    const check = sheet(wb, SHEETS.selfCheck);
    expect(check.getCell(SELF_CHECK.overallCell).formula).toMatch(/全部通过/);
    SELF_CHECK_LINES.forEach((l, i) => {
      expect(l.row).toBe(SELF_CHECK.firstRow + i);
      expect(check.getCell(`A${l.row}`).value).toBe(RULES[l.rule].name);
      expect(check.getCell(`B${l.row}`).value).toBe(l.name);
      expect(check.getCell(`C${l.row}`).formula).toMatch(/^IFERROR\(/);
      expect(check.getCell(`C${l.row}`).formula).not.toMatch(/\b(LET|FILTER|IFS|XLOOKUP|SEQUENCE|UNIQUE|LAMBDA)\(/);
    });
    expect(new Set(SELF_CHECK_LINES.map((l) => l.id)).size).toBe(SELF_CHECK_LINES.length);
  });

  it("has a self-check line for every required field and every formula rule of spec §4", () => {
    const ids = SELF_CHECK_LINES.map((l) => l.id);
    for (const f of FIELDS.filter((x) => x.required)) expect(ids).toContain(`required.${f.id}`);
    for (const rule of [
      "public.le_training",
      "public.min_one",
      "training.matches_events",
      "public.matches_events",
      "regulation.covers_events",
      "outline.covers_events",
      "district.matches_category",
      "sealed.no",
      "sessions.without_participants",
      "deadline.late",
      "stage.after_june",
      "media.none",
      "evidence.none",
    ]) {
      expect(ids).toContain(rule);
    }
  });

  it("the 填报说明 names the deadlines, the attachments and how to seal and send", async () => {
    const text = (sheet(wb, SHEETS.guide).getColumn("A").values as unknown[]).join("\n");
    for (const s of [
      "6月27日前",
      "11月10日前",
      "佐证材料",
      "加盖公章",
      "市市场监管委标准化处政务邮箱",
      "核实说明",
      "自检",
    ])
      expect(text).toContain(s);
  });
});
