/**
 * TaskPaneOperations (src/ports/operations.ts) implemented with Office.js: each operation checks
 * its requirement set first and answers in Chinese instead of failing on an older Excel.
 */
import { checkGrid } from "../core/check-grid";
import type { Finding } from "../core/model";
import type { Feature, TaskPaneOperations, Unsupported, Validation } from "../ports/operations";
import type { ExcelRunner } from "./runner";
import { writeExplanation } from "./explain";
import { insertTemplate, type TemplateSource } from "./insert-template";
import { LiveGrid } from "./live-grid";
import { GRACE_MS, OwnWrites } from "../host-kit/own-writes";
import { subscribeLive } from "./live";
import { MarkBook, replaceMarks } from "./marks";
import { createMergeOperations } from "./merge-operations";
import { errorDetail, messages } from "./messages";
import { selectCell } from "./navigate";
import { featureSupport, type IsSetSupported } from "./support";

export interface OperationsDeps {
  readonly excel: ExcelRunner;
  readonly isSetSupported: IsSetSupported;
  readonly template: TemplateSource;
  /** Excel.createWorkbook: the 汇总 view opens the master as a workbook of its own. */
  readonly createWorkbook?: (base64: string) => Promise<void>;
  /** Office.onReady's platform: whether the pane can offer downloads. */
  readonly platform?: string;
  /** Quiet time before a live re-validation (tests shorten it). */
  readonly debounceMs?: number;
  readonly graceMs?: number;
}

/**
 * Every batch waits while the user is editing a cell (delayForCellEdit) instead of failing with
 * InvalidOperation: marks follow a live re-validation while the user may already be typing again.
 */
function waitingForCellEdit(excel: ExcelRunner): ExcelRunner {
  return {
    run: ((a: unknown, b?: unknown) =>
      typeof a === "function"
        ? excel.run({ delayForCellEdit: true }, a as (context: Excel.RequestContext) => Promise<unknown>)
        : excel.run(
            { delayForCellEdit: true, ...(a as Excel.RunOptions) },
            b as (context: Excel.RequestContext) => Promise<unknown>,
          )) as ExcelRunner["run"],
  };
}

export function createOfficeOperations(deps: OperationsDeps): TaskPaneOperations {
  const excel = waitingForCellEdit(deps.excel);
  const support = featureSupport(deps.isSetSupported);
  const grid = new LiveGrid(excel);
  const ownWrites = new OwnWrites(deps.graceMs ?? GRACE_MS);
  const ownActivations = new Set<string>();
  const marks = new MarkBook();
  // One 说明 at a time: each reads the free row after the one before was written. Marks likewise, in
  // order: each marking starts from what the one before placed.
  let explaining: Promise<unknown> = Promise.resolve();
  let marking: Promise<unknown> = Promise.resolve();
  const mark = (findings: readonly Finding[]) => {
    const done = marking.then(() => ownWrites.run(() => replaceMarks(excel, findings, marks)));
    marking = done.catch(() => undefined);
    return done;
  };

  const unsupported = (feature: Feature): Unsupported | null => {
    const s = support[feature];
    return s.available ? null : { kind: "unsupported", message: s.message };
  };

  return {
    support: () => support,
    merge: createMergeOperations({
      isSetSupported: deps.isSetSupported,
      createWorkbook: deps.createWorkbook ?? (() => Promise.reject(new Error("createWorkbook unavailable"))),
      ...(deps.platform !== undefined ? { platform: deps.platform } : {}),
    }),

    async insertTemplate() {
      const no = unsupported("insertTemplate");
      if (no) return no;
      const result = await insertTemplate({ excel, template: deps.template, writing: (work) => ownWrites.run(work) });
      grid.reset();
      return result;
    },

    async validate(): Promise<Validation> {
      const no = unsupported("validate");
      if (no) return no;
      try {
        return { kind: "checked", check: checkGrid(await grid.read(null)) };
      } catch (e) {
        grid.reset();
        return { kind: "failed", message: messages.excelFailed("校验", errorDetail(e)) };
      }
    },

    selectCell(sheet, cell) {
      return selectCell(excel, sheet, cell, (name) => {
        ownActivations.add(name);
        // The sheet may already be active (no event comes): forget it soon.
        setTimeout(() => ownActivations.delete(name), deps.graceMs ?? GRACE_MS);
      });
    },

    async writeExplanation(finding, reason) {
      const no = unsupported("explain");
      if (no) return no;
      const written = explaining.then(() => ownWrites.run(() => writeExplanation(excel, finding, reason)));
      explaining = written.catch(() => undefined);
      return written;
    },

    async markFindings(findings) {
      const no = unsupported("marks");
      if (no) return no;
      return mark(findings);
    },

    async clearMarks() {
      const no = unsupported("marks");
      if (no) return no;
      return mark([]);
    },

    onWorkbookChanged(callback) {
      if (!support.liveValidation.available) return () => undefined;
      return subscribeLive({ excel, grid, ownWrites, ownActivations, debounceMs: deps.debounceMs }, callback);
    },
  };
}
