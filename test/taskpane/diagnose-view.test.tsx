/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// Node's export conditions: the WPS stand-in reads the template with ExcelJS, whose uuid has an ESM-only browser build.
/**
 * The 宿主诊断 view on the WPS stand-in's operations: one click lists every fact of docs/wps-facts.md
 * with its result as text, 复制 puts that text on the clipboard, a stand-in playing another WPS changes
 * the line; the tab is there only where the host has checks (not in Excel). And the host's name in the
 * pane's words comes from HostStatus: 汇总 in WPS says WPS 表格, the page outside WPS says so.
 */
import "./node-globals";
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { OfficeAdapter } from "../../src/ports/host";
import { App } from "../../src/taskpane/App";
import { OfficeAdapterContext } from "../../src/taskpane/adapterContext";
import { DiagnosePanel } from "../../src/taskpane/components/DiagnosePanel";
import { FinishedMessage } from "../../src/taskpane/components/MergeMessages";
import { createWpsOperations } from "../../src/wps/operations";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { readInsertedWorkbook } from "../helpers/excel-sim/reader";
import { WpsSim, type WpsSimOptions } from "../helpers/wps-sim";
import { FakeOperations } from "./fake-operations";
import { renderInPane } from "./render";

jest.setTimeout(30_000);

let template: Buffer;
beforeAll(async () => {
  template = await writeTemplate();
});

async function wpsOperations(options: WpsSimOptions = {}) {
  const sim = new WpsSim({ read: readInsertedWorkbook, ...options });
  sim.workbook.addSheet("Sheet1");
  await sim.know(new Uint8Array(template));
  return createWpsOperations({ app: sim.application, template: async () => template.toString("base64") });
}

async function report(options: WpsSimOptions = {}) {
  const user = userEvent.setup();
  renderInPane(
    <DiagnosePanel operations={await wpsOperations(options)} now={() => new Date("2026-12-07T10:00:00Z")} />,
  );
  await user.click(screen.getByRole("button", { name: "开始诊断" }));
  const box = await screen.findByRole("textbox", { name: "诊断结果" }, { timeout: 10_000 });
  return { user, text: (box as HTMLTextAreaElement).value };
}

describe("宿主诊断 view", () => {
  it("lists every fact with a result as text to copy, and 复制 copies exactly that text", async () => {
    const { user, text } = await report();
    const lines = text.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "研学行动总结加载项 宿主诊断",
      "宿主：WPS 表格 11.1.0.11830",
      "时间：2026-12-07T10:00:00.000Z",
    ]);
    expect(lines[3]).toMatch(/^共 \d+ 项：与假设一致 \d+，与假设不同 1，未检查 3$/); // 1: jsdom is no Chromium (fact 15)
    for (let n = 1; n <= 17; n++)
      expect(lines.some((l) => new RegExp(`^事实 ${n}｜.+｜(与假设一致|与假设不同|未检查)｜.+`).test(l))).toBe(true);
    expect(lines.find((l) => l.includes("错误单元格"))).toMatch(/与假设一致｜写入 =1\/0 后读出 数字 -2146826/);
    await user.click(screen.getByRole("button", { name: "复制" }));
    // userEvent.setup() gives the page a clipboard of its own to read back.
    expect(await navigator.clipboard.readText()).toBe(text);
    expect(screen.getByText(/已复制/)).toBeTruthy();
  });

  it("a WPS giving error cells as text shows that line as differing", async () => {
    const { text } = await report({ errors: "text" });
    expect(text.split("\n").find((l) => l.includes("错误单元格"))).toMatch(/与假设不同｜写入 =1\/0 后读出 文字 "#/);
  });

  it("is a tab where the host offers checks (WPS) and not in Excel", async () => {
    class WithChecks extends FakeOperations {
      readonly diagnose = async () => ({ kind: "failed", message: "—" }) as const;
    }
    // act: the pane's validation session settles before the test looks.
    const first = await act(async () =>
      renderInPane(<App adapter={null} operations={new WithChecks()} initialView="template" />),
    );
    expect(within(screen.getByRole("tablist")).getByRole("tab", { name: "宿主诊断" })).toBeTruthy();
    first.unmount();
    await act(async () =>
      renderInPane(<App adapter={null} operations={new FakeOperations()} initialView="template" />),
    );
    expect(within(screen.getByRole("tablist")).queryByRole("tab", { name: "宿主诊断" })).toBeNull();
  });
});

describe("the host's name in the pane's words", () => {
  const inWps: OfficeAdapter = {
    host: { kind: "wps", version: "12.1.0.17827", supported: true },
    theme: "light",
    workbook: null,
  };

  it("汇总 in WPS opens the master in WPS 表格", () => {
    renderInPane(
      <OfficeAdapterContext.Provider value={inWps}>
        <FinishedMessage summary={[]} open={{ kind: "opened" }} onOpen={() => undefined} onDownload={() => undefined} />
      </OfficeAdapterContext.Provider>,
    );
    expect(screen.getByText(/汇总结果已在一个新的 WPS 表格 工作簿中打开/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "再次在 WPS 表格 中打开" })).toBeTruthy();
    expect(screen.queryByText(/Excel/)).toBeNull();
  });

  it("the WPS page outside WPS says the add-in runs in WPS 表格; outside Office it still says Excel", () => {
    const noWps: OfficeAdapter = { host: { kind: "outside", reason: "no-wps" }, theme: "light", workbook: null };
    const { unmount } = renderInPane(<App adapter={noWps} operations={null} initialView="template" />);
    expect(screen.getByText("本加载项在 WPS 表格 中运行")).toBeTruthy();
    expect(screen.queryByText("本加载项在 Excel 中运行")).toBeNull();
    unmount();
    const word: OfficeAdapter = {
      host: { kind: "outside", reason: "other-host", host: "Word" },
      theme: "light",
      workbook: null,
    };
    renderInPane(<App adapter={word} operations={null} initialView="template" />);
    expect(screen.getByText("本加载项在 Excel 中运行")).toBeTruthy();
  });
});
