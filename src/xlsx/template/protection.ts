/**
 * Sheet protection without a password: it stops accidents (typing over a label, deleting the
 * header), not people — anyone can lift it from the Review tab. Inputs are unlocked cell by cell.
 */
import type ExcelJS from "exceljs";

export type ProtectionKind = "form" | "table" | "readOnly";

const COMMON: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

const BY_KIND: Record<ProtectionKind, Partial<ExcelJS.WorksheetProtection>> = {
  // Format cells: the add-in marks invalid inputs with conditional formats, which Excel lets anyone
  // (an add-in too) change on a protected sheet only with this permission.
  form: { ...COMMON, formatCells: true },
  // Table sheets: users add rows, sort and format their own cells (Excel deletes a row only when none of
  // its cells is locked, and the cells right of the table are).
  table: { ...COMMON, formatCells: true, insertRows: true, deleteRows: true, sort: true, autoFilter: true },
  readOnly: { ...COMMON },
};

export function protectSheet(ws: ExcelJS.Worksheet, kind: ProtectionKind): void {
  // exceljs sets the protection synchronously inside the promise executor; no password → no hash.
  void ws.protect("", { ...BY_KIND[kind] });
}

export const UNLOCKED: Partial<ExcelJS.Protection> = { locked: false };
export const LOCKED: Partial<ExcelJS.Protection> = { locked: true };
