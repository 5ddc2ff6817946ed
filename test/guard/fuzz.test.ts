/** Whatever the bytes, the guard answers with "ok" or a known refusal naming the file, never a throw. */
import fc from "fast-check";
import { REFUSAL_CODES } from "../../src/core/guard";
import { guardBuffer, GuardResult } from "../../src/node/file-guard";
import { exceljsWorkbook } from "./craft";

function wellFormed(r: GuardResult, name: string): boolean {
  if (r.ok) return r.name === name && r.sha256.length === 64;
  return REFUSAL_CODES.includes(r.code) && r.message.includes(`“${name}”`);
}

describe("guard never crashes", () => {
  let workbook: Buffer;
  beforeAll(async () => {
    workbook = await exceljsWorkbook();
  });

  it("on random bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 2048 }), async (bytes) => {
        expect(wellFormed(await guardBuffer("随机.xlsx", Buffer.from(bytes)), "随机.xlsx")).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("on a real workbook with bytes overwritten or cut short", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat()),
        async (edits, cut) => {
          const bytes = Buffer.from(workbook);
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          const input = cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
          expect(wellFormed(await guardBuffer("变异.xlsx", input), "变异.xlsx")).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("still accepts the untouched workbook (the property above can see both outcomes)", async () => {
    expect((await guardBuffer("原样.xlsx", workbook)).ok).toBe(true);
  });
});
