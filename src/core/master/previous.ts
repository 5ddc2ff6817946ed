/**
 * 与上年核对 (with --previous): every unit of this merge beside the same unit in last time's master,
 * its headcounts and sessions side by side (上次 then 本次, field by field); a figure that changed
 * beyond the factor either way is named with both figures in 核对结果. Then the units new this time
 * and those that reported last time but not now, each line saying which it is (a column to filter by).
 */
import { MASTER_SHEETS } from "../definition";
import { COMPARED_FIELDS, CHANGE_FACTOR } from "../merge/previous";
import type { ComparisonLine, MergeResult, PreviousComparison } from "../merge/model";
import type { MasterColumn } from "./columns";
import { listSheet } from "./list-sheet";
import type { MasterSheet, Tone } from "./model";
import { carriedSources, fileColumns } from "./sources";

export const SITUATION_LABELS: Readonly<Record<ComparisonLine["situation"], string>> = {
  both: "两次均报送",
  new: "本次新报送",
  gone: "上次报送、本次未报送",
};

const SITUATION_TONE: Readonly<Record<ComparisonLine["situation"], Tone | null>> = {
  both: null,
  new: "neutral",
  gone: "bad",
};

const count = (n: number) => n.toLocaleString("en-US");

/** Each figure beyond the factor, with both figures (empty when none is). */
export function changedFiguresText(line: ComparisonLine): string {
  const label = (id: string) => COMPARED_FIELDS.find((f) => f.id === id)?.label ?? id;
  return line.changed.map((c) => `${label(c.field)}：上次 ${count(c.previous)}，本次 ${count(c.current)}`).join("；");
}

/** 核对结果: each figure beyond the factor, with both figures. */
export function changeText(line: ComparisonLine): string | null {
  return line.changed.length === 0 ? null : `变化超过 ${CHANGE_FACTOR} 倍——${changedFiguresText(line)}`;
}

export function previousColumns(result: MergeResult): MasterColumn<ComparisonLine>[] {
  const figure = (side: "previous" | "current", id: string, header: string): MasterColumn<ComparisonLine> => ({
    header,
    width: 12,
    format: "count",
    value: (l) => l[side]?.[id] ?? null,
  });
  return [
    {
      header: "情况",
      width: 14,
      value: (l) => SITUATION_LABELS[l.situation],
      tone: (l) => SITUATION_TONE[l.situation],
    },
    { header: "单位名称", width: 32, value: (l) => l.unit || null },
    { header: "统一社会信用代码", width: 22, value: (l) => l.creditCode },
    ...COMPARED_FIELDS.flatMap((f) => [
      figure("previous", f.id, `上次：${f.label}`),
      figure("current", f.id, `本次：${f.label}`),
    ]),
    { header: "核对结果", width: 60, value: changeText, tone: (l) => (l.changed.length > 0 ? "bad" : null) },
    ...fileColumns<ComparisonLine>(carriedSources(result), (l) => l.file ?? "").map((c) => ({
      ...c,
      header: `本次${c.header}`,
      value: (l: ComparisonLine) => (l.file === null ? null : c.value(l)),
    })),
  ];
}

export function previousSheet(result: MergeResult, comparison: PreviousComparison): MasterSheet {
  return listSheet({
    name: MASTER_SHEETS.previous,
    columns: previousColumns(result),
    items: comparison.lines,
    frozenColumns: 2,
  });
}
