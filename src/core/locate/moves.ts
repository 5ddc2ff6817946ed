/** Chinese descriptions of what moved, grouped so that one inserted row is one sentence, not nineteen. */
import { parseA1 } from "../a1";

export interface Move {
  /** What moved, as users know it ("“联系电话”"). */
  readonly what: string;
  readonly fromSheet: string;
  readonly fromCell: string;
  readonly toSheet: string;
  readonly toCell: string;
}

function shift(n: number, down: string, up: string, unit: string): string {
  return n > 0 ? `${down}了 ${n} ${unit}` : `${up}了 ${-n} ${unit}`;
}

function one(m: Move): string {
  const to = m.toSheet === m.fromSheet ? m.toCell : `${m.toSheet}!${m.toCell}`;
  return `${m.what}已从 ${m.fromSheet}!${m.fromCell} 移到 ${to}`;
}

/** Moves by the same offset on the same sheet become one sentence when there are three or more. */
export function describeMoves(moves: readonly Move[]): string[] {
  const groups = new Map<string, Move[]>();
  for (const m of moves) {
    const a = parseA1(m.fromCell);
    const b = parseA1(m.toCell);
    const key = a && b ? `${m.toSheet}|${b.row - a.row}|${b.column - a.column}` : `single|${groups.size}`;
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  const out: string[] = [];
  for (const [key, list] of groups) {
    if (list.length < 3 || key.startsWith("single|")) {
      out.push(...list.map(one));
      continue;
    }
    const [, dr, dc] = key.split("|");
    const parts = [Number(dr) !== 0 ? shift(Number(dr), "下移", "上移", "行") : "", Number(dc) !== 0 ? shift(Number(dc), "右移", "左移", "列") : ""].filter(Boolean);
    out.push(`${list[0].what}等 ${list.length} 项${parts.join("、")}（插入或删除了行或列），如${one(list[0])}`);
  }
  return out;
}
