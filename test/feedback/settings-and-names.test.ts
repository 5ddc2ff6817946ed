/**
 * The feedback's settings (the settings file's 退回意见 section, the pane's fields) and the feedback
 * workbooks' file names: safe on Windows, macOS and Linux, Chinese kept, never two alike.
 */
import fc from "fast-check";
import {
  deadlineOf,
  feedbackSettingsOf,
  NO_FEEDBACK_SETTINGS,
  parseSettingsText,
  safeStem,
  uniqueFileNames,
} from "../../src/core/feedback";

describe("settings", () => {
  it("reads every item of the 退回意见 section, dates in any spelling a report takes, a BOM and blanks", () => {
    const text =
      '\uFEFF{ "退回意见": { "截止日期": "2023年11月5日", "经办单位": " 标准化处 ", "联系人": "张三", ' +
      '"联系电话": "022-23456789", "电子邮箱": "a@example.gov.cn", "补充说明": "" } }';
    expect(parseSettingsText(text)).toEqual({
      ok: true,
      feedback: {
        deadline: "2023-11-05",
        office: "标准化处",
        contact: "张三",
        phone: "022-23456789",
        email: "a@example.gov.cn",
        note: null,
      },
    });
    expect(parseSettingsText("{}")).toEqual({ ok: true, feedback: NO_FEEDBACK_SETTINGS });
  });

  it("says where a JSON file stops being JSON, counting lines", () => {
    const r = parseSettingsText('{\n  "退回意见": {\n    "联系人": "张三"\n    "联系电话": "1"\n  }\n}');
    expect(r).toMatchObject({ ok: false, problem: expect.stringMatching(/^不是有效的 JSON（第 4 行第 \d+ 列附近）/) });
  });

  it("refuses every bad item at once, each named with what it should be", () => {
    const r = parseSettingsText(
      JSON.stringify({ 退回意见: { 截止日期: "2023-02-30", 联系人: "很长".repeat(11), 电子邮箱: "x@" } }),
    );
    expect(r).toEqual({
      ok: false,
      problem:
        "“退回意见 → 截止日期”应为日期，如 2023-11-25 或 2023年11月25日，填写的是“2023-02-30”；" +
        "“退回意见 → 联系人”最多 20 个字，填写了 22 个字；" +
        "“退回意见 → 电子邮箱”应为电子邮箱地址（如 name@example.com），填写的是“x@”。",
    });
  });

  it("checks what is typed in the pane item by item, blank meaning not given", () => {
    expect(feedbackSettingsOf({ deadline: "2023-11-25", contact: " ", phone: "13812345678" })).toEqual({
      ok: true,
      settings: { ...NO_FEEDBACK_SETTINGS, deadline: "2023-11-25", phone: "13812345678" },
    });
    expect(feedbackSettingsOf({ phone: "12345" })).toEqual({
      ok: false,
      problems: [{ id: "phone", message: expect.stringContaining("应为手机号") }],
    });
  });

  it("takes a deadline on its own", () => {
    expect(deadlineOf("2023/12/1")).toEqual({ ok: true, iso: "2023-12-01" });
    expect(deadlineOf("月底")).toMatchObject({ ok: false, problem: expect.stringContaining("填写的是“月底”") });
  });
});

describe("file names", () => {
  it("keeps Chinese and what is allowed, drops what Windows forbids, hidden-file dots and invisible characters", () => {
    expect(safeStem("天津市河西区市场监督管理局")).toBe("天津市河西区市场监督管理局");
    expect(safeStem('..天津:市/ABC\\协会*?"<>|（筹）')).toBe("天津市ABC协会（筹）");
    expect(safeStem("甲\u202Egpj.exe\u200b单位\n")).toBe("甲gpj.exe单位");
    expect(safeStem("...")).toBe("");
    expect([...safeStem("很".repeat(200))]).toHaveLength(60);
    // 4-byte characters (CJK Extension B): cut by bytes, whole characters only, room left for （99）-退回意见.xlsx.
    const rare = safeStem("𠀀".repeat(60));
    expect([...rare]).toHaveLength(50);
    expect(rare).toBe("𠀀".repeat(50));
    const [name] = uniqueFileNames([{ stem: rare, suffix: "退回意见" }], ".xlsx");
    expect(Buffer.byteLength(name.replace("-", "（99）-"))).toBeLessThanOrEqual(255);
  });

  it("gives a second unit of one name （2）, comparing names as Windows and macOS do", () => {
    expect(
      uniqueFileNames(
        [
          { stem: "ABC协会", suffix: "回执" },
          { stem: "abc协会", suffix: "回执" },
          { stem: "ABC协会", suffix: "退回意见" },
          { stem: "ABC协会", suffix: "回执" },
        ],
        ".xlsx",
      ),
    ).toEqual(["ABC协会-回执.xlsx", "abc协会（2）-回执.xlsx", "ABC协会-退回意见.xlsx", "ABC协会（3）-回执.xlsx"]);
  });

  it("any unit names give names without forbidden characters, within 255 bytes, all different", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 120 }), { minLength: 1, maxLength: 8 }), (names) => {
        const files = uniqueFileNames(
          names.map((n) => ({ stem: safeStem(n) || "x", suffix: "退回意见" })),
          ".xlsx",
        );
        for (const f of files) {
          // eslint-disable-next-line no-control-regex -- what no file name may hold
          expect(f).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
          expect(f.startsWith(".")).toBe(false);
          expect(Buffer.byteLength(f)).toBeLessThanOrEqual(255);
        }
        expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
      }),
    );
  });
});
