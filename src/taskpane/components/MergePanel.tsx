import * as React from "react";
import { LaterAction } from "./LaterAction";
import { Section } from "./Section";

export function MergePanel(): React.JSX.Element {
  return (
    <Section
      title="汇总"
      summary="把各单位报送的总结工作簿汇总成一个新的汇总工作簿，原文件不会被修改。"
      points={[
        "汇总表：每个单位一行，含各项人数、次数的合计，以及校验状态（通过、待说明、有错误）。",
        "活动明细、宣传报道、佐证材料：各单位的明细行合在一起，注明来源单位和文件。",
        "问题清单：每个文件的每个问题，可直接退回各单位修改；另列未报送单位和分区统计。",
      ]}
    >
      <LaterAction label="汇总" />
    </Section>
  );
}
