import * as React from "react";
import { findingsToMark } from "./findings-view";
import type { Done, TaskPaneOperations, Validation } from "../ports/operations";
import { settle } from "./settle";

/** Whether the open workbook holds the template: not yet known, yes (found by names or layout), or no. */
export type TemplatePresence = "unknown" | "present" | "absent";

export interface ValidationState {
  /** The newest verdict, or null before the first one. */
  readonly validation: Validation | null;
  /** A full pass is under way. */
  readonly running: boolean;
  /** The last marking or clearing, when it did not work. */
  readonly markProblem: string | null;
  /** Marks follow each verdict until the user clears them; 校验 turns them back on. */
  readonly marking: boolean;
  readonly template: TemplatePresence;
}

export interface ValidationControls extends ValidationState {
  /** The 校验 button: a full pass, and marks back on. */
  readonly validate: () => void;
  /** A full pass that leaves marking as the user set it (after the pane's own write, which raises no change event). */
  readonly refresh: () => void;
  readonly clearMarks: () => void;
  /** The template was just inserted: validate it and follow every edit from now on. */
  readonly inserted: () => void;
}

function templateOf(validation: Validation): TemplatePresence | null {
  if (validation.kind !== "checked") return null;
  return validation.check.ok ? "present" : "absent";
}

/**
 * The workbook's validation for the whole pane, whichever view shows: a full pass when the pane opens
 * (it finds the template by its names or its layout), live verdicts pushed by onWorkbookChanged from
 * the moment the template is there (found, or just inserted), and the sheet's marks kept in step with
 * the newest verdict. A verdict that arrives after a newer one (a slow full pass overtaken by a live
 * one) is dropped. A workbook without the template is not followed edit by edit: nothing there to mark.
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
    template: "unknown",
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
      setState((s) => ({ ...s, validation, running: false, template: templateOf(validation) ?? s.template }));
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

  const inserted = React.useCallback(() => {
    setState((s) => ({ ...s, template: "present" }));
    refresh();
  }, [refresh]);

  React.useEffect(() => {
    mounted.current = true;
    refresh();
    return () => {
      mounted.current = false;
    };
  }, [refresh]);

  // Follow every edit once the template is there.
  const following = canLive && state.template === "present";
  React.useEffect(() => {
    if (!following) return undefined;
    return operations.onWorkbookChanged((validation) => {
      generation.current++;
      accept(validation);
    });
  }, [operations, following, accept]);

  return { ...state, validate, refresh, clearMarks, inserted };
}

/** The pane's one validation session, for every view that shows or acts on it. */
export const ValidationContext = React.createContext<ValidationControls | null>(null);

/** Provides one validation session (useValidation) to everything inside. */
export function ValidationScope(props: {
  readonly operations: TaskPaneOperations;
  readonly children: React.ReactNode;
}): React.JSX.Element {
  const controls = useValidation(props.operations);
  return React.createElement(ValidationContext.Provider, { value: controls }, props.children);
}

/** The session of the surrounding ValidationScope. */
export function useSharedValidation(): ValidationControls {
  const controls = React.useContext(ValidationContext);
  if (!controls) throw new Error("useSharedValidation needs a ValidationScope around it");
  return controls;
}
