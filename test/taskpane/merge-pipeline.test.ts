/**
 * The pane's 汇总 run (job.ts: what its web worker runs) against the command line's `merge` on the same
 * example files: the same intake and merge give the same per-file verdicts, and the one master writer
 * gives the same bytes. Also: each file keeps its own line whatever its name, a huge file is refused
 * before its bytes are read, and a cancelled run reports nothing more.
 */
import { readdirSync, readFileSync, writeFileSync } from "fs";
import { unzipSync } from "fflate";
import { runCli } from "../../src/cli/program";
import { NO_FEEDBACK_SETTINGS } from "../../src/core/feedback";
import * as os from "os";
import * as path from "path";
import { mkdtempSync, rmSync } from "fs";
import * as iconv from "iconv-lite";
import { mergeSubmissions, type MergeInput } from "../../src/core/merge";
import { expandInputs } from "../../src/node/inputs";
import { intakeEntries } from "../../src/node/merge-read";
import { readRosterFile } from "../../src/node/roster";
import { saveMaster } from "../../src/node/save-master";
import { readPreviousMaster } from "../../src/node/master-file";
import { runMergeJob, type JobEvent, type MergeJob } from "../../src/taskpane/merge/job";
import type { FileLine } from "../../src/taskpane/merge/lines";
import { inThreadPipeline } from "../../src/taskpane/merge/pipeline";
import { takeRoster } from "../../src/intake/roster";
import { VERSION } from "../../src/version";
import { gridOfBytes } from "../helpers/read-grid";
import { EXAMPLES, jobFile, jobFolder, rosterFile } from "../helpers/chosen-files";

async function cliInputs(): Promise<MergeInput[]> {
  const entries = [];
  for await (const e of expandInputs(["reports"], EXAMPLES)) if (e.kind !== "outside_link") entries.push(e);
  const inputs: MergeInput[] = [];
  for await (const i of intakeEntries(entries, { concurrency: 1 })) inputs.push(i);
  return inputs;
}

async function cliMerge(rosterName?: string) {
  const roster = rosterName ? await readRosterFile(path.join(EXAMPLES, rosterName)) : undefined;
  if (roster && !roster.ok) throw new Error(roster.reason);
  return mergeSubmissions(await cliInputs(), roster?.ok ? { roster: { file: roster.file, units: roster.units } } : {});
}

async function run(job: Partial<MergeJob> = {}): Promise<JobEvent[]> {
  const events: JobEvent[] = [];
  await runMergeJob({ files: jobFolder(), roster: null, reportType: null, productVersion: VERSION, ...job }, (e) =>
    events.push(e),
  );
  return events;
}

const finalLines = (events: JobEvent[]): FileLine[] => {
  const merged = events.find((e) => e.type === "merged");
  if (merged?.type !== "merged") throw new Error(`no merge: ${JSON.stringify(events.at(-1))}`);
  return [...merged.lines];
};

describe("the pane's 汇总 run", () => {
  it("writes the master the command line writes, byte for byte, from the same files and roster", async () => {
    const events = await run({ roster: jobFile(path.join(EXAMPLES, "名单.xlsx")) });
    const done = events.find((e) => e.type === "done");
    if (done?.type !== "done") throw new Error(JSON.stringify(events.at(-1)));
    const dir = mkdtempSync(path.join(os.tmpdir(), "pane-cli-"));
    try {
      const out = path.join(dir, "汇总.xlsx");
      await saveMaster(await cliMerge("名单.xlsx"), out);
      expect(Buffer.from(done.bytes).equals(readFileSync(out))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Progress came file by file, then the merge, then the writing.
    const kinds = events.map((e) => e.type);
    expect(kinds.filter((k) => k === "read")).toHaveLength(jobFolder().length);
    expect(kinds.indexOf("merged")).toBe(jobFolder().length);
    expect(kinds.at(-1)).toBe("done");
  });

  it("with 上年汇总表 writes the master the command line writes with --previous: 与上年核对 included", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pane-previous-"));
    try {
      const last = path.join(dir, "上年汇总.xlsx");
      await saveMaster(await cliMerge(), last);
      const events = await run({ previous: jobFile(last) });
      const done = events.find((e) => e.type === "done");
      if (done?.type !== "done") throw new Error(JSON.stringify(events.at(-1)));
      const previous = await readPreviousMaster(last, "上年汇总.xlsx");
      if (!previous.ok) throw new Error(previous.reason);
      const out = path.join(dir, "汇总.xlsx");
      await saveMaster(mergeSubmissions(await cliInputs(), { previous: previous.master }), out);
      expect(Buffer.from(done.bytes).equals(readFileSync(out))).toBe(true);
      const merged = events.find((e) => e.type === "merged");
      expect(merged?.type === "merged" && merged.summary.previous).toEqual({
        file: "上年汇总.xlsx",
        changed: 0,
        gone: 0,
        new: 0,
      });
      expect((await gridOfBytes(done.bytes)).sheets.map((s) => s.name)).toContain("与上年核对");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a 上年汇总表 that is no master stops the run with its reason, before any file", async () => {
    const events = await run({ previous: jobFile(path.join(EXAMPLES, "reports", "01-和平区市场监管局.xlsx")) });
    expect(events).toEqual([
      {
        type: "stopped",
        message:
          "上次的总表“01-和平区市场监管局.xlsx”不能使用：它是单位报送的报表，不是汇总生成的总表。请把它和其他报送文件一起作为输入。",
      },
    ]);
  });

  it("lists every file with what became of it, in the words of 问题清单", async () => {
    const events = await run({ roster: jobFile(path.join(EXAMPLES, "名单.xlsx")) });
    const byName = new Map(finalLines(events).map((l) => [l.path.split("/").pop(), l]));
    const cli = await cliMerge("名单.xlsx");
    const said = (file: string) => cli.problems.find((p) => p.file.endsWith(file) && p.kind !== "finding")?.message;
    expect(byName.get("01-和平区市场监管局.xlsx")).toMatchObject({ fate: "ok", reason: "未发现问题。" });
    expect(byName.get("02-河西区市场监管局.xlsx")).toMatchObject({
      fate: "superseded",
      reason: said("02-河西区市场监管局.xlsx"),
    });
    expect(byName.get("02-河西区市场监管局.xlsx")?.reason).toContain("02-河西区市场监管局-更正.xlsx");
    expect(byName.get("05-滨海某某电子科技.xlsx")).toMatchObject({
      fate: "errors",
      reason: expect.stringMatching(/^\d+ 个错误/),
    });
    expect(byName.get("03-市标准化研究院.xlsx")).toMatchObject({
      fate: "ok",
      reason: expect.stringContaining("个提示（均已说明）"),
    });
    expect(byName.get("04-市标准化协会.xlsx")).toMatchObject({
      fate: "warnings",
      reason: expect.not.stringContaining("均已说明"),
    });
    expect(byName.get("07-市工业和信息化局-阶段性总结.xlsx")).toMatchObject({
      fate: "other_type",
      reason: said("07-市工业和信息化局-阶段性总结.xlsx"),
    });
    expect(byName.get("08-东丽区市场监管局.xlsx")).toMatchObject({
      fate: "unreadable",
      reason: said("08-东丽区市场监管局.xlsx"),
    });
    expect(byName.get("~$01-和平区市场监管局.xlsx")).toMatchObject({
      fate: "skipped",
      reason: said("~$01-和平区市场监管局.xlsx"),
    });
    expect(byName.get("10-天津大学标准化研究所.xlsx")?.reason).toContain(
      "不在名单中，最接近：天津大学标准化研究中心。",
    );
    expect(byName.get("01-和平区市场监管局.xlsx")?.reason).not.toContain("名单");
  });

  it("keeps two files of the same name apart: each its own line, its own verdict", async () => {
    const good = path.join(EXAMPLES, "reports", "01-和平区市场监管局.xlsx");
    const broken = path.join(EXAMPLES, "reports", "08-东丽区市场监管局.xlsx");
    const files = [jobFile(good, "研学总结.xlsx"), jobFile(broken, "研学总结.xlsx（第2个）")];
    const lines = finalLines(await run({ files }));
    expect(lines.map((l) => [l.id, l.fate])).toEqual([
      [files[0].id, "ok"],
      [files[1].id, "unreadable"],
    ]);
  });

  it("says plainly that an .xls, .et or .ods needs Excel's 另存为 or the command line; an .xlsx line does not", async () => {
    const lo = path.resolve(__dirname, "../fixtures/lo");
    // As the browser names them: the name a unit gave its file.
    const named = (file: string, name: string) => ({ ...jobFile(file, name), name });
    const files = [
      named(path.join(lo, "correct-xls", "report.xls"), "甲.xls"),
      named(path.join(lo, "correct-xls", "report.xls"), "乙.et"),
      named(path.join(lo, "correct-ods", "report.ods"), "丙.ods"),
      named(path.join(lo, "correct", "report.xlsx"), "丁.xlsx"),
    ];
    const lines = finalLines(await run({ files }));
    for (const line of lines.slice(0, 3)) {
      expect(line.fate).toBe("unreadable");
      expect(line.reason).toContain("任务窗格不能转换 .xls、.et、.ods 文件");
      expect(line.reason).toContain("另存为");
      expect(line.reason).toContain("命令行的 check、merge 命令");
    }
    expect(lines[1].reason).toContain("“乙.et”是 WPS 表格格式（.et）");
    expect(lines[3]).toMatchObject({ fate: "ok" });
    expect(lines[3].reason).not.toContain("任务窗格");
  });

  it("refuses a file over the size limit without reading its bytes", async () => {
    const blob = new Blob([new Uint8Array(10)]);
    let read = false;
    Object.defineProperty(blob, "arrayBuffer", { value: async () => ((read = true), new ArrayBuffer(0)) });
    const huge = { id: 1, name: "大.xlsx", path: "大.xlsx", size: 50 * 1024 * 1024, modified: null, blob };
    const events = await run({ files: [huge] });
    expect(finalLines(events)[0]).toMatchObject({ fate: "unreadable", reason: expect.stringContaining("文件过大") });
    expect(read).toBe(false);
  });

  it("stops before reading any report when the roster cannot be used", async () => {
    const events = await run({ roster: jobFile(path.join(EXAMPLES, "reports", "01-和平区市场监管局.xlsx")) });
    expect(events).toEqual([
      { type: "stopped", message: expect.stringContaining("名单文件“01-和平区市场监管局.xlsx”") },
    ]);
  });

  it("reports nothing more once cancelled, though the run on this thread goes on to its end", async () => {
    const events: JobEvent[] = [];
    const posted: JobEvent[] = [];
    const pipeline = inThreadPipeline((job, post) => runMergeJob(job, (e) => (posted.push(e), post(e))));
    const running = pipeline.start(
      { files: jobFolder(), roster: null, reportType: null, productVersion: VERSION },
      (e) => {
        events.push(e);
        if (events.length === 3) running.cancel();
      },
    );
    await running.ended;
    expect(events.map((e) => e.type)).toEqual(["read", "read", "read"]);
    expect(posted.at(-1)?.type).toBe("done");
  });
});

describe("the pane's roster", () => {
  it("reads a .csv roster, GBK (as the example is saved) or UTF-8 with BOM, as the .xlsx one", async () => {
    const xlsx = await takeRoster(rosterFile(path.join(EXAMPLES, "名单.xlsx")));
    const gbk = await takeRoster(rosterFile(path.join(EXAMPLES, "名单.csv")));
    const text = iconv.decode(readFileSync(path.join(EXAMPLES, "名单.csv")), "gb18030");
    const utf8Bytes = new TextEncoder().encode(`\uFEFF${text}`);
    const utf8 = await takeRoster({
      name: "名单UTF8.csv",
      size: utf8Bytes.length,
      read: async () => utf8Bytes,
    });
    expect([xlsx, gbk, utf8].map((r) => (r.ok ? "ok" : r.reason))).toEqual(["ok", "ok", "ok"]);
    if (!xlsx.ok || !utf8.ok || !gbk.ok) return;
    expect(xlsx.units.length).toBeGreaterThan(5);
    expect(gbk.units).toEqual(xlsx.units);
    expect(utf8.units).toEqual(xlsx.units);
  });

  it("says why a roster cannot be used", async () => {
    const pdf = await takeRoster({ name: "名单.pdf", size: 4, read: async () => new Uint8Array(4) });
    expect(pdf).toEqual({
      ok: false,
      reason: expect.stringContaining("名单文件“名单.pdf”无法读取：名单须为 .xlsx 或 .csv 文件"),
    });
    const unclosed = await takeRoster({
      name: "坏.csv",
      size: 20,
      read: async () => new TextEncoder().encode('单位名称\n"天津市某单位\n'),
    });
    expect(unclosed).toEqual({ ok: false, reason: expect.stringContaining("CSV 格式有误") });
    const report = await takeRoster(rosterFile(path.join(EXAMPLES, "reports", "01-和平区市场监管局.xlsx")));
    expect(report.ok).toBe(false);
  });
});

describe("the pane's 退回意见 and 回执", () => {
  const SETTINGS = { ...NO_FEEDBACK_SETTINGS, deadline: "2023-11-25", contact: "张三", phone: "022-23456789" };

  it("zips exactly the workbooks `merge --feedback` writes, under the same names, byte for byte", async () => {
    const events = await run({ roster: jobFile(path.join(EXAMPLES, "名单.xlsx")), feedback: SETTINGS });
    const feedback = events.find((e) => e.type === "feedback");
    if (feedback?.type !== "feedback") throw new Error(JSON.stringify(events.at(-1)));
    // After every unit's workbook, before the master is handed over.
    expect(events.indexOf(feedback)).toBe(events.length - 2);
    const zipped = unzipSync(feedback.bytes);
    const dir = mkdtempSync(path.join(os.tmpdir(), "pane-feedback-"));
    try {
      writeFileSync(
        path.join(dir, "设置.json"),
        JSON.stringify({ 退回意见: { 联系人: "张三", 联系电话: "022-23456789" } }),
      );
      const code = await runCli(
        [
          "merge",
          path.join(EXAMPLES, "reports"),
          "-o",
          path.join(dir, "汇总.xlsx"),
          "--roster",
          path.join(EXAMPLES, "名单.xlsx"),
          "--feedback",
          path.join(dir, "退回意见"),
          "--deadline",
          "2023-11-25",
          "--settings",
          path.join(dir, "设置.json"),
        ],
        { stdout: () => undefined, stderr: () => undefined, cwd: dir, isTTY: false },
      );
      expect(code).toBe(1);
      const written = readdirSync(path.join(dir, "退回意见")).sort();
      expect(Object.keys(zipped).sort()).toEqual(written);
      expect(written.length).toBeGreaterThan(3);
      for (const name of written)
        expect([name, Buffer.from(zipped[name]).equals(readFileSync(path.join(dir, "退回意见", name)))]).toEqual([
          name,
          true,
        ]);
      const returns = written.filter((n) => n.endsWith("-退回意见.xlsx")).length;
      expect(feedback).toMatchObject({ returns, receipts: written.length - returns });
      expect(returns).toBeGreaterThan(0);
      expect(written.length - returns).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("makes no feedback when the run does not ask for it", async () => {
    const events = await run({ feedback: null });
    expect(events.some((e) => e.type === "feedback" || e.type === "writing_feedback")).toBe(false);
    expect(events.at(-1)?.type).toBe("done");
  });
});
