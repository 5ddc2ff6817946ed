import * as React from "react";
import { countsText, STATUS_INTENT } from "../findings-view";
import type { Validation } from "../../ports/operations";
import { Notice } from "./Notice";
import { STATUS_LABELS } from "../../core/words";

/** The workbook's status (通过 / 待说明 / 有错误) with its counts, or why there is none. Announced when it changes. */
export function ValidationStatus({ validation }: { readonly validation: Validation }): React.JSX.Element {
  if (validation.kind !== "checked") {
    return (
      <Notice intent="error" title="无法校验">
        {validation.message}
      </Notice>
    );
  }
  const { check } = validation;
  if (!check.ok) {
    return (
      <Notice intent="info" title="当前工作簿没有模板">
        {check.message}
      </Notice>
    );
  }
  const { status, counts } = check.judgement;
  return (
    <Notice intent={STATUS_INTENT[status]} title={`状态：${STATUS_LABELS[status]}`}>
      {countsText(counts)}
    </Notice>
  );
}
