/**
 * 宿主诊断 on the WPS stand-in: every fact of docs/wps-facts.md gets a line, a stand-in switch that
 * plays a different WPS changes that fact's line, and the user's workbook (sheets, values, names,
 * marks) is the same before and after; the scratch workbook and temporary file are gone.
 */
import type { FactResult } from "../../src/ports/diagnosis";
import { chromiumFact } from "../../src/wps/diagnose-browser";
import { createWpsOperations } from "../../src/wps/operations";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { readInsertedWorkbook } from "../helpers/excel-sim/reader";
import { WpsSim, type WpsSimOptions } from "../helpers/wps-sim";

let template: Buffer;
beforeAll(async () => {
  template = await writeTemplate();
});

async function diagnosed(options: WpsSimOptions = {}, insert = false) {
  const sim = new WpsSim({ read: readInsertedWorkbook, ...options });
  sim.workbook.addSheet("Sheet1");
  sim.edit("Sheet1", "A1", "我的数据");
  await sim.know(new Uint8Array(template));
  const ops = createWpsOperations({ app: sim.application, template: async () => template.toString("base64") });
  if (insert && (await ops.insertTemplate()).kind !== "inserted") throw new Error("insert failed");
  const before = snapshot(sim);
  const result = await ops.diagnose!();
  if (result.kind !== "diagnosed") throw new Error(JSON.stringify(result));
  return { sim, result, before };
}

function snapshot(sim: WpsSim) {
  const sheets = sim.workbook.sheets.map((s) => s.name);
  return {
    sheets,
    values: sheets.map((n) => sim.values(n)),
    names: sim.names(),
    formats: sheets.map((n) => sim.conditionalFormats(n)),
    active: sim.activeSheet(),
  };
}

const lines = (facts: readonly FactResult[], n: number) => facts.filter((f) => f.fact === n);
const line = (facts: readonly FactResult[], n: number, title?: RegExp) =>
  lines(facts, n).find((f) => !title || title.test(f.title))!;

describe("宿主诊断 in WPS", () => {
  it("reports every fact of docs/wps-facts.md (1–17) with a result, as the default stand-in plays the assumed WPS", async () => {
    const { result } = await diagnosed();
    expect(result.host).toBe("WPS 表格 11.1.0.11830");
    const numbers = [...new Set(result.facts.map((f) => f.fact))];
    expect(numbers).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    for (const f of result.facts) expect(f.seen.length).toBeGreaterThan(0);
    // Fact 15 is the browser's: Node has no ResizeObserver (its own test below).
    const checked = result.facts.filter((f) => f.verdict !== "not-checked" && f.fact !== 15);
    expect(checked.filter((f) => f.verdict === "differs")).toEqual([]);
    expect(line(result.facts, 6, /日期/).seen).toContain("数字 45366");
    expect(line(result.facts, 6, /错误/).seen).toMatch(/数字 -21468262\d\d（CVErr #/);
    expect(line(result.facts, 6, /空白/).seen).toBe("undefined");
    expect(line(result.facts, 7).seen).toBe("加载项自己写入后没有 SheetChange 事件");
    expect(line(result.facts, 9).seen).toMatch(/保护：保留；下拉列表（.+）：保留/);
    expect(line(result.facts, 11).seen).toContain("读出 0xCEC7FF");
    expect(line(result.facts, 12).verdict).toBe("as-assumed");
    expect(line(result.facts, 4).seen).toBe("方法");
  }, 20_000);

  it("a WPS that differs shows in the lines for those facts", async () => {
    const { result } = await diagnosed({
      errors: "text",
      blank: null,
      memberStyle: "property",
      ownWriteEvents: true,
      copyKeeps: { protection: false, validation: false, names: "none" },
      version: "10.8.2.6666",
    });
    expect(line(result.facts, 6, /错误/)).toMatchObject({
      verdict: "differs",
      seen: expect.stringContaining('文字 "#'),
    });
    expect(line(result.facts, 6, /空白/)).toMatchObject({ verdict: "as-assumed", seen: "null" });
    expect(line(result.facts, 4).seen).toMatch(/^属性（文字 "\$A\$1"）/);
    expect(line(result.facts, 7).seen).toMatch(/^加载项自己写入后有 1 个 SheetChange 事件/);
    expect(line(result.facts, 9)).toMatchObject({ verdict: "differs" });
    expect(line(result.facts, 9).seen).toMatch(/保护：丢失；下拉列表（.+）：丢失；名称：带来 0\//);
    expect(line(result.facts, 3)).toMatchObject({ verdict: "differs", seen: "10.8.2.6666" });
  }, 20_000);

  it("a check WPS breaks still gives its facts a line, saying what WPS reported", async () => {
    const { result } = await diagnosed({ apiEvent: false });
    expect([...new Set(result.facts.map((f) => f.fact))]).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(line(result.facts, 2)).toMatchObject({ verdict: "differs", seen: "没有" });
    for (const n of [7, 8, 11])
      expect(line(result.facts, n)).toMatchObject({ title: "检查时 WPS 报错", verdict: "differs" });
    expect(line(result.facts, 9).verdict).toBe("as-assumed");
  }, 20_000);

  it("leaves the user's workbook as it was (sheets, values, names, marks, active sheet) and closes what it opened", async () => {
    const { sim, before } = await diagnosed({ ownWriteEvents: true }, true);
    expect(snapshot(sim)).toEqual(before);
    expect(before.sheets).toContain("基本情况");
    expect(sim.openedCount).toBe(0);
    expect(sim.files.size).toBe(0);
    expect(sim.application.ActiveWorkbook?.Name).toBe("工作簿1");
  }, 20_000);
});

describe("宿主诊断: the embedded Chromium (fact 15)", () => {
  const present = () => undefined;
  const browser = (userAgent: string, extra: Record<string, unknown> = {}) => {
    const g: Record<string, unknown> = {
      navigator: { userAgent },
      Promise,
      queueMicrotask,
      ResizeObserver: present,
      IntersectionObserver: present,
      MutationObserver: present,
      TextDecoder,
      Worker: present,
      ...extra,
    };
    g.globalThis = g;
    return g;
  };

  it("names the Chromium version and finds what React and Fluent need", () => {
    const f = chromiumFact(browser("Mozilla/5.0 (X11; Linux aarch64) Chrome/96.0.4664.110 Safari/537.36"));
    expect(f).toMatchObject({ fact: 15, verdict: "as-assumed" });
    expect(f.seen).toMatch(/^Chromium 96\.0\.4664\.110；所需功能齐全/);
  });

  it("an old Chromium without ResizeObserver differs and says what is missing", () => {
    const f = chromiumFact(browser("Mozilla/5.0 Chrome/53.0.2785.116", { ResizeObserver: undefined }));
    expect(f).toMatchObject({ verdict: "differs" });
    expect(f.seen).toContain("缺少：ResizeObserver");
  });
});
