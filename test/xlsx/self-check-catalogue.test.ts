/**
 * 自检 tied to the rule catalogue: every rule either has a 自检 line or says why not, the sheet shows
 * the catalogue's Chinese names (what 核实说明 accepts), and it lists what it does not check.
 */
import { RULES } from "../../src/core/rules/catalogue";
import { SELF_CHECK, SELF_CHECK_LINES } from "../../src/xlsx/template/self-check-lines";
import { buildTemplateWorkbook } from "../../src/xlsx/template-writer";
import { loadTemplate, sheet } from "./template-helpers";

const rulesWithLines: ReadonlySet<string> = new Set(SELF_CHECK_LINES.map((l) => l.rule));

describe("自检 and the rule catalogue", () => {
  it.each(Object.entries(RULES).map(([id, info]) => [id, info] as const))(
    "%s: a 自检 line, or a reason why none",
    (id, info) => {
      if (info.selfCheck === "line") expect([id, rulesWithLines.has(id)]).toEqual([id, true]);
      else {
        expect([id, rulesWithLines.has(id)]).toEqual([id, false]);
        expect(info.selfCheck.without.length).toBeGreaterThan(5);
      }
    },
  );

  it("every 自检 line checks a catalogue rule", () => {
    for (const l of SELF_CHECK_LINES) expect([l.id, l.rule in RULES]).toEqual([l.id, true]);
  });

  it("the sheet shows each line's Chinese rule name, never its id, and names every rule it does not check", async () => {
    const ws = sheet(await loadTemplate(), SELF_CHECK.sheet);
    for (const l of SELF_CHECK_LINES)
      expect(ws.getCell(`${SELF_CHECK.columns.id}${l.row}`).value).toBe(RULES[l.rule].name);
    const note = String(ws.getCell("A2").value);
    for (const info of Object.values(RULES))
      if (info.selfCheck !== "line") expect(note).toContain(`“${info.name}”（${info.selfCheck.without}）`);
  });

  it("every formula fits Excel's limit of 8,192 characters", () => {
    const lengths: number[] = [];
    for (const ws of buildTemplateWorkbook().worksheets)
      ws.eachRow((r) => r.eachCell((c) => c.formula && lengths.push(c.formula.length)));
    expect(lengths.length).toBeGreaterThan(100);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(8192);
  });
});
