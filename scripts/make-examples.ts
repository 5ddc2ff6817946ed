/**
 * Writes examples/: a roster (GBK CSV as WPS and Chinese Excel save it, and the same as .xlsx) and the
 * example reports of scripts/example-reports.ts, filled into the real template by the project's own
 * writer. Run `npx tsx scripts/make-examples.ts` (`--roster` for the roster alone); the files are committed.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import * as iconv from "iconv-lite";
import { EXAMPLES, NOT_REPORTS, ROSTER } from "./example-reports";
import { filledReport } from "./fill-report";

const ROOT = path.resolve(__dirname, "../examples");
const REPORTS = path.join(ROOT, "reports");

const ROSTER_HEADER = ["单位名称", "统一社会信用代码", "单位类别", "联系人", "联系电话", "电子邮箱"];
/** Whom the bureau calls about each unit (催报): made-up names, 022 numbers and example.cn addresses. */
const CONTACTS = [
  "王红",
  "刘洋",
  "陈静",
  "杨帆",
  "赵磊",
  "黄丽",
  "周强",
  "吴敏",
  "徐涛",
  "孙悦",
  "马超",
  "朱琳",
  "胡斌",
];
const rosterRows = () =>
  ROSTER.map((u, i) => [
    u.name,
    u.creditCode ?? "",
    u.category,
    CONTACTS[i % CONTACTS.length],
    `022-2831${String(1001 + i).slice(-4)}`,
    `unit${String(i + 1).padStart(2, "0")}@example.cn`,
  ]);

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
  ws.getColumn(4).width = 10;
  ws.getColumn(5).width = 16;
  ws.getColumn(6).width = 22;
  await wb.xlsx.writeFile(path.join(ROOT, "名单.xlsx"));
}

async function main(): Promise<void> {
  // `--roster`: the roster files only (the reports stay byte for byte as they are).
  if (process.argv.includes("--roster")) return writeRoster();
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
  // examples/README.md describes each file for users, in Chinese; update it when the set changes.
}

void main();
