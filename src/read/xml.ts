/**
 * Streams one inflated part through saxes, a chunk of text at a time, into a handler. Names are
 * taken as written (no namespace processing) and CDATA is not text: exceljs, whose results this
 * reader reproduces, read parts the same way.
 */
import { SaxesParser } from "saxes";

export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Bytes decoded per write: the whole of a large sheet is never one string. */
const DECODE_BYTES = 1024 * 1024;

/** Parses `bytes`; throws on malformed or unfinished XML (the caller turns that into a refusal). */
export function parseXml(bytes: Uint8Array, handler: XmlHandler): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag) => handler.open(tag.name, tag.attributes as Record<string, string>, tag.isSelfClosing));
  const { text, close } = handler;
  if (text) parser.on("text", (t) => text.call(handler, t));
  if (close) parser.on("closetag", (tag) => close.call(handler, tag.name));
  const decoder = new TextDecoder("utf-8");
  for (let at = 0; at < bytes.length; at += DECODE_BYTES) {
    const end = Math.min(at + DECODE_BYTES, bytes.length);
    parser.write(decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length }));
    if (failure) throw failure;
  }
  // A part cut off mid-way is damage, not a shorter sheet.
  parser.close();
  if (failure) throw failure;
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
