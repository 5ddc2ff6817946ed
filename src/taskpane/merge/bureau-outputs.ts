/**
 * What the bureau takes from a merge besides the master, made in the run (off the UI thread) for the
 * 汇总 view: the same words and bytes as `merge` prints and `merge --reminders` writes.
 */
import { summaryParagraph } from "../../core/bureau-summary";
import type { CsvOutputEncoding } from "../../core/csv";
import type { MergeResult } from "../../core/merge/model";
import { reminderLines, remindersCsv, remindersSummary } from "../../core/reminders";
import { csvBytes } from "../../xlsx/csv-bytes";

export interface BureauOutputs {
  /** 统计's opening paragraph (src/core/bureau-summary.ts). */
  readonly paragraph: string;
  readonly reminders: {
    /** Lines to chase (0: nothing to chase). */
    readonly lines: number;
    /** What the list holds, in a sentence. */
    readonly summary: string;
    /** The .csv file's bytes in each encoding `merge --reminders --encoding` writes. */
    readonly bytes: Readonly<Record<CsvOutputEncoding, Uint8Array>>;
  };
}

export function bureauOutputsOf(result: MergeResult): BureauOutputs {
  const csv = remindersCsv(result);
  return {
    paragraph: summaryParagraph(result),
    reminders: {
      lines: reminderLines(result).length,
      summary: remindersSummary(result),
      bytes: { gb18030: csvBytes(csv, "gb18030"), "utf-8": csvBytes(csv, "utf-8") },
    },
  };
}
