import { Caption1 } from "@fluentui/react-components";
import * as React from "react";
import type { MergePipeline } from "../merge/pipeline";
import type { TaskPaneOperations } from "../../ports/operations";
import { useOfficeAdapter } from "../adapterContext";
import { hostName } from "../host-name";
import { MergeView } from "./MergeView";
import { Section } from "./Section";

export function MergePanel(props: {
  readonly operations: TaskPaneOperations | null;
  readonly pipeline?: MergePipeline;
}): React.JSX.Element {
  const merge = props.operations?.merge ?? null;
  const host = hostName(useOfficeAdapter()?.host);
  return (
    <Section
      title="汇总"
      summary={`把各单位报送的总结工作簿汇总成一个新的汇总工作簿，在 ${host} 中打开，也可以下载保存。报送的文件和当前工作簿都不会被修改。`}
      points={[
        "汇总表：每个单位一行，含各项人数、次数的合计，以及校验状态（通过、待说明、有错误）。",
        "活动明细、宣传报道、佐证材料：各单位的明细行合在一起，注明来源单位和文件。",
        "问题清单：每个文件的每个问题，可直接退回各单位修改；另列未报送单位和分区统计（附图表）。",
      ]}
    >
      {merge ? (
        <MergeView operations={merge} {...(props.pipeline ? { pipeline: props.pipeline } : {})} />
      ) : (
        <Caption1>在 {host} 中打开本加载项后即可汇总；也可以使用命令行工具的 merge 命令。</Caption1>
      )}
    </Section>
  );
}
