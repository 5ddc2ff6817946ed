/**
 * What is WPS's own in the WPS adapter: the version check, what a copied sheet may lose, what each
 * operation costs in WPS calls (each blocks WPS), writes yielding to WPS between chunks, and 汇总
 * opening the master from a temporary file.
 */
import { cellOf, fieldById, SHEETS, tableById } from "../../src/core/definition";
import type { Finding } from "../../src/core/model";
import { connectWps } from "../../src/wps/connect";
import { createWpsOperations } from "../../src/wps/operations";
import { unsupportedWpsMessage, versionSupported } from "../../src/wps/support";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { GOOD_FILL } from "../core/locate-helpers";
import { readInsertedWorkbook } from "../helpers/excel-sim/reader";
import { typeReport } from "../helpers/excel-sim/type-report";
import { WpsSim, type WpsSimOptions } from "../helpers/wps-sim";

let template: Buffer;
beforeAll(async () => {
  template = await writeTemplate();
});

async function bench(options: WpsSimOptions = {}) {
  const sim = new WpsSim({ read: readInsertedWorkbook, ...options });
  sim.workbook.addSheet("Sheet1");
  await sim.know(new Uint8Array(template));
  const ops = createWpsOperations({ app: sim.application, template: async () => template.toString("base64") });
  return { sim, ops };
}

async function inserted(options: WpsSimOptions = {}) {
  const b = await bench(options);
  const r = await b.ops.insertTemplate();
  if (r.kind !== "inserted") throw new Error(JSON.stringify(r));
  return b;
}

const events = tableById("events");
const headcount = fieldById("regulation_participants");

describe("which WPS", () => {
  it("WPS 2019 (11.1) and later run the pane; older or unreadable versions are told the version they need", async () => {
    expect(["11.1.0.11830", "12.1.0.17827", "12.8.2"].map(versionSupported)).toEqual([true, true, true]);
    expect(["10.8.2.6666", "11.0.9", "", "WPS"].map(versionSupported)).toEqual([false, false, false, false]);
    const { sim, ops } = await bench({ version: "10.8.2.6666" });
    const s = ops.support();
    expect(s.insertTemplate).toMatchObject({ available: false });
    const r = await ops.insertTemplate();
    expect(r).toEqual({ kind: "unsupported", message: unsupportedWpsMessage("10.8.2.6666") });
    expect(r.kind === "unsupported" && r.message).toMatch(/WPS Office 2019（版本 11\.1\.0）.*10\.8\.2\.6666/);
    expect(sim.workbook.sheets.map((x) => x.name)).toEqual(["Sheet1"]);
  });

  it("a WPS without Application.ApiEvent (no JS add-in events) is not supported either", async () => {
    const { ops } = await bench({ apiEvent: false });
    expect(ops.support().liveValidation).toMatchObject({ available: false });
  });
});

describe("插入模板 through a temporary file", () => {
  it("opens the template from a temporary file, copies its sheets, closes and removes the file", async () => {
    const { sim } = await inserted();
    expect(sim.files.size).toBe(0);
    expect(sim.openedCount).toBe(0);
    expect(sim.stats.byMember.get("Workbooks.Open")).toBe(1);
    expect(sim.stats.byMember.get("Workbook.Close")).toBe(1);
  });

  it("recreates names whatever the copies brought (none, or broken links to the closed file)", async () => {
    for (const names of ["none", "broken", "kept"] as const) {
      const { sim } = await inserted({ copyKeeps: { names } });
      expect([names, sim.names()[`fld_${headcount.id}`]]).toEqual([
        names,
        `=${headcount.sheet}!$${cellOf(headcount).replace(/(\d+)/, "$$$1")}`,
      ]);
    }
  });

  it("says what a copy lost (protection, dropdowns) instead of reporting success", async () => {
    const { ops } = await bench({ copyKeeps: { protection: false, validation: false } });
    const r = await ops.insertTemplate();
    expect(r.kind).toBe("failed");
    const message = r.kind === "failed" ? r.message : "";
    expect(message).toContain(`工作表“${SHEETS.basic}”的保护`);
    expect(message).toMatch(/的下拉列表/);
  });
});

describe("the template status", () => {
  it("names the template's sheets present and missing, and the sheet the user is on", async () => {
    const { sim } = await inserted();
    const adapter = connectWps(sim.application, async () => template.toString("base64"));
    expect(adapter.host).toEqual({ kind: "wps", version: "11.1.0.11830", supported: true });
    sim.activate(SHEETS.events);
    expect(await adapter.workbook!.findTemplateSheets()).toEqual({
      present: expect.arrayContaining([SHEETS.basic, SHEETS.events]),
      missing: [],
      activeSheet: SHEETS.events,
    });
    const old = connectWps(new WpsSim({ version: "10.1.0" }).application, async () => "");
    expect(old.host).toEqual({ kind: "wps", version: "10.1.0", supported: false });
    expect(old.workbook).toBeNull();
  });
});

describe("what it costs WPS", () => {
  const finding = (cell: string): Finding => ({
    rule: "type.headcount",
    severity: "error",
    field: "participants",
    sheet: events.sheet,
    cell,
    message: "m",
  });

  it("a 1,000-row 活动明细 is read in bulk: the calls do not grow with the rows", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    const before = sim.stats.calls;
    await ops.validate();
    const small = sim.stats.calls - before;
    const row = GOOD_FILL.tables.events[0];
    const line = events.columns.map((c) => (row[c.id] ?? null) as string | number | null);
    sim.edit(
      events.sheet,
      `A${events.firstRow}`,
      Array.from({ length: 1000 }, () => line),
    );
    const at = sim.stats.calls;
    await ops.validate();
    expect(sim.stats.calls - at).toBe(small);
    expect(small).toBeLessThan(400);
    expect(sim.stats.byMember.get("Range.Value2")).toBeLessThanOrEqual(2 * sim.workbook.sheets.length);
  });

  it("marks cost a few calls a cell, and WPS gets its turn between chunks", async () => {
    const { sim, ops } = await inserted();
    const cells = Array.from({ length: 120 }, (_, i) => finding(`F${events.firstRow + i}`));
    let callsWhenWpsGotItsTurn = -1;
    const start = sim.stats.calls;
    setTimeout(() => (callsWhenWpsGotItsTurn = sim.stats.calls - start), 0);
    await ops.markFindings(cells);
    const total = sim.stats.calls - start;
    expect(sim.marks()).toHaveLength(120);
    expect(callsWhenWpsGotItsTurn).toBeGreaterThan(0);
    expect(callsWhenWpsGotItsTurn).toBeLessThan(total);
    expect(total).toBeLessThan(120 * 6 + 200);
    // Unchanged findings: only the listing of what is there, no writes.
    const again = sim.stats.calls;
    await ops.markFindings(cells);
    expect(sim.stats.byMember.get("FormatConditions.Add")).toBe(120);
    expect(sim.stats.calls - again).toBeLessThan(120 * 4 + 200);
  });
});

describe("汇总 in WPS", () => {
  it("opens the master as a workbook of its own from a temporary file, the open workbook untouched", async () => {
    const { sim, ops } = await inserted();
    const before = sim.workbook.sheets.map((s) => s.name);
    const master = await writeTemplate(); // any workbook's bytes: what matters is that WPS opens them
    const r = await ops.merge!.openMaster({ bytes: new Uint8Array(master), base64: "" });
    expect(r).toEqual({ kind: "opened" });
    expect(sim.openedCount).toBe(1);
    expect([...sim.files.keys()][0]).toMatch(/^\/tmp\/wps-sim\/汇总-.*\.xlsx$/);
    const [opened] = await sim.opened();
    expect(opened.sheets.map((s) => s.name)).toContain(SHEETS.basic);
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(before);
  });
});

describe("own writes and a user's, told apart by where they went", () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] }));

  for (const ownWriteEvents of [false, true])
    it(`a user's edit right after the add-in wrote is judged${ownWriteEvents ? " (own writes raise SheetChange too)" : ""}`, async () => {
      const b = await bench({ ownWriteEvents });
      const { sim } = b;
      const ops = createWpsOperations({
        app: sim.application,
        template: async () => template.toString("base64"),
        debounceMs: 10,
        graceMs: 500,
      });
      expect((await ops.insertTemplate()).kind).toBe("inserted");
      typeReport(sim, { ...GOOD_FILL, fields: { ...GOOD_FILL.fields, sealed: "否" } });
      await jest.advanceTimersByTimeAsync(1000);
      const seen: unknown[] = [];
      const stop = ops.onWorkbookChanged((v) => seen.push(v));
      const v = await ops.validate();
      const warning =
        v.kind === "checked" && v.check.ok ? v.check.judgement.findings.find((f) => f.rule === "sealed.no")! : null;
      expect((await ops.writeExplanation(warning!, "已核实")).kind).toBe("written");
      await ops.markFindings([warning!]);
      // The add-in's own writes bring nothing…
      await jest.advanceTimersByTimeAsync(100);
      expect(seen).toEqual([]);
      // …but the user typing at once, well inside the moments after them, is judged.
      sim.edit(headcount.sheet, cellOf(headcount), "很多");
      await jest.advanceTimersByTimeAsync(100);
      expect(seen).toHaveLength(1);
      stop();
    });
});

describe("typing into a cell whose mark just went", () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] }));

  it("is judged: a mark's removal is not taken for the add-in's own write of that cell", async () => {
    const { sim } = await bench();
    const ops = createWpsOperations({
      app: sim.application,
      template: async () => template.toString("base64"),
      debounceMs: 10,
      graceMs: 500,
    });
    expect((await ops.insertTemplate()).kind).toBe("inserted");
    const at = cellOf(headcount);
    const mark: Finding = {
      rule: "required",
      severity: "error",
      field: headcount.id,
      sheet: headcount.sheet,
      cell: at,
      message: "m",
    };
    await ops.markFindings([mark]);
    await jest.advanceTimersByTimeAsync(1000);
    const seen: unknown[] = [];
    const stop = ops.onWorkbookChanged((v) => seen.push(v));
    await ops.clearMarks();
    sim.edit(headcount.sheet, at, "很多");
    await jest.advanceTimersByTimeAsync(100);
    expect(seen).toHaveLength(1);
    stop();
  });
});
