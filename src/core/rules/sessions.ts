/** Session counts against each other and against the event table (spec §4). */
import { ANNUAL_REPORT, CATEGORIES_NEEDING_PUBLIC_SESSION, YES } from "../definition";
import { numberOf, textOf } from "../submission";
import { fieldFinding, quoteLabel, rowsOf, type Rule } from "./context";

const publicLeTraining: Rule = ({ raw, submission }) => {
  const training = numberOf(submission.fields, "training_sessions");
  const pub = numberOf(submission.fields, "public_sessions");
  if (training === null || pub === null || pub <= training) return [];
  return [
    fieldFinding(
      raw,
      "public.le_training",
      "public_sessions",
      `${quoteLabel("public_sessions")}为${pub}，不应大于${quoteLabel("training_sessions")}（${training}）`,
    ),
  ];
};

const publicMinOne: Rule = ({ raw, submission }) => {
  const pub = numberOf(submission.fields, "public_sessions");
  const category = textOf(submission.fields, "unit_category");
  const type = textOf(submission.fields, "report_type");
  if (pub === null || category === null) return [];
  if (pub >= 1 || !CATEGORIES_NEEDING_PUBLIC_SESSION.includes(category)) return [];
  // Broken whatever the report type; with the type unreadable, say so at the milder severity
  // rather than stay silent (the type's own finding already makes the report an error).
  const pending = type === null ? `（${quoteLabel("report_type")}未正确填写，暂按提示处理；年度总结中为错误）` : "";
  return [
    fieldFinding(
      raw,
      "public.min_one",
      "public_sessions",
      `${category}应至少举办一次公益性宣贯，${quoteLabel("public_sessions")}填写的是${pub}${pending}`,
      type === ANNUAL_REPORT ? "error" : "warning",
    ),
  ];
};

const trainingMatchesEvents: Rule = (ctx) => {
  const training = numberOf(ctx.submission.fields, "training_sessions");
  const events = rowsOf(ctx, "events").length;
  if (training === null || training === events) return [];
  return [
    fieldFinding(
      ctx.raw,
      "training.matches_events",
      "training_sessions",
      `${quoteLabel("training_sessions")}为${training}，“活动明细”填写了${events}项活动，两者应一致`,
    ),
  ];
};

const publicMatchesEvents: Rule = (ctx) => {
  const pub = numberOf(ctx.submission.fields, "public_sessions");
  const flags = rowsOf(ctx, "events").map((r) => textOf(r.values, "is_public"));
  if (pub === null || flags.includes(null)) return [];
  const publicEvents = flags.filter((f) => f === YES).length;
  if (pub === publicEvents) return [];
  return [
    fieldFinding(
      ctx.raw,
      "public.matches_events",
      "public_sessions",
      `${quoteLabel("public_sessions")}为${pub}，“活动明细”中公益性活动有${publicEvents}项，两者应一致`,
    ),
  ];
};

const sessionsWithoutParticipants: Rule = ({ raw, submission }) => {
  const training = numberOf(submission.fields, "training_sessions");
  const regulation = numberOf(submission.fields, "regulation_participants");
  const outline = numberOf(submission.fields, "outline_participants");
  if (training === null || regulation === null || outline === null) return [];
  if (training <= 0 || regulation > 0 || outline > 0) return [];
  return [
    fieldFinding(
      raw,
      "sessions.without_participants",
      "training_sessions",
      `${quoteLabel("training_sessions")}为${training}，但《条例》《纲要》研学人次均为0；应填写参加人次`,
    ),
  ];
};

export const sessionRules: readonly Rule[] = [
  publicLeTraining,
  publicMinOne,
  trainingMatchesEvents,
  publicMatchesEvents,
  sessionsWithoutParticipants,
];
