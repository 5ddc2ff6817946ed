/**
 * xl/sharedStrings.xml → one string per `<si>`: plain text, or rich-text runs joined; phonetic
 * guides (`<rPh>`) are not part of the value. `_xHHHH_` escapes are decoded as Excel writes them.
 */
import { parseXml, textValue } from "./xml";

const ESCAPE = /_x([0-9A-F]{4})_/g;

export function unescapeText(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(ESCAPE, (_e, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A `<si>` with neither `<t>` nor runs is no value at all (undefined), unlike an empty `<t/>` (""). */
export function parseSharedStrings(bytes: Uint8Array): (string | undefined)[] {
  const strings: (string | undefined)[] = [];
  let item: string | undefined;
  let inItem = false;
  let phonetic = 0;
  let text: string[] | undefined;
  parseXml(bytes, {
    open(tag) {
      if (tag === "si") {
        inItem = true;
        item = undefined;
      } else if (!inItem) return;
      else if (tag === "rPh") phonetic++;
      else if (tag === "t" && phonetic === 0) text = [];
    },
    text(t) {
      if (text) text.push(textValue(t));
    },
    close(tag) {
      if (tag === "si") {
        strings.push(item);
        inItem = false;
      } else if (tag === "rPh") phonetic--;
      else if (tag === "t" && text) {
        item = (item ?? "") + unescapeText(text.join(""));
        text = undefined;
      }
    },
  });
  return strings;
}
