/** The merge of spec §5 (pure core): prepare each judged file, then merge them all. */
export type * from "./model";
export { prepareCandidate, type Candidate, type CandidateRow } from "./candidate";
export { mergeSubmissions, majorityType, type MergeInput, type MergeOptions } from "./merge";
export { rosterUnitsOf, ROSTER_LABELS, MAX_ROSTER_BYTES, type RosterLine, type RosterTable } from "./roster-table";
export { closestRosterName, indexRoster } from "./roster-match";
export { foldName, foldCreditCode, editDistance } from "./identity";
export { DETAIL_TABLE_IDS, SUMMARY_FIELDS, HEADCOUNT_FIELDS, COUNTED_TABLES, detailColumns } from "./columns";
export { MERGE_RULES } from "./messages";
