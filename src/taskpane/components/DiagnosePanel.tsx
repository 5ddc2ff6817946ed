import { Button, Caption1, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Diagnosis } from "../../ports/diagnosis";
import type { TaskPaneOperations } from "../../ports/operations";
import { diagnosisText } from "../diagnosis-text";
import { Notice } from "./Notice";
import { Section } from "./Section";

const useStyles = makeStyles({
  report: {
    width: "100%",
    boxSizing: "border-box",
    minHeight: "16em",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/**
 * 宿主诊断: runs the host's checks (operations.diagnose, a scratch workbook, never the user's) and shows
 * the report as text to copy and send back. Shown only where the adapter has something to check (WPS).
 */
export function DiagnosePanel(props: {
  readonly operations: TaskPaneOperations | null;
  readonly now?: () => Date;
}): React.JSX.Element {
  const diagnose = props.operations?.diagnose;
  const styles = useStyles();
  const [report, setReport] = React.useState<{ readonly result: Diagnosis; readonly at: Date } | null>(null);
  const result = report?.result ?? null;
  const [running, setRunning] = React.useState(false);
  const [copied, setCopied] = React.useState<boolean | null>(null);
  const now = props.now ?? (() => new Date());
  const text = report?.result.kind === "diagnosed" ? diagnosisText(report.result, report.at) : "";
  const run = async () => {
    if (!diagnose) return;
    setRunning(true);
    setCopied(null);
    try {
      const done = await diagnose();
      setReport({ result: done, at: now() });
    } finally {
      setRunning(false);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false); // the text stays selectable in the box
    }
  };
  return (
    <Section
      title="宿主诊断"
      summary="检查本加载项对当前 WPS 表格所作的假设（日期、空白和错误单元格的读法，事件，复制工作表，颜色，版本，内置浏览器），结果可复制后发给市场监管委。"
      points={[
        "检查在一个临时新建的工作簿中进行，结束后关闭且不保存；当前工作簿不会被修改。",
        "检查约需 2 秒，期间 WPS 可能短暂无响应。",
      ]}
    >
      {diagnose ? (
        <div className={styles.actions}>
          <Button appearance="primary" disabled={running} onClick={() => void run()}>
            开始诊断
          </Button>
          {running && <Spinner size="tiny" label="正在诊断…" />}
        </div>
      ) : (
        <Caption1>此宿主没有需要诊断的项目。</Caption1>
      )}
      {result && result.kind !== "diagnosed" && (
        <Notice intent="error" title="诊断未能完成">
          {result.message}
        </Notice>
      )}
      {result?.kind === "diagnosed" && (
        <>
          <textarea className={styles.report} readOnly value={text} aria-label="诊断结果" />
          <div className={styles.actions}>
            <Button onClick={() => void copy()}>复制</Button>
            {copied === true && <Caption1>已复制，可粘贴到邮件或即时通讯中发送。</Caption1>}
            {copied === false && <Caption1>无法自动复制，请在上面的文本框中全选后复制。</Caption1>}
          </div>
        </>
      )}
    </Section>
  );
}
