/**
 * The optional roster (名单) of the 汇总 view, read in the browser: the chosen File's name, size and
 * bytes handed to the roster intake (src/intake/roster.ts), which judges the size before reading and
 * reads .xlsx and .csv as the command line does. Every failure is a Chinese reason naming the file.
 */
import { takeRoster } from "../../intake/roster";
import type { RosterUnit } from "../../core/merge/model";

/** A roster file as the pane has it: its name and size, and its bytes when asked. */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  bytes(): Promise<Uint8Array>;
}

export type RosterRead =
  | {
      readonly ok: true;
      readonly file: string;
      readonly units: readonly RosterUnit[];
    }
  | { readonly ok: false; readonly reason: string };

export async function readRoster(file: ChosenFile): Promise<RosterRead> {
  const read = await takeRoster({ name: file.name, size: file.size, read: () => file.bytes() });
  return read.ok ? { ok: true, file: read.file, units: read.units } : read;
}
