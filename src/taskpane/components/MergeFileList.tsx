import { Badge, makeStyles, tokens, type BadgeProps } from "@fluentui/react-components";
import * as React from "react";
import type { FileOutcome, FileState } from "../merge/file-outcomes";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    alignSelf: "stretch",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  name: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
  reason: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

const COLOR: Readonly<Record<FileState, BadgeProps["color"]>> = {
  reading: "informative",
  通过: "success",
  待说明: "warning",
  有错误: "danger",
  被替代: "subtle",
  未汇总: "subtle",
  无法读取: "danger",
  已忽略: "subtle",
};

const LABEL: Readonly<Record<FileState, string>> = {
  ...Object.fromEntries(Object.keys(COLOR).map((k) => [k, k])),
  reading: "待读取",
} as Record<FileState, string>;

/** The chosen files, each with its status and why: what the bureau sends back to units. */
export function MergeFileList({ outcomes }: { readonly outcomes: readonly FileOutcome[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="文件列表">
      {outcomes.map((o) => (
        <li key={o.path} className={styles.item} aria-label={`${o.path}：${LABEL[o.state]}`}>
          <span className={styles.head}>
            <Badge appearance="tint" color={COLOR[o.state]} className={styles.badge}>
              {LABEL[o.state]}
            </Badge>
            <span className={styles.name}>{o.path}</span>
          </span>
          {o.reason && <span className={styles.reason}>{o.reason}</span>}
        </li>
      ))}
    </ul>
  );
}
