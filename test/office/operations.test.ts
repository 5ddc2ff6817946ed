/**
 * The Office operations against the strict Excel stand-in: what a user would notice (sheets, names,
 * selection, marks, findings, 核实说明) and what it costs (syncs per Excel.run; no property read
 * before it was loaded; no text written as a formula).
 */
import { cellOf, fieldById, SHEETS, tableById, columnById, type ColumnId } from "../../src/core/definition";
import type { Finding } from "../../src/core/model";
import { createOfficeOperations } from "../../src/office/operations";
import { TEMPLATE_NAMES, nameFormula } from "../../src/host-kit/template-names";
import type { TaskPaneOperations, Validation } from "../../src/ports/operations";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { GOOD_FILL } from "../core/locate-helpers";
import { ExcelSim, type SimOptions } from "../helpers/excel-sim";
import { readInsertedWorkbook } from "../helpers/excel-sim/reader";
import { typeReport } from "../helpers/excel-sim/type-report";

let templateBase64: string;
beforeAll(async () => {
  templateBase64 = (await writeTemplate()).toString("base64");
});

interface Bench {
  sim: ExcelSim;
  ops: TaskPaneOperations;
}

function bench(options: { sheets?: string[]; sets?: string; sim?: SimOptions } = {}): Bench {
  const sim = new ExcelSim({ read: readInsertedWorkbook, ...options.sim });
  for (const s of options.sheets ?? ["Sheet1"]) sim.workbook.addSheet(s);
  const max = Number((options.sets ?? "1.20").split(".")[1]);
  const ops = createOfficeOperations({
    excel: sim.excel,
    isSetSupported: (name, version) => name === "ExcelApi" && Number(version.split(".")[1]) <= max,
    template: async () => templateBase64,
    debounceMs: 10,
    graceMs: 50,
  });
  return { sim, ops };
}

async function inserted(options: Parameters<typeof bench>[0] = {}): Promise<Bench> {
  const b = bench(options);
  const result = await b.ops.insertTemplate();
  if (result.kind !== "inserted") throw new Error(`insert failed: ${JSON.stringify(result)}`);
  return b;
}

const lastRun = (sim: ExcelSim) => sim.stats.runs[sim.stats.runs.length - 1];
const headcount = fieldById("regulation_participants");
/** A finding on the headcount cell, for the add-in's own marks. */
const headcountFinding: Finding = {
  rule: "required",
  severity: "error",
  field: headcount.id,
  sheet: headcount.sheet,
  cell: cellOf(headcount),
  message: "x",
};
const eventsTable = tableById("events");
const eventCell = (row: number, column: ColumnId<"events">) =>
  `${columnById(eventsTable, column).column}${eventsTable.firstRow + row}`;

function checked(v: Validation) {
  if (v.kind !== "checked" || !v.check.ok) throw new Error(`not checked: ${JSON.stringify(v)}`);
  return v.check;
}

/** Collects live re-validations; `next()` moves the fake clock until the next one arrives. */
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

/**
 * Time passing on Jest's fake clock: the debounce and grace timers fire, and everything they start
 * finishes, so "nothing happened" is proved for that span, however loaded the machine is.
 */
const quiet = (ms = 120) => jest.advanceTimersByTimeAsync(ms);

/** Every event the stand-in has raised so far has been handled (it delivers them on a 0 ms timer). */
async function settled(sim: ExcelSim): Promise<void> {
  const done = sim.settled();
  await jest.advanceTimersByTimeAsync(0);
  await done;
}

describe("插入模板", () => {
  it("inserts the template's sheets, recreates the names Excel broke, opens the first input: three syncs", async () => {
    const { sim, ops } = bench();
    const result = await ops.insertTemplate();
    expect(result).toEqual({
      kind: "inserted",
      sheets: Object.values(SHEETS),
      first: { sheet: SHEETS.basic, cell: expect.any(String) },
    });
    expect(lastRun(sim).syncs).toBeLessThanOrEqual(3);
    expect(sim.stats.unloadedReads).toEqual([]);
    const names = sim.names();
    for (const n of TEMPLATE_NAMES) expect(names[n.name]).toBe(nameFormula(n).replace(/'/g, ""));
    expect(sim.selection()).toEqual({ sheet: SHEETS.basic, address: cellOf(fieldById("report_type")) });
    expect(sim.activeSheet()).toBe(SHEETS.basic);
  });

  it("recreates exactly the names the template writer defines", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(templateBase64, "base64") as unknown as ArrayBuffer);
    const written = Object.keys(
      (wb.definedNames as unknown as { matrixMap: Record<string, unknown> }).matrixMap,
    ).sort();
    expect(TEMPLATE_NAMES.map((n) => n.name).sort()).toEqual(written);
  });

  it("says the template is already there and where, and inserts no second copy (one sync)", async () => {
    const { sim, ops } = await inserted();
    const before = sim.workbook.sheets.length;
    const again = await ops.insertTemplate();
    expect(again).toEqual({ kind: "present", at: { sheet: SHEETS.basic, cell: cellOf(fieldById("report_type")) } });
    expect(sim.workbook.sheets).toHaveLength(before);
    expect(lastRun(sim).syncs).toBe(1);
  });

  it("refuses when a sheet of the user's has a template sheet's name, naming it", async () => {
    const { sim, ops } = bench({ sheets: ["Sheet1", SHEETS.selfCheck] });
    const result = await ops.insertTemplate();
    expect(result.kind).toBe("failed");
    expect(result.kind === "failed" && result.message).toContain(`“${SHEETS.selfCheck}”`);
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", SHEETS.selfCheck]);
  });

  it("on Excel without ExcelApi 1.13 says what it needs and which versions have it", async () => {
    const { sim, ops } = bench({ sets: "1.12" });
    const result = await ops.insertTemplate();
    expect(result.kind).toBe("unsupported");
    expect(result.kind === "unsupported" && result.message).toMatch(/ExcelApi）1\.13.*2102.*16\.50/);
    expect(sim.stats.runs).toHaveLength(0);
    expect(ops.support().insertTemplate).toEqual({
      available: false,
      needs: "ExcelApi 1.13",
      message: expect.stringContaining("插入模板"),
    });
    expect(ops.support().validate).toEqual({ available: true });
  });

  it("reads back what must hold and says what Excel lost instead of reporting success", async () => {
    // An Excel that keeps neither the protection of 基本情况 nor any dropdown.
    const { sim, ops } = bench({
      sim: {
        read: async (bytes) => {
          const source = await readInsertedWorkbook(bytes);
          const sheets = Object.fromEntries(
            Object.entries(source.sheets ?? {}).map(([name, s]) => [
              name,
              { ...s, validations: [], protected: name === SHEETS.basic ? false : s.protected },
            ]),
          );
          return { ...source, sheets };
        },
      },
    });
    const result = await ops.insertTemplate();
    expect(result.kind).toBe("failed");
    const message = result.kind === "failed" ? result.message : "";
    expect(message).toContain(`工作表“${SHEETS.basic}”的保护`);
    expect(message).toContain(`${SHEETS.basic}!${cellOf(fieldById("report_type"))} 的下拉列表`);
    expect(message).not.toContain("名称"); // the names were recreated and read back fine
    expect(lastRun(sim).syncs).toBeLessThanOrEqual(3);
  });

  it("says so in Chinese when the template file cannot be downloaded", async () => {
    const sim = new ExcelSim({ read: readInsertedWorkbook });
    sim.workbook.addSheet("Sheet1");
    const ops = createOfficeOperations({
      excel: sim.excel,
      isSetSupported: () => true,
      template: async () => {
        throw new Error("HTTP 404");
      },
    });
    const result = await ops.insertTemplate();
    expect(result).toEqual({ kind: "failed", message: expect.stringContaining("HTTP 404") });
  });
});

describe("校验 and validation as the user types", () => {
  // The debounce, the grace period and the stand-in's event delivery run on the fake clock; nextTick
  // and setImmediate stay real for exceljs and fflate.
  beforeEach(() => jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] }));

  it("a full pass judges the values Excel holds as checkGrid does, in two syncs", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    const v = await ops.validate();
    const check = checked(v);
    expect(check.judgement.findings).toEqual([]);
    expect(lastRun(sim).syncs).toBe(2);
    expect(sim.stats.unloadedReads).toEqual([]);
  });

  it("an invalid headcount typed by the user comes back as a finding at its cell, re-read in at most two syncs", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    await ops.validate();
    await settled(sim); // the typing above has been reported before anyone listens
    const live = listen(ops);
    await quiet();
    const runsBefore = sim.stats.runs.length;
    sim.edit(headcount.sheet, cellOf(headcount), "很多");
    const v = await live.next();
    const finding = checked(v).judgement.findings.find((f) => f.cell === cellOf(headcount));
    expect(finding).toMatchObject({ sheet: headcount.sheet, severity: "error" });
    const runs = sim.stats.runs.slice(runsBefore);
    expect(runs).toHaveLength(1);
    expect(runs[0].syncs).toBeLessThanOrEqual(2);
    expect(runs[0].delayForCellEdit).toBe(true);
    sim.edit(headcount.sheet, cellOf(headcount), "150");
    expect(checked(await live.next()).judgement.findings).toEqual([]);
    expect(sim.stats.unloadedReads).toEqual([]);
    live.stop();
  });

  it("a paste, inserted and deleted rows are judged again, findings following the moved cells", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    await settled(sim); // the typing above has been reported before anyone listens
    const live = listen(ops);
    await quiet();
    sim.edit(eventsTable.sheet, eventCell(0, "participants"), [["很多"]]);
    let check = checked(await live.next());
    expect(check.judgement.findings.map((f) => f.cell)).toContain(eventCell(0, "participants"));
    sim.insertRows(eventsTable.sheet, eventsTable.firstRow, 2);
    check = checked(await live.next());
    expect(check.judgement.findings.map((f) => f.cell)).toContain(eventCell(2, "participants"));
    sim.deleteRows(eventsTable.sheet, eventsTable.firstRow + 2, 1); // the row with the bad headcount
    check = checked(await live.next());
    expect(check.judgement.findings.filter((f) => f.field === "participants")).toEqual([]);
    live.stop();
  });

  it("ignores the add-in's own writes (marks, 核实说明): no re-validation follows them", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    await settled(sim); // the typing above has been reported before anyone listens
    const live = listen(ops);
    await quiet();
    await ops.markFindings([headcountFinding]);
    await quiet();
    expect(live.seen).toEqual([]);
    live.stop();
  });

  it("where events carry no triggerSource (before ExcelApi 1.14), its own writes are still ignored and a user's edit is not", async () => {
    const { sim, ops } = await inserted({ sim: { triggerSource: false } });
    typeReport(sim, GOOD_FILL);
    await settled(sim); // the typing above has been reported before anyone listens
    const live = listen(ops);
    await quiet();
    // Marking a cell, then clearing it: two writes that change the sheet (clearing alone changes nothing).
    await ops.markFindings([headcountFinding]);
    await ops.clearMarks();
    await quiet();
    expect(live.seen).toEqual([]);
    sim.edit(headcount.sheet, cellOf(headcount), "-3");
    expect(checked(await live.next()).judgement.findings.map((f) => f.cell)).toContain(cellOf(headcount));
    live.stop();
  });

  it("waits while the user is still editing a cell instead of failing", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    await settled(sim); // the typing above has been reported before anyone listens
    const live = listen(ops);
    await quiet();
    sim.edit(headcount.sheet, cellOf(headcount), "abc");
    sim.beginCellEdit();
    await quiet(100);
    expect(live.seen).toEqual([]);
    sim.endCellEdit();
    expect((await live.next()).kind).toBe("checked");
    live.stop();
  });

  it("marks wait while the user is editing a cell instead of failing", async () => {
    const { sim, ops } = await inserted();
    sim.beginCellEdit();
    const marking = ops.markFindings([headcountFinding]);
    await quiet(50);
    expect(sim.marks()).toEqual([]);
    sim.endCellEdit();
    expect(await marking).toEqual({ kind: "done" });
    expect(sim.marks()).toEqual([{ sheet: headcount.sheet, address: cellOf(headcount) }]);
  });

  it("re-checks when the user activates a template sheet (Excel drops some change events)", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    await ops.validate();
    await settled(sim); // the typing above has been reported before anyone listens
    const live = listen(ops);
    await quiet();
    sim.activate(SHEETS.events);
    expect((await live.next()).kind).toBe("checked");
    live.stop();
  });

  it("a change on a sheet the report does not live on is not judged again", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    await settled(sim);
    const live = listen(ops);
    await quiet();
    sim.edit(headcount.sheet, cellOf(headcount), "151"); // learns where the report lives
    await live.next();
    const runs = sim.stats.runs.length;
    sim.edit("Sheet1", "A1", "我的草稿");
    await quiet();
    expect(live.seen).toHaveLength(1);
    expect(sim.stats.runs).toHaveLength(runs);
    live.stop();
  });

  it("stops calling back after unsubscribing", async () => {
    const { sim, ops } = await inserted();
    await settled(sim); // the typing above has been reported before anyone listens
    const live = listen(ops);
    await quiet();
    live.stop();
    sim.edit(headcount.sheet, cellOf(headcount), "1");
    await quiet();
    expect(live.seen).toEqual([]);
  });
});

describe("finding → cell", () => {
  it("activates the finding's sheet and selects its cell in one sync", async () => {
    const { sim, ops } = await inserted();
    expect(await ops.selectCell(SHEETS.events, "F5")).toEqual({ kind: "done" });
    expect(sim.selection()).toEqual({ sheet: SHEETS.events, address: "F5" });
    expect(lastRun(sim).syncs).toBe(1);
  });

  it("says which sheet is missing", async () => {
    const { ops } = await inserted();
    const r = await ops.selectCell("不存在", "A1");
    expect(r).toEqual({ kind: "failed", message: expect.stringContaining("“不存在”") });
  });
});

describe("marks on invalid cells", () => {
  afterEach(() => jest.useRealTimers());
  const finding = (sheet: string, cell: string): Finding => ({
    rule: "type.headcount",
    severity: "error",
    field: "regulation_participants",
    sheet,
    cell,
    message: "m",
  });

  it("mark exactly the findings' cells, keep the user's own formats, follow inserted rows, clear with one call", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    // A user's own conditional format on the same sheet.
    sim.workbook.sheet(SHEETS.events).conditionalFormats.push({
      id: "user",
      type: "Custom",
      range: { top: 4, left: 1, bottom: 9, right: 1 },
      formula: '=A4<>""',
      fill: "#00FF00",
    });
    expect(await ops.markFindings([finding(SHEETS.events, "F4"), finding(headcount.sheet, cellOf(headcount))])).toEqual(
      { kind: "done" },
    );
    expect(sortMarks(sim.marks())).toEqual(
      sortMarks([
        { sheet: SHEETS.events, address: "F4" },
        { sheet: headcount.sheet, address: cellOf(headcount) },
      ]),
    );
    expect(sim.stats.runs[sim.stats.runs.length - 1].syncs).toBeLessThanOrEqual(3);
    sim.insertRows(SHEETS.events, 4, 1);
    expect(sim.marks()).toContainEqual({ sheet: SHEETS.events, address: "F5" });
    // Replacing marks removes the old ones.
    await ops.markFindings([finding(SHEETS.events, "C6")]);
    expect(sim.marks()).toEqual([{ sheet: SHEETS.events, address: "C6" }]);
    await ops.clearMarks();
    expect(sim.marks()).toEqual([]);
    expect(sim.conditionalFormats(SHEETS.events)).toEqual([{ address: "A5:A10", formula: '=A4<>""', fill: "#00FF00" }]);
    expect(sim.stats.unloadedReads).toEqual([]);
  });

  it("after the first marking, a changed verdict costs one sync and an unchanged one none", async () => {
    const { sim, ops } = await inserted();
    await ops.markFindings([finding(SHEETS.events, "F4"), finding(SHEETS.events, "F5")]);
    const runs = sim.stats.runs.length;
    await ops.markFindings([finding(SHEETS.events, "F5"), finding(headcount.sheet, cellOf(headcount))]);
    expect(sim.stats.runs.slice(runs).map((r) => r.syncs)).toEqual([1]);
    expect(sortMarks(sim.marks())).toEqual(
      sortMarks([
        { sheet: SHEETS.events, address: "F5" },
        { sheet: headcount.sheet, address: cellOf(headcount) },
      ]),
    );
    const again = sim.stats.runs.length;
    await ops.markFindings([finding(headcount.sheet, cellOf(headcount)), finding(SHEETS.events, "F5")]);
    expect(sim.stats.runs.length).toBe(again);
    expect(sim.stats.unloadedReads).toEqual([]);
  });

  it("a mark that went with a deleted row is no trouble: ours are found by their rule again", async () => {
    const { sim, ops } = await inserted();
    await ops.markFindings([finding(SHEETS.events, "F4"), finding(SHEETS.events, "F6")]);
    sim.deleteRows(SHEETS.events, 4, 1);
    expect(sim.marks()).toEqual([{ sheet: SHEETS.events, address: "F5" }]);
    expect(await ops.markFindings([finding(SHEETS.events, "C5")])).toEqual({ kind: "done" });
    expect(sim.marks()).toEqual([{ sheet: SHEETS.events, address: "C5" }]);
  });

  it("an edit costs at most two syncs from the change to the marks: the re-read and the marks", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    await ops.markFindings(checked(await ops.validate()).judgement.findings);
    await settled(sim);
    const live = listen(ops);
    await quiet();
    const runs = sim.stats.runs.length;
    sim.edit(headcount.sheet, cellOf(headcount), "很多");
    const v = checked(await live.next());
    await ops.markFindings(v.judgement.findings);
    expect(sim.marks()).toContainEqual({ sheet: headcount.sheet, address: cellOf(headcount) });
    expect(sim.stats.runs.slice(runs).reduce((n, r) => n + r.syncs, 0)).toBeLessThanOrEqual(2);
    live.stop();
  });

  it("marks do not change what the reader sees", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, GOOD_FILL);
    const before = checked(await ops.validate());
    await ops.markFindings([finding(SHEETS.events, "F4")]);
    const after = checked(await ops.validate());
    expect(after.judgement.findings).toEqual(before.judgement.findings);
    expect(after.raw.layoutChanges).toEqual([]);
  });
});

describe("核实说明 from the pane", () => {
  it("writes the row as text in two syncs, and the warning then shows as explained", async () => {
    const { sim, ops } = await inserted();
    typeReport(sim, { ...GOOD_FILL, fields: { ...GOOD_FILL.fields, report_type: "阶段性总结", public_sessions: 0 } });
    const warnings = checked(await ops.validate()).judgement.findings.filter(
      (f) => f.severity === "warning" && !f.explanation,
    );
    expect(warnings.length).toBeGreaterThan(0);
    const w = warnings[0];
    const result = await ops.writeExplanation(w, "=本年度因疫情未举办公开活动");
    expect(result).toEqual({
      kind: "written",
      at: { sheet: SHEETS.explanations, cell: `A${tableById("explanations").firstRow}` },
    });
    expect(lastRun(sim).syncs).toBe(2);
    expect(sim.stats.formulasWritten).toEqual([]);
    expect(sim.value(SHEETS.explanations, `C${tableById("explanations").firstRow}`)).toBe(
      "=本年度因疫情未举办公开活动",
    );
    const again = checked(await ops.validate()).judgement.findings.find((f) => f.rule === w.rule && f.cell === w.cell);
    expect(again?.explanation).toBe("=本年度因疫情未举办公开活动");
    // A second 说明 goes to the next row.
    const second = await ops.writeExplanation(w, "补充说明");
    expect(second.kind === "written" && second.at.cell).toBe(`A${tableById("explanations").firstRow + 1}`);
  });

  const warningOf = async (ops: TaskPaneOperations, sim: ExcelSim) => {
    typeReport(sim, { ...GOOD_FILL, fields: { ...GOOD_FILL.fields, sealed: "否" } });
    return checked(await ops.validate()).judgement.findings.find((f) => f.rule === "sealed.no")!;
  };
  const explanationsTable = tableById("explanations");

  it("two quick clicks write two rows, never one over the other", async () => {
    const { sim, ops } = await inserted();
    const w = await warningOf(ops, sim);
    const [a, b] = await Promise.all([ops.writeExplanation(w, "第一条说明"), ops.writeExplanation(w, "第二条说明")]);
    expect([a.kind === "written" && a.at.cell, b.kind === "written" && b.at.cell]).toEqual([
      `A${explanationsTable.firstRow}`,
      `A${explanationsTable.firstRow + 1}`,
    ]);
    const texts = [0, 1].map((i) => sim.value(SHEETS.explanations, `C${explanationsTable.firstRow + i}`));
    expect(texts).toEqual(["第一条说明", "第二条说明"]);
  });

  it("finds a free row however long the table is, past the prepared rows too", async () => {
    const { sim, ops } = await inserted();
    const w = await warningOf(ops, sim);
    const filled = explanationsTable.capacity * 3 + 250;
    const rows = Array.from({ length: filled }, (_, i) => ["未举办公益性宣贯", "基本情况!C22", `说明 ${i + 1}`]);
    sim.edit(SHEETS.explanations, `A${explanationsTable.firstRow}`, rows);
    const r = await ops.writeExplanation(w, "表格很长时的说明");
    expect(r.kind === "written" && r.at.cell).toBe(`A${explanationsTable.firstRow + filled}`);
    expect(sim.value(SHEETS.explanations, `C${explanationsTable.firstRow + filled - 1}`)).toBe(`说明 ${filled}`);
    // A gap a user left is used first.
    sim.edit(SHEETS.explanations, `A${explanationsTable.firstRow + 5}:C${explanationsTable.firstRow + 5}`, [
      [null, null, null],
    ]);
    const gap = await ops.writeExplanation(w, "填在空行");
    expect(gap.kind === "written" && gap.at.cell).toBe(`A${explanationsTable.firstRow + 5}`);
  });

  it("writes the text exactly as typed: apostrophes, spaces, digits and formula signs stay", async () => {
    const { sim, ops } = await inserted();
    const w = await warningOf(ops, sim);
    const typed = ["'引号开头的说明", "  前后有空格  ", "2023", "=1+1 不是公式", "+86 电话已改"];
    for (const [i, text] of typed.entries()) {
      await ops.writeExplanation(w, text);
      expect([text, sim.value(SHEETS.explanations, `C${explanationsTable.firstRow + i}`)]).toEqual([text, text]);
    }
    expect(sim.stats.formulasWritten).toEqual([]);
  });

  it("writes under the table's header when rows were inserted above it", async () => {
    const { sim, ops } = await inserted();
    const w = await warningOf(ops, sim);
    sim.insertRows(SHEETS.explanations, 1, 3);
    const r = await ops.writeExplanation(w, "表头下移后的说明");
    expect(r.kind === "written" && r.at.cell).toBe(`A${explanationsTable.firstRow + 3}`);
    const again = checked(await ops.validate()).judgement.findings.find((f) => f.rule === "sealed.no");
    expect(again?.explanation).toBe("表头下移后的说明");
  });

  it("refuses an empty reason without touching the workbook", async () => {
    const { sim, ops } = await inserted();
    const runs = sim.stats.runs.length;
    const r = await ops.writeExplanation(
      { rule: "sealed.no", severity: "warning", field: "sealed", sheet: "s", cell: "A1", message: "m" },
      "   ",
    );
    expect(r.kind).toBe("failed");
    expect(sim.stats.runs).toHaveLength(runs);
  });
});

function sortMarks(m: { sheet: string; address: string }[]) {
  return [...m].sort((a, b) => (a.sheet + a.address).localeCompare(b.sheet + b.address));
}
