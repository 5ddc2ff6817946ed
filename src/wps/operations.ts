/**
 * TaskPaneOperations (src/ports/operations.ts) implemented on WPS 表格's object model: the pane's
 * React code is the same as in Excel. Every WPS call blocks, so each operation reads in bulk and
 * yields between chunks of writes; the add-in's own writes are bracketed (OwnWrites) because WPS's
 * events do not say who changed a sheet.
 */
import { checkGrid } from "../core/check-grid";
import type { Finding } from "../core/model";
import { GRACE_MS } from "../host-kit/own-writes";
import type { Feature, TaskPaneOperations, Unsupported, Validation } from "../ports/operations";
import type { WpsApplication } from "./api";
import { diagnoseWps } from "./diagnose";
import { writeExplanation } from "./explain";
import { insertTemplate, type TemplateSource } from "./insert-template";
import { subscribeWpsLive, WpsGrid } from "./live";
import { replaceMarks } from "./marks";
import { createWpsMergeOperations } from "./merge-operations";
import { errorDetail, messages } from "./messages";
import { selectCell } from "./navigate";
import { OwnWriteLog } from "./own-writes";
import { wpsSupport } from "./support";

export interface WpsOperationsDeps {
  readonly app: WpsApplication;
  readonly template: TemplateSource;
  readonly debounceMs?: number;
  readonly graceMs?: number;
}

export function createWpsOperations(deps: WpsOperationsDeps): TaskPaneOperations {
  const { app } = deps;
  const { features } = wpsSupport(app);
  const grid = new WpsGrid();
  const ownWrites = new OwnWriteLog(deps.graceMs ?? GRACE_MS);
  const note = (sheet: string, address: string) => ownWrites.note(sheet, address);
  const ownActivations = new Set<string>();
  // One write at a time, in order: a marking starts from what the one before left, a 说明 from the row it filled.
  let writing: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T> | T): Promise<T> => {
    const done = writing.then(async () => work());
    writing = done.catch(() => undefined);
    return done;
  };

  const unsupported = (feature: Feature): Unsupported | null => {
    const s = features[feature];
    return s.available ? null : { kind: "unsupported", message: s.message };
  };
  const workbook = () => app.ActiveWorkbook;
  const noWorkbook = { kind: "failed", message: messages.noWorkbook() } as const;

  return {
    support: () => features,
    merge: createWpsMergeOperations(app, features.validate),
    // Not gated by support(): an old WPS is exactly where a unit's report helps.
    diagnose: () => serially(() => diagnoseWps(app, deps.template, note)),

    async insertTemplate() {
      const no = unsupported("insertTemplate");
      if (no) return no;
      const result = await serially(() => insertTemplate(app, deps.template, note));
      grid.reset();
      return result;
    },

    async validate(): Promise<Validation> {
      const no = unsupported("validate");
      if (no) return no;
      try {
        const wb = workbook();
        if (!wb) return noWorkbook;
        return { kind: "checked", check: checkGrid(grid.read(wb, null)) };
      } catch (e) {
        grid.reset();
        return { kind: "failed", message: messages.wpsFailed("校验", errorDetail(e)) };
      }
    },

    async selectCell(sheet, cell) {
      const wb = workbook();
      if (!wb) return noWorkbook;
      return selectCell(wb, sheet, cell, (name) => {
        ownActivations.add(name);
        // The sheet may already be active (no event comes): forget it soon.
        setTimeout(() => ownActivations.delete(name), deps.graceMs ?? GRACE_MS);
      });
    },

    async writeExplanation(finding, reason) {
      const no = unsupported("explain");
      if (no) return no;
      return serially(() => {
        const wb = workbook();
        return wb ? writeExplanation(wb, finding, reason, note) : noWorkbook;
      });
    },

    async markFindings(findings: readonly Finding[]) {
      const no = unsupported("marks");
      if (no) return no;
      return serially(() => {
        const wb = workbook();
        return wb ? replaceMarks(wb, findings) : noWorkbook;
      });
    },

    async clearMarks() {
      const no = unsupported("marks");
      if (no) return no;
      return serially(() => {
        const wb = workbook();
        return wb ? replaceMarks(wb, []) : noWorkbook;
      });
    },

    onWorkbookChanged(callback) {
      if (!features.liveValidation.available) return () => undefined;
      return subscribeWpsLive({ app, grid, ownWrites, ownActivations, debounceMs: deps.debounceMs }, callback);
    },
  };
}
