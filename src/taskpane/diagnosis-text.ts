/** 宿主诊断's report as plain text: what a unit copies and sends back (one line a fact). */
import type { Diagnosis, FactVerdict } from "../ports/diagnosis";

export const VERDICT_WORDS: Readonly<Record<FactVerdict, string>> = {
  "as-assumed": "与假设一致",
  differs: "与假设不同",
  "not-checked": "未检查",
};

export function diagnosisText(d: Extract<Diagnosis, { kind: "diagnosed" }>, at: Date): string {
  const lines = d.facts.map((f) => `事实 ${f.fact}｜${f.title}｜${VERDICT_WORDS[f.verdict]}｜${f.seen}`);
  const count = (v: FactVerdict) => d.facts.filter((f) => f.verdict === v).length;
  const summary = `共 ${d.facts.length} 项：与假设一致 ${count("as-assumed")}，与假设不同 ${count("differs")}，未检查 ${count("not-checked")}`;
  return [`研学行动总结加载项 宿主诊断`, `宿主：${d.host}`, `时间：${at.toISOString()}`, summary, ...lines].join("\n");
}
