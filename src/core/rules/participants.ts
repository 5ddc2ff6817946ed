/** Participant totals against the event table, and implausibly large numbers (spec §4). */
import { CONTENT_COUNTS_FOR, RULE_LIMITS, type FieldId } from "../definition";
import type { RuleId } from "./catalogue";
import type { Finding } from "../model";
import { numberOf, textOf } from "../submission";
import { cellFinding, fieldFinding, quoteCell, quoteLabel, rowsOf, type Rule, type RuleContext } from "./context";

/** One event above this many 人次 is worth a second look. */
const EVENT_OUTLIER = RULE_LIMITS.eventParticipantsOutlier;
/** A participant total above this is worth a second look. */
const TOTAL_OUTLIER = RULE_LIMITS.totalParticipantsOutlier;

function coversEvents(
  ctx: RuleContext,
  rule: RuleId,
  fieldId: FieldId,
  contents: readonly string[],
  contentName: string,
): Finding[] {
  const total = numberOf(ctx.submission.fields, fieldId);
  if (total === null) return [];
  // Rows whose content or participants could not be read already have their own finding. The
  // readable rows still give a lower bound: when even that exceeds the total, the total is wrong.
  let sum = 0;
  let unknownRows = 0;
  for (const r of rowsOf(ctx, "events")) {
    const content = textOf(r.values, "content");
    const n = numberOf(r.values, "participants");
    if (content === null || (contents.includes(content) && n === null)) {
      unknownRows++;
      continue;
    }
    if (contents.includes(content)) sum += n ?? 0;
  }
  if (total >= sum) return [];
  const partial = unknownRows > 0 ? `（另有${unknownRows}行无法读取，未计入）` : "";
  return [
    fieldFinding(
      ctx.raw,
      rule,
      fieldId,
      `${quoteLabel(fieldId)}为${total}，少于“活动明细”中研学内容含${contentName}的活动参加人次合计${sum}${partial}；应不少于${sum}`,
    ),
  ];
}

const regulationCoversEvents: Rule = (ctx) =>
  coversEvents(ctx, "regulation.covers_events", "regulation_participants", CONTENT_COUNTS_FOR.regulation, "《条例》");

const outlineCoversEvents: Rule = (ctx) =>
  coversEvents(ctx, "outline.covers_events", "outline_participants", CONTENT_COUNTS_FOR.outline, "《纲要》");

const participantsOutlier: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const fieldId of ["regulation_participants", "outline_participants"] as const) {
    const total = numberOf(ctx.submission.fields, fieldId);
    if (total !== null && total > TOTAL_OUTLIER) {
      findings.push(
        fieldFinding(
          ctx.raw,
          "participants.outlier",
          fieldId,
          `${quoteLabel(fieldId)}为${total}，超过${TOTAL_OUTLIER}，请核实`,
        ),
      );
    }
  }
  for (const r of rowsOf(ctx, "events")) {
    const n = numberOf(r.values, "participants");
    if (n !== null && n > EVENT_OUTLIER) {
      findings.push(
        cellFinding(
          ctx.raw,
          "participants.outlier",
          "events",
          r.row,
          "participants",
          `${quoteCell("events", r.row, "participants")}为${n}，单项活动超过${EVENT_OUTLIER}人次，请核实`,
        ),
      );
    }
  }
  return findings;
};

export const participantRules: readonly Rule[] = [regulationCoversEvents, outlineCoversEvents, participantsOutlier];
