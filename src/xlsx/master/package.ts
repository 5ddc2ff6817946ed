/**
 * The master as bytes, the same in every host: the description (src/core/master) rendered by exceljs
 * into parts in memory (parts-writer.ts, render.ts), the chart parts added (chart-package.ts), and
 * the package zipped by fflate with one fixed time on every entry, so equal inputs give equal bytes,
 * whether the command line or the task pane wrote them. No Node APIs.
 */
import { strFromU8, strToU8, zipSync, type Zippable } from "fflate";
import { describeMaster, type MasterDescription, type MasterOptions } from "../../core/master";
import type { MergeResult } from "../../core/merge/model";
import { outputOrder, planChart, zipTime } from "./chart-package";
import { partsWorkbook } from "./parts-writer";
import { renderMaster, type RenderProgress } from "./render";

async function withCharts(parts: Map<string, Uint8Array>, master: MasterDescription): Promise<Map<string, Uint8Array>> {
  let out = parts;
  for (const sheet of master.sheets) {
    if (!sheet.chart) continue;
    const current = out;
    const edits = await planChart(
      async (name) => (current.has(name) ? strFromU8(current.get(name)!) : undefined),
      [...current.keys()],
      sheet.chart,
    );
    const next = new Map<string, Uint8Array>();
    for (const name of outputOrder([...current.keys()], edits)) {
      const text = edits.replace.get(name) ?? edits.add.get(name);
      next.set(name, text !== undefined ? strToU8(text) : current.get(name)!);
    }
    out = next;
  }
  return out;
}

/** The .xlsx bytes of a described master. */
export async function masterDescriptionBytes(
  master: MasterDescription,
  progress?: RenderProgress,
): Promise<Uint8Array> {
  const { workbook, files } = partsWorkbook();
  await renderMaster(workbook, master, progress);
  await workbook.commit();
  const parts = await withCharts(files(), master);
  const zippable: Zippable = {};
  for (const name of outputOrder([...parts.keys()], { replace: new Map(), add: new Map() }))
    zippable[name] = parts.get(name)!;
  return zipSync(zippable, { level: 6, mtime: zipTime(master.date) });
}

/** The master workbook (spec §5) of a merge, as .xlsx bytes. */
export function masterBytes(
  result: MergeResult,
  options: MasterOptions = {},
  progress?: RenderProgress,
): Promise<Uint8Array> {
  return masterDescriptionBytes(describeMaster(result, options), progress);
}
