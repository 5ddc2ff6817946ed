/**
 * File names for the units' feedback workbooks: named after the unit, safe on Windows, macOS and
 * Linux, Chinese kept, and never two alike (one folder or one zip holds them all, and two units may
 * share a name when their credit codes differ).
 */

/**
 * Characters no name may hold: Windows' `<>:"/\|?*`, control characters, and format characters
 * (bidi overrides, zero-width marks) that would make a name look like another.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\p{Cf}\p{Cs}\u2028\u2029]/gu;

/** Characters of the unit's part of a name: room for the suffix within Windows' 260-character paths. */
const MAX_STEM_CHARS = 60;
/**
 * UTF-8 bytes of the unit's part: with `（n）`, the suffix and the extension a name stays within the
 * 255 bytes Linux and macOS allow, even for names of 4-byte characters (CJK Extension B).
 */
const MAX_STEM_BYTES = 200;

const utf8Bytes = (ch: string) => {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
};

/** The leading characters of `chars` within both limits. */
function clipped(chars: readonly string[]): string {
  let bytes = 0;
  let n = 0;
  while (n < chars.length && n < MAX_STEM_CHARS && bytes + utf8Bytes(chars[n]) <= MAX_STEM_BYTES)
    bytes += utf8Bytes(chars[n++]);
  return chars.slice(0, n).join("");
}

/**
 * `text` as the leading part of a file name: forbidden characters removed, white space collapsed,
 * no leading dots (a hidden file on Linux and macOS) or spaces, at most MAX_STEM_CHARS characters
 * and MAX_STEM_BYTES bytes, never a half surrogate pair. Empty when nothing is left.
 */
export function safeStem(text: string): string {
  const cleaned = text
    .normalize("NFC")
    .replace(FORBIDDEN, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+/, "")
    .trim();
  return clipped([...cleaned]).trim();
}

/** How file systems that ignore case (Windows, macOS) compare two names. */
const sameNameKey = (name: string) => name.normalize("NFC").toLowerCase();

/**
 * One name per request, in order, each `stem-suffix.ext` (`ext` with its dot), the second of a name
 * as `stem（2）-suffix.ext` and so on, compared as Windows and macOS compare names.
 */
export function uniqueFileNames(
  requests: readonly { readonly stem: string; readonly suffix: string }[],
  ext: string,
): string[] {
  const taken = new Set<string>();
  return requests.map(({ stem, suffix }) => {
    for (let n = 1; ; n++) {
      const name = `${stem}${n === 1 ? "" : `（${n}）`}-${suffix}${ext}`;
      if (taken.has(sameNameKey(name))) continue;
      taken.add(sameNameKey(name));
      return name;
    }
  });
}
