/**
 * The reader-cost scanner reads the inflated bytes, not decoded text: whatever the chunking — a
 * character, a tag, a comment cut anywhere — it counts what the string scanner it replaced
 * counted, and what it counts when the part comes whole.
 */
import fc from "fast-check";
import { DEFAULT_GUARD_LIMITS, GuardProblem } from "../../src/core/guard";
import { ReaderCost, ReaderTally } from "../../src/read/guard";
import { ReferenceReaderCost } from "./reader-cost-reference";

const enc = new TextEncoder();

interface Outcome {
  tally: ReaderTally;
  problem: GuardProblem | undefined;
}

/** Feed `bytes` cut at the offsets `cuts` (ascending) and say what the scanner made of them. */
function outcome(
  cost: ReaderCost | ReferenceReaderCost,
  bytes: Uint8Array,
  cuts: readonly number[] = [],
  name = "xl/worksheets/sheet1.xml",
): Outcome {
  const part = cost.part(name);
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    part.feed(bytes.subarray(at, cut));
    at = cut;
  }
  part.end();
  return { tally: { ...cost.tally }, problem: cost.problem() };
}

const scan = (bytes: Uint8Array, cuts: readonly number[] = [], name?: string) =>
  outcome(new ReaderCost(DEFAULT_GUARD_LIMITS), bytes, cuts, name);
const reference = (bytes: Uint8Array, cuts: readonly number[] = [], name?: string) =>
  outcome(new ReferenceReaderCost(DEFAULT_GUARD_LIMITS), bytes, cuts, name);

/** Every offset inside `bytes`, each as a single cut. */
const everyCut = (bytes: Uint8Array) => Array.from({ length: bytes.length + 1 }, (_, i) => [i]);
/** Cuts after every byte. */
const bytewise = (bytes: Uint8Array) => Array.from({ length: bytes.length }, (_, i) => i + 1);

describe("ReaderCost on bytes cut anywhere", () => {
  const WORKBOOK = enc.encode(
    "<workbook><definedNames><definedName name=\"fld_report_type\">'基本情况'!$C$5</definedName>" +
      "<definedName name=\"a_range\">'基本情况'!$C$6:$C$8</definedName>" +
      "<x:definedName name=\"list\"><!-- 注释 <b> -->'活动明细'!$B$5:$B$204,'活动明细'!$D$5</x:definedName >" +
      "<definedName name=\"none\">'没有这个表'!A:A</definedName></definedNames></workbook>",
  );

  it("reads Chinese sheet names in defined names cut inside any character", () => {
    const whole = scan(WORKBOOK, [], "xl/workbook.xml");
    expect(whole.tally).toMatchObject({ definedNames: 4, namedCells: 1 + 3 + 201 });
    for (const cuts of everyCut(WORKBOOK)) expect(scan(WORKBOOK, cuts, "xl/workbook.xml")).toEqual(whole);
    expect(scan(WORKBOOK, bytewise(WORKBOOK), "xl/workbook.xml")).toEqual(whole);
    // Two cuts inside the first name's text: a character may lose both its tail bytes to the next chunks.
    const text = WORKBOOK.indexOf(0x27 /* ' */);
    for (let i = text; i < text + 20; i++)
      for (let j = i; j < text + 20; j++) expect(scan(WORKBOOK, [i, j], "xl/workbook.xml")).toEqual(whole);
  });

  const SHEET = enc.encode(
    '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="urn:x"><x:cols><x:col min="2" max = \'4\'/></x:cols>' +
      '<x:sheetData><x:row r="1" spans="1:2"><x:c r="A1" t="inlineStr"><x:is><x:t>名称</x:t></x:is></x:c></x:row>' +
      '<row r="2"><c r="A2"><v>1</v></c></row></x:sheetData><mergeCells><mergeCell ref=\'A1:B2\'/></mergeCells>' +
      '<dataValidations><dataValidation type="list" prompt="请选择：是/否" sqref = "C5:C204 E5"/></dataValidations>' +
      "<!-- <c/> --><![CDATA[<c/> ]]> ]]></x:worksheet>",
  );

  it("counts a sheet the same wherever its tags, comments and CDATA are cut", () => {
    const whole = scan(SHEET);
    expect(whole.problem).toBeUndefined();
    expect(whole.tally).toMatchObject({
      rows: 2,
      cells: 2,
      columns: 3,
      mergedRanges: 1,
      mergedCells: 4,
      validatedCells: 201,
    });
    for (const cuts of everyCut(SHEET)) expect(scan(SHEET, cuts)).toEqual(whole);
    expect(scan(SHEET, bytewise(SHEET))).toEqual(whole);
  });

  it("refuses a row beyond Excel with the same message wherever it is cut", () => {
    const bytes = enc.encode('<worksheet><sheetData><row r="1048577" spans="1:1"/></sheetData></worksheet>');
    for (const cuts of everyCut(bytes))
      expect(scan(bytes, cuts).problem).toEqual({ code: "corrupt", detail: "行号 1048577 超出 Excel 的 1048576 行" });
  });

  it("takes any whitespace a JavaScript pattern's \\s takes around attributes, as the string scanner did", () => {
    const sheet = (body: string) => enc.encode(`<worksheet>${body}</worksheet>`);
    expect(scan(sheet('<row\u3000r="0"/>')).problem).toEqual({
      code: "corrupt",
      detail: "行号 0 超出 Excel 的 1048576 行",
    });
    expect(scan(sheet("<row\u00a0r\u2003=\u2003'7'/><row\u200br=\"0\"/>")).problem).toBeUndefined();
    expect(scan(sheet('<mergeCell\u205fref\ufeff=\u2028"A1:B2"/>')).tally.mergedCells).toBe(4);
    expect(scan(sheet("<col\u1680min='1'\u202fmax='2'/>")).tally.columns).toBe(2);
    const names = enc.encode(
      "<workbook><definedName>A1:B2</definedName\u3000><definedName>C1</definedName\u200b>A1</workbook>",
    );
    expect(scan(names).tally.namedCells).toBe(4);
    for (const bytes of [sheet('<row\u3000r="0"/><row\u00a0r=" 9 "/>'), names])
      for (const cuts of everyCut(bytes)) expect(scan(bytes, cuts)).toEqual(reference(bytes, cuts));
  });

  it("measures a long tag or name in characters, not bytes", () => {
    // 40,000 characters are 120,000 bytes of UTF-8: under the 65,536-character limit.
    const chinese = "中".repeat(40000);
    for (const xml of [
      `<worksheet><c r="A1" t="${chinese}"/></worksheet>`,
      `<workbook><definedName name="n">${chinese}'基本情况'!$A$1</definedName></workbook>`,
    ]) {
      const bytes = enc.encode(xml);
      const cuts = Array.from({ length: Math.floor(bytes.length / 4096) }, (_, i) => (i + 1) * 4096 + 1);
      expect(scan(bytes, cuts)).toEqual(reference(bytes, cuts));
      expect(scan(bytes, cuts).problem).toBeUndefined();
    }
    const long = enc.encode(`<worksheet><c r="A1" t="${"x".repeat(70000)}"/></worksheet>`);
    const cuts = [1000, 40000, 60000, 69000];
    expect(scan(long, cuts).problem).toMatchObject({ code: "corrupt" });
    expect(scan(long, cuts)).toEqual(reference(long, cuts));
  });

  // That this stays linear (a carried tag is not searched again for every chunk) is timed by the
  // benchmark (npm run bench limits), not asserted here: a loaded machine is slow too.
  it("counts a 60,000-character tag fed a byte at a time as it counts it whole", () => {
    const bytes = enc.encode(`<worksheet><c r="A1" t="${"x".repeat(60000)}"/><c/></worksheet>`);
    const byByte = scan(bytes, bytewise(bytes));
    expect(byByte).toEqual(scan(bytes));
    expect(byByte.tally.cells).toBe(2);
  });
});

describe("ReaderCost agrees with the string scanner it replaced", () => {
  /** Pieces of XML, well-formed or not, that exercise every rule of the scanner. */
  const PIECES = [
    "<",
    ">",
    "/",
    "!",
    "?",
    "-",
    "]",
    "[",
    '"',
    "'",
    "=",
    " ",
    "\t",
    "\n",
    ":",
    "$",
    "A",
    "b",
    "Z",
    "XFD",
    "1",
    "5",
    // Whitespace as a JavaScript pattern's \s sees it, and look-alikes it does not.
    "\u00a0",
    "\u1680",
    "\u2000",
    "\u200a",
    "\u2028",
    "\u2029",
    "\u202f",
    "\u205f",
    "\u3000",
    "\ufeff",
    "\u200b",
    "\u0085",
    "基本情况",
    "😀",
    "1048577",
    "0x10",
    "1e3",
    "-3",
    " 7 ",
    "16384",
    "2000000000",
    "<row",
    "<x:row",
    "</row>",
    "<rows",
    ' r="',
    " r='",
    " r =\u3000'",
    "\u00a0r=",
    "<c",
    "<c/>",
    "<x:c r='A1'/>",
    "<cc>",
    "<col",
    ' min="',
    " max = '",
    "<cols>",
    "<mergeCell",
    ' ref="',
    "\u2003ref\u2003=\u2003'",
    "<dataValidation",
    ' sqref="',
    ' x=" sqref=',
    "<definedName",
    ' name="n">',
    "</definedName>",
    "</x:definedName\u3000>",
    "</definedName ",
    "</a.b:definedName>",
    "<definedName/>",
    "/>",
    "<!--",
    "-->",
    "--",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE x>",
    "<?xml?>",
    "A1:B2",
    "$A$1:$Z$20",
    "B:B",
    "'基本情况'!$C$5",
    "ABCD1",
    "a1:c3",
    "A12345678:B2",
    "<:row",
    "<.-:c>",
  ];
  const pieces = fc.array(fc.constantFrom(...PIECES.map((p) => enc.encode(p))), { maxLength: 40 });
  /** The same, with stray bytes between: malformed UTF-8, cut characters. */
  const mixed = fc.array(
    fc.oneof(fc.constantFrom(...PIECES.map((p) => enc.encode(p))), fc.uint8Array({ maxLength: 3 })),
    {
      maxLength: 40,
    },
  );
  const join = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
    return out;
  };
  const cutsOf = (bytes: Uint8Array, offsets: number[]) =>
    [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);

  const agrees = (bytes: Uint8Array, offsets: number[]) => {
    const cuts = cutsOf(bytes, offsets);
    const chunked = scan(bytes, cuts);
    expect(chunked).toEqual(reference(bytes, cuts));
    // Damage stops the scan at the chunk that found it, so only an undamaged part counts the same whole.
    if (chunked.problem?.code !== "corrupt") expect(chunked).toEqual(scan(bytes));
  };

  it("on generated XML, whole and in pieces", () => {
    fc.assert(
      fc.property(pieces, fc.array(fc.nat(), { maxLength: 6 }), (parts, offsets) => agrees(join(parts), offsets)),
      { numRuns: 3000 },
    );
  });

  it("on generated XML with stray bytes", () => {
    fc.assert(
      fc.property(mixed, fc.array(fc.nat(), { maxLength: 6 }), (parts, offsets) => agrees(join(parts), offsets)),
      { numRuns: 3000 },
    );
  });
});
