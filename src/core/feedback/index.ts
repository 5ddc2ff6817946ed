/** The units' feedback after a 汇总 (退回意见 and 回执), as data for the master's one writer. */
export { describeFeedback, feedbackSheet } from "./describe";
export { safeStem, uniqueFileNames } from "./file-names";
export {
  candidatesOf,
  feedbackLinesOf,
  feedbackOf,
  type FeedbackKind,
  type FeedbackLine,
  type UnitFeedback,
} from "./plan";
export {
  chineseDate,
  deadlineOf,
  feedbackSettingsOf,
  parseSettingsText,
  FEEDBACK_SECTION,
  FEEDBACK_SETTING_LABELS,
  MAX_SETTINGS_BYTES,
  NO_FEEDBACK_SETTINGS,
  type FeedbackSettingId,
  type FeedbackSettings,
  type FeedbackSettingsResult,
  type SettingProblem,
} from "./settings";
export { FEEDBACK_KIND_WORDS } from "./words";
