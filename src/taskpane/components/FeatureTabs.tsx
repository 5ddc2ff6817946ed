import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { TaskPaneOperations } from "../../ports/operations";
import { isViewId, VIEWS, type ViewId } from "../views";
import { CheckPanel } from "./CheckPanel";
import { MergePanel } from "./MergePanel";
import { TemplatePanel } from "./TemplatePanel";

type PanelProps = { readonly operations: TaskPaneOperations | null };

const PANELS: Record<ViewId, (props: PanelProps) => React.JSX.Element> = {
  template: TemplatePanel,
  check: CheckPanel,
  merge: MergePanel,
};

const useStyles = makeStyles({
  panel: { paddingTop: tokens.spacingVerticalS },
});

export function FeatureTabs(props: { readonly initialView: ViewId } & PanelProps): React.JSX.Element {
  const { initialView, operations } = props;
  const styles = useStyles();
  const [view, setView] = React.useState<ViewId>(initialView);
  const Panel = PANELS[view];
  return (
    <section>
      <TabList
        selectedValue={view}
        onTabSelect={(_event, data) => {
          if (isViewId(data.value)) setView(data.value);
        }}
      >
        {VIEWS.map((v) => (
          <Tab key={v.id} value={v.id} id={`tab-${v.id}`}>
            {v.label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-labelledby={`tab-${view}`} className={styles.panel}>
        <Panel operations={operations} />
      </div>
    </section>
  );
}
