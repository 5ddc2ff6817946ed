import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  row: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
});

/**
 * The button a feature will have, shown disabled until a later version wires it, with a note that
 * says so and what to do meanwhile — never a button that looks live and does nothing.
 */
export function LaterAction(props: { readonly label: string; readonly meanwhile?: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Button appearance="primary" disabled>
        {props.label}
      </Button>
      <Caption1>此功能将在后续版本中提供。{props.meanwhile ?? ""}</Caption1>
    </div>
  );
}
