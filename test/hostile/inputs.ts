/**
 * Amplifying inputs shared by the hostile tests and the benchmark (bench/limits.ts), which times what
 * the tests only check: many 说明 attached to many warnings, and a small file whose every event row
 * asks for a finding with a 说明.
 */
import type { Explanation } from "../../src/core/explanations";
import type { Finding } from "../../src/core/model";
import { goodReport } from "./helpers";

/** `n` approximate-headcount warnings on 活动明细 and `n` 说明 for the field, plus one for its first cell. */
export function explainedWarnings(n: number): { findings: Finding[]; notes: Explanation[] } {
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    rule: "format.approximate",
    severity: "warning",
    field: "participants",
    table: "events",
    row: i + 4,
    sheet: "活动明细",
    cell: `F${i + 4}`,
    message: "参加人次填写的是约数",
  }));
  const notes: Explanation[] = Array.from({ length: n }, (_, i) => ({
    rule: "format.approximate",
    location: "参加人次",
    text: `说明${i}：统计口径不同`,
    row: i + 4,
  }));
  notes.push({ rule: "format.approximate", location: "活动明细!F4", text: "第一场按签到表估算", row: n + 4 });
  return { findings, notes };
}

/** The real template with `n` events, each with an approximate headcount and a 说明 for it. */
export function explainedEventsReport(n: number): Promise<Buffer> {
  return goodReport((wb) => {
    const events = wb.getWorksheet("活动明细")!;
    const notes = wb.getWorksheet("核实说明")!;
    for (let i = 0; i < n; i++) {
      const r = 4 + i;
      events.getRow(r).values = [
        new Date(Date.UTC(2023, 5, 1)),
        `活动${i}`,
        "集中宣贯培训",
        "线下",
        "《条例》",
        "约120人",
        "是",
      ];
      notes.getRow(r).values = ["format.approximate", "参加人次", `说明${i}：因为统计口径不同，故填写约数`];
    }
  });
}
