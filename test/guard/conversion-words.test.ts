/**
 * Which refusals a converter lifts, and what the bureau and the unit read when a file is not converted
 * or its conversion fails (src/core/guard/conversion.ts, refusal.ts; src/core/words.ts). Pure.
 */
import {
  conversionFailureDetail,
  conversionHint,
  convertibleFormatOf,
  REFUSAL_CODES,
  refusalMessage,
  unreadableMessage,
} from "../../src/core/guard";
import { convertedNote, fileWithConversion } from "../../src/core/words";

describe("which files a conversion lifts", () => {
  it("an OLE2 workbook is .xls, or WPS's .et when named so; OpenDocument is .ods", () => {
    expect(convertibleFormatOf("legacy_xls", "报表.xls")).toBe("xls");
    expect(convertibleFormatOf("legacy_xls", "报表.XLS")).toBe("xls");
    expect(convertibleFormatOf("legacy_xls", "报表.et")).toBe("et");
    expect(convertibleFormatOf("legacy_xls", "报表.ETT")).toBe("et");
    // An OLE2 workbook under any other name is what its bytes say: Excel 97-2003.
    expect(convertibleFormatOf("legacy_xls", "报表.xlsx")).toBe("xls");
    expect(convertibleFormatOf("ods", "报表.ods")).toBe("ods");
  });

  it("no other refusal is lifted: a damaged, encrypted or non-spreadsheet file stays refused", () => {
    const lifted = REFUSAL_CODES.filter((code) => convertibleFormatOf(code, "报表.xls") !== undefined);
    expect(lifted.sort()).toEqual(["legacy_xls", "ods"]);
    expect(convertibleFormatOf("not_found", "报表.xls")).toBeUndefined();
    expect(convertibleFormatOf("conversion_failed", "报表.xls")).toBeUndefined();
  });
});

describe("the refusal of a file not converted", () => {
  it("an .xls names Excel 97-2003 and Excel's 另存为; an .et names WPS 表格 and its own .xlsx type", () => {
    const xls = refusalMessage("legacy_xls", "甲.xls");
    expect(xls).toContain("“甲.xls”是旧版 Excel 97-2003 格式（.xls）");
    expect(xls).toContain("另存为");
    expect(xls).toContain("Excel 工作簿 (*.xlsx)");
    const et = refusalMessage("legacy_xls", "乙.et");
    expect(et).toContain("“乙.et”是 WPS 表格格式（.et）");
    expect(et).toContain("Microsoft Excel 文件(*.xlsx)");
    expect(et).not.toContain("97-2003");
    expect(refusalMessage("ods", "丙.ods")).toContain("“丙.ods”是 OpenDocument 电子表格（.ods");
  });

  it("the bureau is told how to have such files read: install LibreOffice or give --soffice; or why it was not", () => {
    expect(conversionHint("not_installed")).toContain("安装 LibreOffice");
    expect(conversionHint("not_installed")).toContain("--soffice");
    expect(conversionHint("disabled")).toContain("--no-soffice");
    expect(conversionHint("disabled")).not.toContain("安装");
  });

  it("the pane says plainly: the command line, or Excel's 另存为", () => {
    const pane = conversionHint("pane");
    expect(pane).toContain("任务窗格不能转换 .xls、.et、.ods 文件");
    expect(pane).toContain("另存为");
    expect(pane).toContain("命令行");
  });
});

describe("a failed conversion", () => {
  it("names the file and says why, and what the unit can do", () => {
    const message = unreadableMessage(
      "conversion_failed",
      "坏.xls",
      conversionFailureDetail({ reason: "no_output" }, "xls"),
    );
    expect(message).toContain("“坏.xls”用 LibreOffice 转换为 .xlsx 时失败");
    expect(message).toContain("LibreOffice 打不开这个 .xls 文件，可能已损坏或设置了打开密码");
    expect(message).toContain("另存为");
  });

  it("each reason has its own words", () => {
    expect(conversionFailureDetail({ reason: "timeout", seconds: 120 }, "ods")).toBe(
      "转换 .ods 超过 120 秒仍未完成，已停止",
    );
    expect(conversionFailureDetail({ reason: "start", detail: "ENOENT" }, "xls")).toBe("无法启动 LibreOffice：ENOENT");
    expect(conversionFailureDetail({ reason: "exit", code: 81, signal: null }, "xls")).toBe(
      "LibreOffice 异常退出，退出码 81",
    );
    expect(conversionFailureDetail({ reason: "exit", code: null, signal: "SIGSEGV" }, "xls")).toBe(
      "LibreOffice 被异常终止：SIGSEGV",
    );
    expect(
      conversionFailureDetail({ reason: "too_large", bytes: 40 * 1024 * 1024, limit: 20 * 1024 * 1024 }, "et"),
    ).toMatch(/^转换后的文件有 40(\.0)? MB，超过上限 20(\.0)? MB$/);
  });
});

describe("provenance", () => {
  it("a converted file says from what; a file read as sent says nothing more", () => {
    expect(convertedNote("xls")).toBe("由 .xls 转换");
    expect(fileWithConversion("报送/甲.et", "et")).toBe("报送/甲.et（由 .et 转换）");
    expect(fileWithConversion("报送/甲.xlsx", undefined)).toBe("报送/甲.xlsx");
  });
});
