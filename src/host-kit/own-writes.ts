/**
 * Telling the add-in's own writes apart from a user's, for hosts whose change events do not say who
 * changed the sheet (Excel before ExcelApi 1.14, WPS): a flag held while the add-in writes and for
 * GRACE_MS after, because the events arrive after the write returns.
 */

/** Quiet time before a live re-validation (a result is back within 300 ms of the last keystroke). */
export const DEBOUNCE_MS = 150;
export const GRACE_MS = 500;

/** Brackets the add-in's own writes. */
export class OwnWrites {
  private active = 0;
  private until = 0;
  constructor(private readonly graceMs = GRACE_MS) {}
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.until = Date.now() + this.graceMs;
    }
  }
  get writing(): boolean {
    return this.active > 0 || Date.now() < this.until;
  }
}
