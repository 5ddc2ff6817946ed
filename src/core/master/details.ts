/**
 * 活动明细, 宣传报道, 佐证材料: every table row of every merged unit, with its unit and provenance
 * (file, SHA-256, template version of the unit's file; sheet and row the values were read from).
 */
import { MASTER_SHEETS } from "../definition";
import { DETAIL_TABLE_IDS, detailColumns } from "../merge/columns";
import type { DetailRow, DetailTableId, MergeResult, UnitKey, UnitRow } from "../merge/model";
import { valueColumns, type MasterColumn } from "./columns";
import { PROVENANCE_HEADERS, PROVENANCE_WIDTHS, UNIT_HEADER } from "./labels";
import { listSheet } from "./list-sheet";
import type { MasterSheet } from "./model";
import type { ConvertibleFormat } from "../guard/conversion";
import { carriedSources, convertedFiles, fileColumns, type CarriedSources } from "./sources";

const keyText = (k: UnitKey): string => `${k.by}\u0000${k.value}`;

/** The merged unit row of a key (a detail row's, a roster line's). */
export function unitLookup(result: MergeResult): (key: UnitKey) => UnitRow | undefined {
  const units = new Map<string, UnitRow>(result.units.map((u) => [keyText(u.key), u]));
  return (key) => units.get(keyText(key));
}

export function detailSheetColumns(
  id: DetailTableId,
  result: MergeResult,
  sources: CarriedSources = carriedSources(result),
  converted: ReadonlyMap<string, ConvertibleFormat> = convertedFiles(result),
): MasterColumn<DetailRow>[] {
  const unitOfKey = unitLookup(result);
  const unitOf = (d: DetailRow): UnitRow | undefined => unitOfKey(d.key);
  return [
    { header: UNIT_HEADER, width: 20, wrap: true, value: (d) => d.unit },
    ...valueColumns(detailColumns(id), result.details[id], (d) => d),
    ...fileColumns<DetailRow>(sources, (d) => d.source.file, converted),
    {
      header: PROVENANCE_HEADERS.sha256,
      width: PROVENANCE_WIDTHS.sha256,
      value: (d) => unitOf(d)?.source.sha256 ?? null,
    },
    {
      header: PROVENANCE_HEADERS.templateVersion,
      width: PROVENANCE_WIDTHS.templateVersion,
      value: (d) => unitOf(d)?.templateVersion ?? null,
    },
    { header: PROVENANCE_HEADERS.sheet, width: PROVENANCE_WIDTHS.sheet, value: (d) => d.source.sheet },
    { header: PROVENANCE_HEADERS.row, width: PROVENANCE_WIDTHS.row, format: "plain", value: (d) => d.source.row },
  ];
}

export function detailSheets(result: MergeResult): MasterSheet[] {
  const sources = carriedSources(result);
  const converted = convertedFiles(result);
  return DETAIL_TABLE_IDS.map((id) =>
    listSheet({
      name: MASTER_SHEETS[id],
      columns: detailSheetColumns(id, result, sources, converted),
      items: result.details[id],
      frozenColumns: 1,
    }),
  );
}
