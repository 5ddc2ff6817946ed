/**
 * A roster (名单) as rows of cell texts, whatever file it came from: find the header row by its labels,
 * then read one unit per row. Pure; the file adapters (src/node/roster.ts) hand in the rows.
 */
import { labelKey } from "../text";
import { foldCreditCode } from "./identity";
import type { RosterUnit } from "./model";

/** Header labels accepted for each roster column (compared after labelKey folding). */
export const ROSTER_LABELS = {
  name: ["单位名称", "报送单位", "单位全称", "单位", "名称", "报送单位（盖章单位全称）"],
  creditCode: ["统一社会信用代码", "社会信用代码", "信用代码"],
  category: ["单位类别", "类别"],
} as const;

/** How far down the header row may stand (a title row or two above it is common). */
const HEADER_SCAN_ROWS = 10;

export type RosterTable =
  { readonly ok: true; readonly units: readonly RosterUnit[] } | { readonly ok: false; readonly reason: string };

function columnOf(header: readonly string[], labels: readonly string[]): number {
  const keys = labels.map(labelKey);
  return header.findIndex((h) => keys.includes(labelKey(h)));
}

/** Reads roster rows (1-based row = index + 1). The reason of a failure is Chinese, for the usage error. */
export function readRosterRows(rows: readonly (readonly string[])[]): RosterTable {
  for (let h = 0; h < Math.min(rows.length, HEADER_SCAN_ROWS); h++) {
    const nameAt = columnOf(rows[h], ROSTER_LABELS.name);
    if (nameAt < 0) continue;
    const codeAt = columnOf(rows[h], ROSTER_LABELS.creditCode);
    const categoryAt = columnOf(rows[h], ROSTER_LABELS.category);
    const cell = (r: readonly string[], at: number) => (at < 0 ? "" : (r[at] ?? "").trim());
    const units: RosterUnit[] = [];
    for (let i = h + 1; i < rows.length; i++) {
      const name = cell(rows[i], nameAt);
      if (name === "") continue;
      const code = cell(rows[i], codeAt);
      const category = cell(rows[i], categoryAt);
      units.push({
        name,
        creditCode: code === "" ? null : foldCreditCode(code),
        category: category === "" ? null : category,
        row: i + 1,
      });
    }
    if (units.length === 0) return { ok: false, reason: `表头（第 ${h + 1} 行）下面没有任何单位名称` };
    return { ok: true, units };
  }
  return {
    ok: false,
    reason: `前 ${HEADER_SCAN_ROWS} 行中找不到表头：需要一列标题为“${ROSTER_LABELS.name[0]}”（可另有“${ROSTER_LABELS.creditCode[0]}”“${ROSTER_LABELS.category[0]}”列）`,
  };
}
