/**
 * The LibreOffice fixtures of test/fixtures/lo (read by test/xlsx/read-lo-fixtures.test.ts): each a
 * starting report, its differences by field and column id, and the layout steps a unit took.
 * `npm run fixtures:plans` writes their PLAN.json; test/lo/plans.test.ts checks the committed ones.
 */
import { SHEETS } from "../../../src/core/definition";
import type { PlanCase } from "./case";
import { FIRST_FIXTURES } from "./reports";

/** Table-rule edits, saved both as .xlsx and as .xlsm. */
const RULES_TABLES: PlanCase = {
  base: FIRST_FIXTURES,
  rows: {
    events: {
      0: { date: { input: "2022-12-30" } },
      1: { date: "2023-13-45" },
      2: {
        date: { input: "2023-07-01" },
        title: "标准化讲座",
        form: "讲座",
        mode: "线下",
        content: "《条例》",
        participants: "12.5",
        is_public: "是",
      },
      3: {
        date: { input: "2023-08-08" },
        form: "技术服务",
        mode: "线上",
        content: "《条例》",
        participants: 6000,
        is_public: "否",
        audience: "国有企业",
        theme: "质量月",
      },
    },
    media: {
      1: {
        date: { input: "2023-11-20" },
        channel: "网站",
        outlet: "天津市河西区人民政府网",
        title: "河西区标准化研学活动综述",
        url: "www.example.com/news",
      },
    },
    evidence: [
      {
        name: "培训通知",
        kind: "通知文件",
        related_event: "《天津市标准化条例》专题宣贯培训",
        location: "附件1-培训通知.pdf",
      },
      { name: "活动照片", related_event: "《国家标准化发展纲要》研学座谈会", location: "附件3-照片.zip" },
    ],
  },
};

export const LO_CASES: Readonly<Record<string, PlanCase>> = {
  correct: { base: FIRST_FIXTURES },
  "correct-ods": { base: FIRST_FIXTURES },
  "correct-xls": { base: FIRST_FIXTURES },
  "dates-as-text": {
    base: FIRST_FIXTURES,
    set: { fill_date: "2023年11月5日" },
    rows: {
      events: { 0: { date: { input: "2023/6/15" } }, 1: { date: "2023.10.14" } },
      media: { 0: { date: "6月16日" } },
    },
  },
  formulas: {
    base: FIRST_FIXTURES,
    set: {
      contact_email: { formula: "=1/0" },
      regulation_participants: { formula: "=100+50" },
      training_sessions: { formula: "=1+1" },
      public_sessions: { formula: "=2-1" },
      publicity_summary: { formula: '=""' },
    },
  },
  "inserted-rows": {
    base: FIRST_FIXTURES,
    set: { contact_phone: "1381234567" },
    rows: { events: { 1: { is_public: "公益" } } },
    after: [
      { insert_rows: SHEETS.basic, before: 3, count: 2 },
      { insert_rows: SHEETS.events, before: 5, count: 2 },
    ],
  },
  "renamed-sheet": {
    base: FIRST_FIXTURES,
    rows: { events: { 1: { mode: "现场" } } },
    after: [
      { rename_sheet: SHEETS.events, to: "活动" },
      { rename_sheet: SHEETS.basic, to: "基本信息" },
    ],
  },
  "rich-text": {
    base: FIRST_FIXTURES,
    set: {
      unit_name: "天津ABC标准化Technology有限公司",
      unit_category: "企业",
      district: "滨海新区",
      credit_code: "91120116MA05K2RT3H",
      contact_name: "Li Ming 李明",
      public_sessions: 0,
    },
    rows: {
      events: {
        0: {
          title: "ISO 9001与《条例》Workshop",
          is_public: "否",
          audience: "民营企业",
          note: "Speaker: 张教授 (TJU)",
        },
      },
      media: [
        {
          date: { input: "2023-06-16" },
          channel: "报纸",
          outlet: "Tianjin Daily 天津日报",
          title: "ABC公司开展标准化Study活动",
          url: "https://example.com/news/1",
        },
      ],
    },
  },
  "rules-basic": {
    base: FIRST_FIXTURES,
    set: {
      unit_category: "区级行政主管部门",
      district: "市级",
      credit_code: "11120103MB12345679",
      contact_phone: "12345",
      contact_email: "wangfang#hx.example.cn",
      sealed: "否",
      org_measures: null,
      regulation_participants: "若干",
      outline_participants: "约200",
      training_sessions: 1,
      public_sessions: 3,
      highlights: "成效明显",
    },
  },
  "rules-stage": {
    base: FIRST_FIXTURES,
    set: {
      report_type: "阶段性总结",
      unit_name: "天津市某某标准化研究院",
      unit_category: "标准化技术机构",
      district: "市级",
      fill_date: { input: "2023-06-20" },
      regulation_participants: 0,
      outline_participants: 0,
      public_sessions: 0,
    },
    rows: {
      events: [
        {
          date: { input: "2023-05-10" },
          title: "企业标准化良好行为培训",
          form: "技术服务",
          mode: "线下",
          content: "其他标准化内容",
          participants: 30,
          is_public: "否",
        },
        {
          date: { input: "2023-07-05" },
          title: "团体标准编写辅导",
          form: "技术服务",
          mode: "线上",
          content: "其他标准化内容",
          participants: 40,
          is_public: "否",
        },
      ],
      media: { 0: null },
      evidence: { 0: null, 1: null },
    },
  },
  "rules-tables": RULES_TABLES,
  // The same edits saved by LibreOffice as a macro-enabled workbook.
  "rules-tables-xlsm": RULES_TABLES,
  "rules-totals": {
    base: FIRST_FIXTURES,
    set: {
      credit_code: "1112010",
      contact_name: "王芳（综合科科长兼标准化工作联络员、办公室副主任）",
      fill_date: { input: "2023-11-15" },
      regulation_participants: 100,
      outline_participants: 150,
      public_sessions: 0,
    },
  },
  "stage-explained": {
    base: FIRST_FIXTURES,
    set: { report_type: "阶段性总结", fill_date: { input: "2023-06-28" }, sealed: "否" },
    rows: {
      events: { 1: { date: { input: "2023-06-20" } } },
      explanations: [
        {
          rule: "deadline.late",
          location: "基本情况!C15",
          text: "因单位内部审批流程，于6月28日报送，已电话向市场监管委报备。",
        },
      ],
    },
  },
};
