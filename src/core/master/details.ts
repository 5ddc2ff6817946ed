/**
 * 活动明细, 宣传报道, 佐证材料: every table row of every merged unit, with its unit and provenance
 * (file, SHA-256, template version of the unit's file; sheet and row the values were read from).
 */
import { MASTER_SHEETS } from "../definition";
import { DETAIL_TABLE_IDS, detailColumns } from "../merge/columns";
import type { DetailRow, DetailTableId, MergeResult, UnitKey, UnitRow } from "../merge/model";
import { valueColumns, type MasterColumn } from "./columns";
import { PROVENANCE_HEADERS, UNIT_HEADER } from "./labels";
import { listSheet } from "./list-sheet";
import type { MasterSheet } from "./model";
import { fileWithConversion } from "../words";

const keyText = (k: UnitKey): string => `${k.by}\u0000${k.value}`;

export function detailSheetColumns(id: DetailTableId, result: MergeResult): MasterColumn<DetailRow>[] {
  const units = new Map<string, UnitRow>(result.units.map((u) => [keyText(u.key), u]));
  const unitOf = (d: DetailRow): UnitRow | undefined => units.get(keyText(d.key));
  return [
    { header: UNIT_HEADER, width: 28, value: (d) => d.unit },
    ...valueColumns(detailColumns(id), result.details[id], (d) => d),
    {
      header: PROVENANCE_HEADERS.file,
      width: 28,
      value: (d) => fileWithConversion(d.source.file, unitOf(d)?.source.convertedFrom),
    },
    { header: PROVENANCE_HEADERS.sha256, width: 20, value: (d) => unitOf(d)?.source.sha256 ?? null },
    { header: PROVENANCE_HEADERS.templateVersion, width: 10, value: (d) => unitOf(d)?.templateVersion ?? null },
    { header: PROVENANCE_HEADERS.sheet, width: 12, value: (d) => d.source.sheet },
    { header: PROVENANCE_HEADERS.row, width: 8, format: "plain", value: (d) => d.source.row },
  ];
}

export function detailSheets(result: MergeResult): MasterSheet[] {
  return DETAIL_TABLE_IDS.map((id) =>
    listSheet({
      name: MASTER_SHEETS[id],
      columns: detailSheetColumns(id, result),
      items: result.details[id],
      frozenColumns: 1,
    }),
  );
}
