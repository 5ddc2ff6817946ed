/**
 * Small files that make the judge or `check` do or print far more than they hold: long runs that
 * regexes retry from every position, long values quoted by thousands of findings, thousands of 说明
 * attached to thousands of warnings. Each must finish with bounded output and memory; how quickly is
 * a benchmark figure (npm run bench limits), since a loaded machine makes any time limit flaky.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { boundMessage, clip, MAX_FINDING_TEXT_CHARS, MAX_QUOTE_CHARS } from "../../src/core/bounded-text";
import { applyExplanations } from "../../src/core/explanations";
import { trimInvisible } from "../../src/core/normalise/text";
import { foldWidth, labelKey } from "../../src/core/text";
import { MAX_CELL_CHARS } from "../../src/read";
import { checkInChild, goodReport } from "./helpers";
import { explainedEventsReport, explainedWarnings } from "./inputs";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-amp-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("edge trimming is linear and means what the regexes meant", () => {
  const pieces = [" ", "\t", "\n", "\u3000", "\u200b", "\u2060", "\ufeff", "*", ":", "：", "a", "中", "＊"];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join(""));

  it("trimInvisible equals the old /^[…]+|[…]+$/g on short text", () => {
    const old = /^[\s\u200b-\u200d\u2060]+|[\s\u200b-\u200d\u2060]+$/g;
    fc.assert(fc.property(text, (s) => trimInvisible(s) === s.replace(old, "")));
  });

  it("labelKey equals the old chain of replaces on short text", () => {
    const old = (s: string) =>
      foldWidth(s)
        .replace(/\s+/g, "")
        .replace(/^\*+|\*+$/g, "")
        .replace(/[:：]+$/, "");
    fc.assert(fc.property(text, (s) => labelKey(s) === old(s)));
  });

  it("a run of 100,000 inside the text is kept, and edges are trimmed beyond it", () => {
    for (const run of [" ".repeat(100000), "\u200b".repeat(100000)])
      expect(trimInvisible(`${run}x${run}x${run}`)).toBe(`x${run}x`);
    expect(labelKey(`x${"*".repeat(100000)}x`)).toBe(`x${"*".repeat(100000)}x`);
    expect(labelKey(`x${":".repeat(100000)}`)).toBe("x");
  });
});

describe("bounded quotes and 说明", () => {
  it("clip cuts to the limit with an ellipsis, never inside a surrogate pair", () => {
    expect(clip("abc", 3)).toBe("abc");
    expect(clip("abcd", 3)).toBe("abc…");
    expect(clip("ab😀", 3)).toBe("ab…");
  });

  it("boundMessage cuts only long quoted values, and the whole message", () => {
    const short = "“联系电话”应为手机号，填写的是“12345”";
    expect(boundMessage(short)).toBe(short);
    const long = `“单位名称”填写的是“${"某".repeat(5000)}”，请核实`;
    expect(boundMessage(long)).toBe(`“单位名称”填写的是“${"某".repeat(MAX_QUOTE_CHARS)}…”，请核实`);
    expect(boundMessage(`说明：${"很".repeat(50000)}`)).toHaveLength(MAX_FINDING_TEXT_CHARS + 1);
  });

  it("5,000 说明 for one field over 5,000 warnings: each 说明 within the limit", () => {
    const { findings, notes } = explainedWarnings(5000);
    const out = applyExplanations(findings, notes);
    expect(out.every((f) => f.explanation !== undefined && f.explanation.length <= MAX_FINDING_TEXT_CHARS + 1)).toBe(
      true,
    );
    expect(out[0].explanation!.startsWith("说明0：统计口径不同；说明1：")).toBe(true);
    expect(out[1].explanation).not.toContain("签到表");
    // The cell's own 说明 comes in table order, after the field's (cut here, since those fill the limit).
    expect(applyExplanations(findings.slice(0, 1), notes.slice(0, 3).concat(notes.slice(-1)))[0].explanation).toBe(
      "说明0：统计口径不同；说明1：统计口径不同；说明2：统计口径不同；第一场按签到表估算",
    );
  });
});

describe("small files, big answers", () => {
  it("5,000 events explained by 5,000 说明 each: check finishes, prints little, stays in memory", async () => {
    const file = path.join(dir, "explained.xlsx");
    fs.writeFileSync(file, await explainedEventsReport(5000));
    expect(fs.statSync(file).size).toBeLessThan(400 * 1024);
    const { result, maxRssMB } = await checkInChild(file);
    expect(result.status).not.toBe("unreadable");
    const approximate = result.findings.filter((f) => f.rule === "format.approximate");
    expect(approximate.length).toBeGreaterThanOrEqual(5000);
    expect(approximate.every((f) => (f.explanation?.length ?? 0) <= MAX_FINDING_TEXT_CHARS + 1)).toBe(true);
    expect(JSON.stringify(result).length).toBeLessThan(30 * 1024 * 1024);
    expect(maxRssMB).toBeLessThan(512);
  }, 90000);

  it("1,000 bad dates quoting a 30,000-character value: messages stay short", async () => {
    const file = path.join(dir, "quotes.xlsx");
    const value = Array.from({ length: 30000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join("");
    fs.writeFileSync(
      file,
      await goodReport((wb) => {
        const events = wb.getWorksheet("活动明细")!;
        for (let i = 0; i < 1000; i++)
          events.getRow(4 + i).values = [value, `活动${i}`, "集中宣贯培训", "线下", "《条例》", 10, "是"];
      }),
    );
    const { result, maxRssMB } = await checkInChild(file);
    const dates = result.findings.filter((f) => f.field === "date" && f.table === "events");
    expect(dates.length).toBeGreaterThanOrEqual(1000);
    expect(dates.every((f) => f.message.length <= MAX_FINDING_TEXT_CHARS + 1 && f.message.includes("…"))).toBe(true);
    expect(maxRssMB).toBeLessThan(512);
  }, 60000);

  it("60 table cells padded with 30,000 invisible characters inside: judged", async () => {
    const file = path.join(dir, "spaces.xlsx");
    // Mixed, so the part does not compress like a bomb.
    const blank = Array.from(
      { length: 30000 },
      (_, i) => [" ", "\t", "\u3000", "\u2060"][((i * 2654435761) >>> 13) % 4],
    ).join("");
    const padded = (i: number) => `活动${i}${blank}结束`;
    fs.writeFileSync(
      file,
      await goodReport((wb) => {
        const events = wb.getWorksheet("活动明细")!;
        for (let i = 0; i < 60; i++)
          events.getRow(4 + i).values = [
            new Date(Date.UTC(2023, 5, 1)),
            padded(i),
            "集中宣贯培训",
            "线下",
            "《条例》",
            10,
            "是",
          ];
      }),
    );
    expect(padded(0).length).toBeLessThan(MAX_CELL_CHARS);
    const { result } = await checkInChild(file);
    expect(result.status).not.toBe("unreadable");
  }, 60000);
});
