/**
 * Findings quote what a unit typed, and every finding carries its own copy of its message and 说明.
 * A hostile file can make thousands of findings quote a long value, or attach thousands of 说明 to
 * each (an 89 KB file made `check` print 900 MB; a 270 KB one ran it out of memory). Quotes and
 * 说明 are cut to what a person reads; nothing is cut from the data itself.
 */

/** Longest quoted value (“…”) in a message. */
export const MAX_QUOTE_CHARS = 100;
/** Longest message or 说明 a finding carries. */
export const MAX_FINDING_TEXT_CHARS = 1000;

/** `s` cut to `max` UTF-16 units (never inside a surrogate pair), with "…" when cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return `${s.slice(0, end)}…`;
}

/** A message with each quoted part longer than MAX_QUOTE_CHARS cut, and the whole within MAX_FINDING_TEXT_CHARS. */
export function boundMessage(message: string): string {
  if (message.length <= MAX_QUOTE_CHARS) return message;
  const quoted = message.replace(/“([^“”]*)”/g, (whole, q: string) =>
    q.length > MAX_QUOTE_CHARS ? `“${clip(q, MAX_QUOTE_CHARS)}”` : whole,
  );
  return clip(quoted, MAX_FINDING_TEXT_CHARS);
}
