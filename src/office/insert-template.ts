/**
 * 插入模板 in three syncs: (1) is the template already here, and would any of its sheet names
 * collide; (2) insertWorksheetsFromBase64 and the names it left; (3) the new sheets by the ids it
 * returned, the workbook names recreated (Excel breaks them on insert: office-js #3583, #4772),
 * names, protection and dropdowns read back, and 基本情况 opened at its first input.
 */
import { parseNamedCell } from "../core/a1";
import { SHEETS } from "../core/definition";
import type { CellRef, InsertResult } from "../ports/operations";
import type { ExcelRunner } from "./runner";
import { errorDetail, messages } from "./messages";
import {
  DROPDOWN_CELLS,
  FIRST_INPUT,
  nameFormula,
  TEMPLATE_NAMES,
  TEMPLATE_SHEET_NAMES,
} from "../host-kit/template-names";

/** The template .xlsx as base64 (shipped as dist/template.xlsx; see template-asset.ts). */
export type TemplateSource = () => Promise<string>;

export interface InsertDeps {
  readonly excel: ExcelRunner;
  readonly template: TemplateSource;
  /** Told before and after the add-in's own writes (the fallback when events carry no triggerSource). */
  readonly writing?: <T>(work: () => Promise<T>) => Promise<T>;
}

const PRESENT_AT: CellRef = FIRST_INPUT;

export async function insertTemplate(deps: InsertDeps): Promise<InsertResult> {
  let base64: string;
  try {
    base64 = await deps.template();
  } catch (e) {
    return { kind: "failed", message: messages.templateUnavailable(errorDetail(e)) };
  }
  const writing = deps.writing ?? ((work) => work());
  try {
    return await writing(() => deps.excel.run((context) => insertInBatch(context, base64)));
  } catch (e) {
    return { kind: "failed", message: messages.excelFailed("插入模板", errorDetail(e)) };
  }
}

async function insertInBatch(context: Excel.RequestContext, base64: string): Promise<InsertResult> {
  const workbook = context.workbook;
  // 1: which template sheet names are taken.
  const probes = TEMPLATE_SHEET_NAMES.map((name) => ({ name, sheet: workbook.worksheets.getItemOrNullObject(name) }));
  await context.sync();
  const taken = probes.filter((p) => !p.sheet.isNullObject).map((p) => p.name);
  if (taken.includes(SHEETS.basic)) return { kind: "present", at: PRESENT_AT };
  if (taken.length > 0) return { kind: "failed", message: messages.sheetNameTaken(taken) };

  // 2: insert; the names present afterwards (the file's arrive broken, or not at all).
  const inserted = workbook.insertWorksheetsFromBase64(base64);
  const names = workbook.names;
  names.load("items/name");
  await context.sync();
  const ids = inserted.value;

  // 3: the new sheets by id; names recreated; everything that must hold read back.
  const sheets = ids.map((id) => {
    const ws = workbook.worksheets.getItem(id);
    ws.load("id,name,protection/protected");
    return ws;
  });
  const ours = new Set(TEMPLATE_NAMES.map((n) => n.name.toLowerCase()));
  for (const item of names.items) if (ours.has(item.name.toLowerCase())) item.delete();
  const added = TEMPLATE_NAMES.map((n) => {
    const item = names.add(n.name, nameFormula(n));
    item.load("name,type,value");
    return { expected: n, item };
  });
  const dropdowns = DROPDOWN_CELLS.map((at) => {
    const dv = workbook.worksheets.getItem(at.sheet).getRange(at.cell).dataValidation;
    dv.load("type");
    return { at, dv };
  });
  const basic = workbook.worksheets.getItem(FIRST_INPUT.sheet);
  basic.activate();
  basic.getRange(FIRST_INPUT.cell).select();
  await context.sync();

  const problems: string[] = [];
  for (const name of TEMPLATE_SHEET_NAMES.slice(sheets.length)) problems.push(messages.sheetMissingAfterInsert(name));
  sheets.forEach((ws, i) => {
    const expected = TEMPLATE_SHEET_NAMES[i];
    if (expected === undefined) return; // more sheets than the template has: nothing to compare
    if (ws.name !== expected) problems.push(messages.sheetRenamed(expected, ws.name));
    else if (!ws.protection.protected) problems.push(messages.notProtected(ws.name));
  });
  for (const { expected, item } of added) {
    const target = item.type === "Range" && typeof item.value === "string" ? parseNamedCell(item.value) : null;
    if (!target || target.sheet !== expected.sheet || target.cell !== expected.cell)
      problems.push(messages.nameNotRestored(expected.name));
  }
  for (const { at, dv } of dropdowns) if (dv.type === "None") problems.push(messages.validationLost(at.sheet, at.cell));
  if (problems.length > 0) return { kind: "failed", message: messages.insertIncomplete(problems) };
  return { kind: "inserted", sheets: sheets.map((ws) => ws.name), first: FIRST_INPUT };
}
