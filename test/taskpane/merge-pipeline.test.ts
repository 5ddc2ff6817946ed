/**
 * The pane's merge pipeline (bytes → one-pass reader → judge → merge, no Node, no Office) gives the
 * command line's merge on the same example files: same units, statuses, totals, problems, roster.
 */
import { readFileSync } from "fs";
import * as path from "path";
import * as iconv from "iconv-lite";
import { mergeSubmissions } from "../../src/core/merge";
import { expandInputs } from "../../src/node/inputs";
import { readMergeInput } from "../../src/node/merge-read";
import { readRosterFile } from "../../src/node/roster";
import { outcomesOfMerge } from "../../src/taskpane/merge/file-outcomes";
import { mergeChosenFiles, readChosenFile } from "../../src/taskpane/merge/read-inputs";
import { readRoster } from "../../src/taskpane/merge/read-roster";
import { chosenFile, chosenFolder, EXAMPLES } from "../helpers/chosen-files";

async function cliMerge() {
  const roster = await readRosterFile(path.join(EXAMPLES, "名单.xlsx"));
  if (!roster.ok) throw new Error(roster.reason);
  const inputs = [];
  for await (const entry of expandInputs(["reports"], EXAMPLES)) inputs.push(await readMergeInput(entry));
  return mergeSubmissions(inputs, {
    roster: { file: roster.file, units: roster.units },
  });
}

describe("the pane's merge pipeline", () => {
  it("merges the example reports as the command line does", async () => {
    const roster = await readRoster(chosenFile(path.join(EXAMPLES, "名单.xlsx")));
    if (!roster.ok) throw new Error(roster.reason);
    const { inputs, result } = await mergeChosenFiles(chosenFolder(), {
      roster,
    });
    const cli = await cliMerge();
    expect(inputs).toHaveLength(chosenFolder().length);
    const unitView = (r: typeof result) =>
      r.units.map((u) => [u.source.name, u.status, u.errors, u.warnings, u.values.unit_name, u.source.sha256]);
    expect(unitView(result)).toEqual(unitView(cli));
    expect(result.totals).toEqual(cli.totals);
    expect(result.statistics).toEqual(cli.statistics);
    expect(result.problems.map((p) => [p.rule, p.cell, p.message.replace(/“[^”]*”/g, "")])).toEqual(
      cli.problems.map((p) => [p.rule, p.cell, p.message.replace(/“[^”]*”/g, "")]),
    );
    expect(result.roster?.missing).toEqual(cli.roster?.missing);
    expect(result.summary).toEqual(cli.summary);
  });

  it("lists every file with its status and a Chinese reason", async () => {
    const { inputs, result } = await mergeChosenFiles(chosenFolder(), {});
    const byName = new Map(outcomesOfMerge(inputs, result).map((o) => [o.path.split("/").pop(), o]));
    expect(byName.get("01-和平区市场监管局.xlsx")).toMatchObject({
      state: "通过",
      reason: "未发现问题。",
    });
    expect(byName.get("02-河西区市场监管局.xlsx")).toMatchObject({
      state: "被替代",
      reason: expect.stringContaining("02-河西区市场监管局-更正.xlsx"),
    });
    expect(byName.get("05-滨海某某电子科技.xlsx")).toMatchObject({
      state: "有错误",
      reason: expect.stringMatching(/\d+ 个错误/),
    });
    expect(byName.get("03-市标准化研究院.xlsx")).toMatchObject({
      state: "通过",
      reason: expect.stringContaining("个警告（均已说明）"),
    });
    expect(byName.get("04-市标准化协会.xlsx")).toMatchObject({
      state: "待说明",
      reason: expect.not.stringContaining("均已说明"),
    });
    expect(byName.get("07-市工业和信息化局-阶段性总结.xlsx")).toMatchObject({
      state: "未汇总",
      reason: expect.stringContaining("阶段性总结"),
    });
    expect(byName.get("08-东丽区市场监管局.xlsx")).toMatchObject({
      state: "无法读取",
      reason: expect.stringContaining("08-东丽区市场监管局.xlsx"),
    });
    expect(byName.get("~$01-和平区市场监管局.xlsx")).toMatchObject({
      state: "已忽略",
    });
  });

  it("says which unit is not on the roster, and the closest roster name", async () => {
    const roster = await readRoster(chosenFile(path.join(EXAMPLES, "名单.xlsx")));
    if (!roster.ok) throw new Error(roster.reason);
    const { inputs, result } = await mergeChosenFiles(chosenFolder(), {
      roster,
    });
    const byName = new Map(outcomesOfMerge(inputs, result).map((o) => [o.path.split("/").pop(), o]));
    expect(byName.get("10-天津大学标准化研究所.xlsx")?.reason).toContain(
      "不在单位名单中（最接近的是“天津大学标准化研究中心”）",
    );
    expect(byName.get("01-和平区市场监管局.xlsx")?.reason).not.toContain("名单");
  });

  it("refuses a file over the size limit before reading its bytes", async () => {
    let read = false;
    const input = await readChosenFile({
      name: "大.xlsx",
      path: "大.xlsx",
      size: 50 * 1024 * 1024,
      modified: null,
      bytes: async () => ((read = true), new Uint8Array()),
    });
    expect(input).toMatchObject({ kind: "unreadable", code: "too_large" });
    expect(read).toBe(false);
  });

  it("reads a .csv roster, GBK (as the example is saved) or UTF-8 with BOM, as the .xlsx one", async () => {
    const xlsx = await readRoster(chosenFile(path.join(EXAMPLES, "名单.xlsx")));
    const gbk = await readRoster(chosenFile(path.join(EXAMPLES, "名单.csv")));
    const text = iconv.decode(readFileSync(path.join(EXAMPLES, "名单.csv")), "gb18030");
    const utf8Bytes = new TextEncoder().encode(`\uFEFF${text}`);
    const utf8 = await readRoster({
      name: "名单UTF8.csv",
      path: "名单UTF8.csv",
      size: utf8Bytes.length,
      modified: null,
      bytes: async () => utf8Bytes,
    });
    expect([xlsx, gbk, utf8].map((r) => (r.ok ? "ok" : r.reason))).toEqual(["ok", "ok", "ok"]);
    if (!xlsx.ok || !utf8.ok || !gbk.ok) return;
    expect(xlsx.units.length).toBeGreaterThan(5);
    expect(gbk.units).toEqual(xlsx.units);
    expect(utf8.units).toEqual(xlsx.units);
  });

  it("says why a roster cannot be used", async () => {
    const pdf = await readRoster({
      name: "名单.pdf",
      path: "名单.pdf",
      size: 4,
      modified: null,
      bytes: async () => new Uint8Array(4),
    });
    expect(pdf).toEqual({
      ok: false,
      reason: expect.stringContaining("名单文件“名单.pdf”无法读取：名单须为 .xlsx 或 .csv 文件"),
    });
    const unclosed = await readRoster({
      name: "坏.csv",
      path: "坏.csv",
      size: 20,
      modified: null,
      bytes: async () => new TextEncoder().encode('单位名称\n"天津市某单位\n'),
    });
    expect(unclosed).toEqual({ ok: false, reason: expect.stringContaining("CSV 格式有误") });
    const report = await readRoster(chosenFile(path.join(EXAMPLES, "reports", "01-和平区市场监管局.xlsx")));
    expect(report.ok).toBe(false);
  });
});
