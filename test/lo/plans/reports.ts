/**
 * The one correct report of the tests (CORRECT), and the other starting reports, each written as
 * changes of it: the LibreOffice fixtures' and 自检 cases' bases, and (as plain values) the reports of
 * the rule, locate and file tests. A field added to CORRECT reaches all of them. A report here is by
 * field and column id; `planOf` (./plan.ts) puts it in cells through `describe`.
 */
import { changed } from "./case";
import type { Input, Report, TableId } from "./plan";

/** Nothing typed: the template as it is handed out. */
export const BLANK: Report = { fields: {}, tables: {} };

/** A complete, correct 年度总结 2023 of a 区市场监管局 (南开区): no finding at all. */
export const CORRECT: Report = {
  fields: {
    report_type: "年度总结",
    unit_name: "天津市南开区市场监督管理局",
    unit_category: "区市场监管局",
    district: "南开区",
    credit_code: "11120104MB1234567N",
    contact_name: "王晓明",
    contact_phone: "022-27182133",
    contact_email: "wangxm@example.com",
    fill_date: { input: "2023-11-01" },
    sealed: "是",
    org_measures:
      "成立研学行动工作专班，制定年度研学计划，将《条例》《纲要》纳入党组理论学习中心组学习内容，分层分类组织干部职工和企业开展研学。",
    regulation_participants: 300,
    outline_participants: 260,
    training_sessions: 3,
    public_sessions: 2,
    highlights:
      "围绕世界标准日开展《条例》《纲要》进企业、进社区活动，指导辖区企业参与团体标准制定，典型案例两项，成效明显。",
    publicity_summary:
      "通过微信公众号、政务网站等渠道宣传研学成果，发布专题报道多篇，在社会上营造了学标准、用标准的良好氛围。",
    next_steps:
      "下一步将继续深化研学成果，聚焦重点产业开展标准化技术服务，推动更多企业对标达标，持续扩大公益性宣贯覆盖面。",
  },
  tables: {
    events: [
      {
        date: { input: "2023-03-15" },
        title: "《天津市标准化条例》专题宣贯培训会",
        form: "集中宣贯培训",
        mode: "线下",
        content: "《条例》",
        participants: 120,
        is_public: "是",
        audience: "机关事业单位",
        theme: "无",
      },
      {
        date: { input: "2023-05-20" },
        title: "《国家标准化发展纲要》企业调研座谈",
        form: "调研研讨",
        mode: "线上",
        content: "《纲要》",
        participants: 100,
        is_public: "否",
        audience: "民营企业",
      },
      {
        date: { input: "2023-10-14" },
        title: "世界标准日主题宣传活动",
        form: "工作成效宣传",
        mode: "线上线下结合",
        content: "《条例》和《纲要》",
        participants: 150,
        is_public: "是",
        audience: "社会公众",
        theme: "世界标准日",
      },
    ],
    media: [
      {
        date: { input: "2023-10-15" },
        channel: "微信公众号",
        outlet: "南开市场监管",
        title: "南开区开展世界标准日宣传活动",
        url: "https://mp.weixin.qq.com/s/abc123",
      },
    ],
    evidence: [
      {
        name: "培训签到表",
        kind: "签到表",
        related_event: "《天津市标准化条例》专题宣贯培训会",
        location: "附件1-签到表.pdf",
      },
      { name: "世界标准日活动照片", kind: "照片", related_event: "世界标准日主题宣传活动", location: "附件2-照片.zip" },
    ],
  },
};

/** A correct 阶段性总结 of a city-level association (no credit code or e-mail, a mobile number). */
export const CORRECT_STAGE: Report = changed(CORRECT, {
  set: {
    report_type: "阶段性总结",
    unit_name: "天津市标准化协会",
    unit_category: "行业协会商会",
    district: "市级",
    credit_code: null,
    contact_phone: 13812345678,
    contact_email: null,
    fill_date: { input: "2023-06-20" },
    regulation_participants: 80,
    outline_participants: 60,
    training_sessions: 2,
  },
  rows: {
    events: [
      {
        date: { input: "2023-03-10" },
        title: "会员单位《条例》宣贯会",
        form: "集中宣贯培训",
        mode: "线下",
        content: "《条例》",
        participants: 80,
        is_public: "是",
        audience: "民营企业",
      },
      {
        date: { input: "2023-04-22" },
        title: "《纲要》线上公益讲座",
        form: "集中宣贯培训",
        mode: "线上",
        content: "《纲要》",
        participants: 60,
        is_public: "是",
        audience: "社会公众",
      },
    ],
    media: [
      {
        date: { input: "2023-04-25" },
        channel: "网站",
        outlet: "天津市标准化协会网站",
        title: "协会举办《纲要》公益讲座",
        url: "http://www.example.org.cn/news/1",
      },
    ],
    evidence: [{ name: "宣贯会通知", kind: "通知文件", related_event: "会员单位《条例》宣贯会", location: "通知.pdf" }],
  },
});

/** The correct 年度总结 (河西区) the first fixtures of test/fixtures/lo were filled with. */
export const FIRST_FIXTURES: Report = changed(CORRECT, {
  set: {
    unit_name: "天津市河西区市场监督管理局",
    district: "河西区",
    credit_code: "11120103MB12345678",
    contact_name: "王芳",
    contact_phone: "022-23456789",
    contact_email: "wangfang@hx.example.cn",
    fill_date: { input: "2023-11-05" },
    org_measures: "成立标准化研学工作专班，制定年度研学实施方案，明确任务分工和时间节点，按月调度推进。",
    regulation_participants: 150,
    outline_participants: 200,
    training_sessions: 2,
    public_sessions: 1,
    highlights: "组织辖区企业开展《天津市标准化条例》专题宣贯，指导三家企业主导制定团体标准，研学成效明显。",
    publicity_summary: "在区融媒体中心和微信公众号发布研学报道。",
    next_steps: "继续深化研学宣贯，扩大企业覆盖面，推动标准化工作与区域产业发展深度融合。",
  },
  rows: {
    events: [
      {
        date: { input: "2023-06-15" },
        title: "《天津市标准化条例》专题宣贯培训",
        form: "集中宣贯培训",
        mode: "线下",
        content: "《条例》",
        participants: 150,
        is_public: "是",
        audience: "机关事业单位",
        theme: "无",
      },
      {
        date: { input: "2023-10-14" },
        title: "《国家标准化发展纲要》研学座谈会",
        form: "会议座谈交流",
        mode: "线上线下结合",
        content: "《纲要》",
        participants: 200,
        is_public: "否",
        audience: "民营企业",
        theme: "世界标准日",
        note: "邀请专家解读",
      },
    ],
    media: [
      {
        date: { input: "2023-06-16" },
        channel: "微信公众号",
        outlet: "河西市场监管",
        title: "我区开展标准化条例专题宣贯培训",
        url: "https://mp.weixin.qq.com/s/abc123",
      },
    ],
    evidence: [
      {
        name: "培训通知",
        kind: "通知文件",
        related_event: "《天津市标准化条例》专题宣贯培训",
        location: "附件1-培训通知.pdf",
      },
      {
        name: "培训签到表",
        kind: "签到表",
        related_event: "《天津市标准化条例》专题宣贯培训",
        location: "附件2-签到表.pdf",
      },
    ],
  },
});

/** The correct 年度总结 (河西区) the 自检 cases of ../selfcheck-cases.ts break one rule at a time. */
export const SELF_CHECK_BASE: Report = changed(CORRECT, {
  set: {
    year: 2023,
    unit_name: "天津市河西区市场监督管理局",
    district: "河西区",
    credit_code: "11120103MB12345678",
    contact_name: "张三",
    contact_email: "zhangsan@example.com",
    org_measures: "成立研学行动工作专班，制定实施方案，按月调度推进，组织系统内干部职工开展自我研学和集中宣贯。",
    regulation_participants: 150,
    outline_participants: 100,
    highlights: "结合世界标准日开展公益性宣贯，面向辖区民营企业解读《天津市标准化条例》，企业反响良好。",
    publicity_summary: "在区政务网站和微信公众号发布研学行动报道，扩大标准化宣传覆盖面。",
    next_steps: "常态化推进标准化研学，建立长效机制，培育师资力量，持续开展面向企业的宣贯培训。",
  },
  rows: {
    events: [
      {
        date: { input: "2023-06-05" },
        title: "《天津市标准化条例》专题宣贯会",
        form: "集中宣贯培训",
        mode: "线下",
        content: "《条例》",
        participants: 100,
        is_public: "是",
        audience: "机关事业单位",
        theme: "无",
      },
      {
        date: { input: "2023-06-12" },
        title: "《国家标准化发展纲要》学习座谈",
        form: "会议座谈交流",
        mode: "线上",
        content: "《纲要》",
        participants: 50,
        is_public: "否",
      },
      {
        date: { input: "2023-09-20" },
        title: "世界标准日民营企业宣贯",
        form: "集中宣贯培训",
        mode: "线上线下结合",
        content: "《条例》和《纲要》",
        participants: 30,
        is_public: "是",
        audience: "民营企业",
        theme: "世界标准日",
        note: "=与区工商联联合举办",
      },
    ],
    media: [
      {
        date: { input: "2023-06-06" },
        channel: "网站",
        outlet: "天津政务网",
        title: "河西区开展标准化研学宣贯",
        url: "https://www.tj.gov.cn/",
      },
    ],
    evidence: [
      {
        name: "6月5日宣贯会签到表",
        kind: "签到表",
        related_event: "《天津市标准化条例》专题宣贯会",
        location: "附件1-签到表.pdf",
      },
    ],
  },
});

/** The correct report (和平区) the rule and judge tests of test/core change one value at a time (test/helpers/report-builder.ts). */
export const RULE_TESTS_BASE: Report = changed(CORRECT, {
  set: {
    year: 2023,
    unit_name: "天津市和平区市场监督管理局",
    district: "和平区",
    credit_code: "11120101MB1234567B",
    contact_name: "张永来",
    contact_email: "scjgbzhc@tj.gov.cn",
    fill_date: { input: "2023-11-05" },
    org_measures: "成立研学行动工作专班，制定年度研学计划，明确责任分工，定期调度推进。",
    outline_participants: 250,
    training_sessions: 2,
    public_sessions: 1,
    highlights: "结合世界标准日开展集中宣贯，组织企业座谈交流，形成典型案例两项。",
    publicity_summary: "在天津日报、政务网站等媒体发布宣传报道，扩大研学行动影响。",
    next_steps: "持续推进常态化研学，加强对重点产业链企业的标准化宣贯与技术服务。",
  },
  rows: {
    events: [
      {
        date: { input: "2023-06-15" },
        title: "《天津市标准化条例》集中宣贯培训会",
        form: "集中宣贯培训",
        mode: "线下",
        content: "《条例》和《纲要》",
        participants: 200,
        is_public: "是",
        audience: "民营企业",
        theme: "无",
      },
      {
        date: { input: "2023-09-10" },
        title: "标准化工作座谈交流会",
        form: "会议座谈交流",
        mode: "线上",
        content: "《条例》",
        participants: 100,
        is_public: "否",
        audience: "机关事业单位",
        theme: "质量月",
      },
    ],
    media: [
      {
        date: { input: "2023-06-16" },
        channel: "报纸",
        outlet: "天津日报",
        title: "和平区开展标准化研学行动",
        url: "https://www.tj.gov.cn/news/1.html",
      },
    ],
    evidence: [
      {
        name: "宣贯培训签到表",
        kind: "签到表",
        related_event: "《天津市标准化条例》集中宣贯培训会",
        location: "签到表.pdf",
      },
    ],
  },
});

/** The correct report the locate and file-reading tests put into template grids and workbooks (test/core/locate-helpers.ts). */
export const LOCATE_TESTS_BASE: Report = changed(CORRECT, {
  set: {
    year: 2023,
    unit_name: "天津市某某区市场监督管理局",
    district: "和平区",
    credit_code: "",
    contact_name: "张三",
    contact_phone: "13812345678",
    contact_email: "zhangsan@example.com",
    org_measures: "成立研学工作专班，制定实施方案，明确任务分工和时间节点，定期调度推进。",
    regulation_participants: 150,
    outline_participants: 120,
    training_sessions: 2,
    public_sessions: 1,
    highlights: "组织企业开展标准化条例专题培训，推动多家企业主导制定团体标准，成效明显。",
    publicity_summary: "在区融媒体中心和微信公众号发布研学报道。",
    next_steps: "继续深化研学宣贯，扩大覆盖面，推动标准化工作与产业发展深度融合。",
  },
  rows: {
    events: [
      {
        date: { input: "2023-06-15" },
        title: "《天津市标准化条例》专题培训",
        form: "集中宣贯培训",
        mode: "线下",
        content: "《条例》",
        participants: 150,
        is_public: "是",
      },
      {
        date: { input: "2023-09-20" },
        title: "纲要研学座谈会",
        form: "会议座谈交流",
        mode: "线上",
        content: "《纲要》",
        participants: 120,
        is_public: "否",
      },
    ],
    media: [
      {
        date: { input: "2023-06-16" },
        channel: "微信公众号",
        outlet: "某某区市场监管",
        title: "我区开展标准化条例专题培训",
        url: "https://example.com/a",
      },
    ],
    evidence: [
      { name: "培训通知", kind: "通知文件", related_event: "《天津市标准化条例》专题培训", location: "通知.pdf" },
    ],
  },
});

type Plain = string | number;

/** What `input` leaves in a cell, as the plain-value test helpers write it (dates as ISO text). */
function plain(v: Input): Plain {
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "object" && "input" in v) return v.input;
  if (typeof v === "object") throw new Error(`no plain value for ${JSON.stringify(v)}`);
  return v;
}

/** A report's single fields as plain values by field id. */
export function plainFields(report: Report): Record<string, Plain> {
  return Object.fromEntries(
    Object.entries(report.fields).flatMap(([id, v]) => (v === undefined ? [] : [[id, plain(v)]])),
  );
}

/** A report's rows of one table as plain values by column id (empty rows left out). */
export function plainRows(report: Report, table: TableId): Record<string, Plain>[] {
  return (report.tables[table] ?? []).flatMap((row) =>
    row
      ? [Object.fromEntries(Object.entries(row).flatMap(([id, v]) => (v === undefined ? [] : [[id, plain(v)]])))]
      : [],
  );
}
