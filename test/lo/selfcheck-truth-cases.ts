/**
 * Reports the issue found 自检 passing while `check` rejected them, and their neighbours: values `check`
 * reads with a warning (约420人, 三百, 6月5日, +86 phones), values it rejects (text in an event's 参加人次,
 * a short phone, an e-mail without a domain, half-filled event and media rows), each as a change to the
 * correct report of selfcheck-cases.ts. What each must show is not written here: the test compares
 * 自检 with `check` on the same recalculated file.
 */
import { tableById } from "../../src/core/definition";
import { base, planOf, type PlanStep, type Report } from "./selfcheck-cases";

export interface TruthCase {
  readonly name: string;
  readonly plan: PlanStep[];
}

function edited(name: string, edit: (r: Report) => void): TruthCase {
  const r = base();
  edit(r);
  return { name, plan: planOf(r) };
}

const longText = (n: number) => "标".repeat(n);

export const TRUTH_CASES: readonly TruthCase[] = [
  edited("approximate-total-and-text-participants", (r) => {
    r.fields.regulation_participants = "约420人";
    r.events[1]!.participants = "若干";
  }),
  edited("chinese-numeral-headcount", (r) => (r.fields.outline_participants = "三百")),
  edited("chinese-numeral-event-participants", (r) => (r.events[0]!.participants = "一百")),
  edited("malformed-phone-and-email", (r) => {
    r.fields.contact_phone = "022-2718213";
    r.fields.contact_email = "zhangsan@example";
  }),
  edited("phone-with-country-code", (r) => (r.fields.contact_phone = "+86 138 1234 5678")),
  edited("phone-with-extension", (r) => (r.fields.contact_phone = "022-27182133转8001")),
  edited("landline-with-extension-after-dash", (r) => (r.fields.contact_phone = "27182133-801")),
  edited("mobile-with-86", (r) => (r.fields.contact_phone = "8613812345678")),
  edited("phone-nine-digits", (r) => (r.fields.contact_phone = "022-2718-213")),
  edited("mobile-grouped", (r) => (r.fields.contact_phone = "138-1234-5678")),
  edited("email-with-plus", (r) => (r.fields.contact_email = "zhang.san+yx@tj-gov.example.cn")),
  edited("email-with-space", (r) => (r.fields.contact_email = "zhang san@example.com")),
  edited("credit-code-with-letter-o", (r) => (r.fields.credit_code = "11120103MB123456O7")),
  edited("half-filled-event-and-media-rows", (r) => {
    r.events.push({ title: "只写了名称的活动" });
    r.media.push({ outlet: "天津日报" });
  }),
  edited("evidence-row-without-name", (r) => r.evidence.push({ location: "附件2.pdf" })),
  edited("event-option-typo", (r) => (r.events[2]!.mode = "线上+线下")),
  edited("event-date-text-outside-year", (r) => (r.events[1]!.date = "2022-06-12")),
  edited("event-date-month-day", (r) => (r.events[1]!.date = "6月12日")),
  edited("media-date-unreadable", (r) => (r.media[0]!.date = "六月上旬")),
  edited("fill-date-month-day", (r) => (r.fields.fill_date = "11月1日")),
  edited(
    "event-title-too-long",
    (r) => (r.events[0]!.title = longText(tableById("events").columns.find((c) => c.id === "title")!.maxLength! + 1)),
  ),
  edited("event-participants-negative-text", (r) => (r.events[0]!.participants = "-5")),
];
