import { Caption1, Spinner } from "@fluentui/react-components";
import * as React from "react";
import type { TemplateSheets, WorkbookAdapter } from "../../ports/host";
import { useOfficeAdapter } from "../adapterContext";

type Probe = { state: "loading" } | { state: "done"; sheets: TemplateSheets } | { state: "failed"; reason: string };

/** Whether the open workbook already holds the template; nothing outside Excel. */
export function TemplateStatus(): React.JSX.Element | null {
  const workbook = useOfficeAdapter()?.workbook ?? null;
  if (!workbook) return null;
  return <WorkbookTemplateStatus workbook={workbook} />;
}

function WorkbookTemplateStatus({ workbook }: { readonly workbook: WorkbookAdapter }): React.JSX.Element {
  const [probe, setProbe] = React.useState<Probe>({ state: "loading" });
  React.useEffect(() => {
    let live = true;
    workbook.findTemplateSheets().then(
      (sheets) => live && setProbe({ state: "done", sheets }),
      (error: unknown) => live && setProbe({ state: "failed", reason: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [workbook]);

  if (probe.state === "loading") return <Spinner size="tiny" label="正在查看当前工作簿…" />;
  if (probe.state === "failed") return <Caption1>无法读取当前工作簿的工作表：{probe.reason}</Caption1>;
  return <Caption1>{describe(probe.sheets)}</Caption1>;
}

function describe({ present, missing }: TemplateSheets): string {
  if (missing.length === 0) return `当前工作簿已包含模板的全部 ${present.length} 个工作表。`;
  if (present.length === 0) return "当前工作簿还没有模板的工作表。";
  return `当前工作簿缺少模板的工作表：${missing.join("、")}。`;
}
