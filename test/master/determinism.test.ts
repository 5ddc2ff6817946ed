/**
 * The same MergeResult gives the same master, byte for byte: fixed document dates (the newest merged
 * file's time, or the one given) and fixed zip times. One writer, with no Node API behind it, serves
 * the command line and the task pane.
 */
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { fakeDateOnly } from "../helpers/clock";
import { sampleResult } from "./merge-result";
import { writeAndRead } from "./read-master";

describe("a deterministic master", () => {
  it("is byte-identical when the same result is written twice, on different days", async () => {
    fakeDateOnly(new Date("2025-03-04T05:06:07Z"));
    const a = await writeAndRead(sampleResult({ roster: true }));
    jest.setSystemTime(new Date("2026-09-10T11:12:13Z")); // a clock-dated part or zip time would differ
    const b = await writeAndRead(sampleResult({ roster: true }));
    try {
      expect(a.bytes.equals(b.bytes)).toBe(true);
      expect(a.parts["docProps/core.xml"]).toContain("2023-11-02T08:00:00Z");
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });

  it("changes only the dated parts when another date is given", async () => {
    const a = await writeAndRead(sampleResult());
    const b = await writeAndRead(sampleResult(), { date: new Date(Date.UTC(2024, 0, 2)) });
    try {
      expect(a.bytes.equals(b.bytes)).toBe(false);
      const differing = Object.keys(a.parts).filter((p) => a.parts[p] !== b.parts[p]);
      // The document's dates, and 汇总信息's 生成时间 (a shared string).
      expect(differing.sort()).toEqual(["docProps/core.xml", "xl/sharedStrings.xml"]);
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });

  it("writes files dated before 1980 (outside zip time) with the date clamped, not a crash", async () => {
    const base = sampleResult();
    const old = {
      ...base,
      units: base.units.map((u) => ({ ...u, source: { ...u.source, modified: "1970-01-01T00:00:00.000Z" } })),
    };
    const m = await writeAndRead(old);
    try {
      expect(m.parts["docProps/core.xml"]).toContain("1970-01-01T00:00:00Z");
      expect(m.workbook.worksheets).toHaveLength(8);
    } finally {
      m.cleanup();
    }
  });

  it("builds the bytes without Node APIs (the task pane runs it in the browser)", () => {
    const seen = new Set<string>();
    const nodeImports: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/^import [^;]*? from "([^"]+)";/gm)) {
        const spec = m[1];
        if (spec.startsWith(".")) {
          const base = path.resolve(path.dirname(file), spec);
          visit(existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, "index.ts"));
        } else if (/^(node:)?(fs|os|path|stream|child_process|worker_threads|crypto)$/.test(spec))
          nodeImports.push(`${path.basename(file)}: ${spec}`);
      }
    };
    visit(path.resolve(__dirname, "../../src/xlsx/master/package.ts"));
    expect(seen.size).toBeGreaterThan(10);
    expect(nodeImports).toEqual([]);
  });
});
