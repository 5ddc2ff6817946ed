import { columnLetter, columnNumber, parseA1, toA1 } from "../../src/core/a1";
import { canonicalText, foldWidth, labelKey } from "../../src/core/text";

describe("a1", () => {
  it("round-trips columns", () => {
    for (const n of [1, 2, 26, 27, 52, 702, 703, 16384]) expect(columnNumber(columnLetter(n))).toBe(n);
    expect(columnLetter(28)).toBe("AB");
  });
  it("parses single cells, with or without $", () => {
    expect(parseA1("$C$5")).toEqual({ row: 5, column: 3 });
    expect(parseA1("aa10")).toEqual({ row: 10, column: 27 });
    expect(parseA1("A1:B2")).toBeNull();
    expect(parseA1("C0")).toBeNull();
    expect(toA1(5, 3)).toBe("C5");
  });
});

describe("text", () => {
  it("folds full-width digits and brackets but keeps 《》", () => {
    expect(foldWidth("１２０（人）《条例》")).toBe("120(人)《条例》");
    expect(canonicalText("　天津市　某局 ")).toBe("天津市 某局");
    expect(labelKey("* 联系电话：")).toBe("联系电话");
    expect(foldWidth("\u200b是\ufeff")).toBe("是");
  });
});
