/**
 * The table row cap holds for every grid, whether it came from a file or from Office.js: a
 * 100,000-row paste is refused with a clear message, not judged into hundreds of thousands of findings.
 */
import { checkGrid } from "../../src/core/check-grid";
import { SHEETS } from "../../src/core/definition";
import { DEFAULT_GUARD_LIMITS } from "../../src/core/guard";
import type { CellValue, WorkbookGrid } from "../../src/core/model";
import { GOOD_FILL, templateGrid } from "./locate-helpers";

/** The good report with `extra` one-cell rows pasted under the events table (a lone title each). */
function withPastedRows(extra: number): WorkbookGrid {
  const grid = templateGrid();
  return {
    ...grid,
    sheets: grid.sheets.map((s) => {
      if (s.name !== SHEETS.events) return s;
      const pasted: CellValue[][] = Array.from({ length: extra }, (_, i) => [null, `粘贴的第${i + 1}行`]);
      return { ...s, rows: [...s.rows, ...pasted] };
    }),
  };
}

const EVENTS = GOOD_FILL.tables.events.length;

describe("the table row cap on a grid", () => {
  it("refuses 100,000 pasted rows with the count and the limit, without judging them", () => {
    const started = Date.now();
    const checked = checkGrid(withPastedRows(100_000));
    expect(checked).toMatchObject({
      ok: false,
      code: "too_large",
      table: "events",
      rows: 100_000 + EVENTS,
      limit: DEFAULT_GUARD_LIMITS.maxTableRows,
    });
    if (checked.ok) return;
    expect(checked.message).toContain(
      `“研学宣贯活动明细”有 ${100_000 + EVENTS} 行，上限 ${DEFAULT_GUARD_LIMITS.maxTableRows} 行`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("honours the limits it is given: at the limit judged, one row over refused", () => {
    const limits = { maxTableRows: 10 };
    const atLimit = checkGrid(withPastedRows(10 - EVENTS), { limits });
    expect(atLimit.ok).toBe(true);
    if (atLimit.ok) expect(atLimit.raw.tables.events).toHaveLength(10);
    expect(checkGrid(withPastedRows(11 - EVENTS), { limits })).toMatchObject({
      ok: false,
      code: "too_large",
      rows: 11,
      limit: 10,
    });
  });

  it("by default judges a report at the default limit", () => {
    const checked = checkGrid(withPastedRows(DEFAULT_GUARD_LIMITS.maxTableRows - EVENTS));
    expect(checked.ok).toBe(true);
  });
});
