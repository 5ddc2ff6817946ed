/**
 * A field added to the template definition is a column of the master without another edit: its
 * label heads a 汇总表 column, a headcount is totalled there and on 统计.
 */
import type ExcelJS from "exceljs";
import type * as Definition from "../../src/core/definition";
import type * as Fixture from "./merge-result";
import type * as Reader from "./read-master";

const VOLUNTEERS: Definition.FieldDef<string> = {
  id: "volunteers",
  label: "志愿者服务人次",
  type: "headcount",
  required: false,
  sheet: "基本情况",
  row: 29,
  hint: "填写不小于0的整数。",
};

describe("a headcount added to the definition", () => {
  let reader: typeof Reader;
  let fixture: typeof Fixture;
  beforeAll(() => {
    jest.resetModules();
    jest.doMock("../../src/core/definition", () => {
      const actual = jest.requireActual<typeof Definition>("../../src/core/definition");
      return { ...actual, FIELDS: [...actual.FIELDS, VOLUNTEERS] };
    });
    reader = jest.requireActual<typeof Reader>("./read-master");
    fixture = jest.requireActual<typeof Fixture>("./merge-result");
  });
  afterAll(() => {
    jest.dontMock("../../src/core/definition");
    jest.resetModules();
  });

  it("heads a 汇总表 column, holds each unit's value and is totalled in 汇总表 and 统计", async () => {
    const base = fixture.sampleResult();
    const units = base.units.map((u, i) => ({ ...u, values: { ...u.values, volunteers: 5 + i } }));
    const totals = { ...base.totals, headcounts: { ...base.totals.headcounts, volunteers: 18 } };
    const m = await reader.writeAndRead({ ...base, units, totals });
    try {
      const summary = m.workbook.getWorksheet("汇总表") as ExcelJS.Worksheet;
      expect(reader.headers(summary)).toContain(VOLUNTEERS.label);
      expect([2, 3, 4, 5].map((r) => reader.cellUnder(summary, VOLUNTEERS.label, r).value)).toEqual([5, 6, 7, 18]);
      expect(reader.headers(m.workbook.getWorksheet("统计") as ExcelJS.Worksheet, 3)).toContain(VOLUNTEERS.label);
    } finally {
      m.cleanup();
    }
  });
});
