/**
 * @jest-environment jsdom
 */
/**
 * The 校验 view against a fake workbook judged by the real core: the status and its counts, findings
 * grouped by sheet and severity, going to a finding's cell by mouse and by keyboard, marks, live
 * updates, the 填写说明 flow, and what an older Excel is told.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CheckView } from "../../src/taskpane/components/CheckView";
import { VALID_EVENTS } from "../helpers/report-builder";
import { FakeOperations, NEEDS } from "./fake-operations";
import { renderInPane } from "./render";
import { ValidationScope } from "../../src/taskpane/useValidation";
import type { TaskPaneOperations } from "../../src/ports/operations";

/** The 校验 view inside the pane's validation session, as FeatureTabs gives it. */
function renderCheck(ops: TaskPaneOperations) {
  return renderInPane(
    <ValidationScope operations={ops}>
      <CheckView operations={ops} />
    </ValidationScope>,
  );
}

/** A report with one error (培训次数 2.5) and one warning (not sealed) on 基本情况, and an error on 活动明细. */
function troubled(): FakeOperations {
  return new FakeOperations({
    fields: { sealed: "否", training_sessions: 2.5 },
    events: [VALID_EVENTS[0], { ...VALID_EVENTS[1], participants: "很多" }],
  });
}

async function statusText(): Promise<string> {
  const title = await screen.findByText(/^状态：/);
  return title.parentElement?.textContent ?? "";
}

describe("校验 view", () => {
  it("runs a full pass when opened and shows 通过 for a correct report", async () => {
    const ops = new FakeOperations();
    renderCheck(ops);
    expect(await statusText()).toContain("状态：通过");
    expect(await statusText()).toContain("未发现问题");
    expect(ops.calls.validate).toBe(1);
    expect(screen.queryByRole("button", { name: /填写说明/ })).toBeNull();
  });

  it("shows 有错误 with the counts, and groups findings by sheet then severity", async () => {
    renderCheck(troubled());
    const status = await statusText();
    expect(status).toContain("状态：有错误");
    expect(status).toContain("2 个错误、1 个提示");

    const basic = screen.getByRole("region", { name: "工作表“基本情况”的问题" });
    const events = screen.getByRole("region", { name: "工作表“活动明细”的问题" });
    const basicHeadings = within(basic)
      .getAllByRole("heading", { level: 4 })
      .map((h) => h.textContent);
    expect(basicHeadings).toEqual(["错误（必须改正） · 1 项", "提示（请核实） · 1 项"]);
    expect(
      within(events)
        .getAllByRole("heading", { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(["错误（必须改正） · 1 项"]);
    // Sheets in workbook order.
    expect(basic.compareDocumentPosition(events) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(basic).getByRole("button", { name: /C21 · 人次或次数不是整数/ })).toBeTruthy();
  });

  it("shows 待说明 when the only problem is an unexplained warning", async () => {
    renderCheck(new FakeOperations({ fields: { sealed: "否" } }));
    const status = await statusText();
    expect(status).toContain("状态：待说明");
    expect(status).toContain("1 个提示");
  });

  it("a click on a finding selects its sheet and cell", async () => {
    const ops = troubled();
    const user = userEvent.setup({ delay: null });
    renderCheck(ops);
    const events = await screen.findByRole("region", { name: "工作表“活动明细”的问题" });
    await user.click(within(events).getByRole("button", { name: /参与人次|人次/ }));
    const [[sheet, cell]] = ops.calls.selectCell;
    expect(sheet).toBe("活动明细");
    const finding = ops.current();
    if (finding.kind !== "checked" || !finding.check.ok) throw new Error("expected a judged report");
    expect(cell).toBe(finding.check.judgement.findings.find((f) => f.sheet === "活动明细")?.cell);
  });

  it("works by keyboard: Tab reaches a finding and Enter selects its cell", async () => {
    const ops = troubled();
    const user = userEvent.setup({ delay: null });
    renderCheck(ops);
    const target = await screen.findByRole("button", { name: /C16 · / });
    for (let i = 0; i < 20 && document.activeElement !== target; i++) await user.tab();
    expect(document.activeElement).toBe(target);
    await user.keyboard("{Enter}");
    expect(ops.calls.selectCell).toEqual([["基本情况", "C16"]]);
  });

  it("marks the findings after each verdict, and 清除标记 clears them and stops re-marking until 校验", async () => {
    const ops = troubled();
    const user = userEvent.setup({ delay: null });
    renderCheck(ops);
    await waitFor(() => expect(ops.calls.markFindings).toHaveLength(1));
    expect(ops.calls.markFindings[0].map((f) => `${f.sheet}!${f.cell}`)).toContain("基本情况!C21");

    await user.click(screen.getByRole("button", { name: "清除标记" }));
    expect(ops.calls.clearMarks).toBe(1);
    expect(await screen.findByText(/已清除标记/)).toBeTruthy();
    act(() => ops.edit({ training_sessions: 2 }));
    await screen.findByText(/1 个错误/);
    expect(ops.calls.markFindings).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "校验" }));
    await waitFor(() => expect(ops.calls.markFindings).toHaveLength(2));
    expect(ops.calls.validate).toBe(2);
  });

  it("updates live when the workbook changes, and stops listening when closed", async () => {
    const ops = new FakeOperations();
    const view = renderCheck(ops);
    expect(await statusText()).toContain("通过");
    act(() => ops.edit({ training_sessions: "很多" }));
    expect(await statusText()).toContain("状态：有错误");
    expect(screen.getByRole("button", { name: /C21 · / })).toBeTruthy();
    act(() => ops.edit({ training_sessions: 2 }));
    expect(await statusText()).toContain("状态：通过");
    expect(ops.calls.validate).toBe(1);
    view.unmount();
    expect(ops.listeners.size).toBe(0);
  });

  it("an operation that throws is told, not left spinning", async () => {
    const ops = new FakeOperations();
    ops.validate = () => Promise.reject(new Error("RichApi.Error: GeneralException"));
    renderCheck(ops);
    expect(await screen.findByText(/校验时出错：RichApi.Error: GeneralException/)).toBeTruthy();
    expect(screen.queryByText("正在校验…")).toBeNull();
    expect(screen.getByRole("button", { name: "校验" })).toHaveProperty("disabled", false);
  });

  it("says when the workbook has no template or cannot be read", async () => {
    const failed = new FakeOperations({ validation: { kind: "failed", message: "读取工作簿失败：工作簿已关闭。" } });
    const first = renderCheck(failed);
    expect(await screen.findByText("读取工作簿失败：工作簿已关闭。")).toBeTruthy();
    expect(screen.getByText("无法校验")).toBeTruthy();
    first.unmount();
    const none = new FakeOperations({
      validation: {
        kind: "checked",
        check: { ok: false, code: "not_template", message: "该文件不是用模板填写的。", detail: "" },
      },
    });
    renderCheck(none);
    expect(await screen.findByText("当前工作簿没有模板")).toBeTruthy();
    expect(screen.queryByText(/^状态：/)).toBeNull();
  });
});

describe("填写说明", () => {
  const FORM = "填写说明：基本情况!C16";

  it("asks for a reason, refuses an empty or too long one, writes it, and the finding shows as explained", async () => {
    const ops = new FakeOperations({ fields: { sealed: "否" } });
    const user = userEvent.setup({ delay: null });
    renderCheck(ops);
    expect(await statusText()).toContain("状态：待说明");

    await user.click(screen.getByRole("button", { name: "为 基本情况!C16 填写说明" }));
    const form = screen.getByRole("form", { name: FORM });
    const box = within(form).getByRole("textbox");
    expect(document.activeElement).toBe(box);
    const write = within(form).getByRole("button", { name: "写入核实说明" });

    await user.click(write);
    expect(within(form).getByText("请填写说明。")).toBeTruthy();
    await user.type(box, "   ");
    await user.click(write);
    expect(within(form).getByText("请填写说明。")).toBeTruthy();

    await user.clear(box);
    await user.click(box);
    await user.paste("说".repeat(501));
    await user.click(write);
    expect(within(form).getByText("说明不应超过 500 字，现有 501 字。")).toBeTruthy();
    expect(ops.calls.writeExplanation).toHaveLength(0);

    await user.clear(box);
    await user.type(box, "  电子版先行报送，盖章件随后寄送。 ");
    await user.click(write);
    await waitFor(() => expect(screen.queryByRole("form")).toBeNull());
    expect(ops.calls.writeExplanation).toHaveLength(1);
    const [finding, reason] = ops.calls.writeExplanation[0];
    // The 说明 goes to the sheet exactly as typed (the core trims when it reads it).
    expect([finding.rule, finding.sheet, finding.cell, reason]).toEqual([
      "sealed.no",
      "基本情况",
      "C16",
      "  电子版先行报送，盖章件随后寄送。 ",
    ]);

    expect(await statusText()).toContain("状态：通过");
    expect(screen.getByText("已说明")).toBeTruthy();
    expect(screen.getByText("电子版先行报送，盖章件随后寄送。")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /填写说明/ })).toBeNull();
    expect(ops.calls.validate).toBe(2);
  });

  it("a written 说明 does not bring back marks the user cleared", async () => {
    const ops = new FakeOperations({ fields: { sealed: "否", training_sessions: 2.5 } });
    const user = userEvent.setup({ delay: null });
    renderCheck(ops);
    await waitFor(() => expect(ops.calls.markFindings).toHaveLength(1));
    await user.click(screen.getByRole("button", { name: "清除标记" }));
    await user.click(screen.getByRole("button", { name: "为 基本情况!C16 填写说明" }));
    await user.type(screen.getByRole("textbox"), "已核实");
    await user.click(screen.getByRole("button", { name: "写入核实说明" }));
    await screen.findByText("已说明");
    expect(ops.calls.validate).toBe(2);
    expect(ops.calls.markFindings).toHaveLength(1);
  });

  it("accepts exactly 500 characters, and 取消 writes nothing", async () => {
    const ops = new FakeOperations({ fields: { sealed: "否" } });
    const user = userEvent.setup({ delay: null });
    renderCheck(ops);
    await user.click(await screen.findByRole("button", { name: "为 基本情况!C16 填写说明" }));
    await user.click(within(screen.getByRole("form", { name: FORM })).getByRole("button", { name: "取消" }));
    expect(screen.queryByRole("form")).toBeNull();
    expect(ops.calls.writeExplanation).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "为 基本情况!C16 填写说明" }));
    const form = screen.getByRole("form", { name: FORM });
    await user.click(within(form).getByRole("textbox"));
    await user.paste("说".repeat(500));
    await user.click(within(form).getByRole("button", { name: "写入核实说明" }));
    await waitFor(() => expect(ops.calls.writeExplanation).toHaveLength(1));
    expect(ops.calls.writeExplanation[0][1]).toHaveLength(500);
  });

  it("shows why a write failed and keeps the form open", async () => {
    const ops = new FakeOperations({ fields: { sealed: "否" } });
    ops.writeExplanation = async () => ({ kind: "failed", message: "“核实说明”工作表已满（50 行）。" });
    const user = userEvent.setup({ delay: null });
    renderCheck(ops);
    await user.click(await screen.findByRole("button", { name: "为 基本情况!C16 填写说明" }));
    const form = screen.getByRole("form", { name: FORM });
    await user.type(within(form).getByRole("textbox"), "已核实");
    await user.click(within(form).getByRole("button", { name: "写入核实说明" }));
    expect(await within(form).findByText("“核实说明”工作表已满（50 行）。")).toBeTruthy();
    expect(screen.getByText(/^状态：/).textContent).toBe("状态：待说明");
  });

  it("works by keyboard: open with Enter, type, submit with Enter; Escape cancels back to the button", async () => {
    const ops = new FakeOperations({ fields: { sealed: "否" } });
    const user = userEvent.setup({ delay: null });
    renderCheck(ops);
    const explain = await screen.findByRole("button", { name: "为 基本情况!C16 填写说明" });
    explain.focus();
    await user.keyboard("{Enter}");
    expect(document.activeElement).toBe(within(screen.getByRole("form", { name: FORM })).getByRole("textbox"));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("form")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "为 基本情况!C16 填写说明" }));

    await user.keyboard("{Enter}");
    await user.keyboard("已核实");
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "写入核实说明" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(ops.calls.writeExplanation.map(([, r]) => r)).toEqual(["已核实"]));
    expect(await statusText()).toContain("状态：通过");
  });
});

describe("older Excel", () => {
  it("disables what this Excel lacks and says what it needs", async () => {
    const ops = new FakeOperations({ fields: { sealed: "否" }, missing: ["marks", "explain", "liveValidation"] });
    renderCheck(ops);
    expect(await statusText()).toContain("状态：待说明");
    const clear = screen.getByRole("button", { name: "清除标记" });
    expect(clear).toHaveProperty("disabled", true);
    const note = screen.getByText(NEEDS.marks.message);
    expect(clear.getAttribute("aria-describedby")).toBe(note.id);
    expect(screen.getByText(NEEDS.explain.message)).toBeTruthy();
    expect(screen.getByText(NEEDS.liveValidation.message)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /填写说明/ })).toBeNull();
    expect(ops.calls.markFindings).toHaveLength(0);
    expect(ops.listeners.size).toBe(0);
  });

  it("without validation support nothing is read and 校验 says what it needs", async () => {
    const ops = new FakeOperations({ missing: ["validate"] });
    renderCheck(ops);
    expect(screen.getByText(NEEDS.validate.message)).toBeTruthy();
    expect(screen.getByRole("button", { name: "校验" })).toHaveProperty("disabled", true);
    expect(screen.queryByText(NEEDS.marks.message)).toBeNull();
    await act(async () => undefined);
    expect(ops.calls.validate).toBe(0);
  });
});
