import { cellOf, FIELDS, SHEETS, TEMPLATE } from "../../src/core/definition";
import { locateReport, MIN_FIELDS_FOUND } from "../../src/core/locate";
import { LABEL_SCAN } from "../../src/core/locate/grid";
import type { RawReport, WorkbookGrid } from "../../src/core/model";
import { describeLayoutChange } from "../../src/core/rules/layout";
import { GOOD_FILL, insertColumns, insertRows, renameSheet, setCell, templateGrid } from "./locate-helpers";

function located(grid: WorkbookGrid): RawReport {
  const r = locateReport(grid);
  if (!r.ok) throw new Error(`expected a report, got ${r.code}: ${r.message}`);
  return r.report;
}

/** The layout changes found, in the words the template.modified finding uses. */
const changes = (r: RawReport) => r.layoutChanges.map(describeLayoutChange);

describe("locateReport on an unchanged template", () => {
  const report = located(templateGrid());

  it("finds every single field at its template cell with its value", () => {
    for (const f of FIELDS) {
      expect(report.fields[f.id]).toEqual({
        value: f.id === "credit_code" ? null : GOOD_FILL.fields[f.id],
        sheet: f.sheet,
        cell: cellOf(f),
      });
    }
  });

  it("reads the non-empty table rows with their worksheet rows and cells", () => {
    expect(report.tables.events.map((r) => r.row)).toEqual([4, 5]);
    expect(report.tables.events[1].cells.participants).toEqual({ value: 120, sheet: "活动明细", cell: "F5" });
    expect(report.tables.events[0].cells.note).toEqual({ value: null, sheet: "活动明细", cell: "J4" });
    expect(report.tables.media).toHaveLength(1);
    expect(report.tables.evidence).toHaveLength(1);
    expect(report.tables.explanations).toEqual([]);
  });

  it("reports no layout change and takes the version and year from the meta sheet", () => {
    expect(changes(report)).toEqual([]);
    expect(report.templateVersion).toBe(TEMPLATE.version);
    expect(locateReport(templateGrid())).toMatchObject({ ok: true, templateYear: TEMPLATE.defaultYear });
    expect(locateReport(templateGrid(GOOD_FILL, { meta: false }))).not.toHaveProperty("templateYear");
  });

  it("passes the 1904 flag through", () => {
    expect(located({ ...templateGrid(), date1904: true }).date1904).toBe(true);
    expect(report.date1904).toBeUndefined();
  });
});

describe("blanks and empty rows", () => {
  it('treats "" (Office.js blanks) like null and skips rows of blanks or white space wherever they stand', () => {
    let g = templateGrid({ ...GOOD_FILL, fields: { ...GOOD_FILL.fields, contact_email: "" } });
    g = setCell(g, "活动明细", "B7", "   ");
    g = setCell(g, "活动明细", "A9", "2023-07-01");
    const r = located(g);
    expect(r.fields.contact_email.value).toBeNull();
    expect(r.tables.events.map((x) => x.row)).toEqual([4, 5, 9]);
  });

  it("ignores values in columns that are not part of the table", () => {
    const r = located(setCell(templateGrid(), "活动明细", "M20", "草稿"));
    expect(r.tables.events.map((x) => x.row)).toEqual([4, 5]);
  });
});

describe("a unit's layout changes", () => {
  it("rows inserted above the fields: names follow, values read at their new cells, moves described once", () => {
    const r = located(insertRows(templateGrid(), SHEETS.basic, 3, 2));
    expect(r.fields.contact_phone.cell).toBe("C15");
    expect(r.fields.contact_phone.value).toBe("13812345678");
    expect(changes(r)).toHaveLength(1);
    expect(changes(r)[0]).toContain("下移了 2 行");
    expect(changes(r)[0]).toContain("基本情况!C5 移到 C7");
  });

  it("one row inserted between two fields moves only those below it", () => {
    const r = located(insertRows(templateGrid(), SHEETS.basic, 13, 1));
    expect(r.fields.contact_name.cell).toBe("C12");
    expect(r.fields.contact_phone.cell).toBe("C14");
    expect(changes(r).join("\n")).toContain("下移了 1 行");
  });

  it("without defined names, fields are found by their labels", () => {
    const r = located(insertRows(templateGrid(GOOD_FILL, { names: false }), SHEETS.basic, 13, 2));
    expect(r.fields.contact_phone).toEqual({ value: "13812345678", sheet: "基本情况", cell: "C15" });
    expect(r.fields.contact_name.cell).toBe("C12");
  });

  it("a name that points at the wrong cell loses to the label", () => {
    const g = templateGrid();
    const r = located({ ...g, names: { ...g.names, fld_contact_phone: { sheet: "基本情况", cell: "C20" } } });
    expect(r.fields.contact_phone.cell).toBe("C13");
    expect(changes(r)).toEqual([]);
  });

  it("two single moves are described one by one", () => {
    let g = templateGrid(GOOD_FILL, { names: false });
    g = setCell(g, "基本情况", "B13", null);
    g = setCell(g, "基本情况", "C13", null);
    g = setCell(g, "基本情况", "B40", "联系电话");
    g = setCell(g, "基本情况", "C40", "022-27182133");
    const r = located(g);
    expect(r.fields.contact_phone).toEqual({ value: "022-27182133", sheet: "基本情况", cell: "C40" });
    expect(changes(r)).toEqual(["“联系电话”已从 基本情况!C13 移到 C40"]);
  });

  it("a renamed sheet is found through its names and reported", () => {
    const r = located(renameSheet(templateGrid(), "活动明细", "活动"));
    expect(r.tables.events.map((x) => x.cells.title.sheet)).toEqual(["活动", "活动"]);
    expect(changes(r)).toEqual(["工作表“活动明细”已改名为“活动”"]);
  });

  it("a renamed sheet without names is found by its contents", () => {
    const r = located(
      renameSheet(renameSheet(templateGrid(), "基本情况", "基本信息", { keepNames: false }), "宣传报道", "报道", {
        keepNames: false,
      }),
    );
    expect(r.fields.unit_name).toEqual({ value: GOOD_FILL.fields.unit_name, sheet: "基本信息", cell: "C8" });
    expect(r.tables.media[0].cells.outlet.sheet).toBe("报道");
    expect(changes(r)).toEqual(
      expect.arrayContaining(["工作表“基本情况”已改名为“基本信息”", "工作表“宣传报道”已改名为“报道”"]),
    );
  });

  it("a sheet carrying another template sheet's name is never taken for a renamed one", () => {
    let g = renameSheet(templateGrid(GOOD_FILL, { names: false }), "基本情况", "基本信息");
    g = {
      ...g,
      sheets: [{ name: SHEETS.selfCheck, rows: g.sheets.find((s) => s.name === "基本信息")!.rows }, ...g.sheets],
    };
    expect(located(g).fields.unit_name.sheet).toBe("基本信息");
  });

  it("an empty sheet under the template's name does not hide the renamed real one", () => {
    const g = renameSheet(templateGrid(GOOD_FILL, { names: false }), "基本情况", "基本情况(2)");
    const r = located({ ...g, sheets: [{ name: "基本情况", rows: [["新建的空表"]] }, ...g.sheets] });
    expect(r.fields.unit_name).toEqual({ value: GOOD_FILL.fields.unit_name, sheet: "基本情况(2)", cell: "C8" });
    expect(changes(r)).toEqual(["工作表“基本情况”已改名为“基本情况(2)”"]);
  });

  it("rows inserted in a table and above its header: rows read where they are now", () => {
    let g = insertRows(templateGrid(), "活动明细", 5, 3);
    g = insertRows(g, "活动明细", 2, 1);
    const r = located(g);
    expect(r.tables.events.map((x) => x.row)).toEqual([5, 9]);
    expect(r.tables.events[1].cells.participants.cell).toBe("F9");
    expect(changes(r)).toEqual(["“活动明细”表的表头已从第 3 行移到第 4 行"]);
  });

  it("a table header found by labels when its name is gone, and moved or inserted columns by their header labels", () => {
    let g = insertColumns(templateGrid(GOOD_FILL, { names: false }), "活动明细", "F", 1);
    g = insertRows(g, "活动明细", 1, 2);
    const r = located(g);
    expect(r.tables.events[0].cells.participants).toEqual({ value: 150, sheet: "活动明细", cell: "G6" });
    expect(r.tables.events[0].cells.title.cell).toBe("B6");
    expect(changes(r).join("\n")).toContain("表头已从第 3 行移到第 5 行");
    expect(changes(r).join("\n")).toContain("5 列右移了 1 列");
  });

  it("a swapped pair of columns is followed by header", () => {
    let g = setCell(templateGrid(), "宣传报道", "C3", "标题");
    g = setCell(g, "宣传报道", "D3", "媒体名称");
    const r = located(g);
    expect(r.tables.media[0].cells.outlet).toEqual({
      value: GOOD_FILL.tables.media[0].title,
      sheet: "宣传报道",
      cell: "D4",
    });
    expect(changes(r)).toEqual([
      "“宣传报道”表的“媒体名称”列已从 C 列移到 D 列",
      "“宣传报道”表的“标题”列已从 D 列移到 C 列",
    ]);
  });

  it("a deleted optional column reads as blank and is reported", () => {
    const r = located(setCell(templateGrid(), "活动明细", "J3", null));
    expect(r.tables.events[0].cells.note.value).toBeNull();
    expect(changes(r)).toEqual(["“活动明细”表缺少“备注”列"]);
  });

  it("extra sheets are ignored; hidden ones still read", () => {
    const g = templateGrid();
    const r = located({
      ...g,
      sheets: [
        ...g.sheets.map((s) => (s.name === "佐证材料" ? { ...s, hidden: true } : s)),
        { name: "草稿", rows: [["联系电话", "000"]] },
      ],
    });
    expect(r.fields.contact_phone.cell).toBe("C13");
    expect(r.tables.evidence).toHaveLength(1);
    expect(changes(r)).toEqual([]);
  });

  it("contents copied into a new workbook (no meta, no names) are read, with a note", () => {
    const r = located(templateGrid(GOOD_FILL, { meta: false, names: false }));
    expect(r.fields.fill_date.value).toBe("2023-11-01");
    expect(r.templateVersion).toBeUndefined();
    expect(changes(r)).toEqual([expect.stringContaining("模板信息")]);
  });

  it("a missing table sheet gives no rows and a note", () => {
    const g = templateGrid();
    const r = located({ ...g, sheets: g.sheets.filter((s) => s.name !== "佐证材料") });
    expect(r.tables.evidence).toEqual([]);
    expect(r.layoutChanges).toEqual([{ kind: "tableSheetMissing", table: "evidence", templateSheet: "佐证材料" }]);
    expect(r.sheets[SHEETS.evidence]).toBeNull();
  });

  it("a field whose label and name are gone reads as blank at its template cell, with a note", () => {
    const g = setCell(templateGrid(GOOD_FILL, { names: false }), "基本情况", "B14", "邮箱地址");
    const r = located(g);
    expect(r.fields.contact_email).toEqual({ value: null, sheet: "基本情况", cell: "C14" });
    expect(changes(r)).toEqual(["未找到“电子邮箱”栏目（模板位置 基本情况!C14）"]);
  });
});

describe("workbooks that are not this template", () => {
  it("an unrelated workbook is refused, not half-read", () => {
    const r = locateReport({
      sheets: [
        {
          name: "Sheet1",
          rows: [
            ["姓名", "电话"],
            ["张三", "13812345678"],
          ],
        },
      ],
      names: {},
    });
    expect(r).toMatchObject({ ok: false, code: "not_template" });
    if (!r.ok) expect(r.message).toContain("模板");
  });

  it("a large unrelated workbook is refused after reading only its top rows (labels are looked for there)", () => {
    const rows = Array.from({ length: 100_000 }, (_, r) =>
      Array.from({ length: 12 }, (_, c) => (c % 3 === 0 ? `单元格 ${r}-${c}` : r * c)),
    );
    const read = new Set<number>();
    const counted = new Proxy(rows, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) read.add(Number(key));
        return Reflect.get(target, key, receiver);
      },
    });
    const r = locateReport({
      sheets: [
        { name: "数据", rows: counted },
        { name: "数据2", rows: counted },
      ],
      names: {},
    });
    expect(r.ok).toBe(false);
    expect(read.size).toBeGreaterThan(0);
    expect(Math.max(...read)).toBeLessThan(LABEL_SCAN.rows); // of 100,000
  });

  it("an empty workbook (no sheets) is refused", () => {
    expect(locateReport({ sheets: [], names: {} }).ok).toBe(false);
  });

  it("another template's meta sheet is refused even with matching labels", () => {
    const g = setCell(templateGrid(), SHEETS.meta, "B1", "other-template");
    const r = locateReport(g);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail).toContain("other-template");
  });

  it("just under the threshold of labels is refused; at the threshold it is read", () => {
    const blankLabels = (keep: number) => {
      let g = templateGrid(GOOD_FILL, { meta: false, names: false });
      FIELDS.slice(keep).forEach((f) => (g = setCell(g, f.sheet, `B${f.row}`, null)));
      return g;
    };
    expect(locateReport(blankLabels(MIN_FIELDS_FOUND - 1)).ok).toBe(false);
    expect(locateReport(blankLabels(MIN_FIELDS_FOUND)).ok).toBe(true);
  });
});
