/**
 * The workbook adapter against office-addin-mock: what it reports and how many round trips
 * (context.sync calls) each operation costs — a sync per sheet would make the pane slow in Excel on
 * the web.
 */

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose full import pulls
// an ESM-only package that jest's CommonJS runtime cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));

import { OfficeMockObject } from "office-addin-mock";
import { SHEETS } from "../../src/core/definition";
import { createWorkbookAdapter, TEMPLATE_SHEET_NAMES, type ExcelRunner } from "../../src/office/workbook";

interface MockedExcel {
  excel: ExcelRunner;
  syncCount(): number;
}

/**
 * An Excel namespace whose workbook holds `sheetNames` and has `active` selected.
 * getItemOrNullObject hands out mock worksheets; isNullObject is set up front because the real
 * runtime fills it in on sync, which the mock cannot.
 */
function mockExcel(sheetNames: readonly string[], active: string): MockedExcel {
  // Mock objects are keyed s0, s1, … because the mock's own fields would get in the way of a
  // lookup through Object.values; `keyOf` maps a sheet name to its key.
  const keyOf = new Map(sheetNames.map((name, i) => [name, `s${i}`]));
  const sheets: Record<string, { name: string }> = {};
  sheetNames.forEach((name, i) => (sheets[`s${i}`] = { name }));
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          sheets,
          missing: { name: "" },
          active: { name: active },
          getItemOrNullObject(this: MockWorksheets, name: string) {
            const key = keyOf.get(name);
            return key === undefined ? this.missing : this.sheets[key];
          },
          getActiveWorksheet(this: MockWorksheets) {
            return this.active;
          },
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  });
  const context = (mock as unknown as { context: MockContext }).context;
  const worksheets = context.workbook.worksheets;
  for (const key of keyOf.values()) worksheets.sheets[key].isNullObject = false;
  worksheets.missing.isNullObject = true;

  let syncs = 0;
  const realSync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await realSync();
  };
  return { excel: mock as unknown as ExcelRunner, syncCount: () => syncs };
}

interface MockSheet {
  name: string;
  isNullObject: boolean;
}
interface MockWorksheets {
  sheets: Record<string, MockSheet>;
  missing: MockSheet;
  active: MockSheet;
}
interface MockContext {
  workbook: { worksheets: MockWorksheets };
  sync(): Promise<void>;
}

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
