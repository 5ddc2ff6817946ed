/** Names as the merge compares them (foldName), and the bounded closest-name search of 未报送单位. */
import { closestRosterName, editDistance, foldName, indexRoster } from "../../src/core/merge";
import { comparedChars, MAX_COMPARED_CHARS } from "../../src/core/merge/identity";
import type { RosterUnit } from "../../src/core/merge/model";
import { MAX_CELL_CHARS } from "../../src/read";

const NAME = "天津市和平区市场监督管理局";

describe("names that look the same compare the same", () => {
  it.each([
    ["a NUL", "天津市和平区\u0000市场监督管理局"],
    ["a zero-width space and joiner", "天津市\u200b和平区\u200d市场监督管理局"],
    ["a left-to-right mark and a soft hyphen", "\u200e天津市和平区市场\u00ad监督管理局"],
    ["a byte order mark", "\ufeff天津市和平区市场监督管理局"],
    ["a variation selector", "天\ufe00津市和平区市场监督管理局"],
    ["ideographic and ordinary spaces around it", "\u3000 天津市和平区市场监督管理局 \t"],
  ])("%s", (_, variant) => {
    expect(foldName(variant)).toBe(foldName(NAME));
  });

  it("a Kangxi radical folds to its ideograph", () => {
    expect(foldName("\u2f08民医院")).toBe(foldName("人民医院"));
  });

  it("a visible difference stays a difference, and a line break inside stays a space", () => {
    expect(foldName("天津市和平区市场监督管理所")).not.toBe(foldName(NAME));
    expect(foldName("天津市和平区\n市场监督管理局")).toBe("天津市和平区 市场监督管理局");
  });

  it("a roster name with a NUL matches the file's name without one", () => {
    const roster = indexRoster([{ name: `${NAME}\u0000`, creditCode: null, category: null, row: 2 }]);
    expect(roster.byName.get(foldName(NAME))?.row).toBe(2);
  });
});

describe("the closest roster name is found with bounded work", () => {
  const roster: RosterUnit[] = Array.from({ length: 500 }, (_, i) => ({
    name: `天津市第${i}号标准化测试单位`,
    creditCode: null,
    category: null,
    row: i + 2,
  }));
  const index = indexRoster(roster);

  it("compares at most MAX_COMPARED_CHARS code points of any name, which is more than a name may have", () => {
    expect(MAX_COMPARED_CHARS).toBeGreaterThanOrEqual(2 * 100);
    const huge = "单".repeat(MAX_CELL_CHARS);
    expect(comparedChars(huge)).toHaveLength(MAX_COMPARED_CHARS);
    expect(comparedChars("𠀀".repeat(300))).toEqual(Array(MAX_COMPARED_CHARS).fill(0x20000));
    expect(editDistance(huge, "单")).toBe(MAX_COMPARED_CHARS - 1);
  });

  it("a 32,767-character name gets the suggestion its first MAX_COMPARED_CHARS characters get", () => {
    const huge = `天津市第42号标准化测试单位${"附".repeat(MAX_CELL_CHARS - 14)}`;
    expect([...huge]).toHaveLength(MAX_CELL_CHARS);
    const capped = [...huge].slice(0, MAX_COMPARED_CHARS).join("");
    expect(closestRosterName(index, huge)).toEqual(closestRosterName(index, capped));
    expect(closestRosterName(index, huge)).toMatchObject({ name: "天津市第42号标准化测试单位", rosterRow: 44 });
  });

  it("finds the nearest name, ties going to the earlier row, as without the bound", () => {
    expect(closestRosterName(index, "天津市第7号标准化测试单位甲")).toEqual({
      name: "天津市第7号标准化测试单位",
      rosterRow: 9,
      distance: 1,
    });
    // Both 第1号 and 第3号 are one edit away from 第2号的…: the earlier row wins.
    const two = indexRoster(roster.slice(1, 4));
    expect(closestRosterName(two, "天津市第5号标准化测试单位")).toMatchObject({ rosterRow: 3, distance: 1 });
  });
});
