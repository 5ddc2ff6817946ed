/**
 * Reading a roster file (Node adapter over src/intake/roster.ts): what only the file system can say
 * (no such file, not a regular file) is said here; the size it stats is handed to the intake, which
 * judges it before asking for the bytes. Every failure is a Chinese reason: the CLI turns it into a
 * usage error.
 */
import { promises as fs } from "fs";
import { rosterFailure, takeRoster, type RosterIntake } from "../intake/roster";
import { NODE_CODEC } from "./node-codec";

export type RosterFile = RosterIntake;

/** `display` is the path as the user typed it: messages name it, and its base name is the roster's file name. */
export async function readRosterFile(filePath: string, display = filePath): Promise<RosterFile> {
  const stat = await fs.stat(filePath).catch(() => undefined);
  if (!stat) return rosterFailure(display, "找不到该文件，请检查路径");
  if (!stat.isFile()) return rosterFailure(display, "这不是一个普通文件");
  return takeRoster({ name: display, size: stat.size, read: () => fs.readFile(filePath) }, { codec: NODE_CODEC });
}
