/**
 * The same MergeResult gives the same master, byte for byte: fixed document dates (the newest merged
 * file's time, or the one given) and fixed zip times. The bytes variant for the task pane writes the
 * same sheets and chart.
 */
import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { writeMasterWorkbookBytes } from "../../src/xlsx/master";
import { fakeDateOnly } from "../helpers/clock";
import { sampleResult } from "./merge-result";
import { cellAt, writeAndRead } from "./read-master";

const partsOf = (bytes: Uint8Array): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

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
      expect(differing).toEqual(["docProps/core.xml"]);
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
      expect(m.workbook.worksheets).toHaveLength(7);
    } finally {
      m.cleanup();
    }
  });

  it("writes the same sheets, cells and chart as bytes (task pane, plain workbook) as to a file (streamed)", async () => {
    const file = await writeAndRead(sampleResult({ roster: true }));
    try {
      const bytes = await writeMasterWorkbookBytes(sampleResult({ roster: true }));
      const parts = partsOf(bytes);
      expect(parts["xl/charts/chart1.xml"]).toBe(file.parts["xl/charts/chart1.xml"]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(file.workbook.worksheets.map((w) => w.name));
      for (const ws of file.workbook.worksheets) {
        const other = wb.getWorksheet(ws.name) as ExcelJS.Worksheet;
        expect([ws.name, other.rowCount]).toEqual([ws.name, ws.rowCount]);
        ws.eachRow({ includeEmpty: true }, (row, r) =>
          row.eachCell({ includeEmpty: true }, (cell, c) => {
            const mine = cellAt(other, r, c);
            expect([ws.name, cell.address, mine.value, mine.numFmt, JSON.stringify(mine.fill)]).toEqual([
              ws.name,
              cell.address,
              cell.value,
              cell.numFmt,
              JSON.stringify(cell.fill),
            ]);
          }),
        );
        expect([ws.name, other.views[0]]).toEqual([ws.name, ws.views[0]]);
      }
      expect(partsOf(await writeMasterWorkbookBytes(sampleResult({ roster: true })))).toEqual(parts);
    } finally {
      file.cleanup();
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
        if (spec.startsWith(".")) visit(path.resolve(path.dirname(file), spec) + ".ts");
        else if (/^(node:)?(fs|os|path|stream|child_process|worker_threads|crypto)$/.test(spec))
          nodeImports.push(`${path.basename(file)}: ${spec}`);
      }
    };
    visit(path.resolve(__dirname, "../../src/xlsx/master/bytes.ts"));
    expect(seen.size).toBeGreaterThan(10);
    expect(nodeImports).toEqual([]);
  });
});
