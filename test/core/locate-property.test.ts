/**
 * Whatever rows a unit inserts and whichever sheets it renames, with or without the defined names
 * following, every value is read from where it now is, and it is the value the unit typed.
 */
import fc from "fast-check";
import { FIELDS, SHEETS, type TableId } from "../../src/core/definition";
import { locateReport } from "../../src/core/locate";
import type { WorkbookGrid } from "../../src/core/model";
import { GOOD_FILL, insertRows, renameSheet, templateGrid } from "./locate-helpers";

type Edit =
  { kind: "rows"; sheet: string; before: number; count: number } | { kind: "rename"; sheet: string; to: string };

const editable: string[] = [SHEETS.basic, SHEETS.events, SHEETS.media, SHEETS.evidence];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant("rows" as const),
    sheet: fc.constantFrom(...editable),
    before: fc.integer({ min: 1, max: 35 }),
    count: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant("rename" as const),
    sheet: fc.constantFrom(...editable),
    to: fc.constantFrom("表一", "Sheet9", "活动", "基本信息（改）"),
  }),
);

function apply(grid: WorkbookGrid, edits: readonly Edit[], dropNames: boolean): WorkbookGrid {
  const current = new Map(editable.map((s) => [s, s]));
  let g = dropNames ? { ...grid, names: {} } : grid;
  for (const e of edits) {
    const now = current.get(e.sheet)!;
    if (e.kind === "rows") g = insertRows(g, now, e.before, e.count);
    else if (!g.sheets.some((s) => s.name === e.to)) {
      g = renameSheet(g, now, e.to);
      current.set(e.sheet, e.to);
    }
  }
  return g;
}

describe("locate after any inserted rows and renamed sheets", () => {
  it("reads every field and table row the unit filled, wherever they went", () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), fc.boolean(), (edits, dropNames) => {
        const result = locateReport(apply(templateGrid(), edits, dropNames));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        for (const f of FIELDS)
          expect(result.report.fields[f.id].value).toEqual(f.id === "credit_code" ? null : GOOD_FILL.fields[f.id]);
        for (const [id, rows] of Object.entries(GOOD_FILL.tables)) {
          const read = result.report.tables[id as TableId].map((r) =>
            Object.fromEntries(
              Object.entries(r.cells)
                .filter(([, c]) => c.value !== null)
                .map(([k, c]) => [k, c.value]),
            ),
          );
          expect(read).toEqual(rows);
        }
        const changed = edits.some((e) => e.kind === "rename") || result.report.fields.report_type.cell !== "C5";
        if (changed) expect(result.report.layoutChanges.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
