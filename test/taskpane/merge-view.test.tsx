/**
 * @jest-environment jsdom
 */
/**
 * The 汇总 view with fake operations and a fake pipeline: choosing files, the progress while they are
 * read, each file's line with its status and Chinese reason, the report type and roster reaching the
 * merge, the question before existing master sheets are replaced, and every failure told in Chinese.
 */
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MergeOptions } from "../../src/core/merge";
import type { MergeResult } from "../../src/core/merge/model";
import { MergePanel } from "../../src/taskpane/components/MergePanel";
import { MergeView } from "../../src/taskpane/components/MergeView";
import type { FileOutcome } from "../../src/taskpane/merge/file-outcomes";
import type { MergePipeline } from "../../src/taskpane/merge/pipeline";
import type { ChosenFile } from "../../src/taskpane/merge/read-inputs";
import type { MergeOperations, WriteMasterOptions, WriteMasterResult } from "../../src/ports/merge-operations";
import type { FeatureSupport } from "../../src/ports/operations";
import { sampleResult } from "../master/merge-result";
import { renderInPane } from "./render";

// Fluent's components under userEvent in jsdom take seconds per flow.
jest.setTimeout(20000);

const SHEETS = ["汇总表", "活动明细", "宣传报道", "佐证材料", "问题清单", "未报送单位", "统计"];

class FakeMerge implements MergeOperations {
  readonly calls: { replace: boolean }[] = [];
  constructor(
    private readonly answers: WriteMasterResult[],
    private readonly supported: FeatureSupport = { available: true },
  ) {}
  support(): FeatureSupport {
    return this.supported;
  }
  async writeMaster(_result: MergeResult, options: WriteMasterOptions): Promise<WriteMasterResult> {
    this.calls.push({ replace: options.replace });
    options.onProgress?.(10, 10);
    return this.answers.shift() ?? { kind: "failed", message: "no answer" };
  }
}

const OUTCOMES: FileOutcome[] = [
  { path: "01-和平区.xlsx", state: "通过", reason: "未发现问题。" },
  {
    path: "02-河西区.xlsx",
    state: "被替代",
    reason: "同一单位另有更新的报送“02-河西区-更正.xlsx”，本文件未汇总。",
  },
  {
    path: "08-东丽区.xlsx",
    state: "无法读取",
    reason: "“08-东丽区.xlsx”已损坏，无法打开。",
  },
];

/** A pipeline whose files are read one step at a time when the test says so. */
class FakePipeline implements MergePipeline {
  options: MergeOptions | null = null;
  rosterRead = 0;
  private steps: (() => void)[] = [];
  constructor(private readonly rosterOk = true) {}
  async readRoster(file: ChosenFile) {
    this.rosterRead++;
    return this.rosterOk
      ? {
          ok: true as const,
          file: file.name,
          units: [
            {
              name: "和平区市场监管局",
              creditCode: null,
              category: null,
              row: 2,
            },
          ],
        }
      : {
          ok: false as const,
          reason: `名单文件“${file.name}”无法读取：前 10 行中找不到表头`,
        };
  }
  async mergeFiles(files: readonly ChosenFile[], options: MergeOptions, onRead: (i: number, o: FileOutcome) => void) {
    this.options = options;
    for (let i = 0; i < files.length; i++) {
      await new Promise<void>((resolve) => this.steps.push(resolve));
      onRead(i, OUTCOMES[i]);
    }
    return { result: sampleResult({ roster: true }), outcomes: OUTCOMES };
  }
  /** Lets the next file be read. */
  async next(): Promise<void> {
    for (let tries = 0; this.steps.length === 0 && tries < 50; tries++)
      await act(() => new Promise((r) => setTimeout(r, 5)));
    await act(async () => this.steps.shift()?.());
  }
}

const file = (name: string) =>
  new File([new Uint8Array([80, 75, 3, 4])], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });

async function setup(answers: WriteMasterResult[], options: { rosterOk?: boolean; supported?: FeatureSupport } = {}) {
  const ops = new FakeMerge(answers, options.supported);
  const pipeline = new FakePipeline(options.rosterOk);
  const user = userEvent.setup({ delay: null });
  renderInPane(<MergeView operations={ops} pipeline={pipeline} />);
  await user.upload(screen.getByLabelText("选择报送文件"), [
    file("01-和平区.xlsx"),
    file("02-河西区.xlsx"),
    file("08-东丽区.xlsx"),
  ]);
  return { ops, pipeline, user };
}

const WRITTEN: WriteMasterResult = {
  kind: "written",
  sheets: SHEETS,
  chart: true,
};

async function readAll(pipeline: FakePipeline) {
  for (let i = 0; i < OUTCOMES.length; i++) await pipeline.next();
}

describe("汇总 view", () => {
  it("outside Excel says where it works instead of offering a button that cannot work", () => {
    renderInPane(<MergePanel operations={null} />);
    expect(screen.getByText(/在 Excel 中打开本加载项后即可汇总/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "开始汇总" })).toBeNull();
  });

  it("lists the chosen files, shows progress while reading, then each file's status and reason, and the summary", async () => {
    const { ops, pipeline, user } = await setup([WRITTEN]);
    expect(screen.getByText("已选择 3 个文件。")).toBeTruthy();
    expect(within(screen.getByRole("list", { name: "文件列表" })).getAllByRole("listitem")).toHaveLength(3);
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    await pipeline.next();
    const bar = screen.getByRole("progressbar", { name: "读取进度" });
    expect(bar.getAttribute("aria-valuenow")).toBe("1");
    expect(screen.getByText("正在读取并校验：1/3")).toBeTruthy();
    expect(screen.getByRole("listitem", { name: "01-和平区.xlsx：通过" })).toBeTruthy();
    expect(screen.getByRole("listitem", { name: "02-河西区.xlsx：待读取" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "开始汇总" }).hasAttribute("disabled")).toBe(true);
    await pipeline.next();
    await pipeline.next();

    const done = await screen.findByText("汇总完成");
    expect(done.parentElement?.textContent).toContain("已写入工作表：汇总表、活动明细");
    expect(done.parentElement?.textContent).toContain("各区域研学人次图表");
    expect(done.parentElement?.textContent).toMatch(/共读取 \d+ 个文件，汇总 \d+ 家单位/);
    const superseded = screen.getByRole("listitem", {
      name: "02-河西区.xlsx：被替代",
    });
    expect(superseded.textContent).toContain("同一单位另有更新的报送“02-河西区-更正.xlsx”");
    expect(screen.getByRole("listitem", { name: "08-东丽区.xlsx：无法读取" }).textContent).toContain("已损坏");
    expect(ops.calls).toEqual([{ replace: false }]);
  });

  it("passes the report type and the roster to the merge; 按多数 passes no type", async () => {
    const { pipeline, user } = await setup([WRITTEN, WRITTEN]);
    await user.upload(screen.getByLabelText("选择单位名单"), file("名单.xlsx"));
    expect(screen.getByText("名单：名单.xlsx")).toBeTruthy();
    await user.click(screen.getByRole("radio", { name: "年度总结" }));
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    await readAll(pipeline);
    await screen.findByText("汇总完成");
    expect(pipeline.options?.reportType).toBe("年度总结");
    expect(pipeline.options?.roster).toEqual({
      file: "名单.xlsx",
      units: [expect.objectContaining({ name: "和平区市场监管局" })],
    });

    await user.click(screen.getByRole("radio", { name: "按多数" }));
    await user.click(screen.getByRole("button", { name: "不用名单" }));
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    await readAll(pipeline);
    await screen.findByText("汇总完成");
    expect(pipeline.options).toEqual({});
  });

  it("asks before replacing existing master sheets, and replaces only after 替换", async () => {
    const { ops, pipeline, user } = await setup([{ kind: "exists", sheets: ["汇总表", "统计"] }, WRITTEN]);
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    await readAll(pipeline);
    const ask = await screen.findByRole("alertdialog", {
      name: "替换已有的汇总工作表？",
    });
    expect(ask.textContent).toContain("已有工作表：汇总表、统计");
    expect(ask.textContent).toContain("其他工作表不受影响");
    expect(document.activeElement).toBe(within(ask).getByRole("button", { name: "取消" }));
    expect(ops.calls).toEqual([{ replace: false }]);
    await user.click(within(ask).getByRole("button", { name: "替换" }));
    await screen.findByText("汇总完成");
    expect(ops.calls).toEqual([{ replace: false }, { replace: true }]);
  });

  it("取消 keeps the existing master sheets and says so", async () => {
    const { ops, pipeline, user } = await setup([{ kind: "exists", sheets: ["汇总表"] }]);
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    await readAll(pipeline);
    await user.click(
      within(await screen.findByRole("alertdialog")).getByRole("button", {
        name: "取消",
      }),
    );
    expect(screen.getByText("已取消：原有的汇总工作表保持不变，未写入新的汇总结果。")).toBeTruthy();
    expect(ops.calls).toEqual([{ replace: false }]);
  });

  it("tells an Excel failure in Chinese", async () => {
    const failed = await setup([
      {
        kind: "failed",
        message: "写入汇总工作表时 Excel 报告了错误（RequestPayloadSizeLimitExceeded）。",
      },
    ]);
    await failed.user.click(screen.getByRole("button", { name: "开始汇总" }));
    await readAll(failed.pipeline);
    expect((await screen.findByText("未能写入汇总工作表")).parentElement?.textContent).toContain(
      "RequestPayloadSizeLimitExceeded",
    );
  });

  it("a roster that cannot be read stops before any file is read, with its reason", async () => {
    const { ops, pipeline, user } = await setup([WRITTEN], { rosterOk: false });
    await user.upload(screen.getByLabelText("选择单位名单"), file("名单.xlsx"));
    await user.click(screen.getByRole("button", { name: "开始汇总" }));
    expect(await screen.findByText("名单文件“名单.xlsx”无法读取：前 10 行中找不到表头")).toBeTruthy();
    expect(pipeline.options).toBeNull();
    expect(ops.calls).toEqual([]);
  });

  it("on an older Excel the button is disabled and says what is needed", async () => {
    const message = "“汇总”需要 Excel JavaScript API（ExcelApi）1.9，当前的 Excel 不提供。";
    await setup([WRITTEN], {
      supported: { available: false, needs: "ExcelApi 1.9", message },
    });
    const button = screen.getByRole("button", { name: "开始汇总" });
    expect(button.hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("note").textContent).toBe(message);
  });
});
