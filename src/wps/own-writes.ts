/**
 * The add-in's own writes, told apart from a user's by where they went. WPS's SheetChange says which
 * sheet and range changed but not who changed them, and whether it fires for an add-in's own writes,
 * at once or later, is unconfirmed (docs/wps-facts.md). A time window alone would drop a user's edit
 * made just after the add-in wrote (the pane marks after every verdict), so each write is noted
 * before it is made, with its sheet and range, and an event is the add-in's own only when it is for
 * a range noted in the last moments; everything else is a user's. Only value writes are noted (the
 * insert's sheets, 核实说明 rows); marks are formats (marks.ts).
 */
import { GRACE_MS } from "../host-kit/own-writes";

/** `note(sheet, address)`: told before each write, so its change event is not taken for a user's. */
export type NoteWrite = (sheet: string, address: string) => void;

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "$A$20:$C$20", "C8", "5:6" (rows) → a box; null for what is not an address. */
export function boxOf(address: string): Box | null {
  const plain = address.replace(/\$/g, "").toUpperCase().trim();
  const rows = /^(\d+):(\d+)$/.exec(plain);
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: 16_384 };
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(plain);
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [top, left] = [Number(m[2]), col(m[1])];
  const [bottom, right] = m[3] ? [Number(m[4]), col(m[3])] : [top, left];
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

const inside = (a: Box, b: Box) => a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;

export class OwnWriteLog {
  private entries: { sheet: string; box: Box | "sheet"; until: number }[] = [];
  constructor(private readonly graceMs = GRACE_MS) {}

  /** Before writing `address` on `sheet` ("*": anything on the sheet, e.g. a sheet being copied in). */
  note(sheet: string, address: string): void {
    const box = address === "*" ? "sheet" : boxOf(address);
    if (box) this.entries.push({ sheet, box, until: Date.now() + this.graceMs });
  }

  /** Whether a change event for this range is one of the add-in's own noted writes. */
  isOwn(sheet: string, address: string | undefined): boolean {
    const now = Date.now();
    this.entries = this.entries.filter((e) => e.until >= now);
    const box = address === undefined ? null : boxOf(address);
    return this.entries.some((e) => e.sheet === sheet && (e.box === "sheet" || (box !== null && inside(box, e.box))));
  }
}
