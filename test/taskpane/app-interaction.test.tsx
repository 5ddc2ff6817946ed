/**
 * @jest-environment jsdom
 */
/**
 * The whole pane in a DOM: the ribbon's ?view=check opens 校验 and its effect runs a full pass, live
 * verdicts arrive, a click goes to the cell, and the tabs switch to 插入模板 by keyboard — all through
 * the operations prop, the way Excel drives it.
 */
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { OfficeAdapter } from "../../src/ports/host";
import { App } from "../../src/taskpane/App";
import { viewFromSearch } from "../../src/taskpane/views";
import { FakeOperations } from "./fake-operations";

const darkExcel: OfficeAdapter = {
  host: { kind: "excel", platform: "PC" },
  theme: "dark",
  workbook: {
    findTemplateSheets: async () => ({ present: ["基本情况"], missing: [], activeSheet: "基本情况" }),
    readGrid: () => new Promise(() => undefined),
  },
};

describe("task pane in a DOM", () => {
  it("opens on 校验 from the ribbon, validates, follows edits and goes to a finding's cell", async () => {
    const ops = new FakeOperations();
    const user = userEvent.setup({ delay: null });
    render(<App adapter={darkExcel} operations={ops} initialView={viewFromSearch("?view=check")} />);
    expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
    expect(await screen.findByText("状态：通过")).toBeTruthy();
    expect(ops.calls.validate).toBe(1);

    act(() => ops.edit({ public_sessions: 5 }));
    expect(await screen.findByText("状态：有错误")).toBeTruthy();
    const finding = screen.getAllByRole("button").find((b) => b.textContent?.startsWith("C22"));
    expect(finding).toBeDefined();
    await user.click(finding as HTMLElement);
    expect(ops.calls.selectCell).toEqual([["基本情况", "C22"]]);
  });

  it("switches to 插入模板 from the keyboard and inserts from there", async () => {
    const ops = new FakeOperations({ insertResult: { kind: "present", at: { sheet: "基本情况", cell: "C4" } } });
    const user = userEvent.setup({ delay: null });
    render(<App adapter={darkExcel} operations={ops} initialView="check" />);
    await screen.findByText("状态：通过");
    // Arrow keys between tabs are Fluent's (tabster) and do not run in jsdom; Enter on a focused tab is ours to keep.
    screen.getByRole("tab", { name: "插入模板" }).focus();
    await user.keyboard("{Enter}");
    await waitFor(() =>
      expect(screen.getByRole("tab", { name: "插入模板" }).getAttribute("aria-selected")).toBe("true"),
    );
    await user.click(screen.getByRole("button", { name: "插入模板" }));
    await user.click(screen.getByRole("button", { name: "继续插入" }));
    expect(await screen.findByText("当前工作簿已有模板")).toBeTruthy();
    // Leaving 校验 does not stop following the workbook: edits are still judged and marked.
    expect(ops.listeners.size).toBe(1);
  });

  it("after inserting, the workbook's template sheets are looked at again", async () => {
    let inserted = false;
    const adapter: OfficeAdapter = {
      ...darkExcel,
      workbook: {
        findTemplateSheets: async () =>
          inserted
            ? { present: ["基本情况", "活动明细"], missing: [], activeSheet: "基本情况" }
            : { present: [], missing: ["基本情况", "活动明细"], activeSheet: "Sheet1" },
        readGrid: () => new Promise(() => undefined),
      },
    };
    const ops = new FakeOperations({
      insertResult: { kind: "inserted", sheets: ["基本情况", "活动明细"], first: { sheet: "基本情况", cell: "C4" } },
    });
    const realInsert = ops.insertTemplate.bind(ops);
    ops.insertTemplate = async () => {
      inserted = true;
      return realInsert();
    };
    const user = userEvent.setup({ delay: null });
    render(<App adapter={adapter} operations={ops} initialView="template" />);
    expect(await screen.findByText("当前工作簿还没有模板的工作表。")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "插入模板" }));
    await user.click(screen.getByRole("button", { name: "继续插入" }));
    expect(await screen.findByText("当前工作簿已包含模板的全部 2 个工作表。")).toBeTruthy();
  });
});
