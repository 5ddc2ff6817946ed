/** printableText: names and messages from outside stay one visible line wherever they are printed. */
import fc from "fast-check";
import { refusalMessage, REFUSAL_CODES } from "../../src/core/guard";
import { printableText } from "../../src/core/text";

/** C0, DEL, C1, the line and paragraph separators, and bidi embeddings, overrides and isolates. */
const breaksALine = (ch: string): boolean => {
  const c = ch.codePointAt(0)!;
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
};

describe("printableText", () => {
  it("shows a newline, a carriage return and a tab as \\n, \\r, \\t", () => {
    expect(printableText("河西区\n报表\r\t.xlsx")).toBe("河西区\\n报表\\r\\t.xlsx");
  });

  it("shows ESC, DEL, C1 controls, bidi overrides and line separators as \\u escapes", () => {
    expect(printableText("\u001b[31m红\u001b[0m.xlsx")).toBe("\\u001B[31m红\\u001B[0m.xlsx");
    expect(printableText("a\u007fb\u0085c\u009bd")).toBe("a\\u007Fb\\u0085c\\u009Bd");
    // U+202E turns "报表\u202Excod.exe" into what looks like "报表exe.docx".
    expect(printableText("报表\u202excod.exe")).toBe("报表\\u202Excod.exe");
    expect(printableText("a\u2028b\u2029c\u200fd\u2066e\u061cf")).toBe("a\\u2028b\\u2029c\\u200Fd\\u2066e\\u061Cf");
  });

  it("keeps Chinese, full-width punctuation, spaces and Windows path separators as they are", () => {
    for (const name of ["C:\\收件\\01-和平区（更正）.xlsx", "报送 文件/02-河西区.xlsx", "~$锁定.xlsx", "《条例》"])
      expect(printableText(name)).toBe(name);
  });

  it("never leaves a character that breaks or steers a line, and changes nothing more when applied twice", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const once = printableText(s);
        expect([...once].filter(breaksALine)).toEqual([]);
        expect(printableText(once)).toBe(once);
      }),
    );
  });

  it("keeps every refusal message on one line, whatever the file and part are called", () => {
    for (const code of REFUSAL_CODES) {
      const message = refusalMessage(code, "报表\n\u001b[2J.xlsx", "部件 xl/\nsheet.xml 的数据已损坏");
      expect([...message].filter(breaksALine)).toEqual([]);
      expect(message).toContain("报表\\n\\u001B[2J.xlsx");
    }
  });
});
