/**
 * The spellings `check` reads (spec §3 and the normalisers' own test lists: src/core/normalise), each
 * typed into the correct report of selfcheck-cases.ts, for the one-verdict sweep (selfcheck-truth and
 * the Gnumeric test). A report carries one spelling per slot (two headcount fields and an event's
 * 参加人次, 填报日期 and an event's and a report's date, the phone, the year, the credit code, the
 * e-mail, a link), so the sweep needs tens of recalculated files rather than hundreds; verdicts are
 * compared rule by rule and field by field, which keeps slots apart.
 */
import { base, planOf, type Report, type Row } from "./selfcheck-cases";
import type { TruthCase } from "./selfcheck-truth-cases";

/** Headcounts: read plainly, read with a note (normalised or approximate), and rejected. */
export const HEADCOUNTS: readonly (string | number)[] = [
  "120",
  "120.0",
  "１２０",
  "1,200",
  "１，２００",
  " 120 ",
  "0",
  "十百",
  "120人",
  "120人次",
  "3次",
  "3场",
  "3场次",
  "12名",
  "2期",
  "5个",
  "一百二十",
  "两千零五",
  "十五",
  "1.2万",
  "3万",
  "一万零五十人次",
  "约120",
  "120余人",
  "100多",
  "120+",
  "大约 300 人次",
  "一百多人",
  "约计80",
  "将近200",
  "近100",
  "50以上",
  "30左右",
  "约120余人",
  "120人余",
  "12.5",
  "-3",
  "若干",
  "—",
  "/",
  "无",
  "1,2",
  "12,5",
  "1e3",
  "人次",
  "多",
  "百",
  "二三百",
  "1.23456万",
  "1人2",
  "120人人",
  "约约120",
  "120.",
  "1 200",
  12.5,
  -3,
  120,
];

/** Dates: written out, with a year, without one (6月5日: read in the report year), and rejected. */
export const DATES: readonly string[] = [
  "2023-06-05",
  "2023/6/5",
  "2023.6.5",
  "2023年6月5日",
  "2023年6月5号",
  "２０２３－０６－０５",
  " 2023-6-5 ",
  "2023年 6月 5日",
  "6月5日",
  "6月5号",
  "2023-02-30",
  "2023-13-01",
  "2024-02-29",
  "2023-6/5",
  "2023年6-5",
  "6/5",
  "6月32日",
  "明天",
  "20230605",
  "23-6-5",
  "2023-06-123",
  "0999-01-01",
  "2022-12-31",
];

/** Phone shapes: mobiles, landlines with and without 022, extensions, and near misses. */
export const PHONES: readonly (string | number)[] = [
  "13812345678",
  "138-1234-5678",
  "138 1234 5678",
  "1381234-5678",
  "+86 138-1234-5678",
  "8613812345678",
  "86-13812345678",
  "022-27182133",
  "02227182133",
  "（022）27182133",
  "(022)-27182133",
  "2718-2133",
  "022-27182133-8001",
  "2718-2133-801",
  "022-27182133转8001",
  "27182133 EXT.801",
  13812345678,
  "1381234567-8",
  "12812345678",
  "138123456789",
  "电话",
  "010-1234567",
  "1381-234-5678",
  "022-271-82133",
  "27182133-1234567",
];

export const YEARS: readonly (string | number)[] = [
  2023,
  "2023",
  "２０２３",
  "2023年",
  "2023年度",
  "2023.0",
  "2023度",
  "23",
  "二〇二三年",
  2101,
  "2023年x",
];

export const CREDIT_CODES: readonly string[] = [
  "11120103MB12345678",
  "11120103mb12345678",
  "１１１２０１０３ＭＢ１２３４５６７８",
  "11120103 MB12345678",
  "11120103MB1234567X",
  "91350100M000100Y43",
  "91350100M000100Y44",
  "11120103MB123456O7",
  "11120103MB1234567",
];

export const EMAILS: readonly string[] = [
  "zhangsan@example.com",
  "zhang.san+yx@tj-gov.example.cn",
  "ZhangSan@Example.COM",
  "zhang san@example.com",
  "zhangsan@example",
  "abc@",
  "abc",
  "a@b",
  "a@b.c",
  "a@.example.com",
  "a@example..com",
  "a@@example.com",
];

export const URLS: readonly string[] = [
  "https://www.tj.gov.cn/a?b=1",
  "http://example.com",
  "HTTPS://news.cn:8080/x",
  "http://天津.中国/新闻",
  "www.example.com",
  "ftp://x.cn",
  "https://",
  "见附件",
  "https://a..b/x",
  "https://.example.com",
  "https://example.com/a b",
];

/** The i-th of `k` equal parts of a list: one slot's share. */
function share<T>(list: readonly T[], k: number, part: number): readonly T[] {
  const size = Math.ceil(list.length / k);
  return list.slice(part * size, (part + 1) * size);
}

/** Sweep report i: the correct report with the i-th spelling of every slot's share of its list. */
function sweepReport(i: number): Report {
  const r = base();
  const at = <T>(list: readonly T[], k: number, part: number): T | undefined => share(list, k, part)[i];
  const set = <T>(value: T | undefined, put: (v: T) => void) => value !== undefined && put(value);
  set(at(HEADCOUNTS, 3, 0), (v) => (r.fields.training_sessions = v));
  set(at(HEADCOUNTS, 3, 1), (v) => (r.fields.outline_participants = v));
  set(at(HEADCOUNTS, 3, 2), (v) => ((r.events[0] as Row).participants = v));
  set(at(DATES, 3, 0), (v) => (r.fields.fill_date = v));
  set(at(DATES, 3, 1), (v) => ((r.events[1] as Row).date = v));
  set(at(DATES, 3, 2), (v) => ((r.media[0] as Row).date = v));
  set(at(PHONES, 1, 0), (v) => (r.fields.contact_phone = v));
  set(at(YEARS, 1, 0), (v) => (r.fields.year = v));
  set(at(CREDIT_CODES, 1, 0), (v) => (r.fields.credit_code = v));
  set(at(EMAILS, 1, 0), (v) => (r.fields.contact_email = v));
  set(at(URLS, 1, 0), (v) => ((r.media[0] as Row).url = v));
  return r;
}

const LONGEST = Math.max(
  ...[
    [HEADCOUNTS, 3],
    [DATES, 3],
    [PHONES, 1],
    [YEARS, 1],
    [CREDIT_CODES, 1],
    [EMAILS, 1],
    [URLS, 1],
  ].map(([list, k]) => Math.ceil((list as readonly unknown[]).length / (k as number))),
);

export const SWEEP_CASES: readonly TruthCase[] = Array.from({ length: LONGEST }, (_, i) => ({
  name: `sweep-${String(i + 1).padStart(2, "0")}`,
  plan: planOf(sweepReport(i)),
}));
