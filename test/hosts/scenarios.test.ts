/**
 * The pane's operations as a unit uses them, on both strict stand-ins: Excel's (src/office) and WPS
 * 表格's (src/wps). The same scenario, the same assertions, what a user would notice (sheets, names,
 * selection, findings, marks, 核实说明); what each costs is asserted in test/office and test/wps.
 */
import { cellOf, columnById, fieldById, SHEETS, tableById, type ColumnId } from "../../src/core/definition";
import type { Finding } from "../../src/core/model";
import { FIRST_INPUT, TEMPLATE_NAMES, nameFormula } from "../../src/host-kit/template-names";
import { createOfficeOperations } from "../../src/office/operations";
import type { TaskPaneOperations, Validation } from "../../src/ports/operations";
import { createWpsOperations } from "../../src/wps/operations";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { GOOD_FILL } from "../core/locate-helpers";
import { ExcelSim } from "../helpers/excel-sim";
import type { SimHost } from "../helpers/excel-sim/host";
import { readInsertedWorkbook } from "../helpers/excel-sim/reader";
import { typeReport } from "../helpers/excel-sim/type-report";
import { WpsSim, type WpsSimOptions } from "../helpers/wps-sim";

let template: Buffer;
beforeAll(async () => {
  template = await writeTemplate();
});

interface Bench {
  sim: SimHost & { settled(): Promise<void> };
  ops: TaskPaneOperations;
}

const HOSTS: Record<string, () => Promise<Bench>> = {
  Excel: async () => {
    const sim = new ExcelSim({ read: readInsertedWorkbook, triggerSource: false });
    sim.workbook.addSheet("Sheet1");
    const ops = createOfficeOperations({
      excel: sim.excel,
      isSetSupported: (name) => name === "ExcelApi",
      template: async () => template.toString("base64"),
      debounceMs: 10,
      graceMs: 50,
    });
    return { sim, ops };
  },
  WPS: () => wpsBench({}),
  "WPS (Address a property, own writes raise SheetChange, blanks null, errors as text)": () =>
    wpsBench({ memberStyle: "property", ownWriteEvents: true, blank: null, errors: "text" }),
};

async function wpsBench(options: WpsSimOptions): Promise<Bench> {
  const sim = new WpsSim({ read: readInsertedWorkbook, ...options });
  sim.workbook.addSheet("Sheet1");
  await sim.know(new Uint8Array(template));
  const ops = createWpsOperations({
    app: sim.application,
    template: async () => template.toString("base64"),
    debounceMs: 10,
    graceMs: 50,
  });
  return { sim, ops };
}

const headcount = fieldById("regulation_participants");
const events = tableById("events");
const explanations = tableById("explanations");
const eventCell = (row: number, column: ColumnId<"events">) =>
  `${columnById(events, column).column}${events.firstRow + row}`;

function checked(v: Validation) {
  if (v.kind !== "checked" || !v.check.ok) throw new Error(`not checked: ${JSON.stringify(v)}`);
  return v.check;
}

const quiet = (ms = 120) => jest.advanceTimersByTimeAsync(ms);

async function settled(sim: Bench["sim"]): Promise<void> {
  const done = sim.settled();
  await jest.advanceTimersByTimeAsync(0);
  await done;
}

function listen(ops: TaskPaneOperations) {
  const seen: Validation[] = [];
  const stop = ops.onWorkbookChanged((v) => seen.push(v));
  return {
    seen,
    stop,
    next: async (timeoutMs = 2000) => {
      const count = seen.length;
      for (let waited = 0; seen.length === count && waited < timeoutMs; waited += 10)
        await jest.advanceTimersByTimeAsync(10);
      if (seen.length === count) throw new Error(`no re-validation within ${timeoutMs} ms`);
      return seen[seen.length - 1];
    },
  };
}

const sortMarks = (m: { sheet: string; address: string }[]) =>
  [...m].sort((a, b) => (a.sheet + a.address).localeCompare(b.sheet + b.address));

describe.each(Object.keys(HOSTS))("%s", (host) => {
  const bench = () => HOSTS[host]();
  const inserted = async () => {
    const b = await bench();
    const r = await b.ops.insertTemplate();
    if (r.kind !== "inserted") throw new Error(`insert failed: ${JSON.stringify(r)}`);
    return b;
  };

  beforeEach(() => jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] }));

  it("插入模板: the template's sheets after the user's, every name pointing at its cell, the first input selected", async () => {
    const { sim, ops } = await bench();
    const result = await ops.insertTemplate();
    expect(result.kind).toBe("inserted");
    const sheets = sim.workbook.sheets.map((s) => s.name);
    expect(sheets[0]).toBe("Sheet1");
    expect(sheets.slice(1)).toEqual(expect.arrayContaining([SHEETS.basic, SHEETS.events, SHEETS.explanations]));
    const names = sim.names();
    for (const n of TEMPLATE_NAMES)
      expect([n.name, names[n.name]?.replace(/'/g, "")]).toEqual([n.name, nameFormula(n).replace(/'/g, "")]);
    expect(sim.selection()).toEqual({ sheet: FIRST_INPUT.sheet, address: FIRST_INPUT.cell });
    // A second insert adds nothing and says where the template is.
    expect((await ops.insertTemplate()).kind).toBe("present");
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(sheets);
  });

  it("refuses when a sheet of the user's has a template sheet's name, naming it", async () => {
    const { sim, ops } = await bench();
    sim.workbook.addSheet(SHEETS.events);
    const r = await ops.insertTemplate();
    expect(r.kind === "failed" && r.message).toContain(`“${SHEETS.events}”`);
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", SHEETS.events]);
  });

  it("a complete report has no findings; a bad headcount typed comes back at its cell, and fixing it clears it", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    expect(checked(await ops.validate()).judgement.findings).toEqual([]);
    await settled(sim);
    const live = listen(ops);
    await quiet();
    sim.edit(headcount.sheet, cellOf(headcount), "很多");
    const finding = checked(await live.next()).judgement.findings.find((f) => f.cell === cellOf(headcount));
    expect(finding).toMatchObject({ sheet: headcount.sheet, severity: "error" });
    sim.edit(headcount.sheet, cellOf(headcount), "150");
    expect(checked(await live.next()).judgement.findings).toEqual([]);
    live.stop();
  });

  it("a paste, inserted and deleted rows are judged again, findings following the moved cells", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    await settled(sim);
    const live = listen(ops);
    await quiet();
    sim.edit(events.sheet, eventCell(0, "participants"), [["很多"]]);
    expect(checked(await live.next()).judgement.findings.map((f) => f.cell)).toContain(eventCell(0, "participants"));
    sim.insertRows(events.sheet, events.firstRow, 2);
    expect(checked(await live.next()).judgement.findings.map((f) => f.cell)).toContain(eventCell(2, "participants"));
    sim.deleteRows(events.sheet, events.firstRow + 2, 1);
    expect(checked(await live.next()).judgement.findings.filter((f) => f.field === "participants")).toEqual([]);
    live.stop();
  });

  it("the add-in's own writes (marks, 核实说明) bring no re-validation; a user's edit right after does", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, { ...GOOD_FILL, fields: { ...GOOD_FILL.fields, sealed: "否" } });
    const warning = checked(await ops.validate()).judgement.findings.find((f) => f.rule === "sealed.no")!;
    await settled(sim);
    const live = listen(ops);
    await quiet();
    await ops.markFindings([warning]);
    expect((await ops.writeExplanation(warning, "已核实")).kind).toBe("written");
    await quiet();
    expect(live.seen).toEqual([]);
    sim.edit(headcount.sheet, cellOf(headcount), "很多");
    expect(checked(await live.next()).judgement.findings.map((f) => f.cell)).toContain(cellOf(headcount));
    live.stop();
  });

  it("a finding's cell: its sheet activated and the cell selected; a missing sheet is named", async () => {
    const { sim, ops } = await inserted();
    expect(await ops.selectCell(SHEETS.events, "F7")).toEqual({ kind: "done" });
    expect(sim.selection()).toEqual({ sheet: SHEETS.events, address: "F7" });
    expect(sim.activeSheet()).toBe(SHEETS.events);
    const r = await ops.selectCell("不存在", "A1");
    expect(r.kind === "failed" && r.message).toContain("“不存在”");
  });

  it("marks exactly the findings' cells, keeps the user's own formats, follows inserted rows, clears", async () => {
    jest.useRealTimers();
    const { sim, ops } = await inserted();
    const finding = (sheet: string, cell: string): Finding => ({
      rule: "type.headcount",
      severity: "error",
      field: "regulation_participants",
      sheet,
      cell,
      message: "m",
    });
    sim.workbook.sheet(SHEETS.events).conditionalFormats.push({
      id: "user",
      type: "Custom",
      range: { top: 4, left: 1, bottom: 9, right: 1 },
      formula: '=A4<>""',
      fill: "#00FF00",
    });
    await ops.markFindings([finding(SHEETS.events, "F4"), finding(headcount.sheet, cellOf(headcount))]);
    expect(sortMarks(sim.marks())).toEqual(
      sortMarks([
        { sheet: SHEETS.events, address: "F4" },
        { sheet: headcount.sheet, address: cellOf(headcount) },
      ]),
    );
    expect(sim.conditionalFormats(headcount.sheet).map((cf) => cf.fill)).toEqual(["#FFC7CE"]);
    sim.insertRows(SHEETS.events, 4, 1);
    expect(sim.marks()).toContainEqual({ sheet: SHEETS.events, address: "F5" });
    await ops.markFindings([finding(SHEETS.events, "F5"), finding(SHEETS.events, "C6")]);
    expect(sortMarks(sim.marks())).toEqual(
      sortMarks([
        { sheet: SHEETS.events, address: "C6" },
        { sheet: SHEETS.events, address: "F5" },
      ]),
    );
    await ops.clearMarks();
    expect(sim.marks()).toEqual([]);
    expect(sim.conditionalFormats(SHEETS.events)).toEqual([{ address: "A5:A10", formula: '=A4<>""', fill: "#00FF00" }]);
  });

  it("核实说明: written exactly as typed (formula signs, apostrophes, digits), one row after another, then shown as explained", async () => {
    jest.useRealTimers();
    const { sim, ops } = await inserted();
    typeReport(sim, { ...GOOD_FILL, fields: { ...GOOD_FILL.fields, sealed: "否" } });
    const w = checked(await ops.validate()).judgement.findings.find((f) => f.rule === "sealed.no")!;
    const typed = ["=1+1 不是公式", "'引号开头", "2023"];
    const results = await Promise.all(typed.map((t) => ops.writeExplanation(w, t)));
    expect(results.map((r) => r.kind === "written" && r.at.cell)).toEqual(
      typed.map((_, i) => `A${explanations.firstRow + i}`),
    );
    expect(typed.map((_, i) => sim.value(SHEETS.explanations, `C${explanations.firstRow + i}`))).toEqual(typed);
    const again = checked(await ops.validate()).judgement.findings.find((f) => f.rule === "sealed.no");
    expect(again?.explanation).toBe(typed.join("；"));
    expect((await ops.writeExplanation(w, "   ")).kind).toBe("failed");
  });

  it("a 1,000-row 活动明细 is judged in one pass, the bad row found", async () => {
    jest.useRealTimers();
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    const row = GOOD_FILL.tables.events[0];
    const line = events.columns.map((c) => (row[c.id] ?? null) as string | number | null);
    const rows = Array.from({ length: 1000 }, () => line);
    sim.edit(events.sheet, `A${events.firstRow}`, rows);
    sim.edit(events.sheet, eventCell(777, "participants"), "很多");
    const findings = checked(await ops.validate()).judgement.findings;
    expect(findings.map((f) => f.cell)).toContain(eventCell(777, "participants"));
  });
});
