import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Finding } from "../../core/model";
import type { Done, TaskPaneOperations } from "../../ports/operations";
import { settle } from "../settle";
import { useSharedValidation } from "../useValidation";
import { ExplainForm } from "./ExplainForm";
import { describedBy, FeatureNote } from "./FeatureNote";
import { findingKey, FindingList } from "./FindingList";
import { ValidationStatus } from "./ValidationStatus";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * The 校验 view: status, findings that go to their cells, marks, and 填写说明 on a warning. The verdict is
 * the pane's one validation session (ValidationScope), which follows the workbook whichever view shows.
 */
export function CheckView({ operations }: { readonly operations: TaskPaneOperations }): React.JSX.Element {
  const styles = useStyles();
  const support = operations.support();
  const id = React.useId();
  const check = useSharedValidation();
  const [explaining, setExplaining] = React.useState<Finding | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);

  const report = (done: Done) => setNotice(done.kind === "done" ? null : done.message);
  const select = (f: Finding) => void settle(operations.selectCell(f.sheet, f.cell), "转到单元格").then(report);
  const explain = async (f: Finding, reason: string) => {
    const result = await settle(operations.writeExplanation(f, reason), "写入核实说明");
    // The pane's own write raises no change event, so the status comes from a fresh pass.
    if (result.kind === "written") {
      setExplaining(null);
      check.refresh();
    }
    return result;
  };

  const validation = check.validation;
  const findings = validation?.kind === "checked" && validation.check.ok ? validation.check.judgement.findings : null;

  return (
    <div className={styles.view}>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={!support.validate.available || check.running}
          aria-describedby={describedBy(`${id}-validate`, support.validate)}
          onClick={check.validate}
        >
          校验
        </Button>
        <Button
          disabled={!support.marks.available}
          aria-describedby={describedBy(`${id}-marks`, support.marks)}
          onClick={check.clearMarks}
        >
          清除标记
        </Button>
      </div>
      <FeatureNote id={`${id}-validate`} support={support.validate} />
      <FeatureNote id={`${id}-marks`} support={support.marks} />
      <FeatureNote id={`${id}-live`} support={support.liveValidation} />
      <FeatureNote id={`${id}-explain`} support={support.explain} />
      {support.marks.available && !check.marking && <Caption1>已清除标记；再次点“校验”时重新标记。</Caption1>}
      {check.markProblem && <Caption1>{check.markProblem}</Caption1>}
      {check.running && <Spinner size="tiny" label="正在校验…" />}
      {validation && <ValidationStatus validation={validation} />}
      {notice && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {findings && findings.length > 0 && (
        <>
          <Body1>点问题可转到其单元格。</Body1>
          <FindingList
            findings={findings}
            onSelect={select}
            onExplain={support.explain.available ? setExplaining : null}
            explaining={explaining && findingKey(explaining)}
            explainForm={
              explaining && (
                <ExplainForm
                  key={findingKey(explaining)}
                  finding={explaining}
                  onSubmit={explain}
                  onCancel={() => setExplaining(null)}
                />
              )
            }
          />
        </>
      )}
    </div>
  );
}
