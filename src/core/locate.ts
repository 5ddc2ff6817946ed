/**
 * WorkbookGrid → RawReport: where is each field and table row of the template in this workbook?
 *
 * Defined names and the 模板信息 sheet are asked first, then labels, so a report whose unit inserted
 * rows, renamed or added sheets, or moved columns is still read where its values really are; every
 * such change is recorded as data (→ template.modified). A workbook that is not this template is
 * refused as a whole rather than half-read.
 */
import { DEFAULT_GUARD_LIMITS, type GuardLimits } from "./guard/limits";
import { definedNameOf, FIELDS, REPORT_SHEETS, TABLES, TEMPLATE, type TableId } from "./definition";
import type { LayoutChange, RawRow, RawReport, WorkbookGrid } from "./model";
import { fieldLabelScore, locateFields } from "./locate/fields";
import { readMeta } from "./locate/meta";
import { groupMoves } from "./locate/moves";
import { findSheet, type FoundSheet } from "./locate/sheets";

export { reportReadsCellsOf } from "./locate/sheets";
import { findHeader, headerThreshold, readTable, tableDefinedName } from "./locate/tables";

export type LocateResult =
  | {
      readonly ok: true;
      readonly report: RawReport;
      /** The year the template was made for (模板信息): the report year when 年度 is blank or invalid. */
      readonly templateYear?: number;
    }
  | {
      readonly ok: false;
      readonly code: "not_template";
      /** Chinese, complete: why this is not the template and what to do. */
      readonly message: string;
      /** Chinese, short: the evidence, for a message that also names the file. */
      readonly detail: string;
    }
  | {
      readonly ok: false;
      /** A table has more rows than the limit: judging it would give findings by the hundred thousand. */
      readonly code: "too_large";
      readonly table: string;
      readonly rows: number;
      readonly limit: number;
      readonly message: string;
      readonly detail: string;
    };

/** The limits locating honours; every grid gets them, whether it came from a file or from Office.js. */
export type LocateLimits = Pick<GuardLimits, "maxTableRows">;

/** Fewer single fields than this found (by name or label) and the workbook is not this template. */
export const MIN_FIELDS_FOUND = Math.ceil(FIELDS.length / 2);

const DOWNLOAD_HINT = "请下载最新模板，把内容填入模板后重新报送。";

function notTemplate(detail: string): LocateResult {
  return {
    ok: false,
    code: "not_template",
    detail,
    message: `该文件不是用《${TEMPLATE.title}》模板填写的（${detail}）。${DOWNLOAD_HINT}`,
  };
}

function tooManyRows(label: string, table: string, rows: number, limit: number): LocateResult {
  const detail = `“${label}”有 ${rows} 行，上限 ${limit} 行`;
  return {
    ok: false,
    code: "too_large",
    table,
    rows,
    limit,
    detail,
    message: `该报表的${detail}，行数过多，未作检查。请删除多余的行（如整列粘贴带来的内容）后重新检查。`,
  };
}

function fieldSheetSearch(templateName: string, grid: WorkbookGrid) {
  const own = FIELDS.filter((f) => f.sheet === templateName);
  return findSheet(grid, {
    templateName,
    definedNames: own.map((f) => definedNameOf(f.id)),
    score: (s) => fieldLabelScore(s, templateName),
    minScore: Math.ceil(own.length / 2),
  });
}

export function locateReport(grid: WorkbookGrid, limits: LocateLimits = DEFAULT_GUARD_LIMITS): LocateResult {
  const meta = readMeta(grid);
  if (meta?.templateId !== undefined && meta.templateId !== TEMPLATE.id) {
    return notTemplate(`模板标识为“${meta.templateId}”，是另一个模板`);
  }

  const sheets = new Map<string, FoundSheet | undefined>();
  const sheetFor = (templateName: string) => {
    if (!sheets.has(templateName)) sheets.set(templateName, fieldSheetSearch(templateName, grid));
    return sheets.get(templateName);
  };
  const located = locateFields(grid, sheetFor);
  if (located.found < MIN_FIELDS_FOUND) {
    return notTemplate(`只找到模板 ${FIELDS.length} 个栏目中的 ${located.found} 个`);
  }

  const tables = {} as Record<TableId, readonly RawRow[]>;
  const tableChanges: LayoutChange[] = [];
  for (const table of TABLES) {
    const found =
      sheets.get(table.sheet) ??
      findSheet(grid, {
        templateName: table.sheet,
        definedNames: [tableDefinedName(table.id)],
        score: (s) => findHeader(s, table)?.columns.size ?? 0,
        minScore: headerThreshold(table),
      });
    sheets.set(table.sheet, found);
    const header = found && findHeader(found.sheet, table, grid);
    if (!found || !header) {
      tables[table.id] = [];
      tableChanges.push(
        found
          ? { kind: "headerMissing", table: table.id, templateSheet: table.sheet, sheet: found.sheet.name }
          : { kind: "tableSheetMissing", table: table.id, templateSheet: table.sheet },
      );
      continue;
    }
    const read = readTable(found.sheet, table, header, table.sheet, limits.maxTableRows);
    if (read.count > limits.maxTableRows) return tooManyRows(table.label, table.id, read.count, limits.maxTableRows);
    tables[table.id] = read.rows;
    tableChanges.push(...read.changes);
  }

  const renames = [...sheets.entries()]
    .filter(([, f]) => f?.renamedFrom !== undefined)
    .map(([templateSheet, f]): LayoutChange => ({ kind: "sheetRenamed", templateSheet, sheet: f!.sheet.name }));
  const layoutChanges: LayoutChange[] = [
    ...renames,
    ...(meta ? [] : [{ kind: "metaMissing" } as const]),
    ...groupMoves(located.moves),
    ...located.missing,
    ...tableChanges,
  ];

  const report: RawReport = {
    sheets: Object.fromEntries(REPORT_SHEETS.map((name) => [name, sheetFor(name)?.sheet.name ?? null])),
    fields: located.fields,
    tables,
    layoutChanges,
    ...(meta?.version !== undefined ? { templateVersion: meta.version } : {}),
    ...(grid.date1904 ? { date1904: true } : {}),
  };
  return { ok: true, report, ...(meta?.year !== undefined ? { templateYear: meta.year } : {}) };
}
