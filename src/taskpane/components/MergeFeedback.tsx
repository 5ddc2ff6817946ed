import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import {
  FEEDBACK_SETTING_LABELS,
  type FeedbackSettingId,
  type FeedbackSettingsResult,
} from "../../core/feedback/settings";
import { feedbackCountsText } from "../../core/feedback/words";
import { downloadMaster } from "./MergeMessages";

const useStyles = makeStyles({
  fields: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignSelf: "stretch",
    paddingLeft: tokens.spacingHorizontalXXL,
  },
});

/** The name the feedback download gets: every unit's workbook in one zip. */
export const FEEDBACK_ZIP_NAME = "退回意见和回执.zip";

/** What the bureau types for the units' feedback, item by item (blank: not given). */
export type TypedSettings = Readonly<Partial<Record<FeedbackSettingId, string>>>;

/** The items the pane asks for, in order, with the input each takes. */
const ITEMS: readonly { readonly id: FeedbackSettingId; readonly type: "date" | "text" | "tel" | "email" }[] = [
  { id: "deadline", type: "date" },
  { id: "office", type: "text" },
  { id: "contact", type: "text" },
  { id: "phone", type: "tel" },
  { id: "email", type: "email" },
  { id: "note", type: "text" },
];

export const FEEDBACK_CHOICE = "同时生成给各单位的退回意见和回执";

/** Whether to make each unit's feedback, and the deadline and contact it gives. */
export function FeedbackSettingsForm(props: {
  readonly on: boolean;
  readonly onToggle: (on: boolean) => void;
  readonly typed: TypedSettings;
  readonly onType: (typed: TypedSettings) => void;
  readonly checked: FeedbackSettingsResult;
  readonly disabled: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const problems = new Map(props.checked.ok ? [] : props.checked.problems.map((p) => [p.id, p.message]));
  return (
    <>
      <Checkbox
        checked={props.on}
        disabled={props.disabled}
        label={FEEDBACK_CHOICE}
        onChange={(_e, d) => props.onToggle(d.checked === true)}
      />
      {props.on && (
        <div className={styles.fields}>
          <Caption1>
            有错误或未说明提示的单位得到“退回意见”，通过的单位得到“回执”。以下各项都可不填，填写的会写入每一份。
          </Caption1>
          {ITEMS.map(({ id, type }) => (
            <Field
              key={id}
              label={FEEDBACK_SETTING_LABELS[id]}
              validationState={problems.has(id) ? "error" : "none"}
              validationMessage={problems.get(id)}
            >
              <Input
                type={type}
                disabled={props.disabled}
                value={props.typed[id] ?? ""}
                onChange={(_e, d) => props.onType({ ...props.typed, [id]: d.value })}
              />
            </Field>
          ))}
        </div>
      )}
    </>
  );
}

/** The finished feedback: one zip of every unit's workbook. */
export interface FeedbackFile {
  readonly bytes: Uint8Array;
  readonly returns: number;
  readonly receipts: number;
}

/**
 * What the feedback is and how to get it: a download where the host allows one, else the command
 * that writes the same workbooks.
 */
export function FeedbackReady(props: {
  readonly feedback: FeedbackFile;
  readonly canDownload: boolean;
}): React.JSX.Element {
  const { returns, receipts } = props.feedback;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>退回意见和回执</MessageBarTitle>
        每个汇总的单位一个工作簿：{feedbackCountsText(returns, receipts)}
        。退回意见逐条列出问题所在的工作表和单元格、填写的内容、要求和核实说明的写法；回执写明所收文件及其 SHA-256。
        {props.canDownload
          ? `打包为“${FEEDBACK_ZIP_NAME}”，解压后分别发给各单位。`
          : "此版本的 Excel（Mac 版或 iPad 版）不能从任务窗格下载文件：请在电脑上用命令行工具生成同样的文件，例如 npm run cli -- merge 报送文件夹 -o 汇总.xlsx --feedback 退回意见（见 README）。"}
      </MessageBarBody>
      {props.canDownload && (
        <MessageBarActions>
          <Button onClick={() => downloadMaster(props.feedback.bytes, FEEDBACK_ZIP_NAME, "application/zip")}>
            下载退回意见和回执
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
