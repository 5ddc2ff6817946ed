/** Fields that moved, grouped so that one inserted row is one layout change, not nineteen. */
import { parseA1 } from "../a1";
import type { FieldMove, LayoutChange } from "../model";

/** Moves by the same offset on the same sheet become one change when there are three or more. */
export function groupMoves(moves: readonly FieldMove[]): LayoutChange[] {
  const groups = new Map<string, { moves: FieldMove[]; rows: number; columns: number }>();
  for (const m of moves) {
    const a = parseA1(m.templateCell)!;
    const b = parseA1(m.cell)!;
    const rows = b.row - a.row;
    const columns = b.column - a.column;
    const key = `${m.sheet}|${rows}|${columns}`;
    const group = groups.get(key);
    if (group) group.moves.push(m);
    else groups.set(key, { moves: [m], rows, columns });
  }
  const out: LayoutChange[] = [];
  for (const g of groups.values()) {
    if (g.moves.length >= 3) out.push({ kind: "fieldsShifted", ...g });
    else out.push(...g.moves.map((m): LayoutChange => ({ kind: "fieldMoved", ...m })));
  }
  return out;
}
