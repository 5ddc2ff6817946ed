import * as React from "react";
import { FIELDS, SHEETS, TABLES } from "../../core/definition";
import type { TaskPaneOperations } from "../../ports/operations";
import { InsertTemplate } from "./InsertTemplate";
import { Section } from "./Section";
import { TemplateStatus } from "./TemplateStatus";
import { ValidationContext } from "../useValidation";

/** Sheets a person fills or reads (the metadata sheet is hidden). */
const VISIBLE_SHEETS = Object.values(SHEETS).filter((name) => name !== SHEETS.meta);

export function TemplatePanel({ operations }: { readonly operations: TaskPaneOperations | null }): React.JSX.Element {
  // Each insert changes the workbook's sheets: a new key makes TemplateStatus look again.
  const [inserts, setInserts] = React.useState(0);
  const session = React.useContext(ValidationContext);
  const templateThere = () => {
    setInserts((n) => n + 1);
    // From now on every edit is checked and marked, whichever view shows.
    session?.inserted();
  };
  return (
    <Section
      title="插入模板"
      summary={`在当前工作簿中插入标准化研学行动总结的填报模板，共 ${FIELDS.length} 个填报项和 ${TABLES.length} 张明细表。`}
      points={[
        `工作表：${VISIBLE_SHEETS.join("、")}。`,
        "选项字段有下拉列表，人数只能填不小于 0 的整数，日期须为有效日期。",
        "必填项有醒目标记，未填或明显不合理时单元格会高亮。",
        "插入后边填边校验：每次输入后自动检查，有问题的单元格被标出，状态显示在每个页面的上方。",
        "“自检”工作表不依赖加载项，随填随查各项审核关系。",
        "标签和格式受工作表保护（无密码），只有填报单元格可以编辑。",
      ]}
    >
      <TemplateStatus key={inserts} />
      {operations && <InsertTemplate operations={operations} onInserted={templateThere} />}
    </Section>
  );
}
