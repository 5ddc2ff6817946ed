/** A master workbook given to merge is told apart from a report. */
import { isMasterReadAsReport, isMasterSheetList } from "../../src/core/merge/master-input";
import { isLockFileName } from "../../src/node/merge-read";
import { validReport } from "../helpers/report-builder";

describe("master given as input", () => {
  it("a workbook with 汇总表 and 问题清单 is a master; a report's sheets are not", () => {
    expect(isMasterSheetList(["汇总表", "活动明细", "宣传报道", "佐证材料", "问题清单", "未报送单位", "统计"])).toBe(
      true,
    );
    expect(isMasterSheetList(["填报说明", "基本情况", "活动明细", "宣传报道", "佐证材料", "核实说明", "自检"])).toBe(
      false,
    );
    expect(isMasterSheetList(["汇总表"])).toBe(false);
  });

  it("a report whose fields were found on 汇总表 is a master read as a report", () => {
    expect(isMasterReadAsReport(validReport())).toBe(false);
    expect(isMasterReadAsReport(validReport({ sheetNames: { 基本情况: "汇总表" } }))).toBe(true);
  });
});

describe("lock files", () => {
  it("knows Excel/WPS (~$) and LibreOffice (.~lock.…#) lock files, and nothing else", () => {
    expect(isLockFileName("~$01-和平区.xlsx")).toBe(true);
    expect(isLockFileName(".~lock.01-和平区.xlsx#")).toBe(true);
    expect(isLockFileName("01-和平区.xlsx")).toBe(false);
    expect(isLockFileName("报表~$.xlsx")).toBe(false);
  });
});
