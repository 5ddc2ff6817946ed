/**
 * What both strict stand-ins (Excel's in sim.ts, WPS's in ../wps-sim) share: the workbook a person
 * works in (model.ts), the edits a person makes to it (typing, pasting, inserting and deleting rows,
 * clicking a sheet tab) and what a test reads back (values, selection, marks, names). Each host says
 * how it tells the add-in about a person's change (its events) and how it marks a cell.
 */
import { columnLetter } from "../../../src/core/a1";
import { MARK_FORMULA } from "../../../src/host-kit/mark-signature";
import {
  key,
  parseRect,
  rectAddress,
  shiftRect,
  shiftRectUp,
  SimWorkbook,
  typedValue,
  unlockedOn,
  type Rect,
  type SimSheet,
  type SimValue,
} from "./model";

export type UserChange = "RangeEdited" | "RowInserted" | "RowDeleted";

export type EditValue = string | number | boolean | null | readonly (readonly (string | number | boolean | null)[])[];

export abstract class SimHost {
  readonly workbook = new SimWorkbook();

  /** The host tells the add-in a person changed `address` (A1, or "5:6" for rows) on the sheet. */
  protected abstract userChanged(sheet: SimSheet, address: string, change: UserChange): void;
  /** The host tells the add-in a person activated the sheet. */
  protected abstract userActivated(sheet: SimSheet): void;
  /** A test typed into locked cells of a protected sheet (the host would have refused). */
  protected abstract lockedEdit(where: string): void;

  unlockedOn(sheet: SimSheet, r: Rect): boolean {
    return unlockedOn(sheet, r);
  }

  // ---- what a person does ----

  /** Types (one value) or pastes (a 2-D array) into the sheet, as a user. */
  edit(sheetName: string, address: string, value: EditValue): void {
    const sheet = this.workbook.sheet(sheetName);
    const start = parseRect(address);
    const grid: readonly (readonly (string | number | boolean | null)[])[] = Array.isArray(value)
      ? value
      : [[value as string | number | boolean | null]];
    const rect: Rect = {
      top: start.top,
      left: start.left,
      bottom: start.top + grid.length - 1,
      right: start.left + Math.max(...grid.map((g) => g.length)) - 1,
    };
    // The host would refuse this edit; the stand-in lets a test script through (it may model a user who
    // lifted the password-less protection) and records it for tests that care.
    if (sheet.protected && !unlockedOn(sheet, rect)) this.lockedEdit(`${sheetName}!${rectAddress(rect)}`);
    grid.forEach((line, i) =>
      line.forEach((v, j) => {
        const row = rect.top + i;
        const c = rect.left + j;
        this.workbook.set(sheet, row, c, typedValue(v, sheet.formats.get(key(row, c)) === "@"));
      }),
    );
    this.userChanged(sheet, rectAddress(rect), "RangeEdited");
  }

  /** Inserts `count` whole rows before `row`, as a user; marks, names and validation follow. */
  insertRows(sheetName: string, row: number, count = 1): void {
    const sheet = this.workbook.sheet(sheetName);
    this.workbook.insertRows(sheet, row, count);
    const sel = this.workbook.selection;
    if (sel && sel.sheetId === sheet.id) sel.rect = shiftRect(sel.rect, row, count);
    this.userChanged(sheet, `${row}:${row + count - 1}`, "RowInserted");
  }

  /** Deletes `count` whole rows from `row` on, as a user. */
  deleteRows(sheetName: string, row: number, count = 1): void {
    const sheet = this.workbook.sheet(sheetName);
    this.workbook.deleteRows(sheet, row, count);
    const sel = this.workbook.selection;
    if (sel && sel.sheetId === sheet.id)
      sel.rect = shiftRectUp(sel.rect, row, count) ?? {
        top: row,
        left: sel.rect.left,
        bottom: row,
        right: sel.rect.right,
      };
    this.userChanged(sheet, `${row}:${row + count - 1}`, "RowDeleted");
  }

  /** The user clicks a sheet tab. */
  activate(sheetName: string): void {
    const sheet = this.workbook.sheet(sheetName);
    if (this.workbook.activeSheetId === sheet.id) return;
    this.workbook.activeSheetId = sheet.id;
    this.userActivated(sheet);
  }

  // ---- what a test reads ----

  /** Rows 1… of the sheet's values (null for blank), up to its last used row and column. */
  values(sheetName: string): SimValue[][] {
    const sheet = this.workbook.sheet(sheetName);
    const used = this.workbook.usedRect(sheet);
    if (!used) return [];
    const out: SimValue[][] = [];
    for (let r = 1; r <= used.bottom; r++) {
      const line: SimValue[] = [];
      for (let c = 1; c <= used.right; c++) line.push(this.workbook.get(sheet, r, c));
      out.push(line);
    }
    return out;
  }

  value(sheetName: string, address: string): SimValue {
    const r = parseRect(address);
    return this.workbook.get(this.workbook.sheet(sheetName), r.top, r.left);
  }

  selection(): { sheet: string; address: string } | null {
    const sel = this.workbook.selection;
    const sheet = sel && this.workbook.sheets.find((s) => s.id === sel.sheetId);
    return sel && sheet ? { sheet: sheet.name, address: rectAddress(sel.rect) } : null;
  }

  activeSheet(): string {
    return this.workbook.sheetByKey(this.workbook.activeSheetId)?.name ?? "";
  }

  /** The cells the add-in has marked invalid (its conditional formats), one entry per cell. */
  marks(): { sheet: string; address: string }[] {
    const out: { sheet: string; address: string }[] = [];
    for (const s of this.workbook.sheets)
      for (const cf of s.conditionalFormats) {
        if (cf.formula !== MARK_FORMULA) continue;
        for (let r = cf.range.top; r <= cf.range.bottom; r++)
          for (let c = cf.range.left; c <= cf.range.right; c++)
            out.push({ sheet: s.name, address: `${columnLetter(c)}${r}` });
      }
    return out;
  }

  /** Every conditional format on a sheet (so a test can see the user's own survive). */
  conditionalFormats(sheetName: string): { address: string; formula: string; fill: string | null }[] {
    return this.workbook
      .sheet(sheetName)
      .conditionalFormats.map((cf) => ({ address: rectAddress(cf.range), formula: cf.formula, fill: cf.fill }));
  }

  /** Workbook names as the host would list them: name → formula. */
  names(): Record<string, string> {
    return Object.fromEntries(this.workbook.names.map((n) => [n.name, this.workbook.nameFormula(n)]));
  }
}
