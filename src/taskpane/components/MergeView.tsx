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
import type { MergeOptions } from "../../core/merge";
import type { MergeResult } from "../../core/merge/model";
import type { FileOutcome } from "../merge/file-outcomes";
import { chosenFromFile } from "../merge/chosen-file";
import { lazyBrowserPipeline } from "../merge/lazy-pipeline";
import type { MergePipeline } from "../merge/pipeline";
import type { ChosenFile } from "../merge/read-inputs";
import type { MergeOperations, WriteMasterResult } from "../../ports/merge-operations";
import { settle } from "../settle";
import { describedBy, FeatureNote } from "./FeatureNote";
import { MergeFileList } from "./MergeFileList";
import { ConfirmReplace, WriteMessage } from "./MergeMessages";

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
  // Visually hidden but reachable by label (the buttons open them).
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

type TypeChoice = "majority" | ReportType;

type Step =
  | { kind: "idle" }
  | { kind: "reading"; done: number; total: number }
  | { kind: "writing"; written: number; total: number; result: MergeResult }
  | { kind: "confirming"; sheets: readonly string[]; result: MergeResult }
  | { kind: "finished"; write: WriteMasterResult; result: MergeResult }
  | { kind: "stopped"; message: string };

/** Adds `more` to `files`, a file chosen twice (same path, size and time) once. */
function addFiles(files: readonly ChosenFile[], more: readonly ChosenFile[]): ChosenFile[] {
  const key = (f: ChosenFile) => `${f.path}\u0000${f.size}\u0000${f.modified ?? ""}`;
  const seen = new Set(files.map(key));
  // In path order (byte order, as the command line reads a folder), whatever order the browser gave.
  return [...files, ...more.filter((f) => !seen.has(key(f)) && seen.add(key(f)))].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
}

/** 汇总: choose the returned workbooks (and a roster), merge them in the pane, write the master sheets. */
export function MergeView(props: {
  readonly operations: MergeOperations;
  readonly pipeline?: MergePipeline;
}): React.JSX.Element {
  const { operations } = props;
  const pipeline = props.pipeline ?? lazyBrowserPipeline;
  const styles = useStyles();
  const support = operations.support();
  const noteId = React.useId();
  const filesInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);
  const rosterInput = React.useRef<HTMLInputElement>(null);
  const [files, setFiles] = React.useState<ChosenFile[]>([]);
  const [roster, setRoster] = React.useState<ChosenFile | null>(null);
  const [type, setType] = React.useState<TypeChoice>("majority");
  const [outcomes, setOutcomes] = React.useState<readonly FileOutcome[]>([]);
  const [step, setStep] = React.useState<Step>({ kind: "idle" });
  const busy = step.kind === "reading" || step.kind === "writing" || step.kind === "confirming";

  const choose = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const next = addFiles(files, [...list].map(chosenFromFile));
    setFiles(next);
    setOutcomes(next.map((f) => ({ path: f.path, state: "reading", reason: "" })));
    setStep({ kind: "idle" });
  };

  const write = async (result: MergeResult, replace: boolean) => {
    setStep({ kind: "writing", written: 0, total: 1, result });
    const written = await settle(
      operations.writeMaster(result, {
        replace,
        onProgress: (n, of) => setStep({ kind: "writing", written: n, total: of, result }),
      }),
      "写入汇总工作表",
    );
    if (written.kind === "exists") setStep({ kind: "confirming", sheets: written.sheets, result });
    else setStep({ kind: "finished", write: written, result });
  };

  const run = async () => {
    setStep({ kind: "reading", done: 0, total: files.length });
    let rosterUnits: MergeOptions["roster"];
    if (roster) {
      const read = await pipeline.readRoster(roster).catch(() => ({
        ok: false as const,
        reason: `名单文件“${roster.name}”无法读取。`,
      }));
      if (!read.ok) return setStep({ kind: "stopped", message: read.reason });
      rosterUnits = { file: read.file, units: read.units };
    }
    const lines: FileOutcome[] = files.map((f) => ({
      path: f.path,
      state: "reading",
      reason: "",
    }));
    setOutcomes(lines);
    try {
      const merged = await pipeline.mergeFiles(
        files,
        {
          ...(type === "majority" ? {} : { reportType: type }),
          ...(rosterUnits ? { roster: rosterUnits } : {}),
        },
        (i, outcome) => {
          lines[i] = outcome;
          setOutcomes([...lines]);
          setStep({ kind: "reading", done: i + 1, total: files.length });
        },
      );
      setOutcomes(merged.outcomes);
      await write(merged.result, false);
    } catch (e) {
      setStep({
        kind: "stopped",
        message: `汇总时出错：${e instanceof Error ? e.message : String(e)}。请重试；如仍失败，请改用命令行工具的 merge 命令。`,
      });
    }
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
            onClick={() => (setFiles([]), setOutcomes([]), setStep({ kind: "idle" }))}
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
        {...({
          webkitdirectory: "",
        } as React.InputHTMLAttributes<HTMLInputElement>)}
        onChange={(e) => choose(e.currentTarget.files)}
      />
      <Caption1>
        {files.length > 0
          ? `已选择 ${files.length} 个文件。`
          : "请选择各单位报送的总结工作簿（可多选，或选择整个文件夹）。"}
      </Caption1>

      <div className={styles.row}>
        <Button disabled={busy} onClick={() => rosterInput.current?.click()}>
          {roster ? "更换名单…" : "选择单位名单（可选）…"}
        </Button>
        {roster && <Caption1>名单：{roster.name}</Caption1>}
        {roster && (
          <Button appearance="subtle" disabled={busy} onClick={() => setRoster(null)}>
            不用名单
          </Button>
        )}
      </div>
      <input
        ref={rosterInput}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.csv"
        aria-label="选择单位名单"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) setRoster(chosenFromFile(f));
        }}
      />

      <Field label="报告类型">
        <RadioGroup value={type} disabled={busy} onChange={(_e, d) => setType(d.value as TypeChoice)}>
          <Radio value="majority" label="按多数" />
          {REPORT_TYPES.map((t) => (
            <Radio key={t} value={t} label={t} />
          ))}
        </RadioGroup>
      </Field>

      <Button
        appearance="primary"
        disabled={!support.available || busy || files.length === 0}
        aria-describedby={describedBy(noteId, support)}
        onClick={() => void run()}
      >
        开始汇总
      </Button>
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
        <Field className={styles.stretch} validationMessage="正在写入汇总工作表…" validationState="none">
          <ProgressBar value={step.written} max={Math.max(step.total, 1)} aria-label="写入进度" />
        </Field>
      )}
      {step.kind === "confirming" && (
        <ConfirmReplace
          sheets={step.sheets}
          onConfirm={() => void write(step.result, true)}
          onCancel={() =>
            setStep({
              kind: "stopped",
              message: "已取消：原有的汇总工作表保持不变，未写入新的汇总结果。",
            })
          }
        />
      )}
      {step.kind === "finished" && <WriteMessage write={step.write} result={step.result} />}
      {step.kind === "stopped" && (
        <MessageBar intent="warning" layout="multiline" className={styles.stretch}>
          <MessageBarBody>{step.message}</MessageBarBody>
        </MessageBar>
      )}
      {outcomes.length > 0 && <MergeFileList outcomes={outcomes} />}
    </div>
  );
}
