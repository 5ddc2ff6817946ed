/**
 * office-addin-mock harnesses for the Office.js adapter tests: an Excel whose workbook holds a grid
 * (read-grid) or a list of sheets (findTemplateSheets), each counting context.sync calls. The strict
 * stand-in (test/helpers/excel-sim) is the one that enforces load-before-read; these stay for the
 * older tests that compare with office-addin-mock's behaviour.
 *
 * A test importing this must first mock office-addin-manifest (see the test files): office-addin-mock
 * needs only its OfficeApp enum, and the full import pulls an ESM-only package jest cannot load.
 */
import { OfficeMockObject } from "office-addin-mock";
import { isCellError, type CellValue, type SheetGrid, type WorkbookGrid } from "../../src/core/model";
import type { ExcelRunner } from "../../src/office/runner";

interface OfficeRange {
  values: unknown[][];
  valueTypes: string[][];
  rowIndex: number;
  columnIndex: number;
}

/** What Excel answers for a sheet's used range: the smallest rectangle around its values. */
function usedRangeOf(sheet: SheetGrid, date1904: boolean): OfficeRange | null {
  let top = Infinity,
    left = Infinity,
    bottom = -1,
    right = -1;
  sheet.rows.forEach((row, r) =>
    (row ?? []).forEach((v, c) => {
      if (v === null || v === undefined) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  if (bottom < 0) return null;
  const serial = (d: Date) => d.getTime() / 86_400_000 + 25_569 - (date1904 ? 1_462 : 0);
  const values: unknown[][] = [];
  const valueTypes: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const vs: unknown[] = [];
    const ts: string[] = [];
    for (let c = left; c <= right; c++) {
      const v: CellValue | undefined = sheet.rows[r]?.[c];
      if (v === null || v === undefined) {
        vs.push("");
        ts.push("Empty");
      } else if (v instanceof Date) {
        vs.push(serial(v));
        ts.push("Double");
      } else if (isCellError(v)) {
        vs.push(v.error);
        ts.push("Error");
      } else if (typeof v === "number") {
        vs.push(v);
        ts.push(Number.isInteger(v) ? "Integer" : "Double");
      } else if (typeof v === "boolean") {
        vs.push(v);
        ts.push("Boolean");
      } else {
        vs.push(v);
        ts.push("String");
      }
    }
    values.push(vs);
    valueTypes.push(ts);
  }
  return { values, valueTypes, rowIndex: top, columnIndex: left };
}

export interface MockedExcel {
  excel: ExcelRunner;
  syncCount(): number;
}

/** An Excel whose open workbook holds the given grid, answering as Office.js does. */
export function mockExcelHolding(grid: WorkbookGrid): MockedExcel {
  const ranges: OfficeMockObject[] = [];
  const items = grid.sheets.map((sheet) => {
    const used = usedRangeOf(sheet, Boolean(grid.date1904));
    return {
      name: sheet.name,
      visibility: sheet.hidden ? "Hidden" : "Visible",
      getUsedRangeOrNullObject(valuesOnly?: boolean) {
        expect(valuesOnly).toBe(true); // formatted-but-empty cells must not inflate the payload
        const range = new OfficeMockObject({
          ...(used ?? { values: [], valueTypes: [], rowIndex: 0, columnIndex: 0 }),
        });
        // Office.js fills isNullObject in on sync without a load; the mock cannot, so it is set here.
        (range as unknown as { isNullObject: boolean }).isNullObject = used === null;
        ranges.push(range);
        return range;
      },
    };
  });
  const nameItems = [
    ...Object.entries(grid.names).map(([name, { sheet, cell }]) => ({
      name,
      type: "Range",
      value: `'${sheet}'!${cell.replace(/^([A-Z]+)(\d+)$/, (_m, col: string, row: string) => `$${col}$${row}`)}`,
    })),
    { name: "a_constant", type: "String", value: "基本情况!C5" },
    { name: "a_block", type: "Range", value: "基本情况!$C$5:$C$8" },
  ];
  const mock = new OfficeMockObject({
    context: { workbook: { worksheets: { items }, names: { items: nameItems } } },
    run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  });
  const context = (mock as unknown as { context: { sync(): Promise<void> } }).context;
  let syncs = 0;
  const realSync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await realSync();
    for (const r of ranges) await r.sync();
  };
  return { excel: mock as unknown as ExcelRunner, syncCount: () => syncs };
}

/**
 * An Excel namespace whose workbook holds `sheetNames` and has `active` selected.
 * getItemOrNullObject hands out mock worksheets; isNullObject is set up front because the real
 * runtime fills it in on sync, which the mock cannot.
 */
export function mockExcel(sheetNames: readonly string[], active: string): MockedExcel {
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
