import { Button, Field, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Finding } from "../../core/model";
import { textLength } from "../../core/normalise/text";
import { MAX_REASON_CHARS } from "../findings-view";
import type { ExplainResult } from "../../ports/operations";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignSelf: "stretch" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Why the reason cannot be written as it is, or null when it can. Counted as the core counts text. */
export function reasonProblem(reason: string): string | null {
  const length = textLength(reason.trim());
  if (length === 0) return "请填写说明。";
  if (length > MAX_REASON_CHARS) return `说明不应超过 ${MAX_REASON_CHARS} 字，现有 ${length} 字。`;
  return null;
}

export interface ExplainFormProps {
  readonly finding: Finding;
  /** Writes the 核实说明 row; the caller closes the form once it is written. */
  readonly onSubmit: (finding: Finding, reason: string) => Promise<ExplainResult>;
  readonly onCancel: () => void;
}

/**
 * 填写说明, inline under its warning (a modal dialog is cramped in a 320px pane): the reason, checked
 * before anything is written, then written to 核实说明. Escape cancels.
 */
export function ExplainForm({ finding, onSubmit, onCancel }: ExplainFormProps): React.JSX.Element {
  const styles = useStyles();
  const [reason, setReason] = React.useState("");
  const [problem, setProblem] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const box = React.useRef<HTMLTextAreaElement>(null);
  React.useEffect(() => box.current?.focus(), []);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const invalid = reasonProblem(reason);
    if (invalid) {
      setProblem(invalid);
      box.current?.focus();
      return;
    }
    setBusy(true);
    // Written exactly as typed; only its length is counted as the core counts it (trimmed).
    const result = await onSubmit(finding, reason);
    if (result.kind !== "written") {
      setBusy(false);
      setProblem(result.message);
    }
  };

  return (
    <form
      noValidate
      className={styles.form}
      aria-label={`填写说明：${finding.sheet}!${finding.cell}`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !busy) onCancel();
      }}
    >
      <Field
        label="说明该提示为何属实"
        validationState={problem ? "error" : "none"}
        validationMessage={problem ?? `${textLength(reason.trim())} / ${MAX_REASON_CHARS} 字`}
      >
        <Textarea
          ref={box}
          value={reason}
          resize="vertical"
          aria-required
          onChange={(_e, data) => {
            setReason(data.value);
            setProblem(null);
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="small" disabled={busy}>
          {busy ? "正在写入…" : "写入核实说明"}
        </Button>
        <Button size="small" onClick={onCancel} disabled={busy}>
          取消
        </Button>
      </div>
    </form>
  );
}
