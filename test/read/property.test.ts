/**
 * Whatever it is fed — random bytes, a real report with bytes overwritten or cut, a real package
 * whose XML parts are mangled — the reader answers with a grid or a known refusal naming the file.
 */
import fc from "fast-check";
import { unzipSync, zipSync } from "fflate";
import { REFUSAL_CODES } from "../../src/core/guard";
import { isCellError } from "../../src/core/model";
import { PURE_CODEC, readWorkbook, type WorkbookReadResult } from "../../src/read";
import { NODE_CODEC } from "../../src/node/node-codec";
import { buildZip, deflatedEntry, unzipParts } from "../guard/craft";
import { filledTemplate } from "../helpers/filled-template";

function wellFormed(r: WorkbookReadResult, name: string): boolean {
  if (!r.ok) return REFUSAL_CODES.includes(r.code) && r.message.includes(`“${name}”`);
  return (
    r.sha256.length === 64 &&
    r.grid.sheets.every((s) =>
      s.rows.every((row) =>
        row.every(
          (v) =>
            v === null || ["string", "number", "boolean"].includes(typeof v) || v instanceof Date || isCellError(v),
        ),
      ),
    )
  );
}

/** A text with a few of its characters replaced, removed or duplicated, favouring XML's own. */
const mangle = (text: string) =>
  fc
    .array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          "",
          "<",
          ">",
          "&",
          '"',
          "/",
          '<c r="XFD1048577">',
          "<v>",
          "</row>",
          "&#0;",
          "]]>",
          "\u0000",
          "x",
        ),
      ),
      {
        minLength: 1,
        maxLength: 6,
      },
    )
    .map((edits) => {
      let t = text;
      for (const [at, s] of edits) {
        const i = at % (t.length + 1);
        t = t.slice(0, i) + s + t.slice(i + (s === "" ? 1 : 0));
      }
      return t;
    });

describe("the reader never throws past its result", () => {
  let report: Uint8Array;
  let parts: Record<string, Uint8Array>;
  beforeAll(async () => {
    report = new Uint8Array(await (await filledTemplate()).xlsx.writeBuffer());
    parts = unzipSync(report);
  });

  it("reads the untouched report (so the properties below can see both outcomes)", async () => {
    expect(await readWorkbook("原样.xlsx", report)).toMatchObject({ ok: true });
  });

  it("on random bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        expect(wellFormed(await readWorkbook("随机.xlsx", bytes), "随机.xlsx")).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("on a real report with bytes overwritten or cut short", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat()),
        async (edits, cut) => {
          const bytes = report.slice();
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          const input = cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
          expect(wellFormed(await readWorkbook("变异.xlsx", input), "变异.xlsx")).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("on a well-zipped package whose XML parts are damaged", async () => {
    const xmlParts = Object.keys(parts).filter((n) =>
      /^xl\/(workbook|sharedStrings|styles|worksheets\/sheet\d+)\.xml$|rels$/.test(n),
    );
    const decode = (b: Uint8Array) => new TextDecoder().decode(b);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...xmlParts).chain((name) => mangle(decode(parts[name])).map((text) => [name, text] as const)),
        async ([name, text]) => {
          const bytes = zipSync({ ...parts, [name]: new TextEncoder().encode(text) }, { level: 1 });
          expect(wellFormed(await readWorkbook("坏的.xlsx", bytes), "坏的.xlsx")).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("Node's zlib codec gives the pure codec's answers", () => {
  let report: Uint8Array;
  beforeAll(async () => {
    report = new Uint8Array(await (await filledTemplate()).xlsx.writeBuffer());
  });

  /**
   * What a user would see of a read: the grid, or the refusal's code. (Two decoders may word the
   * same damaged deflate data differently, "不完整" or "已损坏"; both refuse it as corrupt.)
   */
  const seen = (r: WorkbookReadResult) => (r.ok ? { grid: r.grid, sha256: r.sha256 } : { refused: r.code });
  const both = async (bytes: Uint8Array) => [
    seen(await readWorkbook("同一.xlsx", bytes, undefined, { codec: PURE_CODEC })),
    seen(await readWorkbook("同一.xlsx", bytes, undefined, { codec: NODE_CODEC })),
  ];

  it("on the untouched report", async () => {
    const [pure, node] = await both(report);
    expect(node).toEqual(pure);
    expect(pure).toHaveProperty("grid");
  });

  it("on a part giving more than it declares, or less", async () => {
    const parts = [...(await unzipParts(Buffer.from(report)))].map(([n, c]) => deflatedEntry(n, c));
    for (const delta of [-1, -1000, 1]) {
      const lying = parts.map((e) =>
        e.name === "xl/sharedStrings.xml" ? { ...e, uncompressedSize: e.uncompressedSize + delta } : e,
      );
      const [pure, node] = await both(new Uint8Array(buildZip(lying)));
      expect(node).toEqual(pure);
      expect(pure).toEqual({ refused: delta < 0 ? "zip_bomb" : "corrupt" });
    }
  });

  it("on a report with compressed bytes overwritten", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 4 }),
        async (edits) => {
          const bytes = report.slice();
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          const [pure, node] = await both(bytes);
          expect(node).toEqual(pure);
        },
      ),
      { numRuns: 300 },
    );
  });
});
