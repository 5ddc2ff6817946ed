/**
 * 催报 (issue 17 part 2) in the core: the roster's optional contact columns, the lines the bureau
 * chases (roster units that sent nothing, unreadable files, reports of the other type) and those it
 * does not, CSV text that never opens as a formula, and the bytes in GB18030 and UTF-8.
 */
import iconv from "iconv-lite";
import { csvCell, csvText } from "../../src/core/csv";
import { mergeSubmissions } from "../../src/core/merge";
import { rosterUnitsOf } from "../../src/core/merge/roster-table";
import type { RosterUnit } from "../../src/core/merge/model";
import { missingLines } from "../../src/core/master/missing";
import { reminderLines, remindersCsv, remindersSummary } from "../../src/core/reminders";
import { csvBytes, reminderBytes } from "../../src/xlsx/csv-bytes";
import { reportFile, unit, unreadableFile } from "./helpers";

const lines = (rows: string[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));

describe("the roster's contact columns", () => {
  it("are found by header in any order, under other usual labels too", () => {
    const table = rosterUnitsOf(
      lines([
        ["邮箱", "单位名称", "手机", "联系人"],
        ["a@example.cn", "甲单位", "13800000000", "王红"],
        ["", "乙单位", "", ""],
      ]),
    );
    expect(table.ok && table.units.map((u) => u.contact)).toEqual([
      { name: "王红", phone: "13800000000", email: "a@example.cn" },
      { name: null, phone: null, email: null },
    ]);
  });

  it("prefer 联系电话 to a plainer 电话 column whatever their order", () => {
    const table = rosterUnitsOf(
      lines([
        ["电话", "单位名称", "联系电话"],
        ["022-1", "甲单位", "022-2"],
      ]),
    );
    expect(table.ok && table.units[0].contact?.phone).toBe("022-2");
  });

  it("are absent from a roster without them", () => {
    const table = rosterUnitsOf(
      lines([
        ["单位名称", "单位类别"],
        ["甲单位", "企业"],
      ]),
    );
    expect(table.ok && table.units[0]).toEqual({ name: "甲单位", creditCode: null, category: "企业", row: 2 });
  });
});

describe("CSV text", () => {
  it("quotes every cell, doubles quotes, ends each record with CR LF", () => {
    expect(
      csvText([
        ["a", 'say "hi"'],
        ["中文,逗号", "二\n行"],
      ]),
    ).toBe('"a","say ""hi"""\r\n"中文,逗号","二\n行"\r\n');
  });

  it.each(["=1+1", "+86 022", "-2", "@SUM(A1)", "\t=1", "\r=1"])(
    "never lets %j open as a formula: a leading apostrophe",
    (text) => expect(csvCell(text)).toBe(`"'${text}"`),
  );

  it.each(["022-28311001", "a=b", "王红", "", "1+1"])("leaves %j as it is", (text) =>
    expect(csvCell(text)).toBe(`"${text}"`),
  );

  it("writes GB18030 (a character outside GBK too) and UTF-8 with a byte-order mark", () => {
    const text = '"天津市𠀀标准化研究院","王红"\r\n';
    const gb = csvBytes(text, "gb18030");
    expect(new TextDecoder("gb18030").decode(gb)).toBe(text);
    expect(Buffer.from(gb).equals(iconv.encode(text, "gbk"))).toBe(false); // 𠀀 is not in GBK
    const utf8 = csvBytes(text, "utf-8");
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8").decode(utf8)).toBe(text);
  });
});

describe("the lines 催报 chases", () => {
  const ROSTER: RosterUnit[] = [
    {
      name: "天津市测试单位1",
      creditCode: null,
      category: null,
      row: 2,
      contact: { name: "甲", phone: "1", email: null },
    },
    {
      name: "天津市测试单位2",
      creditCode: null,
      category: "企业",
      row: 3,
      contact: { name: "王红", phone: '=HYPERLINK("x")', email: "b@example.cn" },
    },
    {
      name: "天津市测试单位3",
      creditCode: null,
      category: null,
      row: 4,
      contact: { name: "丙", phone: null, email: null },
    },
    { name: "天津市测试单位4", creditCode: null, category: null, row: 5 },
  ];
  const result = mergeSubmissions(
    [
      reportFile("1.xlsx", { fields: unit(1) }),
      // 3 sent only a 阶段性总结: not received, told on its 未报送 line.
      reportFile("3-stage.xlsx", { fields: unit(3, { report_type: "阶段性总结" }) }),
      // 1 sent a 阶段性总结 beside its 年度总结: nothing to chase.
      reportFile("1-stage.xlsx", { fields: unit(1, { report_type: "阶段性总结" }) }),
      // Not on the roster, only a 阶段性总结: chased by the file's own contact.
      reportFile("9-stage.xlsx", { fields: unit(9, { report_type: "阶段性总结", contact_name: "赵磊" }) }),
      // Not on the roster, a 年度总结: not chased (it reported; 未报送单位 lists it as 不在名单中).
      reportFile("8.xlsx", { fields: unit(8) }),
      unreadableFile("坏.xlsx"),
      reportFile("5.xlsx", { fields: unit(5) }),
      reportFile("6.xlsx", { fields: unit(6) }),
    ],
    { reportType: "年度总结", roster: { file: "名单.csv", units: ROSTER } },
  );

  it("are the roster units that sent nothing (with the roster's contacts), unreadable files and other-type reports", () => {
    const chased = reminderLines(result).map((l) => [l.situation, l.unit, l.contact?.name ?? null, l.file]);
    expect(chased).toEqual([
      ["missing", "天津市测试单位2", "王红", null],
      ["missing", "天津市测试单位3", "丙", "3-stage.xlsx"],
      ["missing", "天津市测试单位4", null, null],
      ["unreadable", "", null, "坏.xlsx"],
      ["otherType", "天津市测试单位9", "赵磊", "9-stage.xlsx"],
    ]);
    const three = reminderLines(result)[1];
    expect(three.note).toBe("只报送了阶段性总结（文件“3-stage.xlsx”），本次汇总的是年度总结，未计为已报送");
  });

  it("leave out the units that reported: 不在名单中 stays in 未报送单位 only", () => {
    expect(
      missingLines(result)
        .filter((l) => l.situation === "notOnRoster")
        .map((l) => l.unit),
    ).toEqual(["天津市测试单位5", "天津市测试单位6", "天津市测试单位8"]);
    expect(reminderLines(result).map((l) => l.unit)).not.toContain("天津市测试单位1");
    expect(reminderLines(result).map((l) => l.unit)).not.toContain("天津市测试单位8");
  });

  it("as CSV: the contact columns, no closest-name columns, and a phone that would be a formula kept as text", () => {
    const text = remindersCsv(result);
    const [header, first] = text.split("\r\n");
    expect(header).toBe(
      '"情况","单位名称","统一社会信用代码","单位类别","联系人","联系电话","电子邮箱","名单行号","来源文件","说明"',
    );
    expect(first).toBe('"未报送","天津市测试单位2","","企业","王红","\'=HYPERLINK(""x"")","b@example.cn","3","",""');
    expect(new TextDecoder("gb18030").decode(reminderBytes(result))).toBe(text);
  });

  it("are summed up in one sentence, and without anything to chase it says so", () => {
    expect(remindersSummary(result)).toBe(
      "共 5 行：名单中未报送的单位 3 个，无法读取的文件 1 个，报告类型不符的文件 1 个",
    );
    const clean = mergeSubmissions([reportFile("1.xlsx", { fields: unit(1) })]);
    expect(reminderLines(clean)).toEqual([]);
    expect(remindersSummary(clean)).toMatch(/^无需催报：/);
    expect(remindersCsv(clean).split("\r\n")).toHaveLength(2); // the header and the final CR LF
  });
});
