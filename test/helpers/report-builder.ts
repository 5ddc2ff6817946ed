/**
 * Builds RawReport objects for tests from plain values, each placed at the cell the template
 * definition gives it (or where `sheetNames` / `rowShift` move it, to imitate edited workbooks).
 *
 *   rawReport({ fields: { training_sessions: "3次" }, tables: { events: [{ participants: 12.5 }] } })
 *   validReport({ fields: { sealed: "否" } })   // a correct report with one change
 */
import { FIELDS, REPORT_SHEETS, TABLES, cellOf, tableById, type AnyColumnId, type FieldId, type TableId } from "../../src/core/definition";
import type { CellValue, LayoutChange, Located, RawReport, RawRow } from "../../src/core/model";
import { isBlank } from "../../src/core/normalise/result";

export type RowInput = Readonly<Record<string, CellValue>> | null;

export interface ReportInput {
  /** By field id; a field left out is blank (null). */
  readonly fields?: Readonly<Record<string, CellValue>>;
  /** By table id: one entry per worksheet row from the table's first row; null stands for an empty row. */
  readonly tables?: Readonly<Record<string, readonly RowInput[]>>;
  readonly layoutChanges?: readonly LayoutChange[];
  readonly date1904?: boolean;
  readonly templateVersion?: string;
  /** Template sheet name → the name the sheet has in this workbook (null: the workbook lacks it). */
  readonly sheetNames?: Readonly<Record<string, string | null>>;
  /** Template sheet name → rows inserted above its content. */
  readonly rowShift?: Readonly<Record<string, number>>;
}


export function rawReport(input: ReportInput = {}): RawReport {
  const sheetName = (s: string) => input.sheetNames?.[s] ?? s;
  const sheets = Object.fromEntries(REPORT_SHEETS.map((s) => [s, input.sheetNames?.[s] === null ? null : sheetName(s)]));
  const shift = (s: string) => input.rowShift?.[s] ?? 0;

  const fields = {} as Record<FieldId, Located>;
  for (const f of FIELDS) {
    const cell = cellOf(f).replace(/\d+$/, (n) => String(Number(n) + shift(f.sheet)));
    fields[f.id] = { value: input.fields?.[f.id] ?? null, sheet: sheetName(f.sheet), cell };
  }

  const tables = {} as Record<TableId, RawRow[]>;
  for (const t of TABLES) {
    const rows: RawRow[] = [];
    (input.tables?.[t.id] ?? []).forEach((values, i) => {
      if (values === null || t.columns.every((c) => isBlank(values[c.id]))) return; // empty rows are not rows
      const row = t.firstRow + shift(t.sheet) + i;
      const cells = {} as Record<AnyColumnId, Located>;
      for (const c of t.columns) cells[c.id] = { value: values[c.id] ?? null, sheet: sheetName(t.sheet), cell: `${c.column}${row}` };
      rows.push({ row, cells });
    });
    tables[t.id] = rows;
  }

  return {
    sheets,
    fields,
    tables,
    layoutChanges: [...(input.layoutChanges ?? [])],
    ...(input.templateVersion ? { templateVersion: input.templateVersion } : {}),
    ...(input.date1904 ? { date1904: true } : {}),
  };
}

/** The single fields of a correct 年度总结 2023 of a 区市场监管局: no finding at all. */
export const VALID_FIELDS: Readonly<Record<string, CellValue>> = {
  report_type: "年度总结",
  year: 2023,
  unit_name: "天津市和平区市场监督管理局",
  unit_category: "区市场监管局",
  district: "和平区",
  credit_code: "11120101MB1234567B",
  contact_name: "张永来",
  contact_phone: "022-27182133",
  contact_email: "scjgbzhc@tj.gov.cn",
  fill_date: "2023-11-05",
  sealed: "是",
  org_measures: "成立研学行动工作专班，制定年度研学计划，明确责任分工，定期调度推进。",
  regulation_participants: 300,
  outline_participants: 250,
  training_sessions: 2,
  public_sessions: 1,
  highlights: "结合世界标准日开展集中宣贯，组织企业座谈交流，形成典型案例两项。",
  publicity_summary: "在天津日报、政务网站等媒体发布宣传报道，扩大研学行动影响。",
  next_steps: "持续推进常态化研学，加强对重点产业链企业的标准化宣贯与技术服务。",
};

/** Two events whose totals match the fields above: 《条例》 300 ≤ 300, 《纲要》 200 ≤ 250. */
export const VALID_EVENTS: readonly Readonly<Record<string, CellValue>>[] = [
  {
    date: "2023-06-15", title: "《天津市标准化条例》集中宣贯培训会", form: "集中宣贯培训", mode: "线下",
    content: "《条例》和《纲要》", participants: 200, is_public: "是", audience: "民营企业", theme: "无", note: null,
  },
  {
    date: "2023-09-10", title: "标准化工作座谈交流会", form: "会议座谈交流", mode: "线上",
    content: "《条例》", participants: 100, is_public: "否", audience: "机关事业单位", theme: "质量月", note: null,
  },
];

export const VALID_MEDIA: readonly Readonly<Record<string, CellValue>>[] = [
  { date: "2023-06-16", channel: "报纸", outlet: "天津日报", title: "和平区开展标准化研学行动", url: "https://www.tj.gov.cn/news/1.html" },
];

export const VALID_EVIDENCE: readonly Readonly<Record<string, CellValue>>[] = [
  { name: "宣贯培训签到表", kind: "签到表", related_event: "《天津市标准化条例》集中宣贯培训会", location: "签到表.pdf" },
];

/** A correct report, with the given fields replaced and the given tables replaced wholesale. */
export function validReport(changes: ReportInput = {}): RawReport {
  return rawReport({
    ...changes,
    fields: { ...VALID_FIELDS, ...changes.fields },
    tables: {
      events: VALID_EVENTS,
      media: VALID_MEDIA,
      evidence: VALID_EVIDENCE,
      explanations: [],
      ...changes.tables,
    },
  });
}

/** The cell `工作表!A1` a table column has in worksheet row `row` of the untouched template. */
export function tableCell(tableId: TableId, row: number, columnId: string): string {
  const t = tableById(tableId);
  const c = t.columns.find((x) => x.id === columnId);
  if (!c) throw new Error(`unknown column ${tableId}.${columnId}`);
  return `${t.sheet}!${c.column}${row}`;
}
