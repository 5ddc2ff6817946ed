/**
 * @jest-environment jsdom
 */
/**
 * The 汇总 view with fake host operations and a fake run: choosing files (two of one name stay two),
 * the progress while they are read, each file's line with what became of it and why, the report type
 * and roster reaching the run, 取消 at any stage, the finished master opened as a workbook of its own
 * (or offered as a download when the host cannot open it), and every failure told in Chinese.
 */
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MergePanel } from "../../src/taskpane/components/MergePanel";
import { MergeView } from "../../src/taskpane/components/MergeView";
import type { JobEvent, MergeJob } from "../../src/taskpane/merge/job";
import type { MergePipeline, RunningMerge } from "../../src/taskpane/merge/pipeline";
import type { MasterFile, MergeOperations, OpenMasterResult } from "../../src/ports/merge-operations";
import type { FeatureSupport } from "../../src/ports/operations";
import { NO_FEEDBACK_SETTINGS } from "../../src/core/feedback";
import { FEEDBACK_CHOICE, FEEDBACK_ZIP_NAME } from "../../src/taskpane/components/MergeFeedback";
import { sampleResult } from "../master/merge-result";
import { renderInPane } from "./render";

// Fluent's components under userEvent in jsdom take seconds per flow.
jest.setTimeout(20000);

class FakeHost implements MergeOperations {
  readonly opened: MasterFile[] = [];
  constructor(
    private readonly answer: OpenMasterResult = { kind: "opened" },
    private readonly supported: FeatureSupport = { available: true },
    private readonly downloads = true,
  ) {}
  canDownload(): boolean {
    return this.downloads;
  }
  support(): FeatureSupport {
    return this.supported;
  }
  async openMaster(master: MasterFile): Promise<OpenMasterResult> {
    this.opened.push(master);
    return this.answer;
  }
}

/** A run the test drives event by event. */
class FakeRun implements MergePipeline {
  job: MergeJob | null = null;
  cancelled = false;
  private onEvent: ((e: JobEvent) => void) | null = null;
  start(job: MergeJob, onEvent: (e: JobEvent) => void): RunningMerge {
    this.job = job;
    this.cancelled = false;
    this.onEvent = onEvent;
    return { cancel: () => void (this.cancelled = true), ended: Promise.resolve() };
  }
  async emit(event: JobEvent): Promise<void> {
    await act(async () => this.onEvent?.(event));
  }
  /** Reads every chosen file with the fates given (by index), merges and finishes. */
  async finish(fates: readonly [JobEvent & { type: "read" }][] = []): Promise<void> {
    for (const [e] of fates) await this.emit(e);
    const files = this.job?.files ?? [];
    await this.emit({ type: "merged", lines: files.map((f, i) => line(f.id, f.path, i)), summary: SUMMARY });
    await this.emit({ type: "writing", rows: 50, total: 100 });
    await this.emit({ type: "done", ...MASTER });
  }
}

const SUMMARY = sampleResult({ roster: true }).summary;
const MASTER = { bytes: new Uint8Array([80, 75, 5, 6]), base64: "UEsFBg==" };

/** The final line of the i-th file. */
function line(id: number, path: string, i: number) {
  const lines = [
    { fate: "ok" as const, reason: "未发现问题。" },
    {
      fate: "superseded" as const,
      reason: "同一单位另有较新的报送文件“02-河西区-更正.xlsx”，本文件已被替代，未计入汇总。",
    },
    { fate: "unreadable" as const, reason: "“08-东丽区.xlsx”已损坏，无法读取。" },
  ];
  return { id, path, ...lines[i % lines.length] };
}

const file = (name: string, bytes = [80, 75, 3, 4]) =>
  new File([new Uint8Array(bytes)], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });

async function setup(host = new FakeHost()) {
  const run = new FakeRun();
  const user = userEvent.setup({ delay: null });
  renderInPane(<MergeView operations={host} pipeline={run} />);
  await user.upload(screen.getByLabelText("选择报送文件"), [
    file("01-和平区.xlsx"),
    file("02-河西区.xlsx"),
    file("08-东丽区.xlsx"),
  ]);
  return { host, run, user };
}

describe("汇总 view", () => {
  it("outside Excel says where it works instead of offering a button that cannot work", () => {
    renderInPane(<MergePanel operations={null} />);
    expect(screen.getByText(/在 Excel 中打开本加载项后即可汇总/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "开始汇总" })).toBeNull();
  });

  it("shows progress file by file, each file's fate and reason, the summary, and opens the master as a new workbook", async () => {
    const { host, run, user } = await setup();
    expect(screen.getByText("已选择 3 个文件。")).toBeTruthy();
    expect(within(screen.getByRole("list", { name: "文件列表" })).getAllByRole("listitem")).toHaveLength(3);
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    const [first] = run.job!.files;
    await run.emit({
      type: "read",
      line: { id: first.id, path: first.path, fate: "ok", reason: "未发现问题。" },
      done: 1,
      total: 3,
    });
    // Progress is shown once a frame, not once an event.
    expect(await screen.findByText("正在读取并校验：1/3")).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "读取进度" }).getAttribute("aria-valuenow")).toBe("1");
    expect(await screen.findByRole("listitem", { name: "01-和平区.xlsx：通过" })).toBeTruthy();
    expect(screen.getByRole("listitem", { name: "02-河西区.xlsx：待读取" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "开始汇总" }).hasAttribute("disabled")).toBe(true);

    await run.finish();
    const done = await screen.findByText("汇总完成");
    expect(done.parentElement?.textContent).toContain(
      "汇总结果已在一个新的 Excel 工作簿中打开（当前工作簿未作任何改动）",
    );
    expect(done.parentElement?.textContent).toMatch(/共读取 \d+ 个文件，汇总 \d+ 个单位/);
    expect(host.opened).toEqual([MASTER]);
    expect((await screen.findByRole("listitem", { name: "02-河西区.xlsx：被替代" })).textContent).toContain(
      "02-河西区-更正.xlsx",
    );
    expect(screen.getByRole("listitem", { name: "08-东丽区.xlsx：无法读取" }).textContent).toContain("已损坏");
    expect(screen.getByRole("button", { name: "下载汇总文件" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "再次在 Excel 中打开" }));
    expect(host.opened).toHaveLength(2);
  });

  it("passes the report type and the roster to the run; 按多数 passes no type", async () => {
    const { run, user } = await setup();
    await user.upload(screen.getByLabelText("选择单位名单"), file("名单.xlsx"));
    expect(screen.getByText("名单：名单.xlsx")).toBeTruthy();
    await user.click(screen.getByRole("radio", { name: "年度总结" }));
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    expect(run.job).toMatchObject({ reportType: "年度总结", roster: { name: "名单.xlsx" } });
    expect(run.job?.files.map((f) => f.path)).toEqual(["01-和平区.xlsx", "02-河西区.xlsx", "08-东丽区.xlsx"]);
    await run.finish();
    await screen.findByText("汇总完成");

    await user.click(screen.getByRole("radio", { name: "按多数" }));
    await user.click(screen.getByRole("button", { name: "不用名单" }));
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    expect(run.job).toMatchObject({ reportType: null, roster: null });
  });

  it("keeps two chosen files of the same name apart, each with its own line", async () => {
    const { run, user } = await setup();
    await user.upload(screen.getByLabelText("选择报送文件"), [file("01-和平区.xlsx", [80, 75, 3, 4, 9])]);
    expect(screen.getByText("已选择 4 个文件。")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    const paths = run.job!.files.map((f) => f.path);
    expect(paths).toEqual(["01-和平区.xlsx", "01-和平区.xlsx（第2个）", "02-河西区.xlsx", "08-东丽区.xlsx"]);
    expect(new Set(run.job!.files.map((f) => f.id)).size).toBe(4);
    await run.finish();
    expect(await screen.findByRole("listitem", { name: "01-和平区.xlsx：通过" })).toBeTruthy();
    expect(screen.getByRole("listitem", { name: "01-和平区.xlsx（第2个）：被替代" })).toBeTruthy();
  });

  it("取消 stops the run at once: nothing is opened or written, and it says so", async () => {
    const { host, run, user } = await setup();
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    const [first] = run.job!.files;
    await run.emit({
      type: "read",
      line: { id: first.id, path: first.path, fate: "ok", reason: "" },
      done: 1,
      total: 3,
    });
    await user.click(screen.getByRole("button", { name: "取消" }));
    expect(run.cancelled).toBe(true);
    expect(screen.getByText(/已取消汇总：没有生成汇总结果，当前工作簿和报送的文件都未作任何改动/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "开始汇总" }).hasAttribute("disabled")).toBe(false);
    expect(host.opened).toEqual([]);
  });

  it("offers the download when the host cannot open the master, and says why in Chinese", async () => {
    const { host, run, user } = await setup(
      new FakeHost({ kind: "too_large", message: "汇总结果较大，超过了 Excel 一次能打开的数据量。" }),
    );
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    await run.finish();
    const title = await screen.findByText("汇总完成，但未能在 Excel 中打开");
    expect(title.parentElement?.textContent).toContain("超过了 Excel 一次能打开的数据量");
    expect(screen.getByRole("button", { name: "下载汇总文件" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "再次在 Excel 中打开" })).toBeNull();
    expect(host.opened).toHaveLength(1);
  });

  it("a roster that cannot be read stops the run with its reason, before any file", async () => {
    const { host, run, user } = await setup();
    await user.upload(screen.getByLabelText("选择单位名单"), file("名单.xlsx"));
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    await run.emit({ type: "stopped", message: "名单文件“名单.xlsx”无法读取：前 10 行中找不到表头" });
    expect(await screen.findByText("名单文件“名单.xlsx”无法读取：前 10 行中找不到表头")).toBeTruthy();
    expect(host.opened).toEqual([]);
  });

  it("on a host that cannot open workbooks still merges, says so, and offers the download", async () => {
    const message = "在 Excel 中打开汇总结果需要 Excel JavaScript API（ExcelApi）1.8，当前的 Excel 不提供。";
    const { run, user } = await setup(
      new FakeHost({ kind: "unsupported", message }, { available: false, needs: "ExcelApi 1.8", message }),
    );
    expect(screen.getByRole("note").textContent).toBe(message);
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    await run.finish();
    expect((await screen.findByText("汇总完成，但未能在 Excel 中打开")).parentElement?.textContent).toContain(message);
    expect(screen.getByRole("button", { name: "下载汇总文件" })).toBeTruthy();
  });
});

describe("汇总 view: 退回意见 and 回执", () => {
  const ZIP = new Uint8Array([80, 75, 5, 6, 0, 0]);
  // These flows tick the feedback and fill its fields too: on a loaded machine more than the file's 20 s.
  const FLOW_MS = 60000;

  /** Runs with the feedback asked for, deadline and contact typed, to its end. */
  async function runWithFeedback(host: FakeHost) {
    const { run, user } = await setup(host);
    await user.click(screen.getByRole("checkbox", { name: FEEDBACK_CHOICE }));
    // Pasted: typing character by character costs seconds per field under jsdom.
    await user.click(screen.getByLabelText("截止日期"));
    await user.paste("2023-11-25");
    await user.click(screen.getByLabelText("联系人"));
    await user.paste("张三");
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    const files = run.job?.files ?? [];
    await run.emit({ type: "merged", lines: files.map((f, i) => line(f.id, f.path, i)), summary: SUMMARY });
    await run.emit({ type: "writing_feedback", done: 1, total: 2 });
    // Progress is shown once a frame, not once an event.
    expect((await screen.findByRole("progressbar", { name: "退回意见进度" })).getAttribute("aria-valuenow")).toBe("1");
    await run.emit({ type: "feedback", bytes: ZIP, returns: 1, receipts: 1 });
    await run.emit({ type: "done", ...MASTER });
    await screen.findByText("汇总完成");
    return run;
  }

  it(
    "is not made unless asked for: the run gets no settings and nothing is offered",
    async () => {
      const { run, user } = await setup();
      expect(screen.queryByLabelText("截止日期")).toBeNull();
      await user.click(screen.getByRole("button", { name: "开始汇总" }));
      expect(run.job?.feedback).toBeNull();
      await run.finish();
      await screen.findByText("汇总完成");
      expect(screen.queryByText("退回意见和回执")).toBeNull();
    },
    FLOW_MS,
  );

  it(
    "passes the typed deadline and contact to the run and offers every unit's workbook as one zip",
    async () => {
      const created: Blob[] = [];
      const downloads: string[] = [];
      Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), "blob:zip"), revokeObjectURL: () => {} });
      const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        downloads.push(this.download);
      });
      try {
        const run = await runWithFeedback(new FakeHost());
        expect(run.job?.feedback).toEqual({ ...NO_FEEDBACK_SETTINGS, deadline: "2023-11-25", contact: "张三" });
        const title = screen.getByText("退回意见和回执");
        expect(title.parentElement?.textContent).toContain("退回意见 1 份、回执 1 份");
        await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "下载退回意见和回执" }));
        expect(downloads).toEqual([FEEDBACK_ZIP_NAME]);
        expect(created[0].size).toBe(ZIP.length);
        expect(created[0].type).toBe("application/zip");
      } finally {
        click.mockRestore();
      }
    },
    FLOW_MS,
  );

  it(
    "where the host drops downloads, points to the command that writes the same workbooks",
    async () => {
      await runWithFeedback(new FakeHost(undefined, undefined, false));
      const text = screen.getByText("退回意见和回执").parentElement?.textContent ?? "";
      expect(text).toContain("退回意见 1 份、回执 1 份");
      expect(text).toMatch(/merge .*--feedback/);
      expect(screen.queryByRole("button", { name: "下载退回意见和回执" })).toBeNull();
    },
    FLOW_MS,
  );

  it(
    "names a setting that is wrong and does not start until it is right",
    async () => {
      const { run, user } = await setup();
      await user.click(screen.getByRole("checkbox", { name: FEEDBACK_CHOICE }));
      await user.click(screen.getByLabelText("电子邮箱"));
      await user.paste("bzc@");
      expect(screen.getByRole("button", { name: "开始汇总" }).hasAttribute("disabled")).toBe(true);
      expect(screen.getByText("应为电子邮箱地址（如 name@example.com），填写的是“bzc@”")).toBeTruthy();
      await user.paste("example.gov.cn");
      expect(screen.getByRole("button", { name: "开始汇总" }).hasAttribute("disabled")).toBe(false);
      await user.click(screen.getByRole("button", { name: "开始汇总" }));
      expect(run.job?.feedback).toMatchObject({ email: "bzc@example.gov.cn", deadline: null });
    },
    FLOW_MS,
  );
});
