/** Every cross-field rule, in catalogue order. Single-value rules run while reading (values.ts). */
import { completenessRules } from "./completeness";
import type { Rule } from "./context";
import { dateRules } from "./dates";
import { layoutRules } from "./layout";
import { participantRules } from "./participants";
import { sessionRules } from "./sessions";
import { unitRules } from "./unit";

export const CROSS_FIELD_RULES: readonly Rule[] = [
  ...sessionRules,
  ...participantRules,
  ...dateRules,
  ...unitRules,
  ...completenessRules,
  ...layoutRules,
];

export { RULES, fixedSeverity, type RuleInfo } from "./catalogue";
export { readValues } from "./values";
export type { Rule, RuleContext } from "./context";
