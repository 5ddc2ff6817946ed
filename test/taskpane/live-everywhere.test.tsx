/**
 * @jest-environment jsdom
 */
/**
 * Validation from the first keystroke, whichever view shows: the pane opens on the view that fits the
 * workbook, follows every edit once the template is there (inserted now or found when it opens),
 * marks the cells, and shows the status above every view with one click to the list.
 */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { cellOf, fieldById, SHEETS } from "../../src/core/definition";
import type { OfficeAdapter } from "../../src/ports/host";
import { App } from "../../src/taskpane/App";
import { FakeOperations } from "./fake-operations";

const excel: OfficeAdapter = {
  host: { kind: "excel", platform: "PC" },
  theme: "light",
  workbook: {
    findTemplateSheets: async () => ({ present: [], missing: [], activeSheet: "Sheet1" }),
    readGrid: () => new Promise(() => undefined),
  },
};

const selected = (name: string) => screen.getByRole("tab", { name }).getAttribute("aria-selected") === "true";
const publicCell = cellOf(fieldById("public_sessions"));

describe("the pane opens on the view that fits the workbook", () => {
  it("a workbook with the template: 校验, validated, followed", async () => {
    const ops = new FakeOperations();
    render(<App adapter={excel} operations={ops} initialView={null} />);
    await waitFor(() => expect(selected("校验")).toBe(true));
    expect(await screen.findByText("状态：通过")).toBeTruthy();
    expect(ops.listeners.size).toBe(1);
  });

  it("a workbook without it: 插入模板, and nothing is followed or marked", async () => {
    const ops = new FakeOperations({ withoutTemplate: true });
    render(<App adapter={excel} operations={ops} initialView={null} />);
    await waitFor(() => expect(ops.calls.validate).toBe(1));
    await waitFor(() => expect(selected("插入模板")).toBe(true));
    expect(ops.listeners.size).toBe(0);
    expect(ops.calls.markFindings).toEqual([]);
    expect(screen.queryByText(/^状态：/)).toBeNull();
  });

  it("a view the ribbon asked for stays, whatever the workbook holds", async () => {
    const ops = new FakeOperations();
    render(<App adapter={excel} operations={ops} initialView="merge" />);
    expect(await screen.findByText("状态：通过")).toBeTruthy();
    expect(selected("汇总")).toBe(true);
  });
});

describe("after 插入模板, without visiting 校验", () => {
  it("an edit is judged and marked at once, the status shows above 插入模板, and 查看问题 goes to the list", async () => {
    const ops = new FakeOperations({
      withoutTemplate: true,
      insertResult: { kind: "inserted", sheets: Object.values(SHEETS), first: { sheet: SHEETS.basic, cell: "C5" } },
    });
    const user = userEvent.setup({ delay: null });
    render(<App adapter={excel} operations={ops} initialView={null} />);
    await waitFor(() => expect(selected("插入模板")).toBe(true));

    await user.click(screen.getByRole("button", { name: "插入模板" }));
    await user.click(screen.getByRole("button", { name: "继续插入" }));
    expect(await screen.findByText("已插入模板")).toBeTruthy();
    expect(screen.getByText(/可以开始填写了：每次输入后自动校验/)).toBeTruthy();
    await waitFor(() => expect(ops.listeners.size).toBe(1));
    expect(selected("插入模板")).toBe(true);

    // 公益性宣贯次数 5 against 培训次数 2: an error, marked and counted while 插入模板 shows.
    act(() => ops.edit({ training_sessions: 2, public_sessions: 5 }));
    expect(await screen.findByText("状态：有错误")).toBeTruthy();
    await waitFor(() =>
      expect(ops.calls.markFindings.at(-1)?.some((f) => f.rule === "public.le_training" && f.cell === publicCell)).toBe(
        true,
      ),
    );
    expect(selected("插入模板")).toBe(true);

    await user.click(screen.getByRole("button", { name: "查看问题" }));
    expect(selected("校验")).toBe(true);
    const basic = await screen.findByRole("region", { name: "工作表“基本情况”的问题" });
    expect(
      within(basic).getByRole("button", { name: new RegExp(`^${publicCell} · 公益性宣贯次数超过培训次数`) }),
    ).toBeTruthy();
  });

  it("finding the template already there follows the workbook too", async () => {
    const ops = new FakeOperations({ insertResult: { kind: "present", at: { sheet: SHEETS.basic, cell: "C5" } } });
    const user = userEvent.setup({ delay: null });
    render(<App adapter={excel} operations={ops} initialView="template" />);
    await user.click(screen.getByRole("button", { name: "插入模板" }));
    await user.click(screen.getByRole("button", { name: "继续插入" }));
    expect(await screen.findByText("当前工作簿已有模板")).toBeTruthy();
    act(() => ops.edit({ sealed: "否" }));
    expect(await screen.findByText("状态：待说明")).toBeTruthy();
    expect(selected("插入模板")).toBe(true);
  });
});
