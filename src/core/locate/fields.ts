/**
 * Single fields: by defined name (fld_<id>) when the label beside it still matches, else by the label
 * on the field's sheet (input one column right of the label, as in the template), else the name alone.
 */
import { cellOf, definedNameOf, FIELDS, SINGLE_FIELD_LAYOUT, type FieldDef, type FieldId } from "../definition";
import { columnNumber, parseA1, toA1 } from "../a1";
import type { FieldMove, LayoutChange, Located, SheetGrid, WorkbookGrid } from "../model";
import { labelKey } from "../text";
import { indexLabels, nearest, valueAt, type LabelIndex, type Position } from "./grid";
import type { FoundSheet } from "./sheets";

const LABEL_TO_INPUT = columnNumber(SINGLE_FIELD_LAYOUT.inputColumn) - columnNumber(SINGLE_FIELD_LAYOUT.labelColumn);

export interface FieldsFound {
  readonly fields: Record<FieldId, Located>;
  /** Fields found by name or label. */
  readonly found: number;
  readonly moves: FieldMove[];
  /** Fields that could not be found at all. */
  readonly missing: LayoutChange[];
}

const LABEL_KEYS: ReadonlySet<string> = new Set(FIELDS.map((f) => labelKey(f.label)));

/** How many single-field labels of the template a sheet holds: the evidence that it is 基本情况. */
export function fieldLabelScore(sheet: SheetGrid, sheetName: string): number {
  const index = indexLabels(sheet, LABEL_KEYS);
  return FIELDS.filter((f) => f.sheet === sheetName && index.has(labelKey(f.label))).length;
}

function labelBeside(index: LabelIndex, key: string, at: Position): boolean {
  return (index.get(key) ?? []).some((p) => p.row === at.row && p.column < at.column);
}

function positionOf(field: FieldDef, sheet: SheetGrid, index: LabelIndex, grid: WorkbookGrid): Position | undefined {
  const key = labelKey(field.label);
  const named = grid.names[definedNameOf(field.id)];
  const namedAt = named && named.sheet === sheet.name ? parseA1(named.cell) : null;
  if (namedAt && labelBeside(index, key, namedAt)) return namedAt;
  const label = nearest(index.get(key) ?? [], {
    row: field.row,
    column: columnNumber(SINGLE_FIELD_LAYOUT.labelColumn),
  });
  if (label) return { row: label.row, column: label.column + LABEL_TO_INPUT };
  return namedAt ?? undefined;
}

/** Locates every single field; `sheetFor` maps a template sheet name to the sheet found for it. */
export function locateFields(
  grid: WorkbookGrid,
  sheetFor: (templateName: string) => FoundSheet | undefined,
): FieldsFound {
  const fields = {} as Record<FieldId, Located>;
  const moves: FieldMove[] = [];
  const missing: LayoutChange[] = [];
  const indexes = new Map<SheetGrid, LabelIndex>();
  const indexOf = (sheet: SheetGrid) =>
    indexes.get(sheet) ?? indexes.set(sheet, indexLabels(sheet, LABEL_KEYS)).get(sheet)!;
  let found = 0;
  for (const field of FIELDS) {
    const home = sheetFor(field.sheet);
    const template = cellOf(field);
    const at = home ? positionOf(field, home.sheet, indexOf(home.sheet), grid) : undefined;
    if (!home || !at) {
      fields[field.id] = { value: null, sheet: home?.sheet.name ?? field.sheet, cell: template };
      missing.push({ kind: "fieldMissing", field: field.id, templateSheet: field.sheet, templateCell: template });
      continue;
    }
    found++;
    const cell = toA1(at.row, at.column);
    fields[field.id] = { value: valueAt(home.sheet, at.row, at.column), sheet: home.sheet.name, cell };
    if (cell !== template)
      moves.push({ field: field.id, templateSheet: field.sheet, templateCell: template, sheet: home.sheet.name, cell });
  }
  return { fields, found, moves, missing };
}
