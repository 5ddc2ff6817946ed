/**
 * The reader-cost scanner in its first form, frozen: it decodes every chunk with a TextDecoder and
 * scans the text with indexOf and regular expressions. Kept only as the oracle that the scanner in
 * src/core/guard/reader-cost.ts must agree with, tally for tally and problem for problem, however
 * the part is cut (test/guard/reader-cost-chunks.test.ts).
 */
import { isXmlPart, MAX_COLUMN, MAX_ROW, rangeArea, ReaderCost } from "../../src/read/guard";

/** One compiled pattern per attribute name: tags are scanned by the hundred thousand. */
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = pattern.exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * Longest tag (or defined-name text) kept while waiting for its end. Excel caps formulas and
 * names at 8,192 characters; a tag this long is hostile.
 */
const MAX_TAG_CHARS = 64 * 1024;

/** The first scanner: its own tag scanning, the estimate and problems of the real one. */
export class ReferenceReaderCost extends ReaderCost {
  override part(name: string): { feed(chunk: Uint8Array): void; end(): void } {
    if (!isXmlPart(name)) {
      return { feed: (chunk) => void (this.tally.binaryBytes += chunk.length), end: () => undefined };
    }
    const decoder = new TextDecoder("utf-8");
    let carry = "";
    let nameText: string | undefined;
    // `resumeAt`: the carried tag was already searched up to here, so a long tag is not rescanned per chunk.
    const scan = (text: string, resumeAt: number) => {
      let pos = 0;
      for (;;) {
        const lt = text.indexOf("<", pos);
        const textEnd = lt < 0 ? text.length : lt;
        if (nameText !== undefined) nameText += text.slice(pos, textEnd);
        if (lt < 0) {
          carry = "";
          break;
        }
        // Comments and CDATA may hold '<' and '>' freely; the parser makes no element of them.
        const closer = text.startsWith("<!--", lt) ? "-->" : text.startsWith("<![CDATA[", lt) ? "]]>" : ">";
        const close = text.indexOf(closer, Math.max(lt + 1, pos === 0 ? resumeAt : 0));
        // An opener cut by the chunk end ("<!-") has no closer after it yet, so it is carried too.
        if (close < 0) {
          carry = text.slice(lt);
          break;
        }
        if (closer === ">") nameText = this.tag(text.slice(lt + 1, close), nameText);
        pos = close + closer.length;
      }
      if (carry.length > MAX_TAG_CHARS || (nameText?.length ?? 0) > MAX_TAG_CHARS)
        this.damaged({ code: "corrupt", detail: `部件 ${name} 中有异常长的 XML 标记` });
    };
    return {
      feed: (chunk) => {
        this.tally.xmlBytes += chunk.length;
        if (this.isDamaged) return;
        const searched = Math.max(0, carry.length - 8);
        scan(carry + decoder.decode(chunk, { stream: true }), searched);
      },
      end: () => {
        if (!this.isDamaged) scan(carry + decoder.decode(), Math.max(0, carry.length - 8));
      },
    };
  }

  /** Count one tag; returns the defined-name text being collected (undefined outside one). */
  private tag(tag: string, nameText: string | undefined): string | undefined {
    const first = tag.charCodeAt(0);
    if (first === 0x2f /* / */) {
      if (nameText !== undefined && /^\/(\w+:)?definedName\s*$/.test(tag)) {
        this.tally.namedCells += rangeArea(nameText);
        return undefined;
      }
      return nameText;
    }
    if (first === 0x3f /* ? */ || first === 0x21 /* ! */) return nameText;
    this.tally.elements++;
    const m = /^(?:[\w.-]+:)?([\w.-]+)/.exec(tag);
    const local = m ? m[1] : "";
    switch (local) {
      case "c":
        this.tally.cells++;
        break;
      case "row": {
        this.tally.rows++;
        const r = Number(attribute(tag, "r") ?? "1");
        if (!(r >= 1 && r <= MAX_ROW))
          this.damaged({ code: "corrupt", detail: `行号 ${r} 超出 Excel 的 ${MAX_ROW} 行` });
        break;
      }
      case "mergeCell":
        this.tally.mergedRanges++;
        this.tally.mergedCells += rangeArea(attribute(tag, "ref") ?? "");
        break;
      case "dataValidation":
        this.tally.validatedCells += rangeArea(attribute(tag, "sqref") ?? "");
        break;
      case "col": {
        const min = Number(attribute(tag, "min") ?? "1");
        const max = Number(attribute(tag, "max") ?? "1");
        if (!(min >= 1 && max >= min && max <= MAX_COLUMN))
          this.damaged({ code: "corrupt", detail: `列范围 ${min}-${max} 超出 Excel 的 ${MAX_COLUMN} 列` });
        else this.tally.columns += max - min + 1;
        break;
      }
      case "definedName":
        this.tally.definedNames++;
        if (!tag.endsWith("/")) return "";
        break;
    }
    return nameText;
  }
}
