/**
 * Reading a master named on the command line (Node adapter over src/intake/master): the file system
 * says what the path is and how large; the intake judges the size before asking for the bytes, and
 * reads, checks and refuses by name. Every failure is a Chinese reason: the CLI makes it a usage error.
 */
import { statSync } from "fs";
import * as path from "path";
import type { IncludedMaster, PreviousMaster } from "../core/merge/model";
import { HostReadError, type FileFacts } from "../intake";
import { MASTER_LIMITS, takeLowerMaster, takePreviousMaster, type TakenMaster } from "../intake/master";
import { readFileAtMost } from "./file-guard";
import { NODE_CODEC } from "./node-codec";

function factsAndBytes(filePath: string, display: string): { facts: FileFacts; read: () => Uint8Array } {
  let stat: ReturnType<typeof statSync> | undefined;
  try {
    stat = statSync(filePath);
  } catch {
    stat = undefined;
  }
  const facts: FileFacts = {
    name: path.basename(filePath),
    path: display,
    size: stat?.size ?? 0,
    modified: stat ? stat.mtime.toISOString() : null,
  };
  const read = () => {
    if (!stat) throw new HostReadError("not_found");
    try {
      return readFileAtMost(filePath, MASTER_LIMITS.maxFileBytes);
    } catch (e) {
      const code = (e as { code?: unknown } | null)?.code;
      throw new HostReadError(code === "EACCES" || code === "EPERM" ? "no_access" : "not_found");
    }
  };
  // A missing file has size 0: say it is missing rather than empty.
  return { facts: stat ? facts : { ...facts, size: 1 }, read };
}

/** A lower level's master (--include-master); `display` is the path as typed, which the master names. */
export function readLowerMaster(filePath: string, display: string): Promise<TakenMaster<IncludedMaster>> {
  const { facts, read } = factsAndBytes(filePath, display);
  return takeLowerMaster(facts, read, { codec: NODE_CODEC });
}

/** Last time's master (--previous). */
export function readPreviousMaster(filePath: string, display: string): Promise<TakenMaster<PreviousMaster>> {
  const { facts, read } = factsAndBytes(filePath, display);
  return takePreviousMaster(facts, read, { codec: NODE_CODEC });
}
