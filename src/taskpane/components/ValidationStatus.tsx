import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { countsText, STATUS_INTENT } from "../findings-view";
import type { Validation } from "../operations";
import { STATUS_LABELS } from "../../core/model";

/** The workbook's status (通过 / 待说明 / 有错误) with its counts, or why there is none. Announced when it changes. */
export function ValidationStatus({ validation }: { readonly validation: Validation }): React.JSX.Element {
  if (validation.kind !== "checked") {
    return (
      <MessageBar intent="error" layout="multiline" politeness="polite">
        <MessageBarBody>
          <MessageBarTitle>无法校验</MessageBarTitle>
          {validation.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { check } = validation;
  if (!check.ok) {
    return (
      <MessageBar intent="info" layout="multiline" politeness="polite">
        <MessageBarBody>
          <MessageBarTitle>当前工作簿没有模板</MessageBarTitle>
          {check.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { status, counts } = check.judgement;
  return (
    <MessageBar intent={STATUS_INTENT[status]} layout="multiline" politeness="polite">
      <MessageBarBody>
        <MessageBarTitle>状态：{STATUS_LABELS[status]}</MessageBarTitle>
        {countsText(counts)}
      </MessageBarBody>
    </MessageBar>
  );
}
