import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { CellRef, Done, InsertResult, TaskPaneOperations } from "../../ports/operations";
import { useOfficeAdapter } from "../adapterContext";
import { hostName } from "../host-name";
import { Notice } from "./Notice";
import { settle } from "../settle";
import { describedBy, FeatureNote } from "./FeatureNote";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS },
  result: { alignSelf: "stretch" },
});

type Step =
  { kind: "idle" } | { kind: "confirming" } | { kind: "inserting" } | { kind: "finished"; result: InsertResult };

/** 插入模板: warn that Excel clears the undo history, insert, and say what happened. */
export function InsertTemplate(props: {
  readonly operations: TaskPaneOperations;
  /** Called once the workbook holds the template: inserted now, or found already there. */
  readonly onInserted?: () => void;
}): React.JSX.Element {
  const { operations, onInserted } = props;
  const styles = useStyles();
  const support = operations.support().insertTemplate;
  const noteId = React.useId();
  const [step, setStep] = React.useState<Step>({ kind: "idle" });
  const [goProblem, setGoProblem] = React.useState<string | null>(null);

  const insert = async () => {
    setStep({ kind: "inserting" });
    setGoProblem(null);
    const result = await settle(operations.insertTemplate(), "插入模板");
    setStep({ kind: "finished", result });
    if (result.kind === "inserted" || result.kind === "present") onInserted?.();
  };
  const goTo = (at: CellRef) =>
    void settle(operations.selectCell(at.sheet, at.cell), "转到模板").then((done: Done) =>
      setGoProblem(done.kind === "done" ? null : done.message),
    );

  return (
    <div className={styles.view}>
      <Button
        appearance="primary"
        disabled={!support.available || step.kind === "inserting" || step.kind === "confirming"}
        aria-describedby={describedBy(noteId, support)}
        onClick={() => setStep({ kind: "confirming" })}
      >
        插入模板
      </Button>
      <FeatureNote id={noteId} support={support} />
      {step.kind === "inserting" && <Spinner size="tiny" label="正在插入模板…" />}
      {step.kind === "finished" && (
        <div className={styles.result}>
          <ResultMessage result={step.result} onGoTo={goTo} />
        </div>
      )}
      {goProblem && (
        <MessageBar intent="error" layout="multiline" className={styles.result}>
          <MessageBarBody>{goProblem}</MessageBarBody>
        </MessageBar>
      )}
      {step.kind === "confirming" && (
        <ConfirmInsert onConfirm={() => void insert()} onCancel={() => setStep({ kind: "idle" })} />
      )}
    </div>
  );
}

/**
 * The warning a user must see before inserting: Excel clears the undo history when sheets are
 * inserted. Inline rather than a modal dialog, which is cramped in the narrow pane; focus moves to it.
 */
function ConfirmInsert(props: { readonly onConfirm: () => void; readonly onCancel: () => void }): React.JSX.Element {
  const go = React.useRef<HTMLButtonElement>(null);
  const host = hostName(useOfficeAdapter()?.host);
  React.useEffect(() => go.current?.focus(), []);
  return (
    <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label="插入模板前请注意">
      <MessageBarBody>
        <MessageBarTitle>插入模板前请注意</MessageBarTitle>
        插入模板后，{host}{" "}
        会清除撤销记录：此前在本工作簿中所做的操作将无法再撤销。如有需要，请先保存工作簿。是否继续插入？
      </MessageBarBody>
      <MessageBarActions>
        <Button ref={go} appearance="primary" onClick={props.onConfirm}>
          继续插入
        </Button>
        <Button onClick={props.onCancel}>取消</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

function ResultMessage(props: {
  readonly result: InsertResult;
  readonly onGoTo: (at: CellRef) => void;
}): React.JSX.Element {
  const { result, onGoTo } = props;
  const host = hostName(useOfficeAdapter()?.host);
  switch (result.kind) {
    case "inserted":
      return (
        <Notice intent="success" title="已插入模板" action={{ label: "转到模板", onClick: () => onGoTo(result.first) }}>
          已插入工作表：{result.sheets.join("、")}。可以开始填写了：每次输入后自动校验，有问题的单元格会被标出。
        </Notice>
      );
    case "present":
      return (
        <Notice
          intent="info"
          title="当前工作簿已有模板"
          action={{ label: "转到模板", onClick: () => onGoTo(result.at) }}
        >
          未再插入第二份。请直接在已有的模板中填写。
        </Notice>
      );
    case "unsupported":
      return (
        <Notice intent="warning" title={`此版本的 ${host} 无法插入模板`}>
          {result.message}
        </Notice>
      );
    case "failed":
      return (
        <Notice intent="error" title="未能插入模板">
          {result.message}
        </Notice>
      );
  }
}
