/**
 * The same MergeResult gives the same master, byte for byte: fixed document dates (the newest merged
 * file's time, or the one given) and fixed zip times. The bytes variant for the task pane writes the
 * same sheets.
 */
import { strFromU8, unzipSync } from "fflate";
import { writeMasterWorkbookBytes } from "../../src/xlsx/master";
import { sampleResult } from "./merge-result";
import { writeAndRead } from "./read-master";

const partsOf = (bytes: Uint8Array): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

describe("a deterministic master", () => {
  it("is byte-identical when the same result is written twice", async () => {
    const a = await writeAndRead(sampleResult({ roster: true }));
    await new Promise((r) => setTimeout(r, 1100)); // a second later: a clock-dated part would differ
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
    const old = { ...base, units: base.units.map((u) => ({ ...u, source: { ...u.source, modified: "1970-01-01T00:00:00.000Z" } })) };
    const m = await writeAndRead(old);
    try {
      expect(m.parts["docProps/core.xml"]).toContain("1970-01-01T00:00:00Z");
      expect(m.workbook.worksheets).toHaveLength(7);
    } finally {
      m.cleanup();
    }
  });

  it("writes the same parts as bytes (task pane) as to a file", async () => {
    const file = await writeAndRead(sampleResult({ roster: true }));
    try {
      const bytes = partsOf(await writeMasterWorkbookBytes(sampleResult({ roster: true })));
      expect(Object.keys(bytes)).toEqual(Object.keys(file.parts));
      for (const p of Object.keys(bytes)) expect([p, bytes[p]]).toEqual([p, file.parts[p]]);
    } finally {
      file.cleanup();
    }
  });
});
