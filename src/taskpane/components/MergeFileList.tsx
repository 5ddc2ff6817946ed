import { Badge, Button, makeStyles, tokens, type BadgeProps } from "@fluentui/react-components";
import * as React from "react";
import { printableText } from "../../core/text";
import { FATE_LABELS, type FileFate } from "../../core/words";
import type { FileLine } from "../merge/lines";

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
    // Off-screen rows of a long list cost nothing to lay out or paint.
    contentVisibility: "auto",
    containIntrinsicSize: "auto 44px",
  },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  name: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
  reason: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

const COLOR: Readonly<Record<FileFate, BadgeProps["color"]>> = {
  pending: "informative",
  ok: "success",
  warnings: "warning",
  errors: "danger",
  superseded: "subtle",
  other_type: "subtle",
  unreadable: "danger",
  skipped: "subtle",
};

/** One file's line; re-rendered only when its own line changes. */
const FileItem = React.memo(function FileItem({ line }: { readonly line: FileLine }): React.JSX.Element {
  const styles = useStyles();
  return (
    <li className={styles.item} aria-label={`${printableText(line.path)}：${FATE_LABELS[line.fate]}`}>
      <span className={styles.head}>
        <Badge appearance="tint" color={COLOR[line.fate]} className={styles.badge}>
          {FATE_LABELS[line.fate]}
        </Badge>
        <span className={styles.name}>{printableText(line.path)}</span>
      </span>
      {line.reason && <span className={styles.reason}>{line.reason}</span>}
    </li>
  );
});

/** Lines shown at first, and added by each 再显示: a thousand files never render at once. */
export const LINES_PER_PAGE = 100;

/**
 * The chosen files, each with what became of it and why: what the bureau sends back to units. A page
 * at a time, so a folder of a thousand reports keeps the pane quick; re-rendered only when its lines change.
 */
export const MergeFileList = React.memo(function MergeFileList({
  lines,
}: {
  readonly lines: readonly FileLine[];
}): React.JSX.Element {
  const styles = useStyles();
  const [shown, setShown] = React.useState(LINES_PER_PAGE);
  const more = lines.length - shown;
  return (
    <>
      <ul className={styles.list} aria-label="文件列表">
        {(more > 0 ? lines.slice(0, shown) : lines).map((line) => (
          <FileItem key={line.id} line={line} />
        ))}
      </ul>
      {more > 0 && (
        <Button appearance="subtle" onClick={() => setShown(shown + LINES_PER_PAGE)}>
          再显示 {Math.min(LINES_PER_PAGE, more)} 个（共 {lines.length} 个文件）
        </Button>
      )}
    </>
  );
});
