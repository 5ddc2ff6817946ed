/**
 * Limits for untrusted files. A filled report is a few hundred KB; these leave room for photos and
 * thousands of rows while keeping the reader (exceljs holds every inflated part in memory, and far
 * more than that while parsing) well under the 512 MB budget.
 */
export interface GuardLimits {
  /** Size of the file as sent. */
  readonly maxFileBytes: number;
  /** Entries in the zip's central directory. */
  readonly maxEntries: number;
  /** Inflated size of any one part. */
  readonly maxEntryBytes: number;
  /** Inflated size of all parts together. */
  readonly maxTotalBytes: number;
  /** Inflated ÷ compressed size allowed for a part bigger than `ratioMinBytes`. */
  readonly maxRatio: number;
  /** Parts smaller than this are not ratio-checked (tiny XML parts compress very well and are harmless). */
  readonly ratioMinBytes: number;
  /**
   * Memory the workbook reader (exceljs) is estimated to need for the package's content (see
   * reader-cost.ts). With Node's own ~100 MB and the file's bytes this keeps the peak under 512 MB.
   */
  readonly maxReaderBytes: number;
  /** Merged ranges: exceljs checks each new one against all before it, so time grows with the square. */
  readonly maxMergedRanges: number;
  /**
   * Rows of any one report table. Each row can give a dozen findings (a lone cell leaves every required
   * column blank): a 560 KB file of 100,000 one-cell rows gave 700,000 findings and 600 MB.
   */
  readonly maxTableRows: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  maxFileBytes: 20 * MiB,
  maxEntries: 2000,
  maxEntryBytes: 64 * MiB,
  maxTotalBytes: 100 * MiB,
  maxRatio: 200,
  ratioMinBytes: 1 * MiB,
  maxReaderBytes: 200 * MiB,
  maxMergedRanges: 4000,
  maxTableRows: 5000,
};

export function guardLimits(overrides?: Partial<GuardLimits>): GuardLimits {
  return { ...DEFAULT_GUARD_LIMITS, ...overrides };
}

/** "20 MB", "1.5 GB": sizes as users read them in messages. */
export function formatBytes(n: number): string {
  const units = ["字节", "KB", "MB", "GB", "TB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (i === 0) return `${n} 字节`;
  const shown = v >= 100 || Number.isInteger(v) ? Math.round(v).toString() : v.toFixed(1);
  return `${shown} ${units[i]}`;
}
