/**
 * The units' feedback workbooks as bytes, for every host: each described in the core
 * (src/core/feedback) and rendered by the master's one writer, so the command line's files and the
 * pane's zip hold the same bytes. The zip stores the workbooks as they are (an .xlsx is already
 * compressed) under their Chinese names, flagged as UTF-8, with the master's fixed time.
 */
import { zipSync, type Zippable } from "fflate";
import { describeFeedback, type FeedbackSettings, type UnitFeedback } from "../../core/feedback";
import { masterDescriptionBytes } from "../master";
import { zipTime } from "../master/chart-package";

/** One unit's workbook; `date` is the master's (masterDate), so equal inputs give equal bytes. */
export function feedbackBytes(feedback: UnitFeedback, settings: FeedbackSettings, date: Date): Promise<Uint8Array> {
  return masterDescriptionBytes(describeFeedback(feedback, settings, date));
}

/** Every unit's workbook in one zip (the pane's single download); `onUnit` hears how many are done. */
export async function feedbackZip(
  feedback: readonly UnitFeedback[],
  settings: FeedbackSettings,
  date: Date,
  onUnit?: (done: number) => void,
): Promise<Uint8Array> {
  const files: Zippable = {};
  for (const [i, f] of feedback.entries()) {
    files[f.fileName] = await feedbackBytes(f, settings, date);
    onUnit?.(i + 1);
  }
  return zipSync(files, { level: 0, mtime: zipTime(date) });
}
