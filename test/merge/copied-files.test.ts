/**
 * A batch as the bureau receives it, filled with LibreOffice (test/fixtures/lo-merge), where units
 * started from each other's files: 南开 reports and resubmits; 红桥 started from 南开's file and kept
 * its credit code; the 标准化协会 started from 红桥's copy; 河西 is not on the roster. The roster is
 * the GB18030 CSV LibreOffice saved (test/fixtures/rosters). Merged by the command line and by the
 * pane's pipeline: no unit's report disappears, each copy is flagged, 未报送 tells the truth.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/program";
import { runMergeJob, type JobEvent } from "../../src/taskpane/merge/job";
import { VERSION } from "../../src/version";
import { jobFile, jobFolder } from "../helpers/chosen-files";

const FIXTURES = path.resolve(__dirname, "../fixtures");
const NAMES = ["association-copied", "hexi", "hongqiao-copied", "nankai", "nankai-resubmitted"];
const NANKAI = "天津市南开区市场监督管理局";
const HONGQIAO = "天津市红桥区市场监督管理局";
const ASSOCIATION = "天津市标准化协会";
const HEXI = "天津市河西区市场监督管理局";
const CODE = "11120104MB1234567N";

let dir: string;
let json: Record<string, unknown>;
let out: string;
const sheets: Record<string, Record<string, unknown>[]> = {};

/** A sheet's rows as objects keyed by its header row. */
function records(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((r, n) => {
    if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, r.getCell(i + 1).value])));
  });
  return rows;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "copied-files-"));
  await fs.mkdir(path.join(dir, "收到的报表"));
  for (const n of NAMES)
    await fs.copyFile(path.join(FIXTURES, "lo-merge", n, "report.xlsx"), path.join(dir, "收到的报表", `${n}.xlsx`));
  await fs.copyFile(path.join(FIXTURES, "rosters", "名单-gb18030.csv"), path.join(dir, "名单.csv"));
  const stdout: string[] = [];
  const run = (args: string[]) =>
    runCli(["merge", "收到的报表", "-o", "汇总.xlsx", "--roster", "名单.csv", ...args], {
      stdout: (t) => stdout.push(t),
      stderr: () => undefined,
      cwd: dir,
      isTTY: false,
    });
  expect(await run(["--json"])).toBe(1);
  json = JSON.parse(stdout.join(""));
  stdout.length = 0;
  await run(["--force"]);
  out = stdout.join("");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "汇总.xlsx"));
  for (const ws of wb.worksheets) sheets[ws.name] = records(ws);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const file = (n: string) => `收到的报表/${n}.xlsx`;

describe("LibreOffice-filled reports where units copied each other's files, with a GB18030 roster", () => {
  it("sums up: four units, one resubmission, three files in identity conflict, three roster units unreported", () => {
    expect(json).toMatchObject({
      filesRead: 5,
      unitsMerged: 4,
      superseded: 1,
      identityConflicts: 3,
      missingFromRoster: 3,
      notOnRoster: 1,
    });
    expect(out).toContain("单位身份冲突的文件 3 个");
    expect(out).toContain(`单位身份冲突：${file("hongqiao-copied")}：`);
  });

  it("汇总表 keeps every unit under the name it states, with its own figures and file (its path, as the other sheets name it); only 南开's resubmission replaced its first report", () => {
    const rows = sheets["汇总表"].filter((r) => r["审核状态"] !== "合计");
    const figures = Object.fromEntries(
      rows.map((r) => [r["报送单位（盖章单位全称）"], [r["参加《天津市标准化条例》研学人次"], r["来源文件"]]]),
    );
    expect(figures).toEqual({
      [NANKAI]: [320, file("nankai-resubmitted")],
      [HONGQIAO]: [410, file("hongqiao-copied")],
      [ASSOCIATION]: [500, file("association-copied")],
      [HEXI]: [330, file("hexi")],
    });
    const status = Object.fromEntries(rows.map((r) => [r["报送单位（盖章单位全称）"], r["审核状态"]]));
    expect(status).toEqual({ [NANKAI]: "有错误", [HONGQIAO]: "有错误", [ASSOCIATION]: "有错误", [HEXI]: "通过" });
  });

  it("汇总表's 单位名单 column says in Chinese which files are in conflict with the roster", () => {
    const standing = Object.fromEntries(
      sheets["汇总表"].map((r) => [r["报送单位（盖章单位全称）"], String(r["单位名单"] ?? "")]),
    );
    expect(standing[NANKAI]).toBe("在名单中（信用代码）");
    expect(standing[HONGQIAO]).toBe(
      `名单冲突：单位名称为名单第 6 行“${HONGQIAO}”，信用代码却属于名单第 4 行“${NANKAI}”；两家均未计为已报送`,
    );
    expect(standing[ASSOCIATION]).toContain("单位名称为名单第 8 行");
    expect(standing[HEXI]).toBe(`不在名单中，最接近：${NANKAI}`);
  });

  it("活动明细 holds the events of every file shown, none of the replaced one", () => {
    const byFile = new Map<unknown, number>();
    for (const r of sheets["活动明细"]) byFile.set(r["来源文件"], (byFile.get(r["来源文件"]) ?? 0) + 1);
    expect(Object.fromEntries(byFile)).toEqual({
      [file("association-copied")]: 3,
      [file("hexi")]: 3,
      [file("hongqiao-copied")]: 3,
      [file("nankai-resubmitted")]: 3,
    });
  });

  it("问题清单 has an identity error on each file involved, naming the other files and the code's roster unit", () => {
    const lines = sheets["问题清单"].filter((r) => r["类型"] === "单位身份冲突");
    expect(lines.map((r) => [r["来源文件"], r["严重程度"], r["字段"], r["单元格"]])).toEqual(
      ["association-copied", "hongqiao-copied", "nankai-resubmitted"].map((n) => [
        file(n),
        "错误",
        "统一社会信用代码",
        expect.stringMatching(/^[A-Z]+\d+$/),
      ]),
    );
    const about = (n: string) => String(lines.find((r) => r["来源文件"] === file(n))!["问题说明"]);
    expect(about("hongqiao-copied")).toContain(`在单位名单中属于“${NANKAI}”（名单第 4 行）`);
    expect(about("hongqiao-copied")).toContain(file("nankai-resubmitted"));
    expect(about("association-copied")).toContain(file("hongqiao-copied"));
    expect(about("nankai-resubmitted")).toContain("与单位名单一致");
    expect(sheets["问题清单"].filter((r) => r["类型"] === "被替代").map((r) => r["来源文件"])).toEqual([
      file("nankai"),
    ]);
  });

  it("未报送单位 keeps 红桥 and the 协会 (a copied code matches neither) and says why, beside the unit that sent nothing", () => {
    const lines = sheets["未报送单位"].map((r) => [r["情况"], r["单位名称"], r["名单行号"], r["说明"] ?? null]);
    expect(lines.filter((l) => l[0] === "未报送").map((l) => [l[1], l[2]])).toEqual([
      [HONGQIAO, 6],
      [ASSOCIATION, 8],
      ["天津市𠀀标准化研究院", 9],
    ]);
    const note = (unit: string) => String(lines.find((l) => l[0] === "未报送" && l[1] === unit)![3]);
    expect(note(HONGQIAO)).toContain(
      `文件“${file("hongqiao-copied")}”填写了本单位名称，但信用代码属于名单第 4 行“${NANKAI}”`,
    );
    expect(lines.find((l) => l[1] === "天津市𠀀标准化研究院")![3]).toBeNull();
    // Conflicts follow the unit rows' order (names in byte order).
    expect(lines.filter((l) => l[0] === "名单冲突").map((l) => [l[1], l[2]])).toEqual([
      [ASSOCIATION, 8],
      [HONGQIAO, 6],
    ]);
    expect(sheets["未报送单位"].find((r) => r["情况"] === "名单冲突")!["统一社会信用代码"]).toBe(CODE);
    expect(lines.filter((l) => l[0] === "不在名单中").map((l) => l[1])).toEqual([HEXI]);
  });

  it("the pane's 汇总 run, given the same files and roster, decides the same", async () => {
    const events: JobEvent[] = [];
    await runMergeJob(
      {
        files: jobFolder(path.join(dir, "收到的报表")),
        roster: jobFile(path.join(dir, "名单.csv")),
        reportType: null,
        productVersion: VERSION,
      },
      (e) => events.push(e),
    );
    const merged = events.find((e) => e.type === "merged");
    if (merged?.type !== "merged") throw new Error(JSON.stringify(events.at(-1)));
    const { output: _, paragraph, ...summary } = json;
    expect(merged.summary).toEqual(summary);
    // The bureau's summary paragraph: the same words in the pane as on the command line.
    expect(merged.bureau?.paragraph).toBe(paragraph);
    const lines = Object.fromEntries(merged.lines.map((l) => [l.path, l]));
    expect(lines[file("hongqiao-copied")]).toMatchObject({
      fate: "errors",
      reason: expect.stringContaining("统一社会信用代码"),
    });
    expect(lines[file("hongqiao-copied")].reason).toContain(`名单冲突：单位名称为名单第 6 行“${HONGQIAO}”`);
    expect(lines[file("nankai")]).toMatchObject({ fate: "superseded" });
  });
});
