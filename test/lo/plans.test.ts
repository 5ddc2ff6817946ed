/**
 * The committed PLAN.json of every LibreOffice fixture is what its case in test/lo/plans/ generates
 * today: a case or template change without `npm run fixtures:plans` (and filling the changed
 * fixtures again with LibreOffice) fails here. Needs no LibreOffice.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import * as path from "path";
import { describeTemplate } from "../../src/core/describe";
import { changed, planOfCase } from "./plans/case";
import { FIXTURES_DIR, GROUPS, fixturePlans, planText } from "./plans/fixture-plans";
import { planOf } from "./plans/plan";
import { CORRECT } from "./plans/reports";

const REGENERATE = "run `npm run fixtures:plans`, then fill the listed fixtures again with LibreOffice";

describe("committed fixture plans", () => {
  const plans = fixturePlans();

  it.each(plans.map((p) => [p.name, p]))("%s is what its case generates", (_, p) => {
    const committed = existsSync(p.file) ? readFileSync(p.file, "utf8") : "(missing)";
    if (committed !== planText(p.plan)) throw new Error(`${p.name}/PLAN.json differs from its case: ${REGENERATE}`);
  });

  it("every fixture directory has a case", () => {
    const dirs = Object.keys(GROUPS).flatMap((g) => readdirSync(path.join(FIXTURES_DIR, g)).map((n) => `${g}/${n}`));
    expect(dirs.sort()).toEqual(plans.map((p) => p.name).sort());
  });
});

describe("plans resolve ids through describe", () => {
  const cellOf = (id: string) => describeTemplate().fields.find((f) => f.id === id)!.cell;

  it("types a field into the cell describe gives it", () => {
    expect(planOf({ fields: { unit_name: "天津市某某局" }, tables: {} })).toEqual([
      { sheet: "基本情况", cell: cellOf("unit_name"), value: "天津市某某局" },
    ]);
  });

  it("types a table row into the row below the header, column by column id", () => {
    const t = describeTemplate().tables.find((x) => x.id === "events")!;
    const plan = planOf({ fields: {}, tables: { events: [null, { participants: 12 }] } });
    expect(plan).toEqual([
      { sheet: t.sheet, cell: `${t.columns.find((c) => c.id === "participants")!.column}${t.firstRow + 1}`, value: 12 },
    ]);
  });

  it("follows rows inserted and sheets renamed before the report is typed", () => {
    const plan = planOf({ fields: { unit_name: "x" }, tables: { media: [{ outlet: "y" }] } }, [
      { insert_rows: "基本情况", before: 3, count: 2 },
      { rename_sheet: "宣传报道", to: "报道" },
      { insert_columns: "报道", before: "A" },
    ]);
    expect(plan.slice(3)).toEqual([
      { sheet: "基本情况", cell: cellOf("unit_name").replace(/\d+/, (n) => String(Number(n) + 2)), value: "x" },
      { sheet: "报道", cell: "D4", value: "y" },
    ]);
  });

  it("does not move cells above an inserted row, and refuses a write into a deleted row or removed sheet", () => {
    expect(
      planOf({ fields: { report_type: "年度总结" }, tables: {} }, [
        { insert_rows: "基本情况", before: 20, count: 1 },
      ])[1],
    ).toMatchObject({ cell: cellOf("report_type") });
    expect(() =>
      planOf({ fields: { unit_name: "x" }, tables: {} }, [{ delete_rows: "基本情况", at: 8, count: 1 }]),
    ).toThrow(/deleted/);
    expect(() => planOf({ fields: { unit_name: "x" }, tables: {} }, [{ remove_sheet: "基本情况" }])).toThrow(/removed/);
  });

  it("a case changes only what it names: a field, a row's column, an emptied row", () => {
    const r = changed(CORRECT, {
      set: { sealed: "否", credit_code: null },
      rows: { events: { 1: { participants: 7 }, 2: null } },
    });
    expect(r.fields.sealed).toBe("否");
    expect(r.fields.credit_code).toBeUndefined();
    expect(r.fields.unit_name).toBe(CORRECT.fields.unit_name);
    expect(r.tables.events?.[1]).toEqual({ ...CORRECT.tables.events![1], participants: 7 });
    expect(r.tables.events).toHaveLength(2);
    expect(planOfCase({ base: CORRECT })).toHaveLength(planOf(CORRECT).length);
  });
});
