import { Badge, Body1, Button, Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Finding } from "../../core/model";
import { groupFindings, ruleName, SEVERITY_LABEL } from "../findings-view";

const useStyles = makeStyles({
  heading: { display: "block", margin: `${tokens.spacingVerticalXS} 0` },
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXXS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  // A finding's button holds a sentence: it wraps at the pane's narrow width instead of clipping.
  go: {
    justifyContent: "flex-start",
    textAlign: "start",
    height: "auto",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    paddingLeft: 0,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
  },
  explainRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface FindingListProps {
  readonly findings: readonly Finding[];
  readonly onSelect: (finding: Finding) => void;
  /** Null when this Excel cannot write 核实说明 (the reason is shown once, above the list). */
  readonly onExplain: ((finding: Finding) => void) | null;
  /** The warning whose 说明 is being written, by findingKey, and its form. */
  readonly explaining: string | null;
  readonly explainForm: React.ReactNode;
}

/** Identifies a finding across verdicts (a live update replaces every Finding object). */
export function findingKey(f: Finding): string {
  return `${f.sheet}!${f.cell}|${f.rule}|${f.field}`;
}

/** Findings grouped by sheet and severity; each one a button that goes to its cell. */
export function FindingList({
  findings,
  onSelect,
  onExplain,
  explaining,
  explainForm,
}: FindingListProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      {groupFindings(findings).map(({ sheet, groups }) => (
        <section key={sheet} className={styles.sheet} aria-label={`工作表“${sheet}”的问题`}>
          <Subtitle2 as="h3">{sheet}</Subtitle2>
          {groups.map(({ severity, findings: list }) => (
            <div key={severity}>
              <Text as="h4" weight="semibold" className={styles.heading}>
                {SEVERITY_LABEL[severity]} · {list.length} 项
              </Text>
              <ul className={styles.list}>
                {list.map((f, i) => (
                  <li key={`${f.cell}|${f.rule}|${i}`} className={`${styles.item} ${styles[severity]}`}>
                    <Button appearance="transparent" className={styles.go} onClick={() => onSelect(f)}>
                      <Text weight="semibold">
                        {f.cell} · {ruleName(f.rule)}
                      </Text>
                      <Body1>{f.message}</Body1>
                    </Button>
                    {f.severity === "warning" && (
                      <Explanation
                        finding={f}
                        onExplain={onExplain}
                        form={explaining === findingKey(f) ? explainForm : null}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

function Explanation(props: {
  readonly finding: Finding;
  readonly onExplain: FindingListProps["onExplain"];
  readonly form: React.ReactNode;
}): React.JSX.Element | null {
  const styles = useStyles();
  const { finding, onExplain, form } = props;
  const button = React.useRef<HTMLButtonElement>(null);
  const wasOpen = React.useRef(false);
  // Closing the form (取消, Escape) puts the keyboard back on the button that opened it.
  React.useEffect(() => {
    if (wasOpen.current && !form) button.current?.focus();
    wasOpen.current = Boolean(form);
  }, [form]);
  if (finding.explanation) {
    return (
      <div className={styles.explainRow}>
        <Badge appearance="tint" color="success">
          已说明
        </Badge>
        <Caption1>{finding.explanation}</Caption1>
      </div>
    );
  }
  if (!onExplain) return null;
  if (form) return <>{form}</>;
  return (
    <div className={styles.explainRow}>
      <Button
        ref={button}
        size="small"
        onClick={() => onExplain(finding)}
        aria-label={`为 ${finding.sheet}!${finding.cell} 填写说明`}
      >
        填写说明
      </Button>
    </div>
  );
}
