/**
 * Validation as the user types: one WorksheetCollection.onChanged and one onActivated handler; the
 * sheets that changed are collected, and after a quiet moment (DEBOUNCE_MS, so a result is back
 * within 300 ms) re-read and judged by the core (checkGrid) in at most two syncs, waiting for cell
 * editing to finish (delayForCellEdit).
 *
 * The add-in's own writes (marks, 核实说明, the insert) also raise onChanged. They are skipped by
 * triggerSource "ThisLocalAddin" (ExcelApi 1.14); where events carry no triggerSource, by a flag held
 * while the add-in writes and for GRACE_MS after, because the events arrive after the write returns.
 * Excel drops some events (a dropdown choice on the web fires none: office-js #3888), so activating a
 * sheet re-checks it too.
 */
import { checkGrid } from "../core/check-grid";
import type { Validation } from "../ports/operations";
import type { ExcelRunner } from "./runner";
import { LiveGrid } from "./live-grid";
import { errorDetail, messages } from "./messages";
import { DEBOUNCE_MS, type OwnWrites } from "../host-kit/own-writes";
import { reportSheets } from "../host-kit/report-sheets";

interface ChangedArgs {
  readonly worksheetId: string;
  readonly triggerSource?: string;
}

export interface LiveOptions {
  readonly excel: ExcelRunner;
  readonly grid: LiveGrid;
  readonly ownWrites: OwnWrites;
  /** Names of sheets the add-in itself is activating (selectCell): their activation is not a user's. */
  readonly ownActivations: Set<string>;
  readonly debounceMs?: number;
}

export function subscribeLive(options: LiveOptions, callback: (v: Validation) => void): () => void {
  const { excel, grid, ownWrites } = options;
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();
  const handles: { remove(): void; context?: { sync(): Promise<unknown> } }[] = [];

  let relevant: ReadonlySet<string> | null = null;

  const revalidate = async (ids: ReadonlySet<string>) => {
    try {
      const check = checkGrid(await grid.read(ids));
      relevant = reportSheets(check);
      if (!stopped) callback({ kind: "checked", check });
    } catch (e) {
      grid.reset();
      if (!stopped) callback({ kind: "failed", message: messages.excelFailed("校验", errorDetail(e)) });
    }
  };

  const schedule = (sheetId: string) => {
    changed.add(sheetId);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const ids = new Set(changed);
      changed.clear();
      // One re-validation at a time, in order, so a late answer never replaces a newer one.
      chain = chain.then(() => (stopped ? undefined : revalidate(ids)));
    }, options.debounceMs ?? DEBOUNCE_MS);
  };

  const onChanged = (args: ChangedArgs) => {
    if (stopped) return;
    if (args.triggerSource === "ThisLocalAddin") return;
    if (args.triggerSource === undefined && ownWrites.writing) return;
    const name = grid.nameOf(args.worksheetId);
    if (relevant && name !== undefined && !relevant.has(name)) return; // another sheet of the user's
    schedule(args.worksheetId);
  };
  const onActivated = (args: { worksheetId: string }) => {
    if (stopped) return;
    const name = grid.nameOf(args.worksheetId);
    if (name !== undefined && options.ownActivations.delete(name)) return;
    if (relevant && name !== undefined && !relevant.has(name)) return; // not a sheet of the report
    schedule(args.worksheetId);
  };

  const registered = excel
    .run(async (context) => {
      handles.push(context.workbook.worksheets.onChanged.add(async (a) => onChanged(a as unknown as ChangedArgs)));
      handles.push(context.workbook.worksheets.onActivated.add(async (a) => onActivated(a)));
      await context.sync();
    })
    .catch((e: unknown) => {
      if (!stopped) callback({ kind: "failed", message: messages.excelFailed("开启边填边校验", errorDetail(e)) });
    });

  return () => {
    stopped = true;
    clearTimeout(timer);
    void registered.then(async () => {
      for (const h of handles) h.remove();
      // remove() is queued on the context that added the handler (Office's event docs).
      await handles[0]?.context?.sync().catch(() => undefined);
    });
  };
}
