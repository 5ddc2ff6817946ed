/**
 * 活动明细, 宣传报道, 佐证材料: every table row of every merged unit, with its unit and provenance
 * (file, SHA-256, template version of the unit's file; sheet and row the values were read from).
 */
import { DETAIL_TABLE_IDS, detailColumns } from "../../core/merge/columns";
import type { DetailRow, DetailTableId, MergeResult, UnitKey, UnitRow } from "../../core/merge/model";
import { valueColumns, type MasterColumn } from "./columns";
import { PROVENANCE_HEADERS, SHEET_NAMES } from "./labels";
import { writeListSheet, type MasterBook } from "./sheet-writer";
import { NUMBER_FORMAT } from "./styles";

const keyText = (k: UnitKey): string => `${k.by}\u0000${k.value}`;

export const UNIT_HEADER = "报送单位";

export function detailSheetColumns(id: DetailTableId, result: MergeResult): MasterColumn<DetailRow>[] {
  const units = new Map<string, UnitRow>(result.units.map((u) => [keyText(u.key), u]));
  const unitOf = (d: DetailRow): UnitRow | undefined => units.get(keyText(d.key));
  return [
    { header: UNIT_HEADER, width: 28, value: (d) => d.unit },
    ...valueColumns(detailColumns(id), result.details[id], (d) => d),
    { header: PROVENANCE_HEADERS.file, width: 28, value: (d) => d.source.file },
    { header: PROVENANCE_HEADERS.sha256, width: 20, value: (d) => unitOf(d)?.source.sha256 ?? null },
    { header: PROVENANCE_HEADERS.templateVersion, width: 10, value: (d) => unitOf(d)?.templateVersion ?? null },
    { header: PROVENANCE_HEADERS.sheet, width: 12, value: (d) => d.source.sheet },
    { header: PROVENANCE_HEADERS.row, width: 8, format: NUMBER_FORMAT.plain, value: (d) => d.source.row },
  ];
}

export async function writeDetailSheets(wb: MasterBook, result: MergeResult): Promise<void> {
  for (const id of DETAIL_TABLE_IDS) {
    await writeListSheet(wb, {
      name: SHEET_NAMES[id],
      columns: detailSheetColumns(id, result),
      rows: result.details[id],
      frozenColumns: 1,
    });
  }
}
