/**
 * MergeResults built by hand for the master writer's tests: three units (one passes, one waits for an
 * explanation, one has errors and an unread headcount), hostile formula-looking text, a roster, and
 * statistics. `withEvents(n)` makes a large one for the memory test.
 */
import { DISTRICTS, FIELDS, TABLES, UNIT_CATEGORIES } from "../../src/core/definition";
import type {
  DetailRow,
  DetailTableId,
  GroupTotals,
  MergeResult,
  ProblemRow,
  Totals,
  UnitKey,
  UnitRow,
} from "../../src/core/merge/model";
import type { ReportStatus } from "../../src/core/model";
import type { FieldValue } from "../../src/core/submission";

export const HOSTILE_TEXTS = ['=HYPERLINK("http://x","点我")', "+1", "-1", "@SUM(A1)"] as const;

function emptyValues(ids: readonly string[]): Record<string, FieldValue> {
  return Object.fromEntries(ids.map((id) => [id, null]));
}

const FIELD_IDS = FIELDS.map((f) => f.id);
const columnIds = (table: string): string[] => (TABLES.find((t) => t.id === table)?.columns ?? []).map((c) => c.id);

interface UnitSpec {
  name: string;
  credit: string | null;
  category: string;
  district: string;
  regulation: number | null;
  outline: number | null;
  status: ReportStatus;
  errors: number;
  warnings: number;
  unread?: Record<string, string>;
  file: string;
  sha: string;
}

function unitRow(s: UnitSpec, events: number): UnitRow {
  const values: Record<string, FieldValue> = {
    ...emptyValues(FIELD_IDS),
    report_type: "年度总结",
    year: 2023,
    unit_name: s.name,
    unit_category: s.category,
    district: s.district,
    credit_code: s.credit,
    contact_name: "张三",
    contact_phone: "13812345678",
    fill_date: "2023-11-01",
    sealed: "是",
    org_measures: "组织推动情况写得很详细，召开专题会议部署研学工作。",
    regulation_participants: s.regulation,
    outline_participants: s.outline,
    training_sessions: 3,
    public_sessions: 1,
    highlights: "亮点",
    next_steps: "下一步",
  };
  const key: UnitKey = s.credit ? { by: "credit_code", value: s.credit } : { by: "unit_name", value: s.name };
  return {
    key,
    values,
    unread: s.unread ?? {},
    tableCounts: { events, media: 1, evidence: 1, explanations: 0 },
    errors: s.errors,
    warnings: s.warnings,
    unexplainedWarnings: s.status === "warnings" ? s.warnings : 0,
    status: s.status,
    source: { path: `in/${s.file}`, name: s.file, sha256: s.sha, modified: "2023-11-02T08:00:00.000Z" },
    templateVersion: "1.0.0",
    roster: { kind: "no_roster" },
  };
}

const UNITS: UnitSpec[] = [
  {
    name: "天津市甲单位",
    credit: "91120000MA05XXXX1A",
    category: "企业",
    district: "和平区",
    regulation: 120,
    outline: 80,
    status: "ok",
    errors: 0,
    warnings: 0,
    file: "甲.xlsx",
    sha: "a".repeat(64),
  },
  {
    name: "天津市乙协会",
    credit: null,
    category: "行业协会商会",
    district: "河西区",
    regulation: 300,
    outline: 250,
    status: "warnings",
    errors: 0,
    warnings: 2,
    file: "乙.xlsx",
    sha: "b".repeat(64),
  },
  {
    name: HOSTILE_TEXTS[0],
    credit: null,
    category: "企业",
    district: "和平区",
    regulation: null,
    outline: 40,
    status: "errors",
    errors: 1,
    warnings: 0,
    unread: { regulation_participants: "见签到表" },
    file: "丙.xlsx",
    sha: "c".repeat(64),
  },
];

function eventRow(
  unit: UnitRow,
  file: string,
  row: number,
  title: string,
  participants: number | null,
  unread: Record<string, string> = {},
): DetailRow {
  return {
    unit: String(unit.values.unit_name),
    key: unit.key,
    values: {
      ...emptyValues(columnIds("events")),
      date: "2023-06-15",
      title,
      form: "集中宣贯培训",
      mode: "线下",
      content: "《条例》",
      participants,
      is_public: "是",
      note: HOSTILE_TEXTS[row % HOSTILE_TEXTS.length],
    },
    unread,
    source: { file, sheet: "活动明细", row },
  };
}

function simpleDetail(table: DetailTableId, unit: UnitRow, values: Record<string, FieldValue>): DetailRow {
  return {
    unit: String(unit.values.unit_name),
    key: unit.key,
    values: { ...emptyValues(columnIds(table)), ...values },
    unread: {},
    source: { file: unit.source.name, sheet: table === "media" ? "宣传报道" : "佐证材料", row: 4 },
  };
}

function totalsOf(units: readonly UnitRow[], eventParticipants: number): Totals {
  const sum = (id: string) =>
    units.reduce((n, u) => n + (typeof u.values[id] === "number" ? (u.values[id] as number) : 0), 0);
  const byStatus: Record<ReportStatus, number> = { ok: 0, warnings: 0, errors: 0 };
  for (const u of units) byStatus[u.status]++;
  return {
    units: units.length,
    tableRows: Object.fromEntries(TABLES.map((t) => [t.id, units.reduce((n, u) => n + (u.tableCounts[t.id] ?? 0), 0)])),
    headcounts: Object.fromEntries(FIELDS.filter((f) => f.type === "headcount").map((f) => [f.id, sum(f.id)])),
    eventParticipants,
    byStatus,
  };
}

function groups(
  units: readonly UnitRow[],
  field: "district" | "unit_category",
  options: readonly string[],
  eventParticipants: (u: UnitRow) => number,
): GroupTotals[] {
  return options.map((group) => {
    const members = units.filter((u) => u.values[field] === group);
    return {
      group,
      ...totalsOf(
        members,
        members.reduce((n, u) => n + eventParticipants(u), 0),
      ),
    };
  });
}

/** The small result most tests use; `eventsPerUnit` rows of 活动明细 per unit (default 2). */
export function sampleResult(options: { eventsPerUnit?: number; roster?: boolean } = {}): MergeResult {
  const perUnit = options.eventsPerUnit ?? 2;
  const units = UNITS.map((s) => unitRow(s, perUnit)).map((u, i): UnitRow => {
    if (!options.roster) return u;
    if (i < 2)
      return { ...u, roster: { kind: "matched", by: "unit_name", rosterName: UNITS[i].name, rosterRow: i + 2 } };
    return { ...u, roster: { kind: "unmatched", suggestion: { name: "天津市丙公司", rosterRow: 4, distance: 9 } } };
  });
  const events: DetailRow[] = [];
  units.forEach((u, ui) => {
    for (let i = 0; i < perUnit; i++) {
      const unread = ui === 2 && i === 0 ? { participants: "约五十人" } : undefined;
      events.push(
        eventRow(u, u.source.name, 4 + i, `${UNITS[ui].name}第${i + 1}次宣贯`, unread ? null : 10 + i, unread),
      );
    }
  });
  const eventSum = (u: UnitRow) =>
    events
      .filter((e) => e.key === u.key)
      .reduce((n, e) => n + (typeof e.values.participants === "number" ? e.values.participants : 0), 0);
  const problems: ProblemRow[] = [
    {
      kind: "finding",
      file: "丙.xlsx",
      unit: HOSTILE_TEXTS[0],
      rule: "type.headcount",
      severity: "error",
      field: "regulation_participants",
      table: null,
      row: null,
      sheet: "基本情况",
      cell: "C19",
      message: "“参加《天津市标准化条例》研学人次”应为整数，实际为“见签到表”。",
      explanation: null,
    },
    {
      kind: "finding",
      file: "乙.xlsx",
      unit: "天津市乙协会",
      rule: "sealed.no",
      severity: "warning",
      field: "sealed",
      table: null,
      row: null,
      sheet: "基本情况",
      cell: "C16",
      message: "未加盖公章。",
      explanation: "@SUM(A1)",
    },
    {
      kind: "unreadable",
      file: "坏.xlsx",
      unit: null,
      rule: "file.damaged",
      severity: "error",
      field: null,
      table: null,
      row: null,
      sheet: null,
      cell: null,
      message: "文件已损坏，无法读取。",
      explanation: null,
    },
    {
      kind: "superseded",
      file: "甲-旧.xlsx",
      unit: "天津市甲单位",
      rule: "merge.superseded",
      severity: "info",
      field: null,
      table: null,
      row: null,
      sheet: null,
      cell: null,
      message: "已被 甲.xlsx 替代。",
      explanation: null,
    },
  ];
  const allEvents = events.reduce(
    (n, e) => n + (typeof e.values.participants === "number" ? e.values.participants : 0),
    0,
  );
  return {
    summary: {
      reportType: "年度总结",
      reportTypeFrom: "majority",
      filesRead: 5,
      unitsMerged: 3,
      unitsWithErrors: 1,
      unreadable: 1,
      superseded: 1,
      skipped: 0,
      ignored: 0,
      missingFromRoster: options.roster ? 1 : null,
      notOnRoster: options.roster ? 1 : null,
      identityConflicts: 0,
    },
    units,
    totals: totalsOf(units, allEvents),
    details: {
      events,
      media: [
        simpleDetail("media", units[0], {
          date: "2023-06-16",
          channel: "网站",
          outlet: "天津日报",
          title: HOSTILE_TEXTS[1],
          url: "http://example.org/a",
        }),
      ],
      evidence: [
        simpleDetail("evidence", units[1], {
          name: HOSTILE_TEXTS[2],
          kind: "签到表",
          related_event: null,
          location: "签到表.pdf",
        }),
      ],
    },
    problems,
    unreadable: [
      {
        source: { path: "in/坏.xlsx", name: "坏.xlsx", sha256: null, modified: null },
        code: "damaged",
        message: "文件已损坏，无法读取。",
      },
    ],
    superseded: [],
    skipped: [],
    roster: options.roster
      ? {
          file: "名单.csv",
          units: 4,
          missing: [{ name: "天津市丁研究院", creditCode: null, category: "教育科研机构", row: 5 }],
          unmatched: [
            {
              unit: HOSTILE_TEXTS[0],
              key: units[2].key,
              file: "丙.xlsx",
              suggestion: { name: "天津市丙公司", rosterRow: 4, distance: 9 },
            },
          ],
          conflicts: [],
        }
      : null,
    statistics: {
      byCategory: groups(units, "unit_category", UNIT_CATEGORIES, eventSum),
      byDistrict: groups(units, "district", DISTRICTS, eventSum),
    },
  };
}

/** `unitCount` passing units with `eventsPerUnit` event rows each (1,000 × 50 = the 50,000-row 活动明细 of issue 10). */
export function largeResult(unitCount: number, eventsPerUnit: number): MergeResult {
  const base = sampleResult({ eventsPerUnit: 0 });
  const units: UnitRow[] = [];
  const events: DetailRow[] = [];
  for (let i = 0; i < unitCount; i++) {
    const name = `天津市第${i + 1}号研学单位`;
    const u = unitRow(
      {
        name,
        credit: null,
        category: UNIT_CATEGORIES[i % UNIT_CATEGORIES.length],
        district: DISTRICTS[i % DISTRICTS.length],
        regulation: 500 + i,
        outline: 400 + i,
        status: "ok",
        errors: 0,
        warnings: 0,
        file: `第${i + 1}号.xlsx`,
        sha: i.toString(16).padStart(64, "0"),
      },
      eventsPerUnit,
    );
    units.push(u);
    for (let r = 0; r < eventsPerUnit; r++)
      events.push(
        eventRow(u, u.source.name, 4 + r, `${name}第${r + 1}次宣贯：《天津市标准化条例》专题研学`, 10 + (r % 7)),
      );
  }
  const perUnit = Array.from({ length: eventsPerUnit }, (_, r) => 10 + (r % 7)).reduce((a, b) => a + b, 0);
  const eventSum = (): number => perUnit;
  return {
    ...base,
    units,
    totals: totalsOf(
      units,
      events.reduce((n, e) => n + (e.values.participants as number), 0),
    ),
    details: { events, media: [], evidence: [] },
    problems: [],
    statistics: {
      byCategory: groups(units, "unit_category", UNIT_CATEGORIES, eventSum),
      byDistrict: groups(units, "district", DISTRICTS, eventSum),
    },
  };
}

/** The sample result with no unit merged: no rows, no statistics, so no chart. */
export function noUnitsResult(): MergeResult {
  return {
    ...sampleResult(),
    units: [],
    details: { events: [], media: [], evidence: [] },
    statistics: { byCategory: [], byDistrict: [] },
  };
}
