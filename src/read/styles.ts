/**
 * Which cell styles (the `s` of a cell) show a date: a number in such a cell reaches the core as a
 * Date, as it always has from exceljs (its rule: a built-in date format, or a custom format code
 * with y, m, d, h, s or b outside quotes and brackets). Nothing else of the styles is read.
 */
import { parseXml } from "./xml";

/** Built-in number formats that are dates (ECMA-376 ids 14-22 and 45-47). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Style index → whether numbers in it are dates. Index 0 never is (exceljs ignores s="0"). */
export function parseDateStyles(bytes: Uint8Array): readonly boolean[] {
  const customFormats = new Map<number, string>();
  const formatIds: number[] = [];
  const open: string[] = [];
  parseXml(bytes, {
    open(tag, attributes, selfClosing) {
      const parent = open[open.length - 1];
      if (tag === "numFmt" && parent === "numFmts") {
        const a = attributes();
        customFormats.set(parseInt(a.numFmtId ?? "", 10), a.formatCode ?? "");
      } else if (tag === "xf" && parent === "cellXfs") formatIds.push(parseInt(attributes().numFmtId ?? "0", 10));
      if (!selfClosing) open.push(tag);
    },
    close(tag) {
      if (open[open.length - 1] === tag) open.pop();
    },
  });
  return formatIds.map((id, index) => {
    if (index === 0 || !id) return false;
    const custom = customFormats.get(id);
    return custom ? isDateFormat(custom) : BUILT_IN_DATE_FORMATS.has(id);
  });
}
