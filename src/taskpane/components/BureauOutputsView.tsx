/**
 * What the bureau takes from a finished 汇总 besides the master: 统计's summary paragraph, to copy into
 * its own report, and the 催报 list as a .csv download (GB18030 for Excel and WPS on a Chinese Windows,
 * or UTF-8 for other programs) — the same words and bytes as `merge` prints and `--reminders` writes.
 */
import { Button, Caption1, Field, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { CsvOutputEncoding } from "../../core/csv";
import type { BureauOutputs } from "../merge/bureau-outputs";
import { downloadMaster } from "./MergeMessages";

/** The file name a downloaded 催报 list gets. */
export const REMINDERS_FILE_NAME = "催报名单.csv";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignSelf: "stretch" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

type Copied = "idle" | "copied" | "failed";

/** Copies through the Clipboard API, else through a selection and the copy command (older webviews). */
async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // The host refused the Clipboard API (a permission policy): try the selection below.
  }
  if (!fallback || typeof document.execCommand !== "function") return false;
  fallback.focus();
  fallback.select();
  return document.execCommand("copy");
}

export function BureauOutputsView(props: { readonly outputs: BureauOutputs }): React.JSX.Element {
  const { paragraph, reminders } = props.outputs;
  const styles = useStyles();
  const area = React.useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = React.useState<Copied>("idle");
  const copy = async () => setCopied((await copyText(paragraph, area.current)) ? "copied" : "failed");
  const download = (encoding: CsvOutputEncoding) =>
    downloadMaster(reminders.bytes[encoding], REMINDERS_FILE_NAME, "text/csv");
  return (
    <>
      <div className={styles.block}>
        <Field label="总结段落（与总表“统计”工作表开头相同，可粘贴到本单位的总结中）">
          <Textarea ref={area} value={paragraph} readOnly resize="vertical" rows={6} />
        </Field>
        <div className={styles.row}>
          <Button onClick={() => void copy()}>复制总结段落</Button>
          <Caption1 role="status">
            {copied === "copied" ? "已复制。" : copied === "failed" ? "未能复制：请选中上面的文字后按 Ctrl+C。" : ""}
          </Caption1>
        </div>
      </div>
      <div className={styles.block}>
        <Caption1>催报名单：{reminders.summary}。</Caption1>
        {reminders.lines > 0 && (
          <div className={styles.row}>
            <Button onClick={() => download("gb18030")}>下载催报名单（Excel、WPS 直接打开）</Button>
            <Button appearance="subtle" onClick={() => download("utf-8")}>
              下载 UTF-8 版本
            </Button>
          </div>
        )}
      </div>
    </>
  );
}
