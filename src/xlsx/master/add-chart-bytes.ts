/**
 * Adds a chart to an .xlsx held in memory (the task pane has bytes, not files). Every part is
 * re-deflated with one fixed modification time, so equal inputs give equal bytes.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { BarChartSpec } from "./chart-xml";
import { outputOrder, planChart } from "./chart-package";

export async function addChartToBytes(xlsx: Uint8Array, spec: BarChartSpec | null, mtime: Date): Promise<Uint8Array> {
  const parts = unzipSync(xlsx);
  const names = Object.keys(parts);
  const edits = await planChart(async (name) => (parts[name] ? strFromU8(parts[name]) : undefined), names, spec);
  const out: Zippable = {};
  for (const name of outputOrder(names, edits)) {
    const text = edits.replace.get(name) ?? edits.add.get(name);
    out[name] = text !== undefined ? strToU8(text) : parts[name];
  }
  return zipSync(out, { level: 6, mtime });
}
