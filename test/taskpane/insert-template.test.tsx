/**
 * @jest-environment jsdom
 */
/**
 * The 插入模板 view: the undo-history warning comes before anything is inserted, each result is told
 * in Chinese, a workbook that already has the template is offered the way to it, and an older Excel
 * is told what it needs.
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { InsertTemplate } from "../../src/taskpane/components/InsertTemplate";
import type { InsertResult } from "../../src/ports/operations";
import { FakeOperations, NEEDS } from "./fake-operations";
import { renderInPane } from "./render";

function setup(insertResult: InsertResult, missing: ConstructorParameters<typeof FakeOperations>[0] = {}) {
  const ops = new FakeOperations({ insertResult, ...missing });
  const user = userEvent.setup({ delay: null });
  renderInPane(<InsertTemplate operations={ops} />);
  return { ops, user };
}

const INSERTED: InsertResult = {
  kind: "inserted",
  sheets: ["填报说明", "基本情况", "活动明细"],
  first: { sheet: "基本情况", cell: "C4" },
};

describe("插入模板 view", () => {
  it("warns that Excel clears the undo history before inserting, and 取消 inserts nothing", async () => {
    const { ops, user } = setup(INSERTED);
    await user.click(screen.getByRole("button", { name: "插入模板" }));
    const confirm = screen.getByRole("alertdialog", { name: "插入模板前请注意" });
    expect(confirm.textContent).toContain("Excel 会清除撤销记录");
    expect(document.activeElement).toBe(within(confirm).getByRole("button", { name: "继续插入" }));
    expect(ops.calls.insertTemplate).toBe(0);
    await user.click(within(confirm).getByRole("button", { name: "取消" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(ops.calls.insertTemplate).toBe(0);
  });

  it("inserts after confirmation, names the new sheets and goes to the first cell to fill", async () => {
    const { ops, user } = setup(INSERTED);
    await user.click(screen.getByRole("button", { name: "插入模板" }));
    await user.click(screen.getByRole("button", { name: "继续插入" }));
    expect(ops.calls.insertTemplate).toBe(1);
    expect(await screen.findByText("已插入模板")).toBeTruthy();
    expect(screen.getByText(/已插入工作表：填报说明、基本情况、活动明细/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "转到模板" }));
    expect(ops.calls.selectCell).toEqual([["基本情况", "C4"]]);
  });

  it("a workbook that already has the template gets no second copy but the way to it", async () => {
    const { ops, user } = setup({ kind: "present", at: { sheet: "基本情况(2)", cell: "C4" } });
    await user.click(screen.getByRole("button", { name: "插入模板" }));
    await user.click(screen.getByRole("button", { name: "继续插入" }));
    expect(await screen.findByText("当前工作簿已有模板")).toBeTruthy();
    expect(screen.getByText(/未再插入第二份/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "转到模板" }));
    expect(ops.calls.selectCell).toEqual([["基本情况(2)", "C4"]]);
  });

  it("tells a failure and an unsupported answer with their messages and offers no way to a template", async () => {
    const failed = setup({ kind: "failed", message: "插入后未能恢复名称“unit_name”，请重新插入。" });
    await failed.user.click(screen.getByRole("button", { name: "插入模板" }));
    await failed.user.click(screen.getByRole("button", { name: "继续插入" }));
    expect(await screen.findByText("未能插入模板")).toBeTruthy();
    expect(screen.getByText("插入后未能恢复名称“unit_name”，请重新插入。")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "转到模板" })).toBeNull();
    // The button is live again: the user may try once more.
    expect(screen.getByRole("button", { name: "插入模板" })).toHaveProperty("disabled", false);
  });

  it("says the insert is unsupported when the operation answers so", async () => {
    const { user } = setup({ kind: "unsupported", message: NEEDS.insertTemplate.message });
    await user.click(screen.getByRole("button", { name: "插入模板" }));
    await user.click(screen.getByRole("button", { name: "继续插入" }));
    expect(await screen.findByText("此版本的 Excel 无法插入模板")).toBeTruthy();
    expect(screen.getByText(NEEDS.insertTemplate.message)).toBeTruthy();
  });

  it("on an older Excel the button is disabled and says which set and versions it needs", () => {
    setup(INSERTED, { missing: ["insertTemplate"] });
    const button = screen.getByRole("button", { name: "插入模板" });
    expect(button).toHaveProperty("disabled", true);
    const note = screen.getByRole("note");
    expect(note.textContent).toBe(NEEDS.insertTemplate.message);
    expect(note.textContent).toContain("ExcelApi 1.13");
    expect(button.getAttribute("aria-describedby")).toBe(note.id);
  });

  it("works by keyboard: Enter opens the warning and Enter on 继续插入 inserts", async () => {
    const { ops, user } = setup(INSERTED);
    screen.getByRole("button", { name: "插入模板" }).focus();
    await user.keyboard("{Enter}");
    await user.keyboard("{Enter}");
    expect(ops.calls.insertTemplate).toBe(1);
    expect(await screen.findByText("已插入模板")).toBeTruthy();
  });
});
