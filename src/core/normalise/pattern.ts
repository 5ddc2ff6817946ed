/** Regular expressions built from the definition's word and character lists (READING), never spelled twice. */

const SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;

/** `s` as a literal inside a regular expression. */
export function literal(s: string): string {
  return s.replace(SPECIAL, "\\$&");
}

/** (a|b|c): any one of the words, longest first so a longer word is never cut short by its ending. */
export function anyOf(words: readonly string[]): string {
  return `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map(literal)
    .join("|")})`;
}

/** [abc]: one of the characters. */
export function oneOf(chars: string): string {
  return `[${Array.from(chars).map(literal).join("")}]`;
}
