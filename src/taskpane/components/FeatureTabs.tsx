import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { TaskPaneOperations } from "../../ports/operations";
import { ValidationContext, ValidationScope, type TemplatePresence } from "../useValidation";
import { isViewId, VIEWS, type ViewId } from "../views";
import { CheckPanel } from "./CheckPanel";
import { DiagnosePanel } from "./DiagnosePanel";
import { MergePanel } from "./MergePanel";
import { StatusBar } from "./StatusBar";
import { TemplatePanel } from "./TemplatePanel";

type PanelProps = { readonly operations: TaskPaneOperations | null };

/** The ribbon's views (views.ts, a contract with the manifests) and 宿主诊断, a tab only where the host has checks. */
type PaneView = ViewId | "diagnose";
const DIAGNOSE = { id: "diagnose", label: "宿主诊断" } as const;

const PANELS: Record<PaneView, (props: PanelProps) => React.JSX.Element> = {
  template: TemplatePanel,
  check: CheckPanel,
  merge: MergePanel,
  diagnose: DiagnosePanel,
};

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
  },
});

/** The view that fits the workbook: 校验 when it holds the template, else 插入模板. */
export function viewForWorkbook(template: TemplatePresence): ViewId | null {
  if (template === "present") return "check";
  if (template === "absent") return "template";
  return null;
}

/**
 * The views as tabs. In Excel one validation session (ValidationScope) serves them all: it follows
 * the workbook from the moment the template is there, whichever view shows, and its status stands
 * above every view but 校验 with one click to the list. `initialView` null (no ?view= from a ribbon
 * button) opens the view that fits the workbook once it is known.
 */
export function FeatureTabs(props: { readonly initialView: ViewId | null } & PanelProps): React.JSX.Element {
  const { operations } = props;
  if (!operations) return <Tabs initialView={props.initialView} operations={null} />;
  return (
    <ValidationScope operations={operations}>
      <Tabs initialView={props.initialView} operations={operations} />
    </ValidationScope>
  );
}

function Tabs(props: { readonly initialView: ViewId | null } & PanelProps): React.JSX.Element {
  const { initialView, operations } = props;
  const styles = useStyles();
  const session = React.useContext(ValidationContext);
  const [view, setView] = React.useState<PaneView>(initialView ?? VIEWS[0].id);
  const tabs = operations?.diagnose ? [...VIEWS, DIAGNOSE] : VIEWS;
  // Asked for (the ribbon) or picked by the user: the workbook no longer chooses.
  const chosen = React.useRef(initialView !== null);
  const fitting = session ? viewForWorkbook(session.template) : null;
  React.useEffect(() => {
    if (chosen.current || fitting === null) return;
    chosen.current = true;
    setView(fitting);
  }, [fitting]);
  const choose = (v: PaneView) => {
    chosen.current = true;
    setView(v);
  };
  const Panel = PANELS[view];
  return (
    <section>
      <TabList
        selectedValue={view}
        onTabSelect={(_event, data) => {
          if (isViewId(data.value) || data.value === DIAGNOSE.id) choose(data.value);
        }}
      >
        {tabs.map((v) => (
          <Tab key={v.id} value={v.id} id={`tab-${v.id}`}>
            {v.label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-labelledby={`tab-${view}`} className={styles.panel}>
        {session && view !== "check" && <StatusBar onShowList={() => choose("check")} />}
        <Panel operations={operations} />
      </div>
    </section>
  );
}
