import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { jobFileOf } from "../merge/chosen-file";
import type { JobFile } from "../merge/job";
import { VISUALLY_HIDDEN } from "./visually-hidden";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  hidden: VISUALLY_HIDDEN,
});

export interface OptionalFileProps {
  readonly file: JobFile | null;
  readonly onChange: (file: JobFile | null) => void;
  readonly disabled: boolean;
  /** The file types offered, as the input's accept attribute. */
  readonly accept: string;
  /** The hidden file input's accessible name. */
  readonly inputLabel: string;
  readonly chooseText: string;
  readonly changeText: string;
  readonly clearText: string;
  /** What is said beside the buttons once a file is chosen. */
  readonly shown: (file: JobFile) => string;
}

/** One optional file of the 汇总 run (the roster, last time's master): choose, change or drop it. */
export function OptionalFile(props: OptionalFileProps): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const { file, disabled } = props;
  return (
    <>
      <div className={styles.row}>
        <Button disabled={disabled} onClick={() => input.current?.click()}>
          {file ? props.changeText : props.chooseText}
        </Button>
        {file && <Caption1>{props.shown(file)}</Caption1>}
        {file && (
          <Button appearance="subtle" disabled={disabled} onClick={() => props.onChange(null)}>
            {props.clearText}
          </Button>
        )}
      </div>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept={props.accept}
        aria-label={props.inputLabel}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) props.onChange(jobFileOf(f, f.name));
        }}
      />
    </>
  );
}
