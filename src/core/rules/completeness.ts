/** Tables that should not be empty (spec §4): evidence and media. */
import { tableById, type TableId } from "../definition";
import type { Finding, RawReport } from "../model";
import { fixedSeverity, type RuleId } from "./catalogue";
import { templatePlace, type Rule } from "./context";

/**
 * An empty table has no cell of its own: the finding points at the first data cell of the table
 * (an empty table gives the reader nothing to locate, so this is the definition's place).
 */
function emptyTable(raw: RawReport, rule: RuleId, tableId: TableId, expected: string): Finding {
  const table = tableById(tableId);
  const place = templatePlace(raw, table.sheet, `${table.columns[0].column}${table.firstRow}`);
  const message = `“${table.label}”未填写任何内容；${expected}`;
  return { rule, severity: fixedSeverity(rule), field: tableId, table: tableId, ...place, message };
}

const evidenceNone: Rule = ({ raw, submission }) =>
  submission.tables.evidence.length > 0
    ? []
    : [emptyTable(raw, "evidence.none", "evidence", "应列出随总结报送的佐证材料")];

const mediaNone: Rule = ({ raw, submission }) =>
  submission.tables.media.length > 0 ? [] : [emptyTable(raw, "media.none", "media", "有宣传报道的应逐条列出")];

export const completenessRules: readonly Rule[] = [evidenceNone, mediaNone];
