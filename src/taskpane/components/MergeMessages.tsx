import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import type { MergeResult } from "../../core/merge/model";
import { summaryText } from "../merge/file-outcomes";
import type { WriteMasterResult } from "../../ports/merge-operations";
import { Notice } from "./Notice";

/** Asked before existing master sheets are replaced; inline (the pane is narrow), focus on the choice. */
export function ConfirmReplace(props: {
  readonly sheets: readonly string[];
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}): React.JSX.Element {
  const cancel = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => cancel.current?.focus(), []);
  return (
    <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label="替换已有的汇总工作表？">
      <MessageBarBody>
        <MessageBarTitle>替换已有的汇总工作表？</MessageBarTitle>
        当前工作簿中已有工作表：{props.sheets.join("、")}
        。替换后其中的内容（包括手工修改）将被新的汇总结果取代，且无法撤销；其他工作表不受影响。
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={props.onConfirm}>
          替换
        </Button>
        <Button ref={cancel} onClick={props.onCancel}>
          取消
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function WriteMessage(props: {
  readonly write: WriteMasterResult;
  readonly result: MergeResult;
}): React.JSX.Element {
  const { write, result } = props;
  switch (write.kind) {
    case "written":
      return (
        <Notice intent="success" title="汇总完成">
          {summaryText(result)}已写入工作表：{write.sheets.join("、")}
          {write.chart ? "；“统计”表附有各区域研学人次图表。" : "。"}
        </Notice>
      );
    case "exists":
      return <></>;
    case "unsupported":
      return (
        <Notice intent="warning" title="此版本的 Excel 无法写入汇总工作表">
          {write.message}
        </Notice>
      );
    case "failed":
      return (
        <Notice intent="error" title="未能写入汇总工作表">
          {write.message}
        </Notice>
      );
  }
}
