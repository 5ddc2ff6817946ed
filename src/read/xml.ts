/**
 * Streams one inflated part through saxen into a handler. saxen finds tags and text fast and
 * leaves attributes and entities to us, so this module applies the XML rules the reader depends
 * on: only the five predefined entities and well-formed character references (a DTD's own
 * entities, billion laughs and XXE alike, are damage), no control characters, line ends folded to
 * "\n" and whitespace in attribute values to spaces, one root element. Names are taken as written
 * (no namespace processing) and CDATA is not text: exceljs, whose results this reader reproduces,
 * read parts the same way.
 */
import { Parser } from "saxen";

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  /**
   * `attributes()` parses and decodes the tag's attributes when asked: a sheet holds tens of
   * thousands of tags whose attributes nobody reads.
   */
  open(name: string, attributes: () => Attributes, selfClosing: boolean): void;
  /** Raw character data, already checked to be well formed: `textValue(raw)` is its value. */
  text?(raw: string): void;
  close?(name: string): void;
}

/** Why a part is not well-formed XML; the message is English, for logs only (users see "damaged"). */
export class XmlDamage extends Error {}

/** Bytes decoded per write: the whole of a large sheet is never one string. */
const DECODE_BYTES = 1024 * 1024;

/* eslint-disable no-control-regex -- the characters XML forbids are control characters */
/** Anything in raw text that needs more than copying: references, CR, characters XML forbids. */
const TEXT_ATTENTION = /[&\r\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/** The same in an attribute value, which also folds tabs and line ends to spaces and forbids "<". */
const VALUE_ATTENTION = /[&<\t\n\r\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/**
 * Characters XML forbids. (A lone surrogate cannot arrive: the bytes are decoded as UTF-8, which
 * turns anything invalid into U+FFFD, as it did for saxes.)
 */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/* eslint-enable no-control-regex */
/** A reference XML gives no meaning without a DTD, or one never terminated (a bare "&"). */
const UNKNOWN_REFERENCE = /&(?!(?:lt|gt|amp|apos|quot|#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7});)/;

const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["apos", "'"],
  ["quot", '"'],
]);

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** One reference's text (between "&" and ";"), checked by UNKNOWN_REFERENCE already. */
function referenced(name: string): string {
  const predefined = PREDEFINED.get(name);
  if (predefined !== undefined) return predefined;
  const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  if (!isXmlChar(code)) throw new XmlDamage(`character reference &${name}; is not an XML character`);
  return String.fromCodePoint(code);
}

/**
 * Throws unless `raw` is well-formed character data (or, with `inValue`, an attribute value). Done
 * to every text the parser meets, so a file is refused wherever in it the damage is.
 */
function checkRaw(raw: string, inValue: boolean): void {
  if (FORBIDDEN.test(raw)) throw new XmlDamage("a character XML does not allow");
  if (inValue && raw.includes("<")) throw new XmlDamage("'<' in an attribute value");
  if (raw.includes("&")) {
    if (UNKNOWN_REFERENCE.test(raw)) throw new XmlDamage("an undefined entity or a bare '&'");
    if (raw.includes("&#")) for (const m of raw.matchAll(/&(#[^;]*);/g)) referenced(m[1]);
  }
}

function replaceReferences(raw: string): string {
  return raw.indexOf("&") < 0 ? raw : raw.replace(/&([^;]*);/g, (_r, name: string) => referenced(name));
}

/** Well-formed raw character data (as the handler's `text` receives it) → its value. */
export function textValue(raw: string): string {
  if (!TEXT_ATTENTION.test(raw)) return raw;
  return replaceReferences(raw.replace(/\r\n?/g, "\n"));
}

/** A raw attribute value → its value (line ends and tabs typed in the file become spaces; references do not). */
function decodeValue(raw: string): string {
  if (!VALUE_ATTENTION.test(raw)) return raw;
  checkRaw(raw, true);
  return replaceReferences(raw.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " "));
}

/** Decodes saxen's raw attribute values in place (saxen hands each tag's object out once, to us). */
function decodeAttributes(raw: Record<string, string>): Attributes {
  for (const k in raw) {
    const v = raw[k];
    if (VALUE_ATTENTION.test(v)) raw[k] = decodeValue(v);
  }
  return raw;
}

/** Parses `bytes`; throws on XML that is not well formed or unfinished (the caller turns that into a refusal). */
export function parseXml(bytes: Uint8Array, handler: XmlHandler): void {
  const parser = new Parser();
  let depth = 0;
  let rootSeen = false;
  const damage = (e: Error | string) => {
    throw e instanceof XmlDamage ? e : new XmlDamage(typeof e === "string" ? e : e.message);
  };
  parser.on("error", damage);
  parser.on("warn", damage);
  // One getter for every tag (tens of thousands a sheet), reading the current tag's attributes once.
  let rawAttributes: () => Record<string, string> = () => ({});
  let decoded: Attributes | undefined;
  const attributes = () => (decoded ??= decodeAttributes(rawAttributes()));
  parser.on("openTag", (name, tagAttributes, _decode, selfClosing) => {
    if (depth === 0 && rootSeen) throw new XmlDamage("a second root element");
    rootSeen = true;
    if (!selfClosing) depth++;
    rawAttributes = tagAttributes;
    decoded = undefined;
    handler.open(name, attributes, selfClosing);
  });
  const { text: onText, close: onClose } = handler;
  parser.on("closeTag", (name, _decode, selfClosing) => {
    if (!selfClosing) depth--;
    if (onClose) onClose.call(handler, name);
  });
  parser.on("text", (raw) => {
    if (TEXT_ATTENTION.test(raw)) checkRaw(raw, false);
    if (onText) onText.call(handler, raw);
  });
  parser.on("comment", (body) => {
    if (body.includes("--") || body.endsWith("-")) throw new XmlDamage("a comment with '--'");
  });
  const decoder = new TextDecoder("utf-8");
  if (bytes.length <= DECODE_BYTES) parser.parse(decoder.decode(bytes));
  else {
    for (let at = 0; at < bytes.length; at += DECODE_BYTES) {
      const end = Math.min(at + DECODE_BYTES, bytes.length);
      parser.write(decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length }));
    }
    parser.end();
  }
  // A part cut off mid-way, or with no element at all, is damage, not a shorter sheet.
  if (!rootSeen) throw new XmlDamage("no root element");
  if (depth !== 0) throw new XmlDamage("unclosed elements");
}

const ENTITIES: Readonly<Record<string, string>> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&apos;": "'",
  "&quot;": '"',
};

/**
 * A second round of entity decoding, which exceljs applies to sheet names and to `t="str"` values
 * after the parser's own: "&amp;amp;" in the file reads "&" in Excel's eyes here too.
 */
export function xmlDecode(text: string): string {
  return text.indexOf("&") < 0 ? text : text.replace(/&([a-z]*);/g, (e) => ENTITIES[e] ?? e);
}
