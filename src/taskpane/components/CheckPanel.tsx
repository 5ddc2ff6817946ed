import * as React from "react";
import type { TaskPaneOperations } from "../../ports/operations";
import { CheckView } from "./CheckView";
import { Section } from "./Section";

/** 校验: in Excel the check itself, first (the pane is narrow), then what it checks. */
export function CheckPanel({ operations }: { readonly operations: TaskPaneOperations | null }): React.JSX.Element {
  return (
    <Section
      title="校验"
      summary="按填报规则检查当前工作簿，列出每个问题所在的工作表和单元格，并说明应当怎样填写。"
      points={[
        "强制性错误（必须改正）：必填项未填、人数不是整数、日期无效、公益性宣贯次数多于培训次数、研学人次少于活动明细合计等。",
        "提示性问题（请核实）：填报日期晚于报送期限、培训次数与活动明细行数不一致、没有佐证材料等。",
        "提示性问题如实属正常，可以点“填写说明”写明原因（写入“核实说明”工作表），不必修改数据。",
      ]}
      lead={operations && <CheckView operations={operations} />}
    />
  );
}
