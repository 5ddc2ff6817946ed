/**
 * 插入模板 in WPS: WPS cannot insert sheets from bytes, so the template (the same dist/template.xlsx
 * the Office pane inserts) is written to a temporary file, opened, its sheets copied in after the
 * user's, and the file closed and removed. Copied sheets carry their cells, validation and protection
 * in Excel; whether WPS keeps each, and what it does with workbook names, is unconfirmed
 * (docs/wps-facts.md), so the names are recreated and everything that must hold is read back.
 */
import { parseNamedCell } from "../core/a1";
import { SHEETS } from "../core/definition";
import type { InsertResult } from "../ports/operations";
import {
  DROPDOWN_CELLS,
  FIRST_INPUT,
  nameFormula,
  TEMPLATE_NAMES,
  TEMPLATE_SHEET_NAMES,
} from "../host-kit/template-names";
import type { WpsApplication, WpsWorkbook } from "./api";
import { errorDetail, messages } from "./messages";
import type { NoteWrite } from "./own-writes";
import { asSheet, findSheet, listSheets, readNames } from "./sheets";
import { base64Bytes, removeTempFile, tempPath, writeTempFile } from "./temp-file";

/** The template .xlsx as base64 (the Office adapter's TemplateSource). */
export type TemplateSource = () => Promise<string>;

export async function insertTemplate(
  app: WpsApplication,
  template: TemplateSource,
  note: NoteWrite = () => undefined,
): Promise<InsertResult> {
  let base64: string;
  try {
    base64 = await template();
  } catch (e) {
    return { kind: "failed", message: messages.templateUnavailable(errorDetail(e)) };
  }
  try {
    const target = app.ActiveWorkbook;
    if (!target) return { kind: "failed", message: messages.noWorkbook() };
    const lower = new Set(listSheets(target.Worksheets).map((ws) => ws.Name.toLowerCase()));
    const taken = TEMPLATE_SHEET_NAMES.filter((n) => lower.has(n.toLowerCase()));
    if (taken.includes(SHEETS.basic)) return { kind: "present", at: FIRST_INPUT };
    if (taken.length > 0) return { kind: "failed", message: messages.sheetNameTaken(taken) };

    // Copied sheets may raise change events: all of them are the add-in's.
    for (const name of TEMPLATE_SHEET_NAMES) note(name, "*");
    const path = tempPath(app, "tj-report-template");
    if (!writeTempFile(app, path, base64Bytes(base64)))
      return { kind: "failed", message: messages.tempFileFailed(path) };
    try {
      copySheets(app, path, target);
    } finally {
      removeTempFile(app, path);
    }
    target.Activate();
    const problems = restoreAndCheck(target);
    const first = findSheet(target, FIRST_INPUT.sheet);
    if (first) {
      first.Activate();
      first.Range(FIRST_INPUT.cell).Select();
    }
    if (problems.length > 0) return { kind: "failed", message: messages.insertIncomplete(problems) };
    return { kind: "inserted", sheets: [...TEMPLATE_SHEET_NAMES], first: FIRST_INPUT };
  } catch (e) {
    return { kind: "failed", message: messages.wpsFailed("插入模板", errorDetail(e)) };
  }
}

/** Opens the template file and copies its sheets, in order, after the target's last sheet. */
function copySheets(app: WpsApplication, path: string, target: WpsWorkbook): void {
  const source = app.Workbooks.Open(path);
  try {
    for (const name of TEMPLATE_SHEET_NAMES) {
      const sheet = findSheet(source, name);
      if (!sheet) continue; // reported as missing by the check
      const sheets = target.Worksheets;
      sheet.Copy(undefined, asSheet(sheets.Item(sheets.Count)));
    }
  } finally {
    source.Close(false);
  }
}

/** Recreates the template's names and reads back sheets, protection, names and dropdowns. */
function restoreAndCheck(target: WpsWorkbook): string[] {
  const names = target.Names;
  const ours = new Set(TEMPLATE_NAMES.map((n) => n.name.toLowerCase()));
  // Copies may bring the names along (pointing at the closed file) or not at all: ours go, then come back.
  for (const existing of readNames(target)
    .filter((n) => ours.has(n.name.toLowerCase()))
    .reverse())
    names.Item(existing.name).Delete();
  for (const n of TEMPLATE_NAMES) names.Add(n.name, nameFormula(n));

  const problems: string[] = [];
  const present = new Map(listSheets(target.Worksheets).map((ws) => [ws.Name, ws]));
  for (const name of TEMPLATE_SHEET_NAMES) {
    const ws = present.get(name);
    if (!ws) problems.push(messages.sheetMissingAfterInsert(name));
    else if (!ws.ProtectContents) problems.push(messages.notProtected(name));
  }
  const restored = new Map(readNames(target).map((n) => [n.name.toLowerCase(), n.value]));
  for (const expected of TEMPLATE_NAMES) {
    const value = restored.get(expected.name.toLowerCase());
    const at = typeof value === "string" ? parseNamedCell(value) : null;
    if (!at || at.sheet !== expected.sheet || at.cell !== expected.cell)
      problems.push(messages.nameNotRestored(expected.name));
  }
  for (const at of DROPDOWN_CELLS) {
    const ws = present.get(at.sheet);
    if (!ws) continue;
    let type = 0;
    try {
      type = ws.Range(at.cell).Validation.Type;
    } catch {
      type = 0; // VBA raises an error reading the type of a cell without validation
    }
    if (!type) problems.push(messages.validationLost(at.sheet, at.cell));
  }
  return problems;
}
