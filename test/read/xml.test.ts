/**
 * The XML rules src/read/xml.ts adds to saxen (which finds tags and leaves entities, characters and
 * the document's shape to us): each rule refuses what breaks it and lets the well-formed case through.
 */
import { parseXml, textValue, XmlDamage, type Attributes } from "../../src/read/xml";

interface Seen {
  opened: string[];
  attributes: Attributes[];
  texts: string[];
}

function parse(xml: string, read: (tag: string) => boolean = () => true): Seen {
  const seen: Seen = { opened: [], attributes: [], texts: [] };
  parseXml(new TextEncoder().encode(xml), {
    open(tag, attributes) {
      seen.opened.push(tag);
      if (read(tag)) seen.attributes.push(attributes());
    },
    text(raw) {
      seen.texts.push(textValue(raw));
    },
  });
  return seen;
}

const damaged = (xml: string) => expect(() => parse(xml)).toThrow(XmlDamage);

describe("references", () => {
  it("decodes the five predefined entities and character references, in text and attribute values", () => {
    const seen = parse(`<a v="&lt;&amp;&#x4E2D;&#22269;"><b>&lt;&gt;&amp;&apos;&quot; &#10;&#x1F600;</b></a>`);
    expect(seen.attributes[0]).toEqual({ v: "<&中国" });
    expect(seen.texts).toEqual([`<>&'" \n😀`]);
  });

  it.each([
    ["an entity a DTD would define", `<a>&l9;</a>`],
    ["an upper-case predefined entity", `<a>&AMP;</a>`],
    ["a bare ampersand", `<a>A & B</a>`],
    ["an unterminated reference", `<a>&amp</a>`],
    ["a reference to a control character", `<a>&#1;</a>`],
    ["a reference to a lone surrogate", `<a>&#xD800;</a>`],
    ["a hexadecimal reference with an upper-case X", `<a>&#X41;</a>`],
    ["an undefined entity in an attribute value", `<a v="&xxe;"/>`],
  ])("refuses %s", (_why, xml) => damaged(xml));

  it("checks text the handler never reads (damage anywhere in a parsed part is damage)", () => {
    expect(() => parseXml(new TextEncoder().encode(`<a><f>&l9;</f></a>`), { open: () => undefined })).toThrow(
      XmlDamage,
    );
  });
});

describe("characters", () => {
  it("folds CR LF and lone CR to LF in text", () => {
    expect(parse("<a>1\r\n2\r3\n4</a>").texts).toEqual(["1\n2\n3\n4"]);
  });

  it("turns tabs and line ends typed in an attribute value into spaces, but not referenced ones", () => {
    expect(parse(`<a v="1\t2\r\n3&#10;4"/>`).attributes[0]).toEqual({ v: "1 2 3\n4" });
  });

  it("keeps characters beyond the Basic Multilingual Plane (surrogate pairs)", () => {
    expect(parse("<a>𠀀😀</a>").texts).toEqual(["𠀀😀"]);
  });

  it.each([
    ["a control character in text", "<a>\u0001</a>"],
    ["U+FFFF in text", "<a>\uffff</a>"],
    ["a control character in an attribute value", `<a v="\u0002"/>`],
    ["'<' in an attribute value", `<a v="<"/>`],
  ])("refuses %s", (_why, xml) => damaged(xml));
});

describe("the document's shape", () => {
  it("reads a declaration, a DOCTYPE naming an outside DTD (never fetched), comments and CDATA (not text)", () => {
    const seen = parse(`<?xml version="1.0"?><!DOCTYPE a SYSTEM "file:///etc/passwd"><!-- x --><a><![CDATA[c]]>t</a>`);
    expect(seen.opened).toEqual(["a"]);
    expect(seen.texts).toEqual(["t"]);
  });

  it.each([
    ["nothing at all", ""],
    ["a declaration without an element", `<?xml version="1.0"?>`],
    ["an unclosed element (a part cut off)", "<a><b>t</b>"],
    ["a mismatched closing tag", "<a><b></a>"],
    ["a closing tag without an opening one", "</a>"],
    ["two root elements", "<a/><b/>"],
    ["text after the root element", "<a/>x"],
    ["a DTD with an internal subset", `<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`],
    ["an unquoted attribute value", "<a v=1/>"],
    ["a repeated attribute", `<a v="1" v="2"/>`],
    ["'--' inside a comment", "<a><!-- a -- b --></a>"],
    ["a tag name starting with a digit", "<1a/>"],
  ])("refuses %s", (_why, xml) => damaged(xml));

  it("parses a part larger than one decoding step, text cut across the steps included", () => {
    const cell = "<c><v>标准化</v></c>";
    const count = Math.ceil((1024 * 1024) / Buffer.byteLength(cell)) + 10;
    const seen = parse(`<a>${cell.repeat(count)}</a>`, () => false);
    expect(seen.texts).toHaveLength(count);
    expect(new Set(seen.texts)).toEqual(new Set(["标准化"]));
  });

  it("finds an unclosed element at the end of a part larger than one decoding step", () => {
    expect(() => parse(`<a>${"<b>1</b>".repeat(200_000)}`, () => false)).toThrow(XmlDamage);
  });
});
