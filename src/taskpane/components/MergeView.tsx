import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { REPORT_TYPES, type ReportType } from "../../core/definition";
import { feedbackSettingsOf } from "../../core/feedback/settings";
import { mergeSummaryLines } from "../../core/words";
import type { MasterFile, MergeOperations, OpenMasterResult } from "../../ports/merge-operations";
import { VERSION } from "../../version";
import { addChosenFiles } from "../merge/chosen-file";
import type { BureauOutputs } from "../merge/bureau-outputs";
import type { JobEvent, JobFile } from "../merge/job";
import type { FileLine } from "../merge/lines";
import { defaultPipeline, type MergePipeline, type RunningMerge } from "../merge/pipeline";
import { settle } from "../settle";
import { BureauOutputsView } from "./BureauOutputsView";
import { describedBy, FeatureNote } from "./FeatureNote";
import { MergeFileList } from "./MergeFileList";
import { FeedbackReady, FeedbackSettingsForm, type FeedbackFile, type TypedSettings } from "./MergeFeedback";
import { OptionalFile } from "./OptionalFile";
import { downloadMaster, FinishedMessage } from "./MergeMessages";
import { VISUALLY_HIDDEN } from "./visually-hidden";

const useStyles = makeStyles({
  view: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  stretch: { alignSelf: "stretch" },
  hidden: VISUALLY_HIDDEN,
});

type TypeChoice = "majority" | ReportType;

/** What the run said when it merged, kept for the finished step. */
interface Merged {
  lines: readonly string[];
  bureau: BureauOutputs | null;
  feedback: FeedbackFile | null;
}

type Step =
  | { kind: "idle" }
  | { kind: "reading"; done: number; total: number }
  | { kind: "writing"; rows: number; total: number; summary: readonly string[] }
  | { kind: "writing_feedback"; done: number; total: number; summary: readonly string[] }
  | {
      kind: "finished";
      summary: readonly string[];
      /** Null only if a run ended without saying what it merged (a run always says it first). */
      bureau: BureauOutputs | null;
      master: MasterFile;
      open: OpenMasterResult | null;
      feedback: FeedbackFile | null;
    }
  | { kind: "stopped"; message: string };

const pendingLine = (f: JobFile): FileLine => ({ id: f.id, path: f.path, fate: "pending", reason: "" });

/**
 * Many small updates (a line per file read) become one render per frame, rendered as a transition so
 * React yields to the browser between slices: the pane never blocks on a long list.
 */
function useFrameBatched<T>(initial: T): [T, (update: (current: T) => T) => void, (next: T) => void] {
  const [value, setValue] = React.useState(initial);
  const pending = React.useRef<((current: T) => T)[]>([]);
  const scheduled = React.useRef(false);
  const flush = React.useCallback(() => {
    scheduled.current = false;
    const updates = pending.current;
    pending.current = [];
    React.startTransition(() => setValue((current) => updates.reduce((v, u) => u(v), current)));
  }, []);
  const queue = React.useCallback(
    (update: (current: T) => T) => {
      pending.current.push(update);
      if (scheduled.current) return;
      scheduled.current = true;
      if (typeof requestAnimationFrame === "function") requestAnimationFrame(flush);
      else setTimeout(flush, 16);
    },
    [flush],
  );
  const reset = React.useCallback((next: T) => {
    pending.current = [];
    setValue(next);
  }, []);
  return [value, queue, reset];
}

/** 汇总: choose the returned workbooks (and a roster, and last time's master), merge them off the UI thread, open the master as a new workbook. */
export function MergeView(props: {
  readonly operations: MergeOperations;
  readonly pipeline?: MergePipeline;
}): React.JSX.Element {
  const { operations } = props;
  const pipeline = props.pipeline ?? defaultPipeline;
  const styles = useStyles();
  const support = operations.support();
  const noteId = React.useId();
  const filesInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);
  const running = React.useRef<RunningMerge | null>(null);
  const [files, setFiles] = React.useState<JobFile[]>([]);
  const [roster, setRoster] = React.useState<JobFile | null>(null);
  const [previous, setPrevious] = React.useState<JobFile | null>(null);
  const [type, setType] = React.useState<TypeChoice>("majority");
  const [lines, queueLines, resetLines] = useFrameBatched<readonly FileLine[]>([]);
  const [step, setStepNow] = React.useState<Step>({ kind: "idle" });
  // Progress (a step per file read, per rows written) is shown once a frame, not once an event.
  const progress = React.useRef<{ step: Step | null; scheduled: boolean }>({ step: null, scheduled: false });
  const setStep = React.useCallback((next: Step) => {
    progress.current.step = null;
    setStepNow(next);
  }, []);
  const setProgress = React.useCallback((next: Step) => {
    progress.current.step = next;
    if (progress.current.scheduled) return;
    progress.current.scheduled = true;
    const flush = () => {
      progress.current.scheduled = false;
      if (progress.current.step) setStepNow(progress.current.step);
      progress.current.step = null;
    };
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(flush);
    else setTimeout(flush, 16);
  }, []);
  const [feedbackOn, setFeedbackOn] = React.useState(false);
  const [typed, setTyped] = React.useState<TypedSettings>({});
  const settings = React.useMemo(() => feedbackSettingsOf(typed), [typed]);
  const busy = step.kind === "reading" || step.kind === "writing" || step.kind === "writing_feedback";

  React.useEffect(() => () => running.current?.cancel(), []);

  const choose = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const next = addChosenFiles(files, [...list]);
    setFiles(next);
    resetLines(next.map(pendingLine));
    setStep({ kind: "idle" });
  };

  const open = async (master: MasterFile, merged: Merged) => {
    const { lines: summary, bureau, feedback } = merged;
    setStep({ kind: "finished", summary, bureau, master, open: null, feedback });
    const opened = await settle(operations.openMaster(master), "打开汇总工作簿");
    setStep({ kind: "finished", summary, bureau, master, open: opened, feedback });
  };

  const onEvent = (summaryRef: Merged) => (event: JobEvent) => {
    switch (event.type) {
      case "read":
        queueLines((current) => current.map((l) => (l.id === event.line.id ? event.line : l)));
        setProgress({ kind: "reading", done: event.done, total: event.total });
        return;
      case "merged": {
        const byId = new Map(event.lines.map((l) => [l.id, l]));
        queueLines((current) => current.map((l) => byId.get(l.id) ?? l));
        summaryRef.lines = mergeSummaryLines(event.summary);
        summaryRef.bureau = event.bureau;
        setStep({ kind: "writing", rows: 0, total: 1, summary: summaryRef.lines });
        return;
      }
      case "writing":
        setProgress({ kind: "writing", rows: event.rows, total: event.total, summary: summaryRef.lines });
        return;
      case "writing_feedback":
        setProgress({ kind: "writing_feedback", done: event.done, total: event.total, summary: summaryRef.lines });
        return;
      case "feedback":
        summaryRef.feedback = { bytes: event.bytes, returns: event.returns, receipts: event.receipts };
        return;
      case "done":
        running.current = null;
        void open({ bytes: event.bytes, base64: event.base64 }, summaryRef);
        return;
      case "stopped":
      case "failed":
        running.current = null;
        setStep({ kind: "stopped", message: event.message });
    }
  };

  const run = () => {
    resetLines(files.map(pendingLine));
    setStep({ kind: "reading", done: 0, total: files.length });
    running.current = pipeline.start(
      {
        files,
        roster,
        previous,
        reportType: type === "majority" ? null : type,
        productVersion: VERSION,
        feedback: feedbackOn && settings.ok ? settings.settings : null,
      },
      onEvent({ lines: [], bureau: null, feedback: null }),
    );
  };

  const cancel = () => {
    running.current?.cancel();
    running.current = null;
    resetLines(files.map(pendingLine));
    setStep({ kind: "stopped", message: "已取消汇总：没有生成汇总结果，当前工作簿和报送的文件都未作任何改动。" });
  };

  return (
    <div className={styles.view}>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => filesInput.current?.click()}>
          选择文件…
        </Button>
        <Button disabled={busy} onClick={() => folderInput.current?.click()}>
          选择文件夹…
        </Button>
        {files.length > 0 && (
          <Button
            appearance="subtle"
            disabled={busy}
            onClick={() => (setFiles([]), resetLines([]), setStep({ kind: "idle" }))}
          >
            清空
          </Button>
        )}
      </div>
      <input
        ref={filesInput}
        className={styles.hidden}
        type="file"
        multiple
        aria-label="选择报送文件"
        onChange={(e) => choose(e.currentTarget.files)}
      />
      <input
        ref={folderInput}
        className={styles.hidden}
        type="file"
        multiple
        aria-label="选择报送文件所在的文件夹"
        {...({ webkitdirectory: "" } as React.InputHTMLAttributes<HTMLInputElement>)}
        onChange={(e) => choose(e.currentTarget.files)}
      />
      <Caption1>
        {files.length > 0
          ? `已选择 ${files.length} 个文件。`
          : "请选择各单位报送的总结工作簿（可多选，或选择整个文件夹）。"}
      </Caption1>

      <OptionalFile
        file={roster}
        onChange={setRoster}
        disabled={busy}
        accept=".xlsx,.csv"
        inputLabel="选择单位名单"
        chooseText="选择单位名单（可选）…"
        changeText="更换名单…"
        clearText="不用名单"
        shown={(f) => `名单：${f.name}`}
      />
      <OptionalFile
        file={previous}
        onChange={setPrevious}
        disabled={busy}
        accept=".xlsx"
        inputLabel="选择上年汇总表"
        chooseText="选择上年汇总表（可选）…"
        changeText="更换上年汇总表…"
        clearText="不与上年核对"
        shown={(f) => `上年汇总表：${f.name}（增加“与上年核对”工作表）`}
      />

      <Field label="报告类型">
        <RadioGroup value={type} disabled={busy} onChange={(_e, d) => setType(d.value as TypeChoice)}>
          <Radio value="majority" label="按多数" />
          {REPORT_TYPES.map((t) => (
            <Radio key={t} value={t} label={t} />
          ))}
        </RadioGroup>
      </Field>

      <FeedbackSettingsForm
        on={feedbackOn}
        onToggle={setFeedbackOn}
        typed={typed}
        onType={setTyped}
        checked={settings}
        disabled={busy}
      />

      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy || files.length === 0 || (feedbackOn && !settings.ok)}
          aria-describedby={describedBy(noteId, support)}
          onClick={run}
        >
          开始汇总
        </Button>
        {busy && <Button onClick={cancel}>取消</Button>}
      </div>
      <FeatureNote id={noteId} support={support} />

      {step.kind === "reading" && (
        <Field
          className={styles.stretch}
          validationMessage={`正在读取并校验：${step.done}/${step.total}`}
          validationState="none"
        >
          <ProgressBar value={step.done} max={Math.max(step.total, 1)} aria-label="读取进度" />
        </Field>
      )}
      {step.kind === "writing" && (
        <Field className={styles.stretch} validationMessage="正在生成汇总工作簿…" validationState="none">
          <ProgressBar value={Math.min(step.rows, step.total)} max={Math.max(step.total, 1)} aria-label="写入进度" />
        </Field>
      )}
      {step.kind === "writing_feedback" && (
        <Field className={styles.stretch} validationMessage="正在生成各单位的退回意见和回执…" validationState="none">
          <ProgressBar value={step.done} max={Math.max(step.total, 1)} aria-label="退回意见进度" />
        </Field>
      )}
      {step.kind === "finished" && (
        <FinishedMessage
          summary={step.summary}
          open={step.open}
          onOpen={() => void open(step.master, { lines: step.summary, bureau: step.bureau, feedback: step.feedback })}
          onDownload={() => downloadMaster(step.master.bytes)}
        />
      )}
      {step.kind === "finished" && step.feedback && (
        <FeedbackReady feedback={step.feedback} canDownload={operations.canDownload?.() ?? true} />
      )}
      {step.kind === "finished" && step.bureau && <BureauOutputsView outputs={step.bureau} />}
      {step.kind === "stopped" && (
        <MessageBar intent="warning" layout="multiline" className={styles.stretch}>
          <MessageBarBody>{step.message}</MessageBarBody>
        </MessageBar>
      )}
      {lines.length > 0 && <MergeFileList lines={lines} />}
    </div>
  );
}
