/**
 * The example set of examples/ (README's main job): a roster and a dozen reports that show every case
 * of spec §5. Data only; scripts/make-examples.ts writes the files.
 */
import { creditCodeCheckChar } from "../src/core/normalise/credit-code";
import type { FillValue, ReportFill } from "./fill-report";

type Row = Readonly<Record<string, FillValue>>;

export interface ExampleUnit {
  readonly name: string;
  readonly category: string;
  readonly district: string;
  readonly creditCode: string | null;
}

const code = (first17: string) => first17 + creditCodeCheckChar(first17);

export const UNITS = {
  heping: {
    name: "天津市和平区市场监督管理局",
    category: "区市场监管局",
    district: "和平区",
    creditCode: code("11120101MB0000011"),
  },
  hexi: {
    name: "天津市河西区市场监督管理局",
    category: "区市场监管局",
    district: "河西区",
    creditCode: code("11120103MB0000032"),
  },
  institute: {
    name: "天津市标准化研究院",
    category: "标准化技术机构",
    district: "市级",
    creditCode: code("12120000MB0000043"),
  },
  association: { name: "天津市标准化协会", category: "行业协会商会", district: "市级", creditCode: null },
  company: {
    name: "天津滨海某某电子科技有限公司",
    category: "企业",
    district: "滨海新区",
    creditCode: code("91120116MA0000054"),
  },
  nankai: {
    name: "天津市南开区市场监督管理局",
    category: "区市场监管局",
    district: "南开区",
    creditCode: code("11120104MB0000065"),
  },
  industry: {
    name: "天津市工业和信息化局",
    category: "市级行政主管部门",
    district: "市级",
    creditCode: code("11120000MB0000076"),
  },
  dongli: { name: "天津市东丽区市场监督管理局", category: "区市场监管局", district: "东丽区", creditCode: null },
  wuqing: {
    name: "天津市武清区市场监督管理局",
    category: "区市场监管局",
    district: "武清区",
    creditCode: code("11120114MB0000087"),
  },
  jinnan: { name: "天津市津南区市场监督管理局", category: "区市场监管局", district: "津南区", creditCode: null },
  university: { name: "天津大学标准化研究中心", category: "教育科研机构", district: "南开区", creditCode: null },
  hongqiao: { name: "天津市红桥区市场监督管理局", category: "区市场监管局", district: "红桥区", creditCode: null },
  beichen: {
    name: "天津市北辰区市场监督管理局",
    category: "区市场监管局",
    district: "北辰区",
    creditCode: code("11120113MB0000098"),
  },
} as const satisfies Record<string, ExampleUnit>;

/** The roster: every unit expected to report (the university then sends under a changed name). */
export const ROSTER: readonly ExampleUnit[] = Object.values(UNITS);

function event(
  date: string,
  title: string,
  content: string,
  participants: FillValue,
  isPublic: "是" | "否",
  extra: Row = {},
): Row {
  return {
    date,
    title,
    form: "集中宣贯培训",
    mode: "线下",
    content,
    participants,
    is_public: isPublic,
    audience: "民营企业",
    theme: "无",
    ...extra,
  };
}

/** A correct 年度总结 2023 of `u` with two events (《条例》 300, 《纲要》 200), one report and one evidence row. */
export function annual(u: ExampleUnit, fields: Row = {}, tables: ReportFill["tables"] = {}): ReportFill {
  return {
    fields: {
      report_type: "年度总结",
      year: 2023,
      unit_name: u.name,
      unit_category: u.category,
      district: u.district,
      credit_code: u.creditCode,
      contact_name: "李明",
      contact_phone: "022-27182133",
      contact_email: "bzh@example.cn",
      fill_date: "2023-11-06",
      sealed: "是",
      org_measures: "成立研学行动工作专班，制定年度研学计划，明确责任分工，按月调度推进落实。",
      regulation_participants: 300,
      outline_participants: 250,
      training_sessions: 2,
      public_sessions: 1,
      highlights: "结合世界标准日开展集中宣贯，组织重点企业座谈交流，形成可推广的典型案例两项。",
      publicity_summary: "在天津日报和政务网站发布宣传报道，扩大研学行动的社会影响。",
      next_steps: "持续推进常态化研学，加强对重点产业链企业的标准化宣贯和技术服务。",
      ...fields,
    },
    tables: {
      events: [
        event("2023-06-15", `${u.name}《天津市标准化条例》宣贯培训会`, "《条例》和《纲要》", 200, "是"),
        event("2023-09-12", "标准化工作座谈交流会", "《条例》", 100, "否", {
          form: "会议座谈交流",
          mode: "线上",
          audience: "机关事业单位",
          theme: "质量月",
        }),
      ],
      media: [
        {
          date: "2023-06-16",
          channel: "报纸",
          outlet: "天津日报",
          title: `${u.name}开展标准化研学行动`,
          url: "https://www.tj.gov.cn/news/example.html",
        },
      ],
      evidence: [
        {
          name: "宣贯培训签到表",
          kind: "签到表",
          related_event: "《天津市标准化条例》宣贯培训会",
          location: "签到表.pdf",
        },
      ],
      ...tables,
    },
  };
}

export interface ExampleFile {
  /** Path below examples/reports/. */
  readonly path: string;
  /** What the example shows (for the README and the closing summary check). */
  readonly shows: string;
  readonly fill: ReportFill;
}

export const EXAMPLES: readonly ExampleFile[] = [
  { path: "01-和平区市场监管局.xlsx", shows: "correct", fill: annual(UNITS.heping) },
  {
    path: "02-河西区市场监管局.xlsx",
    shows: "errors (a phone number that is not one), superseded by the resubmission",
    fill: annual(UNITS.hexi, { contact_phone: "2718213", fill_date: "2023-11-03" }),
  },
  {
    path: "补报/02-河西区市场监管局-更正.xlsx",
    shows: "resubmission: same unit, later 填报日期",
    fill: annual(UNITS.hexi, { fill_date: "2023-11-09", regulation_participants: 320 }),
  },
  {
    path: "03-市标准化研究院.xlsx",
    shows: "warnings, each with a 核实说明: 通过",
    fill: annual(
      UNITS.institute,
      { training_sessions: 3, sealed: "否" },
      {
        explanations: [
          {
            rule: "training.matches_events",
            location: "基本情况!C21",
            text: "另有一次线上直播培训由上级单位组织，未列入活动明细。",
          },
          { rule: "sealed.no", location: "sealed", text: "电子版先行报送，盖章纸质版随后邮寄。" },
        ],
      },
    ),
  },
  {
    path: "04-市标准化协会.xlsx",
    shows: "warnings without 说明 (late, no media rows): 待说明",
    fill: annual(UNITS.association, { fill_date: "2023-11-15" }, { media: [] }),
  },
  {
    path: "05-滨海某某电子科技.xlsx",
    shows: "errors: a headcount typed 见签到表, public sessions above training sessions",
    fill: annual(UNITS.company, { regulation_participants: "见签到表", public_sessions: 3 }),
  },
  {
    path: "06-南开区市场监管局.xlsx",
    shows: "formula-looking text that must stay text in the master",
    fill: annual(
      UNITS.nankai,
      { highlights: '=HYPERLINK("http://x","点我") 以及 +1 -1 @SUM(A1) 等文字都应原样保留为文本，不得成为公式。' },
      {
        media: [
          {
            date: "2023-06-20",
            channel: "网站",
            outlet: '=HYPERLINK("http://x","点我")',
            title: "@SUM(A1)",
            url: "+1",
          },
        ],
      },
    ),
  },
  {
    path: "07-市工业和信息化局-阶段性总结.xlsx",
    shows: "a 阶段性总结 among 年度总结: skipped, never summed",
    fill: annual(
      UNITS.industry,
      { report_type: "阶段性总结", fill_date: "2023-06-20" },
      {
        events: [
          event("2023-05-10", "《国家标准化发展纲要》专题学习", "《纲要》", 150, "是", { audience: "机关事业单位" }),
        ],
      },
    ),
  },
  { path: "09-武清区市场监管局.xlsx", shows: "correct", fill: annual(UNITS.wuqing, { fill_date: "2023-11-08" }) },
  {
    path: "10-天津大学标准化研究所.xlsx",
    shows: "a unit not on the roster (closest roster name suggested)",
    fill: annual({ ...UNITS.university, name: "天津大学标准化研究所" }),
  },
  {
    path: "11-红桥区市场监管局.xlsx",
    shows: "a name typed with full-width characters and spaces: still matched to the roster",
    fill: annual({ ...UNITS.hongqiao, name: " 天津市红桥区市场监督管理局　" }),
  },
  { path: "12-北辰区市场监管局.xlsx", shows: "correct", fill: annual(UNITS.beichen, { fill_date: "2023-11-02" }) },
];

/** Files that are not reports, written byte for byte. */
export const NOT_REPORTS: readonly { path: string; shows: string }[] = [
  { path: "08-东丽区市场监管局.xlsx", shows: "unreadable: a damaged workbook (cut off in the mail)" },
  { path: "~$01-和平区市场监管局.xlsx", shows: "an Excel lock file: listed in 问题清单, not a failure" },
];
