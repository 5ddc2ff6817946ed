/** Choices from a list, spec §3: trimmed, full-/half-width folded (`（）` = `()`, `《》` kept), else exact. */
import { foldWidth } from "../text";
import { type CellValue } from "../model";
import { normaliseText } from "./text";
import { accepted, rejected, type Normalised } from "./result";

const foldCache = new WeakMap<readonly string[], Map<string, string>>();

/** Folded spelling → the option as the definition writes it. */
function lookup(options: readonly string[]): Map<string, string> {
  let map = foldCache.get(options);
  if (!map) {
    map = new Map(options.map((o) => [foldWidth(o).trim(), o]));
    foldCache.set(options, map);
  }
  return map;
}

export function normaliseEnum(v: CellValue, options: readonly string[]): Normalised<string> {
  const expected = `应为以下选项之一：${options.join("、")}`;
  const text = normaliseText(v);
  if (!text.ok) return rejected(`${expected}；${text.problem}`);
  const option = lookup(options).get(foldWidth(text.value).trim());
  return option !== undefined ? accepted(option) : rejected(`${expected}，填写的是“${text.value}”`);
}
