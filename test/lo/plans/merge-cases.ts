/**
 * The LibreOffice-filled reports of test/fixtures/lo-merge (read by test/merge/copied-files.test.ts):
 * one batch as a bureau receives it, where units started from each other's files. 南开 reports and
 * resubmits; 红桥 started from 南开's file and kept its credit code; the 标准化协会 started from
 * 红桥's copy and kept it too; 河西, not on the roster, reports on its own. The roster is
 * test/fixtures/rosters (南开, 红桥, 协会, 𠀀研究院). `npm run fixtures:plans` writes their PLAN.json;
 * scripts/make-lo-merge-fixtures.sh fills them.
 */
import type { PlanCase } from "./case";
import { CORRECT } from "./reports";

/** 南开's first report: CORRECT as it is, filled on 11月5日. */
const NANKAI: PlanCase = { base: CORRECT, set: { fill_date: { input: "2023-11-05" } } };

/** 南开's file with another unit's name, district and figures typed over it: the credit code left as it was. */
const COPIED = {
  contact_name: "赵红",
  contact_phone: "022-27350000",
  contact_email: "zhaohong@example.com",
} as const;

export const MERGE_CASES: Readonly<Record<string, PlanCase>> = {
  nankai: NANKAI,
  "nankai-resubmitted": {
    base: CORRECT,
    set: { fill_date: { input: "2023-11-08" }, regulation_participants: 320, outline_participants: 280 },
  },
  "hongqiao-copied": {
    base: CORRECT,
    set: {
      ...COPIED,
      unit_name: "天津市红桥区市场监督管理局",
      district: "红桥区",
      fill_date: { input: "2023-11-06" },
      regulation_participants: 410,
    },
  },
  "association-copied": {
    base: CORRECT,
    set: {
      ...COPIED,
      unit_name: "天津市标准化协会",
      unit_category: "行业协会商会",
      district: "市级",
      fill_date: { input: "2023-11-07" },
      regulation_participants: 500,
    },
  },
  hexi: {
    base: CORRECT,
    set: {
      unit_name: "天津市河西区市场监督管理局",
      district: "河西区",
      credit_code: "11120103MB12345678",
      fill_date: { input: "2023-11-02" },
      regulation_participants: 330,
    },
  },
};
