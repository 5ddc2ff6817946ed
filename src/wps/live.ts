/**
 * Validation as the user types, from WPS's SheetChange and SheetActivate events
 * (Application.ApiEvent). The events say which sheet changed but not who changed it, so the add-in's
 * own writes (the insert, marks, 核实说明) are told apart by the flag it holds while writing and a
 * moment after (host-kit/own-writes.ts): whether WPS raises SheetChange for an add-in's own writes at
 * all, and when, is unconfirmed (docs/wps-facts.md). Changes are collected by sheet and, after a
 * quiet moment, only the changed sheets are read again (one Value2 each) and judged by the core.
 */
import { checkGrid } from "../core/check-grid";
import type { SheetGrid, WorkbookGrid } from "../core/model";
import { DEBOUNCE_MS } from "../host-kit/own-writes";
import { reportSheets } from "../host-kit/report-sheets";
import type { Validation } from "../ports/operations";
import {
  read,
  type SheetActivateHandler,
  type SheetChangeHandler,
  type WpsApplication,
  type WpsRange,
  type WpsWorkbook,
} from "./api";
import type { OwnWriteLog } from "./own-writes";
import { errorDetail, messages } from "./messages";
import { listSheets, namedCells, readSheet, readWorkbook } from "./sheets";

/** The workbook's grid kept between re-validations, so a change re-reads only its sheet. */
export class WpsGrid {
  private sheets: SheetGrid[] | null = null;

  reset(): void {
    this.sheets = null;
  }

  read(workbook: WpsWorkbook, changed: ReadonlySet<string> | null): WorkbookGrid {
    const cached = this.sheets;
    if (!cached || !changed) return this.keep(readWorkbook(workbook));
    const live = listSheets(workbook.Worksheets);
    const names = live.map((ws) => ws.Name);
    // A sheet added, removed or renamed since: read everything again.
    if (names.length !== cached.length || names.some((n, i) => n !== cached[i].name))
      return this.keep(readWorkbook(workbook));
    const sheets = cached.map((grid, i) => (changed.has(grid.name) ? readSheet(live[i]) : grid));
    return this.keep({ sheets, names: namedCells(workbook, new Set(names)) });
  }

  private keep(grid: WorkbookGrid): WorkbookGrid {
    this.sheets = [...grid.sheets];
    return grid;
  }
}

export interface WpsLiveOptions {
  readonly app: WpsApplication;
  readonly grid: WpsGrid;
  readonly ownWrites: OwnWriteLog;
  /** Sheets the add-in itself is activating (selectCell): their activation is not a user's. */
  readonly ownActivations: Set<string>;
  readonly debounceMs?: number;
}

/** The changed range's address, read defensively (the declarations do not type it as a range). */
function addressOf(target: object): string | undefined {
  try {
    const address = read((target as WpsRange).Address);
    return typeof address === "string" ? address : undefined;
  } catch {
    return undefined;
  }
}

function sheetName(sheet: object): string | undefined {
  try {
    const name = (sheet as { Name?: unknown }).Name;
    return typeof name === "string" ? name : undefined;
  } catch {
    return undefined;
  }
}

export function subscribeWpsLive(options: WpsLiveOptions, callback: (v: Validation) => void): () => void {
  const { app, grid, ownWrites } = options;
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let relevant: ReadonlySet<string> | null = null;

  const revalidate = (names: ReadonlySet<string>) => {
    if (stopped) return;
    try {
      const workbook = app.ActiveWorkbook;
      if (!workbook) return;
      const check = checkGrid(grid.read(workbook, names));
      relevant = reportSheets(check);
      callback({ kind: "checked", check });
    } catch (e) {
      grid.reset();
      callback({ kind: "failed", message: messages.wpsFailed("校验", errorDetail(e)) });
    }
  };

  const schedule = (name: string) => {
    changed.add(name);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const names = new Set(changed);
      changed.clear();
      revalidate(names);
    }, options.debounceMs ?? DEBOUNCE_MS);
  };

  const onChange: SheetChangeHandler = (sheet, target) => {
    if (stopped) return;
    const name = sheetName(sheet);
    if (name === undefined || ownWrites.isOwn(name, addressOf(target))) return;
    if (relevant && !relevant.has(name)) return; // another sheet of the user's
    schedule(name);
  };
  const onActivate: SheetActivateHandler = (sheet) => {
    if (stopped) return;
    const name = sheetName(sheet);
    if (name === undefined || options.ownActivations.delete(name)) return;
    if (relevant && !relevant.has(name)) return;
    schedule(name);
  };

  try {
    app.ApiEvent.AddApiEventListener("SheetChange", onChange);
    app.ApiEvent.AddApiEventListener("SheetActivate", onActivate);
  } catch (e) {
    callback({ kind: "failed", message: messages.wpsFailed("开启边填边校验", errorDetail(e)) });
  }

  return () => {
    stopped = true;
    clearTimeout(timer);
    try {
      app.ApiEvent.RemoveApiEventListener("SheetChange", onChange);
      app.ApiEvent.RemoveApiEventListener("SheetActivate", onActivate);
    } catch {
      // the handlers check `stopped` and do nothing
    }
  };
}
