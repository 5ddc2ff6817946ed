/**
 * How big a request is as Excel on the web measures it: the JSON that carries it, in UTF-8 bytes. A
 * control character costs six bytes there (\u0001), a CJK character three, so neither a string's
 * length nor its UTF-8 size is the measure. Excel on the web refuses a request over 5 MB
 * (RequestPayloadSizeLimitExceeded, office-js-facts §5).
 */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

const utf8 = new TextEncoder();
/** Characters JSON writes as themselves, one byte each: a workbook's Base64 is all of them. */
const PLAIN_ASCII = /^[A-Za-z0-9+/=]*$/;

export function requestBytes(value: unknown): number {
  // A string of plain ASCII costs its length and two quotes: no need to copy megabytes to count them.
  if (typeof value === "string" && PLAIN_ASCII.test(value)) return value.length + 2;
  return utf8.encode(JSON.stringify(value) ?? "null").length;
}
