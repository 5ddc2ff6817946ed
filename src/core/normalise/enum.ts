/** Choices from a list, spec §3: trimmed, full-/half-width folded (`（）` = `()`, `《》` kept), else exact. */
import { type CellValue } from "../model";
import { normaliseText } from "./text";
import { accepted, rejected, type Normalised, fold } from "./result";

const foldCache = new WeakMap<readonly string[], Map<string, string>>();

/** Folded spelling → the option as the definition writes it. */
function lookup(options: readonly string[]): Map<string, string> {
  let map = foldCache.get(options);
  if (!map) {
    map = new Map(options.map((o) => [fold(o).trim(), o]));
    foldCache.set(options, map);
  }
  return map;
}

export function normaliseEnum(v: CellValue, options: readonly string[]): Normalised<string> {
  const text = normaliseText(v);
  const map = lookup(options);
  const option = text.ok ? (map.get(text.value) ?? map.get(fold(text.value).trim())) : undefined;
  if (option !== undefined) return accepted(option);
  const expected = `应为以下选项之一：${options.join("、")}`;
  return rejected(text.ok ? `${expected}，填写的是“${text.value}”` : `${expected}；${text.problem}`);
}
