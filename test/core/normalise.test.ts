import {
  creditCodeCheckChar,
  creditCodeCheckDigitOk,
  dateOfExcelSerial,
  excelSerialOfIso,
  isBlank,
  normaliseCreditCode,
  normaliseDate,
  normaliseEmail,
  normaliseEnum,
  normaliseHeadcount,
  normaliseInteger,
  normalisePhone,
  normaliseText,
  normaliseUrl,
  parseChineseNumeral,
} from "../../src/core/normalise";

const read = (v: Parameters<typeof normaliseHeadcount>[0]) => normaliseHeadcount(v);

describe("headcount (spec §3)", () => {
  it.each([
    ["120", 120],
    ["120.0", 120],
    ["１２０", 120],
    ["1,200", 1200],
    ["１，２００", 1200],
    [" 120 ", 120],
    ["0", 0],
  ])("reads %j as %d without a note", (text, n) => {
    expect(read(text)).toEqual({ ok: true, value: n });
  });

  it.each([
    ["120人", 120],
    ["120人次", 120],
    ["3次", 3],
    ["3场", 3],
    ["一百二十", 120],
    ["两千零五", 2005],
    ["十五", 15],
    ["1.2万", 12000],
    ["一万零五十人次", 10050],
  ])("reads %j as %d, noted as normalised", (text, n) => {
    expect(read(text)).toEqual({ ok: true, value: n, note: { kind: "normalized", readAs: String(n) } });
  });

  it.each([
    ["约120", 120],
    ["120余人", 120],
    ["100多", 100],
    ["120+", 120],
    ["大约 300 人次", 300],
    ["一百多人", 100],
  ])("reads %j as %d, noted as approximate", (text, n) => {
    expect(read(text)).toEqual({ ok: true, value: n, note: { kind: "approximate", readAs: String(n) } });
  });

  it.each(["12.5", "-3", "若干", "—", "/", "无", "1,2", "1e3", "12,5", "人次", "多", "百", "二三百", "1.23456万"])(
    "rejects %j and says what is expected",
    (text) => {
      const r = read(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toContain("应为不小于0的整数");
    },
  );

  it("takes whole numbers from a grid and rejects everything else that is not one", () => {
    expect(read(120)).toEqual({ ok: true, value: 120 });
    expect(read(-0)).toEqual({ ok: true, value: 0 });
    expect(read(0.1 * 3 * 1000)).toEqual({ ok: true, value: 300, note: { kind: "normalized", readAs: "300" } });
    for (const bad of [12.5, -3, NaN, Infinity, true, false, { error: "#DIV/0!" }]) expect(read(bad).ok).toBe(false);
  });

  it("reads the number behind a cell formatted as a date", () => {
    // 1900-04-29 is serial 120 in the 1900 system.
    const r = read(new Date(Date.UTC(1900, 3, 29)));
    expect(r.ok && r.value).toBe(120);
    expect(r.ok && r.note?.kind).toBe("normalized");
  });
});

describe("Chinese numerals", () => {
  it.each([
    ["零", 0],
    ["十", 10],
    ["十一", 11],
    ["二十", 20],
    ["一百零五", 105],
    ["一千零一十", 1010],
    ["一万", 10000],
    ["十二万三千", 123000],
    ["一亿二千万", 120000000],
    ["一二〇", 120],
  ])("%s = %d", (text, n) => expect(parseChineseNumeral(text)).toBe(n));

  it.each(["", "万", "百", "百二", "abc", "一二x"])("rejects %j", (text) =>
    expect(parseChineseNumeral(text)).toBeNull(),
  );
});

describe("date (spec §3)", () => {
  it.each([
    "2023-06-05",
    "2023/6/5",
    "2023.6.5",
    "2023年6月5日",
    "２０２３－０６－０５",
    " 2023-6-5 ",
    "2023年 6月 5日",
  ])("reads %j as 2023-06-05", (text) => expect(normaliseDate(text)).toEqual({ ok: true, value: "2023-06-05" }));

  it("reads 6月5日 in the report year and notes it", () => {
    expect(normaliseDate("6月5日", { year: 2024 })).toEqual({
      ok: true,
      value: "2024-06-05",
      note: { kind: "normalized", readAs: "2024-06-05" },
    });
    expect(normaliseDate("6月5日").ok).toBe(false);
  });

  it("reads Date objects and serial numbers in both systems", () => {
    expect(normaliseDate(new Date(Date.UTC(2023, 5, 5)))).toEqual({ ok: true, value: "2023-06-05" });
    expect(normaliseDate(new Date(Date.UTC(2023, 5, 4, 23, 59, 59, 800)))).toEqual({ ok: true, value: "2023-06-05" });
    expect(normaliseDate(45082)).toEqual({ ok: true, value: "2023-06-05" });
    expect(normaliseDate(45082.75)).toEqual({ ok: true, value: "2023-06-05" });
    expect(normaliseDate(45082 - 1462, { date1904: true })).toEqual({ ok: true, value: "2023-06-05" });
    expect(dateOfExcelSerial(1)).toBe("1900-01-01");
    expect(dateOfExcelSerial(59)).toBe("1900-02-28");
    expect(dateOfExcelSerial(60)).toBeNull();
    expect(dateOfExcelSerial(61)).toBe("1900-03-01");
    expect(dateOfExcelSerial(0, true)).toBe("1904-01-01");
    expect(excelSerialOfIso("1900-03-01")).toBe(61);
    expect(excelSerialOfIso("1900-01-01")).toBe(1);
  });

  it.each(["2023-02-30", "2023-13-01", "明天", "20230605", "23-6-5", "2023-6/5", "6/5", "6月32日"])(
    "rejects %j",
    (text) => {
      const r = normaliseDate(text, { year: 2023 });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toContain("应为日期");
    },
  );

  it("rejects values that are not dates", () => {
    for (const v of [true, { error: "#VALUE!" }, 0, -5, 3e6, new Date(NaN)]) expect(normaliseDate(v).ok).toBe(false);
  });
});

describe("enum, text, integer", () => {
  const options = ["《条例》", "线上线下结合", "其他(注明)"];
  it("trims and folds width, keeps 《》, and lists the options when nothing matches", () => {
    expect(normaliseEnum("　《条例》 ", options)).toEqual({ ok: true, value: "《条例》" });
    expect(normaliseEnum("其他（注明）", options)).toEqual({ ok: true, value: "其他(注明)" });
    const bad = normaliseEnum("条例", options);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem).toBe("应为以下选项之一：《条例》、线上线下结合、其他(注明)，填写的是“条例”");
    expect(normaliseEnum("线上 线下结合", options).ok).toBe(false);
  });

  it("keeps formula-looking text as text and treats white space as blank", () => {
    for (const s of ["=1+1", "+86 138", "-无-", "@all"])
      expect(normaliseText(` ${s} `)).toEqual({ ok: true, value: s });
    expect(normaliseText(12)).toEqual({ ok: true, value: "12" });
    expect(normaliseText({ error: "#REF!" }).ok).toBe(false);
    for (const v of [null, "", "   ", "\u3000"]) expect(isBlank(v)).toBe(true);
    expect(isBlank(0)).toBe(false);
  });

  it("ignores the zero-width characters that text pasted from web pages carries", () => {
    expect(isBlank("\u200b")).toBe(true);
    expect(isBlank("\u200b是")).toBe(false);
    expect(normaliseText("\u200b天津市某局\u200b ")).toEqual({ ok: true, value: "天津市某局" });
    expect(normaliseEnum("是\u200b", ["是", "否"])).toEqual({ ok: true, value: "是" });
    expect(normaliseHeadcount("1\u200b20")).toEqual({ ok: true, value: 120 });
    expect(normaliseDate("2023-11-01\u200b")).toEqual({ ok: true, value: "2023-11-01" });
    expect(normalisePhone("13812345678\u2060").ok).toBe(true);
    expect(normaliseEnum("是\u200b否", ["是", "否"]).ok).toBe(false);
  });

  it("reads the year", () => {
    expect(normaliseInteger("２０２３", 2000, 2100)).toEqual({ ok: true, value: 2023 });
    expect(normaliseInteger(2023, 2000, 2100)).toEqual({ ok: true, value: 2023 });
    expect(normaliseInteger("2023年", 2000, 2100)).toEqual({
      ok: true,
      value: 2023,
      note: { kind: "normalized", readAs: "2023" },
    });
    // The field is 年度: people write 2023年度 as often as 2023年.
    expect(normaliseInteger("2023年度", 2000, 2100)).toEqual({
      ok: true,
      value: 2023,
      note: { kind: "normalized", readAs: "2023" },
    });
    expect(normaliseInteger("2023度", 2000, 2100).ok).toBe(false);
    for (const bad of ["23", 2101, 2023.5, "二〇二三年x", true])
      expect(normaliseInteger(bad, 2000, 2100).ok).toBe(false);
    // 2023 typed into a cell formatted as a date shows as 1905-07-15.
    const asDate = normaliseInteger(new Date(Date.UTC(1905, 6, 15)), 2000, 2100);
    expect(asDate.ok && [asDate.value, asDate.note?.kind]).toEqual([2023, "normalized"]);
    expect(normaliseInteger(new Date(Date.UTC(2023, 0, 1)), 2000, 2100).ok).toBe(false);
  });
});

describe("phone, e-mail, url", () => {
  it.each([
    "13812345678",
    "022-27182133",
    "27182133",
    "022-27182133-8001",
    "02227182133",
    "138 1234 5678",
    13812345678,
    "（022）27182133",
    "138-1234-5678",
    "+86 138-1234-5678",
    "022-2718-2133",
    "2718-2133-801",
  ])("accepts phone %j", (v) => expect(normalisePhone(v).ok).toBe(true));
  it.each([
    "12345",
    "12812345678",
    "138123456789",
    "电话",
    "010-1234567",
    "2718213",
    "1381-234-5678",
    "138-1234-56789",
    "022-271-82133",
  ])("rejects phone %j", (v) => expect(normalisePhone(v).ok).toBe(false));
  it("checks e-mail addresses", () => {
    expect(normaliseEmail(" scjgbzhc@tj.gov.cn ")).toEqual({ ok: true, value: "scjgbzhc@tj.gov.cn" });
    expect(normaliseEmail("ｎａｍｅ＠ｅｘａｍｐｌｅ．ｃｏｍ")).toEqual({ ok: true, value: "name@example.com" });
    for (const bad of ["abc@", "abc", "a b@c.cn", "a@b"]) expect(normaliseEmail(bad).ok).toBe(false);
  });
  it("checks web addresses", () => {
    for (const ok of ["https://www.tj.gov.cn/a?b=1", "http://example.com", "HTTPS://news.cn:8080/x"])
      expect(normaliseUrl(ok).ok).toBe(true);
    for (const bad of ["www.example.com", "ftp://x.cn", "https://", "见附件"]) expect(normaliseUrl(bad).ok).toBe(false);
  });
});

describe("统一社会信用代码 (GB 32100-2015)", () => {
  it("accepts 18 characters of the code alphabet after folding and upper-casing", () => {
    expect(normaliseCreditCode("91350100m000100y43")).toEqual({ ok: true, value: "91350100M000100Y43" });
    expect(normaliseCreditCode("９１３５０１００Ｍ０００１００Ｙ４３")).toEqual({
      ok: true,
      value: "91350100M000100Y43",
    });
    for (const bad of ["123", "91350100M000100Y4", "91350100M000100I43", "91350100M000100O43", 12345]) {
      expect(normaliseCreditCode(bad).ok).toBe(false);
    }
  });
  it("computes the check character", () => {
    for (const code of ["91350100M000100Y43", "91110000600037341L", "91120000103071899G"]) {
      expect(creditCodeCheckDigitOk(code)).toBe(true);
      expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    }
    expect(creditCodeCheckDigitOk("91350100M000100Y44")).toBe(false);
  });
});
