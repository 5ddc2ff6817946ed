import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import * as React from "react";
import type { HostStatus, OfficeAdapter } from "../../ports/host";
import { hostName } from "../host-name";

/** What the pane needs to say about where it runs; nothing when it is in Excel. */
export function HostNotice({ adapter }: { readonly adapter: OfficeAdapter | null }): React.JSX.Element | null {
  if (!adapter) return <Spinner size="tiny" label="正在连接 Excel…" />;
  // In WPS the pane runs too; an old WPS is told by each feature's own message.
  if (adapter.host.kind === "excel" || adapter.host.kind === "wps") return null;
  const host = hostName(adapter.host);
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>本加载项在 {host} 中运行</MessageBarTitle>
        <div>{outsideExplanation(adapter.host)}</div>
        <div>
          {host === "WPS 表格"
            ? "请在 WPS 表格中启用本加载项（由单位管理员安装），然后在“研学行动总结”选项卡中选择“插入模板”“校验”或“汇总”。"
            : "请在 Excel（桌面版或网页版）中加载本加载项，然后在“开始”选项卡的“研学行动总结”组中选择“插入模板”“校验”或“汇总”。"}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

function outsideExplanation(host: Exclude<HostStatus, { kind: "excel" } | { kind: "wps" }>): string {
  switch (host.reason) {
    case "no-office-js":
      return "未能加载 Office.js：可能是在普通浏览器中打开了本页面，或网络不可用。";
    case "not-in-office":
      return "本页面是在普通浏览器中打开的，不在 Excel 中。";
    case "other-host":
      return `当前程序是 ${host.host ?? "其他 Office 程序"}，不是 Excel。`;
    case "timeout":
      return "Office 长时间没有响应，请关闭任务窗格后重新打开。";
    case "failed":
      return "Office.js 初始化失败，请关闭任务窗格后重新打开。";
    case "no-wps":
      return "未检测到 WPS 加载项环境：本页面应由 WPS 表格的“研学行动总结”选项卡打开。";
  }
}
