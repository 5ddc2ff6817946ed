/* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read --
   these tests read before syncing on purpose, to see the stand-in refuse as Excel does */
/**
 * The strict Excel stand-in behaves as Excel does where adapter bugs hide; if it did not, the adapter
 * tests against it would prove nothing.
 */
import { writeTemplate } from "../../src/xlsx/template-writer";
import { SHEETS } from "../../src/core/definition";
import { ExcelSim } from "../helpers/excel-sim";
import { readInsertedWorkbook } from "../helpers/excel-sim/reader";

type Ctx = Excel.RequestContext;

function simWith(sheets: string[]): ExcelSim {
  const sim = new ExcelSim({ read: readInsertedWorkbook });
  for (const s of sheets) sim.workbook.addSheet(s);
  return sim;
}

describe("the strict Excel stand-in", () => {
  it("throws PropertyNotLoaded for a property read before load+sync, and counts it", async () => {
    const sim = simWith(["A"]);
    await expect(
      sim.excel.run(async (ctx: Ctx) => {
        const ws = ctx.workbook.worksheets.getItem("A");
        ws.load("name");
        return ws.name; // no sync yet
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    expect(sim.stats.unloadedReads).toEqual(["WorksheetProxy.name"]);
    const name = await sim.excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("A");
      ws.load("name");
      await ctx.sync();
      return ws.name;
    });
    expect(name).toBe("A");
  });

  it("fails the sync with ItemNotFound for getItem of a missing sheet; getItemOrNullObject gives a null object", async () => {
    const sim = simWith(["A"]);
    await expect(
      sim.excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("B");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    const nulls = await sim.excel.run(async (ctx: Ctx) => {
      const a = ctx.workbook.worksheets.getItemOrNullObject("a");
      const b = ctx.workbook.worksheets.getItemOrNullObject("B");
      expect(() => b.isNullObject).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      return [a.isNullObject, b.isNullObject];
    });
    expect(nulls).toEqual([false, true]);
  });

  it("counts every sync, the closing one of Excel.run included when something is left queued", async () => {
    const sim = simWith(["A"]);
    await sim.excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("B2").values = [[1]];
    });
    await sim.excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.load("items");
      await ctx.sync();
    });
    expect(sim.stats.runs.map((r) => r.syncs)).toEqual([1, 1]);
    expect(sim.value("A", "B2")).toBe(1);
  });

  it("raises onChanged for the add-in's writes as ThisLocalAddin and for sim.edit as a user's", async () => {
    const sim = simWith(["A"]);
    const seen: unknown[] = [];
    sim.handlers.changed.add((e) => void seen.push(e));
    await sim.excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("C3").values = [["x"]];
    });
    sim.edit("A", "C4", "12");
    await sim.settled();
    expect(seen).toEqual([
      expect.objectContaining({ address: "C3", triggerSource: "ThisLocalAddin", changeType: "RangeEdited" }),
      expect.objectContaining({ address: "C4", triggerSource: "Unknown" }),
    ]);
    expect(sim.value("A", "C4")).toBe(12); // typed digits become a number, as in Excel
  });

  it("refuses a batch during cell edit unless it asks to wait (delayForCellEdit)", async () => {
    jest.useFakeTimers();
    const sim = simWith(["A"]);
    sim.beginCellEdit();
    const plain = sim.excel.run(async (ctx: Ctx) => ctx.sync());
    await expect(plain).rejects.toMatchObject({ code: "InvalidOperation" });
    let ran = false;
    const delayed = sim.excel.run({ delayForCellEdit: true }, async (ctx: Ctx) => {
      ran = true;
      await ctx.sync();
    });
    await jest.advanceTimersByTimeAsync(60_000); // a minute of editing on the fake clock: still waiting
    expect(ran).toBe(false);
    sim.endCellEdit();
    await delayed;
    expect(ran).toBe(true);
  });

  it("shifts cells, names and conditional formats when rows are inserted", async () => {
    const sim = simWith(["A"]);
    sim.edit("A", "B5", "v");
    await sim.excel.run(async (ctx: Ctx) => {
      ctx.workbook.names.add("n", "='A'!$B$5");
      const cf = ctx.workbook.worksheets
        .getItem("A")
        .getRange("B5")
        .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = "=TRUE";
    });
    sim.insertRows("A", 3, 2);
    expect(sim.value("A", "B7")).toBe("v");
    expect(sim.value("A", "B5")).toBeNull();
    expect(sim.names()).toEqual({ n: "=A!$B$7" });
    expect(sim.conditionalFormats("A")).toEqual([{ address: "B7", formula: "=TRUE", fill: null }]);
  });

  it("deletes rows: their cells and marks go, names to them break, everything below moves up", async () => {
    const sim = simWith(["A"]);
    sim.edit("A", "B3", "gone");
    sim.edit("A", "B6", "kept");
    await sim.excel.run(async (ctx: Ctx) => {
      ctx.workbook.names.add("onGone", "=A!$B$3");
      ctx.workbook.names.add("onKept", "=A!$B$6");
      for (const a of ["B3", "B6"])
        ctx.workbook.worksheets
          .getItem("A")
          .getRange(a)
          .conditionalFormats.add("Custom" as Excel.ConditionalFormatType).custom.rule.formula = "=TRUE";
    });
    sim.deleteRows("A", 2, 2);
    expect(sim.value("A", "B4")).toBe("kept");
    expect(sim.values("A").flat()).not.toContain("gone");
    expect(sim.names()).toEqual({ onGone: "=#REF!", onKept: "=A!$B$4" });
    expect(sim.conditionalFormats("A").map((c) => c.address)).toEqual(["B4"]);
  });

  it("refuses conditional formats on a protected sheet unless its protection allows formatting cells", async () => {
    const sim = simWith(["A"]);
    const sheet = sim.workbook.sheet("A");
    sheet.protected = true;
    const addMark = () =>
      sim.excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets
          .getItem("A")
          .getRange("B2")
          .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        await ctx.sync();
      });
    await expect(addMark()).rejects.toMatchObject({ code: "AccessDenied" });
    sheet.formatCells = true;
    await expect(addMark()).resolves.toBeUndefined();
  });

  it("inserts a workbook from base64 with its own reader, renames taken sheet names and breaks the names", async () => {
    const sim = simWith([SHEETS.selfCheck]);
    const base64 = (await writeTemplate()).toString("base64");
    const ids = await sim.excel.run(async (ctx: Ctx) => {
      const r = ctx.workbook.insertWorksheetsFromBase64(base64);
      await ctx.sync();
      return r.value;
    });
    expect(ids).toHaveLength(Object.keys(SHEETS).length); // every sheet the template has, the hidden 模板信息 included
    expect(sim.workbook.sheets.map((s) => s.name)).toContain(`${SHEETS.selfCheck} (2)`);
    expect(sim.names()["fld_unit_name"]).toMatch(/^=#REF!/);
    expect(sim.workbook.sheet(SHEETS.basic).protected).toBe(true);
    sim.edit(SHEETS.basic, "C8", "天津市某单位"); // an input cell: unlocked
    expect(sim.stats.lockedEdits).toEqual([]);
    sim.edit(SHEETS.basic, "B8", "x"); // a label: Excel would refuse, the stand-in records it
    expect(sim.stats.lockedEdits).toEqual([`${SHEETS.basic}!B8`]);
  });
});
