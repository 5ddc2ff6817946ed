import * as React from "react";
import { STATUS_LABELS } from "../../core/words";
import { countsText, STATUS_INTENT } from "../findings-view";
import { useSharedValidation } from "../useValidation";
import { Notice } from "./Notice";

/**
 * The workbook's status (有错误 / 待说明 / 通过, with its counts) shown above a view that is not 校验,
 * and one click to the list. Nothing while the workbook has no template or no verdict yet.
 */
export function StatusBar(props: { readonly onShowList: () => void }): React.JSX.Element | null {
  const { validation } = useSharedValidation();
  if (validation?.kind !== "checked" || !validation.check.ok) return null;
  const { status, counts } = validation.check.judgement;
  return (
    <Notice
      intent={STATUS_INTENT[status]}
      title={`状态：${STATUS_LABELS[status]}`}
      action={{ label: "查看问题", onClick: props.onShowList }}
    >
      {countsText(counts)}
    </Notice>
  );
}
