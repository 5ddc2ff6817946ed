/**
 * The files of the check and merge benchmarks: N reports of 50 event rows each, one unit each,
 * filled into the real template by scripts/fill-report.ts (one workbook filled once, then each
 * unit's name, code and figures changed before it is written). Kept in the system temp folder
 * between runs (writing them takes a minute or two), in a folder named after the template's own
 * parts, so a changed template never leaves stale files behind.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cellOf, DISTRICTS, EVENT_CONTENTS, fieldById } from "../src/core/definition";
import { creditCodeCheckChar } from "../src/core/normalise/credit-code";
import { unzipSync } from "fflate";
import { annual, UNITS } from "../scripts/example-reports";
import { applyFill, blankTemplate, type FillValue } from "../scripts/fill-report";
import { writeTemplate } from "../src/xlsx/template-writer";

export const BENCH_REPORTS = 1000;
export const BENCH_EVENTS = 50;
/** Bump when the filling below changes. */
const RECIPE = 2;

/** A short hash of the template's workbook parts (not docProps, which carry times). */
async function templateFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  const parts = unzipSync(new Uint8Array(await writeTemplate({ year: 2023 })));
  for (const name of Object.keys(parts).sort()) if (name.startsWith("xl/")) hash.update(name).update(parts[name]);
  return hash.digest("hex").slice(0, 12);
}

/** The district bureaus (every district but 市级), in the definition's order. */
const DISTRICT_BUREAUS = DISTRICTS.filter((d) => d !== "市级");

function events(n: number): Readonly<Record<string, FillValue>>[] {
  return Array.from({ length: BENCH_EVENTS }, (_, i) => ({
    date: `2023-${String(1 + (i % 10)).padStart(2, "0")}-${String(1 + ((i + n) % 28)).padStart(2, "0")}`,
    title: `第${i + 1}场标准化研学宣贯活动（单位${n}）`,
    form: "集中宣贯培训",
    mode: i % 3 === 0 ? "线上" : "线下",
    content: EVENT_CONTENTS[i % EVENT_CONTENTS.length],
    participants: 20 + ((i * 7 + n) % 80),
    is_public: i % 2 === 0 ? "是" : "否",
    audience: "民营企业",
    theme: "无",
    note: null,
  }));
}

/** The folder holding the benchmark files, written on first use. */
export async function benchFiles(count = BENCH_REPORTS): Promise<string> {
  const key = `r${RECIPE}-${await templateFingerprint()}`;
  const dir = path.join(os.tmpdir(), `tj-bench-${key}-${count}x${BENCH_EVENTS}`);
  const done = path.join(dir, ".complete");
  if (fs.existsSync(done)) return dir;
  fs.mkdirSync(dir, { recursive: true });
  const wb = await blankTemplate();
  applyFill(
    wb,
    annual(
      UNITS.heping,
      {
        training_sessions: BENCH_EVENTS,
        public_sessions: BENCH_EVENTS / 2,
        regulation_participants: 100_000,
        outline_participants: 100_000,
      },
      { events: events(0) },
    ),
  );
  const basic = wb.getWorksheet(fieldById("unit_name").sheet)!;
  for (let n = 1; n <= count; n++) {
    const first17 = `91120000MA${String(n).padStart(7, "0")}`;
    basic.getCell(cellOf(fieldById("unit_name"))).value = `天津市基准测试单位${n}`;
    basic.getCell(cellOf(fieldById("credit_code"))).value = first17 + creditCodeCheckChar(first17);
    basic.getCell(cellOf(fieldById("district"))).value = DISTRICT_BUREAUS[n % DISTRICT_BUREAUS.length];
    applyFill(wb, { fields: {}, tables: { events: events(n) } });
    fs.writeFileSync(
      path.join(dir, `report-${String(n).padStart(4, "0")}.xlsx`),
      Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer),
    );
  }
  fs.writeFileSync(done, "");
  return dir;
}

/** The benchmark files themselves, in name order. */
export async function benchFileList(count = BENCH_REPORTS): Promise<string[]> {
  const dir = await benchFiles(count);
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".xlsx"))
    .sort()
    .map((n) => path.join(dir, n));
}
