/**
 * The bureau's own summary: one paragraph from a merge's totals, ready to paste into the bureau's
 * 总结 to the commission (全市共N个单位报送年度总结，组织研学宣贯培训X次…), naming the units still
 * missing when a roster was given. Every host shows these words (统计's first row, `merge`'s output,
 * the task pane), so they are written here only.
 *
 * The scope is whose summary it is: given (`--scope`), else the one district every merged unit states
 * (a district bureau's units are all of its district), else 全市.
 */
import { CITY_LEVEL_DISTRICT } from "./definition";
import type { MergeResult } from "./merge/model";

export interface ParagraphOptions {
  /** Whose summary it is (全市, 和平区, 滨海新区…); default: scopeOf(result). */
  readonly scope?: string;
}

export const CITY_SCOPE = "全市";
/** What the command line prints above the paragraph. */
export const PARAGRAPH_INTRO = "总结段落（可直接粘贴到本单位的总结中；也在总表“统计”工作表开头）：";
export const MAX_SCOPE_CHARS = 20;
/** Missing units named in the paragraph; beyond these it says 等N个单位 (未报送单位 lists them all). */
const NAMED_MISSING = 20;

/** A scope as typed (trimmed), or null when it cannot stand in the sentence: blank, too long, or with line breaks or control characters. */
export function scopeText(text: string): string | null {
  const t = text.trim();
  return t === "" || [...t].length > MAX_SCOPE_CHARS || /[\p{Cc}\p{Cf}]/u.test(t) ? null : t;
}

/** The one district every merged unit states (市级 aside: the city's own units), else 全市. */
export function scopeOf(result: MergeResult): string {
  const districts = new Set<string>();
  for (const u of result.units) {
    const d = u.values.district;
    if (typeof d === "string") districts.add(d);
  }
  const [only] = districts;
  return districts.size === 1 && only !== CITY_LEVEL_DISTRICT ? only : CITY_SCOPE;
}

/** 2023年度总结, 2023年阶段性总结; without the year when the units state none or several. */
function reportName(result: MergeResult): string {
  const type = result.summary.reportType;
  if (type === null) return "总结";
  const years = new Set(result.units.map((u) => u.values.year).filter((y) => typeof y === "number"));
  if (years.size !== 1) return type;
  const [year] = years;
  return type === "年度总结" ? `${year}年度总结` : `${year}年${type}`;
}

function missingSentence(result: MergeResult): string {
  const roster = result.roster;
  if (!roster) return "";
  const missing = roster.missing;
  if (missing.length === 0) return "名单中的单位均已报送。";
  const names = missing.slice(0, NAMED_MISSING).map((u) => u.name);
  const more = missing.length > NAMED_MISSING ? `等${missing.length}个单位` : "";
  return `尚有${missing.length}个单位未报送：${names.join("、")}${more}。`;
}

export function summaryParagraph(result: MergeResult, options: ParagraphOptions = {}): string {
  const scope = options.scope ?? scopeOf(result);
  const { units, headcounts, tableRows } = result.totals;
  const count = (id: string) => headcounts[id] ?? 0;
  const reported =
    units === 0
      ? `${scope}尚无单位报送${reportName(result)}。`
      : `${scope}共${units}个单位报送${reportName(result)}` +
        (result.summary.unitsWithErrors > 0
          ? `（其中${result.summary.unitsWithErrors}个单位的报表尚有错误，数字待核实）`
          : "") +
        `，组织研学宣贯培训${count("training_sessions")}次，其中公益性宣贯${count("public_sessions")}次；` +
        `参加《天津市标准化条例》研学${count("regulation_participants")}人次、` +
        `《国家标准化发展纲要》研学${count("outline_participants")}人次；` +
        `填报研学宣贯活动${tableRows.events ?? 0}场、宣传报道${tableRows.media ?? 0}篇。`;
  return reported + missingSentence(result);
}
