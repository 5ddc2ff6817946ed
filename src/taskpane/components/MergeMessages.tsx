import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import type { OpenMasterResult } from "../../ports/merge-operations";
import { useOfficeAdapter } from "../adapterContext";
import { hostName, type HostName } from "../host-name";

/** The file name a downloaded master gets. */
export const MASTER_FILE_NAME = "汇总.xlsx";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Saves the master's bytes (or another file's, of `type`) through the browser (every host with a download; the button says so). */
export function downloadMaster(bytes: Uint8Array, fileName = MASTER_FILE_NAME, type = XLSX_TYPE): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function openedText(
  open: OpenMasterResult | null,
  host: HostName,
): { intent: "success" | "warning"; title: string; text: string } {
  if (open === null) return { intent: "success", title: "汇总完成", text: `正在 ${host} 中打开汇总工作簿…` };
  switch (open.kind) {
    case "opened":
      return {
        intent: "success",
        title: "汇总完成",
        text: `汇总结果已在一个新的 ${host} 工作簿中打开（当前工作簿未作任何改动）。请在新工作簿中选择“文件-另存为”保存。`,
      };
    case "too_large":
    case "unsupported":
    case "failed":
      return { intent: "warning", title: `汇总完成，但未能在 ${host} 中打开`, text: open.message };
  }
}

/** The end of a merge: what was merged, where the master is, and how to open or save it again. */
export function FinishedMessage(props: {
  readonly summary: readonly string[];
  readonly open: OpenMasterResult | null;
  readonly onOpen: () => void;
  readonly onDownload: () => void;
}): React.JSX.Element {
  const host = hostName(useOfficeAdapter()?.host);
  const { intent, title, text } = openedText(props.open, host);
  return (
    <MessageBar intent={intent} layout="multiline" politeness="polite">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {text}
        {props.summary.map((line) => (
          <div key={line}>{line}</div>
        ))}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onDownload}>下载汇总文件</Button>
        {props.open !== null && props.open.kind !== "unsupported" && props.open.kind !== "too_large" && (
          <Button onClick={props.onOpen}>再次在 {host} 中打开</Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
