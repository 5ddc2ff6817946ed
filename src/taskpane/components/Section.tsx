import { Body1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** A feature's description: a heading, what it does, and a list of the details. */
export function Section(props: {
  readonly title: string;
  readonly summary: string;
  readonly points: readonly string[];
  /** What the user acts on, shown before the details when it matters more than they do (校验's findings). */
  readonly lead?: React.ReactNode;
  readonly children?: React.ReactNode;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <Subtitle2 as="h2">{props.title}</Subtitle2>
      <Body1>{props.summary}</Body1>
      {props.lead}
      <ul className={styles.list}>
        {props.points.map((p) => (
          <li key={p}>
            <Body1>{p}</Body1>
          </li>
        ))}
      </ul>
      {props.children}
    </div>
  );
}
