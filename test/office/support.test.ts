/** Older Excel: each feature names the requirement set it needs and the Excel versions that have it. */
import { featureSupport, FEATURE_SETS } from "../../src/office/support";
import { templateFromServer } from "../../src/host-kit/template-asset";

const upTo = (max: number) => (name: string, version: string) =>
  name === "ExcelApi" && Number(version.split(".")[1]) <= max;

describe("feature support by requirement set", () => {
  it("everything is available where ExcelApi 1.13 is", () => {
    expect(Object.values(featureSupport(upTo(13))).every((s) => s.available)).toBe(true);
  });

  it("Excel 2019 (ExcelApi 1.7): validate, marks and 核实说明 run; live validation and insert say what they need", () => {
    const s = featureSupport(upTo(7));
    expect([s.validate, s.marks, s.explain].every((x) => x.available)).toBe(true);
    expect(s.liveValidation).toEqual({
      available: false,
      needs: "ExcelApi 1.9",
      message: expect.stringMatching(/边填边校验.*1\.9.*Excel 2021/),
    });
    expect(s.insertTemplate).toMatchObject({ available: false, needs: "ExcelApi 1.13" });
  });

  it("Excel 2016 volume licence (ExcelApi 1.1): nothing, each with its own message", () => {
    const s = featureSupport(upTo(1));
    const messages = Object.values(s).map((x) => (x.available ? "" : x.message));
    expect(new Set(messages).size).toBe(Object.keys(FEATURE_SETS).length);
    expect(messages.every((m) => /ExcelApi）1\.\d+/.test(m) && m.includes("命令行"))).toBe(true);
  });

  it("another host's requirement sets do not count", () => {
    expect(featureSupport((name) => name === "WordApi").validate.available).toBe(false);
  });
});

describe("the shipped template", () => {
  it("is fetched once and handed over as base64; a failed download is tried again", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 255, 0]);
    let calls = 0;
    const fetchImpl = (async () => {
      calls++;
      if (calls === 1) return new Response(null, { status: 503 });
      return new Response(bytes);
    }) as typeof fetch;
    const template = templateFromServer(fetchImpl);
    await expect(template()).rejects.toThrow("HTTP 503");
    expect(await template()).toBe(Buffer.from(bytes).toString("base64"));
    expect(await template()).toBe(Buffer.from(bytes).toString("base64"));
    expect(calls).toBe(2);
  });
});
