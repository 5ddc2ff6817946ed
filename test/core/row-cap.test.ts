/**
 * The table row cap holds for every grid, whether it came from a file or from Office.js: a
 * 100,000-row paste is refused with a clear message, not judged into hundreds of thousands of findings.
 */
import { checkGrid } from "../../src/core/check-grid";
import { DEFAULT_GUARD_LIMITS } from "../../src/core/guard";
import { GOOD_FILL, withPastedRows } from "./locate-helpers";

const EVENTS = GOOD_FILL.tables.events.length;

describe("the table row cap on a grid", () => {
  // Its time is a benchmark figure (npm run bench limits), not an assert: a loaded machine is slow too.
  it("refuses 100,000 pasted rows with the count and the limit, without judging them", () => {
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
