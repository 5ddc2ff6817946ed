/**
 * 宿主诊断 in WPS: checks each fact of docs/wps-facts.md that can be seen from inside the host, in a
 * scratch workbook (Workbooks.Add) that is closed unsaved afterwards; the user's workbook is only read
 * (which one is active, to go back to it). Each check is caught on its own, so one surprise does not
 * hide the others.
 */
import { SHEETS } from "../core/definition";
import type { Diagnosis, FactResult, FactVerdict } from "../ports/diagnosis";
import { GRACE_MS } from "../host-kit/own-writes";
import { DROPDOWN_CELLS, TEMPLATE_NAMES } from "../host-kit/template-names";
import type { NoteWrite } from "./own-writes";
import type { SheetChangeHandler, WpsApplication, WpsWorkbook, WpsWorksheet } from "./api";
import { CVERR } from "./cells";
import { chromiumFact } from "./diagnose-browser";
import type { TemplateSource } from "./insert-template";
import { vbaColor } from "./marks";
import { errorDetail, messages } from "./messages";
import { asSheet, findSheet, readNames } from "./sheets";
import { wpsSupport } from "./support";
import { base64Bytes, removeTempFile, tempPath, writeTempFile } from "./temp-file";

/** A value as a report shows it: its JS type and the raw value. */
export function describeValue(v: unknown): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (v === "") return '空字符串 ""';
  if (typeof v === "number") return `数字 ${v}`;
  if (typeof v === "string") return `文字 ${JSON.stringify(v)}`;
  if (v instanceof Date) return `Date ${v.toISOString()}`;
  if (Array.isArray(v)) return `数组（${v.length} 行）${JSON.stringify(v).slice(0, 80)}`;
  return `${typeof v} ${String(v)}`;
}

const fact = (n: number, title: string, seen: string, verdict: FactVerdict): FactResult => ({
  fact: n,
  title,
  seen,
  verdict,
});

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 2024/3/15 as a 1900-system serial number. */
const DATE_SERIAL = 45366;
const MARK_FILL_VBA = vbaColor("#FFC7CE");

interface Scratch {
  readonly book: WpsWorkbook;
  readonly sheet: WpsWorksheet;
  readonly name: string;
}

/** Runs `work` and counts the SheetChange events on the scratch sheet during it and for the grace after. */
async function eventsDuring(
  app: WpsApplication,
  scratch: Scratch,
  work: () => void,
): Promise<{ count: number; latestMs: number }> {
  const start = Date.now();
  let count = 0;
  let latestMs = 0;
  const handler: SheetChangeHandler = (sheet) => {
    try {
      if (sheet.Name !== scratch.name) return;
    } catch {
      return;
    }
    count++;
    latestMs = Date.now() - start;
  };
  app.ApiEvent.AddApiEventListener("SheetChange", handler);
  try {
    work();
    await wait(GRACE_MS + 300);
  } finally {
    app.ApiEvent.RemoveApiEventListener("SheetChange", handler);
  }
  return { count, latestMs };
}

function valueFacts(scratch: Scratch): FactResult[] {
  const { sheet } = scratch;
  sheet.Range("A1").Value2 = "2024/3/15";
  sheet.Range("A2").Value2 = "=1/0";
  const one = sheet.Range("A1").Value2;
  const block = sheet.Range("A1:B2").Value2;
  const blank = sheet.Range("D4").Value2;
  const error = sheet.Range("A2").Value2;
  const rows = Array.isArray(block) && block.length === 2 && block.every((r) => Array.isArray(r) && r.length === 2);
  const address = (sheet.Range("A1") as { Address: unknown }).Address;
  return [
    fact(
      4,
      "Range.Address 是方法还是属性",
      typeof address === "function" ? "方法" : `属性（${describeValue(address)}）`,
      typeof address === "function" || typeof address === "string" ? "as-assumed" : "differs",
    ),
    fact(
      5,
      "Value2：单个单元格为值，区域为行数组",
      `A1：${describeValue(one)}；A1:B2：${describeValue(block)}`,
      !Array.isArray(one) && rows ? "as-assumed" : "differs",
    ),
    fact(
      6,
      "Value2 读出的日期",
      `写入文字 "2024/3/15" 后读出 ${describeValue(one)}（预期序列号 ${DATE_SERIAL}）`,
      one === DATE_SERIAL || one instanceof Date ? "as-assumed" : "differs",
    ),
    fact(
      6,
      "Value2 读出的空白单元格",
      describeValue(blank),
      blank === undefined || blank === null || blank === "" ? "as-assumed" : "differs",
    ),
    fact(
      6,
      "Value2 读出的错误单元格",
      `写入 =1/0 后读出 ${describeValue(error)}${typeof error === "number" && CVERR.has(error) ? `（CVErr ${CVERR.get(error)}）` : ""}`,
      typeof error === "number" && CVERR.has(error) ? "as-assumed" : "differs",
    ),
  ];
}

function textFact(scratch: Scratch): FactResult {
  const cell = scratch.sheet.Range("C1");
  cell.NumberFormat = "@";
  cell.Value2 = "'0123";
  const back = cell.Value2;
  return fact(
    12,
    "文本格式单元格写入前导撇号",
    `写入 "'0123" 后读出 ${describeValue(back)}`,
    back === "0123" ? "as-assumed" : "differs",
  );
}

function validationFact(scratch: Scratch): FactResult {
  let seen: string;
  let verdict: FactVerdict;
  try {
    const type = scratch.sheet.Range("E5").Validation.Type;
    seen = `未报错，读出 ${describeValue(type)}`;
    verdict = type ? "differs" : "as-assumed";
  } catch (e) {
    seen = `报错（${errorDetail(e)}）`;
    verdict = "as-assumed";
  }
  return fact(13, "无数据有效性的单元格读 Validation.Type", seen, verdict);
}

async function ownWriteFact(app: WpsApplication, scratch: Scratch): Promise<FactResult> {
  const { count, latestMs } = await eventsDuring(app, scratch, () => {
    scratch.sheet.Range("B1").Value2 = 1;
  });
  const seen =
    count === 0
      ? "加载项自己写入后没有 SheetChange 事件"
      : `加载项自己写入后有 ${count} 个 SheetChange 事件，最晚在 ${latestMs} 毫秒后`;
  // Either way is handled while the event comes within the grace in which a write counts as the add-in's own.
  return fact(7, "加载项自己的写入是否引发 SheetChange", seen, latestMs <= GRACE_MS ? "as-assumed" : "differs");
}

async function colourFacts(app: WpsApplication, scratch: Scratch): Promise<FactResult[]> {
  let back: unknown;
  const { count } = await eventsDuring(app, scratch, () => {
    const cf = scratch.sheet.Range("A1").FormatConditions.Add(2, undefined, "=TRUE");
    cf.Interior.Color = MARK_FILL_VBA;
    back = cf.Interior.Color;
  });
  return [
    fact(
      8,
      "条件格式不引发 SheetChange",
      count === 0 ? "添加条件格式时没有 SheetChange 事件" : `添加条件格式时有 ${count} 个 SheetChange 事件`,
      count === 0 ? "as-assumed" : "differs",
    ),
    fact(
      11,
      "颜色编码（0xBBGGRR）",
      `写入 Interior.Color = 0x${MARK_FILL_VBA.toString(16).toUpperCase()}（#FFC7CE）后读出 ${typeof back === "number" ? `0x${back.toString(16).toUpperCase()}` : describeValue(back)}`,
      back === MARK_FILL_VBA ? "as-assumed" : "differs",
    ),
  ];
}

/** Facts 9 and 10: the template through a temporary file, one sheet copied into the scratch workbook. */
async function copyFacts(app: WpsApplication, template: TemplateSource, scratch: Scratch): Promise<FactResult[]> {
  const path = tempPath(app, "tj-report-diagnosis");
  if (!writeTempFile(app, path, base64Bytes(await template())))
    return [fact(10, "临时文件写入与打开", `写入 ${path} 失败`, "differs")];
  let source: WpsWorkbook | null = null;
  try {
    source = app.Workbooks.Open(path);
    const from = findSheet(source, SHEETS.basic);
    if (!from) return [fact(10, "临时文件写入与打开", `打开 ${path} 后找不到工作表“${SHEETS.basic}”`, "differs")];
    const opened = fact(10, "临时文件写入与打开", `写入并打开 ${path}`, "as-assumed");
    from.Copy(undefined, scratch.sheet);
    const copy = findSheet(scratch.book, SHEETS.basic);
    if (!copy) return [opened, fact(9, "复制的工作表保留的内容", "复制后找不到工作表", "differs")];
    const protectedKept = copy.ProtectContents;
    const dropdown = DROPDOWN_CELLS.find((c) => c.sheet === SHEETS.basic);
    let validationKept = false;
    try {
      validationKept = dropdown ? Boolean(copy.Range(dropdown.cell).Validation.Type) : false;
    } catch {
      validationKept = false;
    }
    const ours = new Set(TEMPLATE_NAMES.filter((n) => n.sheet === SHEETS.basic).map((n) => n.name.toLowerCase()));
    const names = readNames(scratch.book).filter((n) => ours.has(n.name.toLowerCase()));
    const seen = [
      `保护：${protectedKept ? "保留" : "丢失"}`,
      `下拉列表（${dropdown?.cell ?? "—"}）：${validationKept ? "保留" : "丢失"}`,
      `名称：带来 ${names.length}/${ours.size} 个${names[0] ? `，如 ${names[0].name} ${describeValue(names[0].value)}` : ""}`,
    ].join("；");
    // Names are recreated whatever a copy brings; protection and dropdowns are only reported when lost.
    return [
      opened,
      fact(9, "复制的工作表保留的内容", seen, protectedKept && validationKept ? "as-assumed" : "differs"),
    ];
  } finally {
    try {
      source?.Close(false);
    } finally {
      removeTempFile(app, path);
    }
  }
}

function versionFacts(app: WpsApplication): FactResult[] {
  const { ok, version } = wpsSupport(app);
  let events = false;
  try {
    events = typeof app.ApiEvent === "object" && app.ApiEvent !== null;
  } catch {
    events = false; // a getter that throws: no events either
  }
  return [
    fact(
      1,
      "WPS 加载项对象模型（window.Application）",
      "已找到 Application 与 ActiveWorkbook、Workbooks",
      "as-assumed",
    ),
    fact(2, "事件接口 Application.ApiEvent", events ? "有" : "没有", events ? "as-assumed" : "differs"),
    fact(3, "WPS 版本（需要 11.1 或更高）", version || "未能读出", ok ? "as-assumed" : "differs"),
  ];
}

const NOT_CHECKED: readonly FactResult[] = [
  fact(14, "选中单元格需先激活工作表", "未检查：加载项总是先激活工作表再选中，两种情况都能工作", "not-checked"),
  fact(16, "每次调用都会阻塞 WPS", "未检查：请在 1,000 行的活动明细上操作时留意界面是否卡顿", "not-checked"),
  fact(17, "wpsjs 的发布包结构", "未检查：能看到本窗格即说明加载项已按此结构装好", "not-checked"),
];

/** The scratch sheet's name: no template sheet's, so live validation leaves its events alone. */
export const SCRATCH_SHEET = "宿主诊断临时表";

export async function diagnoseWps(
  app: WpsApplication,
  template: TemplateSource,
  note: NoteWrite = () => undefined,
): Promise<Diagnosis> {
  const facts: FactResult[] = [...versionFacts(app)];
  const user = app.ActiveWorkbook;
  const userSheet = app.ActiveSheet;
  let scratch: Scratch | null = null;
  try {
    const book = app.Workbooks.Add();
    const sheet = asSheet(book.Worksheets.Item(1));
    sheet.Name = SCRATCH_SHEET;
    // The copied template sheet has a template sheet's name: its events (if any) are the add-in's.
    note(SHEETS.basic, "*");
    scratch = { book, sheet, name: SCRATCH_SHEET };
    const s = scratch;
    // Each step with the facts it reports, so a step WPS breaks still gives those facts a line.
    const steps: (readonly [readonly number[], () => Promise<FactResult[]> | FactResult[]])[] = [
      [[4, 5, 6], () => valueFacts(s)],
      [[7], () => ownWriteFact(app, s).then((f) => [f])],
      [[8, 11], () => colourFacts(app, s)],
      [[9, 10], () => copyFacts(app, template, s)],
      [[12], () => [textFact(s)]],
      [[13], () => [validationFact(s)]],
    ];
    for (const [numbers, step] of steps) {
      try {
        facts.push(...(await step()));
      } catch (e) {
        for (const n of numbers) facts.push(fact(n, "检查时 WPS 报错", errorDetail(e), "differs"));
      }
    }
  } catch (e) {
    return { kind: "failed", message: messages.wpsFailed("宿主诊断", errorDetail(e)) };
  } finally {
    try {
      scratch?.book.Close(false);
    } finally {
      user?.Activate();
      userSheet?.Activate();
    }
  }
  facts.push(...NOT_CHECKED, chromiumFact());
  facts.sort((a, b) => a.fact - b.fact);
  return { kind: "diagnosed", host: `WPS 表格 ${wpsSupport(app).version}`, facts };
}
