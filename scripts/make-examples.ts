/**
 * Writes examples/: a roster (GBK CSV as WPS and Chinese Excel save it, and the same as .xlsx) and the
 * example reports of scripts/example-reports.ts, filled into the real template by the project's own
 * writer. Run `npx tsx scripts/make-examples.ts`; the files are committed.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import * as iconv from "iconv-lite";
import { EXAMPLES, NOT_REPORTS, ROSTER } from "./example-reports";
import { filledReport } from "./fill-report";

const ROOT = path.resolve(__dirname, "../examples");
const REPORTS = path.join(ROOT, "reports");

const ROSTER_HEADER = ["单位名称", "统一社会信用代码", "单位类别"];
const rosterRows = () => ROSTER.map((u) => [u.name, u.creditCode ?? "", u.category]);

async function writeRoster(): Promise<void> {
  const csv = [ROSTER_HEADER, ...rosterRows()].map((r) => r.join(",")).join("\r\n") + "\r\n";
  await fs.writeFile(path.join(ROOT, "名单.csv"), iconv.encode(csv, "gbk"));
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date("2023-11-01T00:00:00Z");
  const ws = wb.addWorksheet("名单");
  ws.addRow(ROSTER_HEADER);
  for (const r of rosterRows()) ws.addRow(r);
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 24;
  ws.getColumn(3).width = 18;
  await wb.xlsx.writeFile(path.join(ROOT, "名单.xlsx"));
}

async function main(): Promise<void> {
  await fs.rm(REPORTS, { recursive: true, force: true });
  await fs.mkdir(REPORTS, { recursive: true });
  await writeRoster();
  let first: Buffer | null = null;
  for (const e of EXAMPLES) {
    const file = path.join(REPORTS, e.path);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const bytes = await filledReport(e.fill);
    first ??= bytes;
    await fs.writeFile(file, bytes);
  }
  // A workbook cut off in the mail: the zip's central directory is gone.
  await fs.writeFile(path.join(REPORTS, NOT_REPORTS[0].path), first!.subarray(0, Math.floor(first!.length / 2)));
  // What Excel leaves beside an open file: a small binary file holding the user's name.
  await fs.writeFile(
    path.join(REPORTS, NOT_REPORTS[1].path),
    Buffer.concat([Buffer.from([5]), Buffer.from("bureau", "latin1"), Buffer.alloc(48)]),
  );
  const lines = [
    "# 示例（examples）",
    "",
    "`npm run demo` 把 reports/ 下的文件按 名单.csv 汇总为 out/汇总.xlsx。由 `npx tsx scripts/make-examples.ts` 生成。",
    "",
  ];
  for (const e of [...EXAMPLES, ...NOT_REPORTS]) lines.push(`- reports/${e.path}: ${e.shows}`);
  lines.push(
    "- 名单.csv（GBK 编码）/ 名单.xlsx: roster; 津南区 sends nothing, 东丽区's file is damaged, 市工业和信息化局 sent only a 阶段性总结; 天津大学标准化研究中心 sends as 天津大学标准化研究所.",
  );
  await fs.writeFile(path.join(ROOT, "README.md"), lines.join("\n") + "\n");
}

void main();
