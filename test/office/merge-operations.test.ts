/**
 * The 汇总 view's host operation with Office.js against the strict stand-in: the finished master is
 * opened as a workbook of its own (Excel.createWorkbook), the open workbook is never touched, and a
 * master too large for one request is not sent (the pane offers the download instead). Request sizes
 * are measured as Excel on the web measures them: the JSON that carries them.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { createMergeOperations, MERGE_EXCEL_API } from "../../src/office/merge-operations";
import { base64Of } from "../../src/taskpane/merge/job";
import { REQUEST_LIMIT_BYTES, requestBytes } from "../../src/office/request-size";
import { ExcelSim } from "../helpers/excel-sim";
import { readInsertedWorkbook } from "../helpers/excel-sim/reader";

const BYTES = readFileSync(path.resolve(__dirname, "../../examples/reports/01-和平区市场监管局.xlsx"));
const MASTER = { bytes: BYTES, base64: BYTES.toString("base64") };

function setup(options: { api?: string; limit?: number } = {}) {
  const sim = new ExcelSim({ read: readInsertedWorkbook });
  sim.workbook.addSheet("基本情况");
  sim.edit("基本情况", "C7", "我的单位");
  const ops = createMergeOperations({
    isSetSupported: (name, version) =>
      name === "ExcelApi" && Number(version.split(".")[1]) <= Number((options.api ?? "1.20").split(".")[1]),
    createWorkbook: (base64) => sim.createWorkbook(base64),
    ...(options.limit ? { requestLimit: options.limit } : {}),
  });
  return { sim, ops };
}

describe("opening the master as a workbook of its own", () => {
  it("opens the bytes as a new workbook and leaves the open one as it was", async () => {
    const { sim, ops } = setup();
    expect(await ops.openMaster(MASTER)).toEqual({ kind: "opened" });
    const created = await sim.created();
    expect(created).toHaveLength(1);
    expect(created[0].sheets.map((s) => s.name)).toContain("基本情况");
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["基本情况"]);
    expect(sim.values("基本情况")[6][2]).toBe("我的单位");
    expect(sim.stats.runs).toEqual([]);
  });

  it("does not send a master whose request would pass the limit, and says to download it", async () => {
    const { sim, ops } = setup({ limit: MASTER.base64.length });
    const answer = await ops.openMaster(MASTER);
    expect(answer).toEqual({ kind: "too_large", message: expect.stringContaining("下载汇总文件") });
    expect(sim.createdCount).toBe(0);
  });

  it(`says what it needs on an Excel without ExcelApi ${MERGE_EXCEL_API}`, async () => {
    const { sim, ops } = setup({ api: "1.7" });
    expect(ops.support()).toMatchObject({ available: false, needs: `ExcelApi ${MERGE_EXCEL_API}` });
    expect(await ops.openMaster(MASTER)).toEqual({ kind: "unsupported", message: expect.stringContaining("下载") });
    expect(sim.createdCount).toBe(0);
  });

  it("tells an Excel failure in Chinese instead of rejecting", async () => {
    const ops = createMergeOperations({
      isSetSupported: () => true,
      createWorkbook: () => Promise.reject(Object.assign(new Error("x"), { code: "GeneralException" })),
    });
    expect(await ops.openMaster(MASTER)).toEqual({
      kind: "failed",
      message: expect.stringContaining("打开汇总工作簿时 Excel 报告了错误（GeneralException）"),
    });
  });

  it("the stand-in refuses, as Excel on the web does, a request over 5 MB", async () => {
    const sim = new ExcelSim({ read: readInsertedWorkbook });
    await expect(sim.createWorkbook("A".repeat(REQUEST_LIMIT_BYTES))).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
  });
});

describe("request sizes as Excel measures them", () => {
  it("counts the JSON: a control character is six bytes, a CJK character three, ASCII one", () => {
    expect(requestBytes("abc")).toBe(5);
    expect(requestBytes("\u0001")).toBe(8);
    expect(requestBytes("研学")).toBe(8);
    expect(requestBytes(["\u0001".repeat(1000)])).toBe(6004);
    // Length or UTF-8 size alone would say 1,000 bytes for the last one.
    expect(new TextEncoder().encode("\u0001".repeat(1000)).length).toBe(1000);
  });

  it("counts a workbook's Base64 as its length and two quotes, as JSON.stringify would", () => {
    expect(requestBytes(MASTER.base64)).toBe(new TextEncoder().encode(JSON.stringify(MASTER.base64)).length);
    expect(requestBytes("a/b+c=")).toBe(8);
  });

  it("the pane's worker makes the Base64, in chunks that do not overflow the stack", () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 31) % 256);
    expect(base64Of(big)).toBe(Buffer.from(big).toString("base64"));
  });
});

describe("whether the pane can offer a download", () => {
  const ops = (platform?: string) =>
    createMergeOperations({
      isSetSupported: () => true,
      createWorkbook: () => Promise.resolve(),
      ...(platform !== undefined ? { platform } : {}),
    });

  it("can on Windows, on the web, and where Office does not say", () => {
    expect(["PC", "OfficeOnline", "Universal", ""].map((p) => ops(p).canDownload?.())).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(ops().canDownload?.()).toBe(true);
  });

  it("cannot in Excel for Mac and iPad, whose WebView drops downloads without a word", () => {
    expect(["Mac", "iOS"].map((p) => ops(p).canDownload?.())).toEqual([false, false]);
  });
});
