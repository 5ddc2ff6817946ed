import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import type { OfficeAdapter } from "../ports/host";
import { OfficeAdapterContext } from "./adapterContext";
import { FeatureTabs } from "./components/FeatureTabs";
import { Header } from "./components/Header";
import { HostNotice } from "./components/HostNotice";
import type { TaskPaneOperations } from "../ports/operations";
import type { ViewId } from "./views";

export interface AppProps {
  /** Null while Office is still being detected. */
  readonly adapter: OfficeAdapter | null;
  /** What the pane can ask Excel to do; null outside Excel and while Office is being detected. */
  readonly operations: TaskPaneOperations | null;
  /** The view asked for (?view= of a ribbon button); null: the one that fits the workbook. */
  readonly initialView: ViewId | null;
}

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export function App({ adapter, operations, initialView }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const theme = adapter?.theme === "dark" ? webDarkTheme : webLightTheme;
  return (
    <FluentProvider theme={theme}>
      <OfficeAdapterContext.Provider value={adapter}>
        <main className={styles.root}>
          <Header />
          <HostNotice adapter={adapter} />
          <FeatureTabs initialView={initialView} operations={operations} />
        </main>
      </OfficeAdapterContext.Provider>
    </FluentProvider>
  );
}
