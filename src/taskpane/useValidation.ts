import * as React from "react";
import { findingsToMark } from "./findings-view";
import type { Done, TaskPaneOperations, Validation } from "../ports/operations";
import { settle } from "./settle";

export interface ValidationState {
  /** The newest verdict, or null before the first one. */
  readonly validation: Validation | null;
  /** A full pass is under way. */
  readonly running: boolean;
  /** The last marking or clearing, when it did not work. */
  readonly markProblem: string | null;
  /** Marks follow each verdict until the user clears them; 校验 turns them back on. */
  readonly marking: boolean;
}

export interface ValidationControls extends ValidationState {
  /** The 校验 button: a full pass, and marks back on. */
  readonly validate: () => void;
  /** A full pass that leaves marking as the user set it (after the pane's own write, which raises no change event). */
  readonly refresh: () => void;
  readonly clearMarks: () => void;
}

/**
 * The check view's state: a full pass when it opens and on 校验, live verdicts pushed by
 * onWorkbookChanged, and the sheet's marks kept in step with the newest verdict. A verdict that
 * arrives after a newer one (a slow full pass overtaken by a live one) is dropped.
 */
export function useValidation(operations: TaskPaneOperations): ValidationControls {
  const support = operations.support();
  const canValidate = support.validate.available;
  const canLive = support.liveValidation.available;
  const canMark = support.marks.available;
  const [state, setState] = React.useState<ValidationState>({
    validation: null,
    running: false,
    markProblem: null,
    marking: true,
  });
  const generation = React.useRef(0);
  const marking = React.useRef(true);
  const mounted = React.useRef(true);

  const reportMarks = React.useCallback((done: Done) => {
    if (!mounted.current) return;
    setState((s) => ({ ...s, markProblem: done.kind === "done" ? null : done.message }));
  }, []);

  const accept = React.useCallback(
    (validation: Validation) => {
      if (!mounted.current) return;
      setState((s) => ({ ...s, validation, running: false }));
      if (canMark && marking.current && validation.kind === "checked" && validation.check.ok) {
        void settle(operations.markFindings(findingsToMark(validation.check.judgement.findings)), "标记问题").then(
          reportMarks,
        );
      }
    },
    [operations, canMark, reportMarks],
  );

  const refresh = React.useCallback(() => {
    if (!canValidate) return;
    const mine = ++generation.current;
    setState((s) => ({ ...s, running: true }));
    void settle(operations.validate(), "校验").then((validation) => {
      if (mine === generation.current) accept(validation);
    });
  }, [operations, canValidate, accept]);

  const validate = React.useCallback(() => {
    marking.current = true;
    setState((s) => ({ ...s, marking: true }));
    refresh();
  }, [refresh]);

  const clearMarks = React.useCallback(() => {
    marking.current = false;
    setState((s) => ({ ...s, marking: false }));
    void settle(operations.clearMarks(), "清除标记").then(reportMarks);
  }, [operations, reportMarks]);

  React.useEffect(() => {
    mounted.current = true;
    refresh();
    const unsubscribe = canLive
      ? operations.onWorkbookChanged((validation) => {
          generation.current++;
          accept(validation);
        })
      : undefined;
    return () => {
      mounted.current = false;
      unsubscribe?.();
    };
  }, [operations, canLive, refresh, accept]);

  return { ...state, validate, refresh, clearMarks };
}
