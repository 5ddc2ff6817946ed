/** Text folding shared by normalisation, label matching and unit identity. */

/**
 * Full-width ASCII (！ to ～) and the ideographic space become their half-width forms.
 * 《》 are not in that range and are kept, as the spec asks.
 */
export function foldWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Trimmed, width-folded, inner white space collapsed: what two people typing "the same" agree on. */
export function canonicalText(s: string): string {
  return foldWidth(s).replace(/\s+/g, " ").trim();
}

/**
 * A label as a key for finding moved fields: width-folded, without white space, the required
 * marker `*`, or trailing colons.
 */
export function labelKey(s: string): string {
  return foldWidth(s)
    .replace(/\s+/g, "")
    .replace(/^\*+|\*+$/g, "")
    .replace(/[:：]+$/, "");
}
