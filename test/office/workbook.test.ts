/**
 * The workbook adapter against office-addin-mock: what it reports and how many round trips
 * (context.sync calls) each operation costs — a sync per sheet would make the pane slow in Excel on
 * the web.
 */

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose full import pulls
// an ESM-only package that jest's CommonJS runtime cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));

import { SHEETS } from "../../src/core/definition";
import { createWorkbookAdapter, TEMPLATE_SHEET_NAMES } from "../../src/office/workbook";
import { mockExcel } from "../helpers/office-mock";

describe("findTemplateSheets", () => {
  it("lists the template's sheets in the definition's order", () => {
    expect(TEMPLATE_SHEET_NAMES).toEqual(Object.values(SHEETS));
    expect(TEMPLATE_SHEET_NAMES).toContain("基本情况");
  });

  it("finds every sheet of a workbook made from the template in one context.sync", async () => {
    const { excel, syncCount } = mockExcel([...TEMPLATE_SHEET_NAMES].reverse(), "基本情况");
    const result = await createWorkbookAdapter(excel).findTemplateSheets();
    expect(result.present).toEqual(TEMPLATE_SHEET_NAMES);
    expect(result.missing).toEqual([]);
    expect(result.activeSheet).toBe("基本情况");
    expect(syncCount()).toBe(1);
  });

  it("reports the missing sheets of a blank workbook, still in one context.sync", async () => {
    const { excel, syncCount } = mockExcel(["Sheet1"], "Sheet1");
    const result = await createWorkbookAdapter(excel).findTemplateSheets();
    expect(result.present).toEqual([]);
    expect(result.missing).toEqual(TEMPLATE_SHEET_NAMES);
    expect(result.activeSheet).toBe("Sheet1");
    expect(syncCount()).toBe(1);
  });

  it("tells a partial copy apart: only the sheets that are there count as present", async () => {
    const kept = [SHEETS.basic, SHEETS.events, "Sheet1"];
    const { excel } = mockExcel(kept, SHEETS.events);
    const result = await createWorkbookAdapter(excel).findTemplateSheets();
    expect(result.present).toEqual([SHEETS.basic, SHEETS.events]);
    expect(result.missing).toEqual(TEMPLATE_SHEET_NAMES.filter((n) => n !== SHEETS.basic && n !== SHEETS.events));
    expect(result.activeSheet).toBe(SHEETS.events);
  });
});
