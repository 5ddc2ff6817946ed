/**
 * A roster (名单) as lines of cell texts, whatever file it came from: find the header row by its
 * labels, then read one unit per line. Pure; the roster intake (src/intake/roster.ts) hands in the
 * lines with the row numbers the file shows (a CSV's line, a worksheet's row).
 */
import { labelKey } from "../text";
import { foldCreditCode } from "./identity";
import type { RosterUnit, UnitContact } from "./model";

/** A roster file bigger than this is not a list of units (a few thousand rows is a few hundred KB). */
export const MAX_ROSTER_BYTES = 20 * 1024 * 1024;

/** Header labels accepted for each roster column (compared after labelKey folding). */
export const ROSTER_LABELS = {
  name: ["单位名称", "报送单位", "单位全称", "单位", "名称", "报送单位（盖章单位全称）"],
  creditCode: ["统一社会信用代码", "社会信用代码", "信用代码"],
  category: ["单位类别", "类别"],
  // Whom 催报 calls: optional columns, in any order.
  contactName: ["联系人", "联系人姓名", "联络人", "联络员"],
  contactPhone: ["联系电话", "电话", "联系人电话", "手机", "手机号码", "联系方式"],
  contactEmail: ["电子邮箱", "邮箱", "电子邮件", "Email", "E-mail", "email", "e-mail"],
} as const;

/** How many non-blank lines the header may stand below (a title line or two above it is common). */
const HEADER_SCAN_LINES = 10;

/** One non-blank line of a roster file: its row number in the file (1-based) and its cells. */
export interface RosterLine {
  readonly row: number;
  readonly cells: readonly string[];
}

export type RosterTable =
  { readonly ok: true; readonly units: readonly RosterUnit[] } | { readonly ok: false; readonly reason: string };

/** The column headed by the first of `labels` the header has (a roster with 电话 and 联系电话 gives 联系电话); -1 when none. */
function columnOf(header: readonly string[], labels: readonly string[]): number {
  const keys = header.map(labelKey);
  for (const label of labels) {
    const at = keys.indexOf(labelKey(label));
    if (at >= 0) return at;
  }
  return -1;
}

/** The units of a roster's lines (in file order). The reason of a failure is Chinese. */
export function rosterUnitsOf(lines: readonly RosterLine[]): RosterTable {
  for (let h = 0; h < Math.min(lines.length, HEADER_SCAN_LINES); h++) {
    const header = lines[h].cells;
    const nameAt = columnOf(header, ROSTER_LABELS.name);
    if (nameAt < 0) continue;
    const codeAt = columnOf(header, ROSTER_LABELS.creditCode);
    const categoryAt = columnOf(header, ROSTER_LABELS.category);
    const contactAt = [ROSTER_LABELS.contactName, ROSTER_LABELS.contactPhone, ROSTER_LABELS.contactEmail].map((l) =>
      columnOf(header, l),
    );
    const cell = (cells: readonly string[], at: number) => (at < 0 ? "" : (cells[at] ?? "").trim());
    const orNull = (s: string) => (s === "" ? null : s);
    const contactOf = (cells: readonly string[]): UnitContact => {
      const [name, phone, email] = contactAt.map((at) => orNull(cell(cells, at)));
      return { name, phone, email };
    };
    const withContact = contactAt.some((at) => at >= 0);
    const units: RosterUnit[] = [];
    for (const line of lines.slice(h + 1)) {
      const name = cell(line.cells, nameAt);
      if (name === "") continue;
      const code = cell(line.cells, codeAt);
      const category = cell(line.cells, categoryAt);
      units.push({
        name,
        creditCode: code === "" ? null : foldCreditCode(code),
        category: category === "" ? null : category,
        row: line.row,
        ...(withContact ? { contact: contactOf(line.cells) } : {}),
      });
    }
    if (units.length === 0) return { ok: false, reason: `表头（第 ${lines[h].row} 行）下面没有任何单位名称` };
    return { ok: true, units };
  }
  return {
    ok: false,
    reason: `前 ${HEADER_SCAN_LINES} 个非空行中找不到表头：需要一列标题为“${ROSTER_LABELS.name[0]}”（可另有“${ROSTER_LABELS.creditCode[0]}”“${ROSTER_LABELS.category[0]}”“${ROSTER_LABELS.contactName[0]}”“${ROSTER_LABELS.contactPhone[0]}”“${ROSTER_LABELS.contactEmail[0]}”列）`,
  };
}
