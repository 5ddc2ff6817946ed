/**
 * Putting the units' feedback workbooks in their folder (Node adapter): where each goes, which names
 * are already taken and which would be a file that must never be overwritten (an input, the roster,
 * the master: compared by identity, however the paths are spelled), then each written whole through
 * a temporary file (replace-file.ts). An interrupted or failed run removes the files it had made
 * so far; files it replaced (with --force) are whole new ones.
 */
import { promises as fs, rmSync } from "fs";
import * as path from "path";
import type { UnitFeedback } from "../core/feedback";
import { identityOf, type FileIdentity } from "./file-identity";
import { undoOnInterrupt } from "./interrupt";
import { replaceFile } from "./replace-file";

export interface FeedbackFile {
  /** Absolute. */
  readonly path: string;
  readonly feedback: UnitFeedback;
}

export interface FeedbackPlan {
  readonly files: readonly FeedbackFile[];
  /** File names already in the folder (replaced only with --force). */
  readonly existing: readonly string[];
  /** File names that are an input, the roster or the master: never written. */
  readonly forbidden: readonly string[];
}

const nodeKey = (id: FileIdentity) => (id.node && id.node.ino !== 0n ? `${id.node.dev}:${id.node.ino}` : null);

/** An index of identities, to ask of many paths whether each is one of them. */
async function identityIndex(paths: readonly string[]): Promise<(id: FileIdentity) => boolean> {
  const reals = new Set<string>();
  const nodes = new Set<string>();
  for (const p of paths) {
    const id = await identityOf(p);
    reals.add(id.real);
    const key = nodeKey(id);
    if (key) nodes.add(key);
  }
  return (id) => reals.has(id.real) || nodes.has(nodeKey(id) ?? "");
}

/**
 * The folder (absolute) and a file per unit, with the names in the way: taken, or forbidden because
 * they are one of `kept` (absolute paths of the inputs, the roster, the master).
 */
export async function planFeedbackFiles(
  folder: string,
  feedback: readonly UnitFeedback[],
  kept: readonly string[],
): Promise<FeedbackPlan> {
  const isKept = await identityIndex(kept);
  const files: FeedbackFile[] = [];
  const existing: string[] = [];
  const forbidden: string[] = [];
  for (const f of feedback) {
    const file = path.join(folder, f.fileName);
    const id = await identityOf(file);
    if (isKept(id)) forbidden.push(f.fileName);
    else if (id.node) existing.push(f.fileName);
    files.push({ path: file, feedback: f });
  }
  return { files, existing, forbidden };
}

/**
 * Writes each file (bytes from `render`), one at a time so only one workbook is in memory. On an
 * interruption or a failure the files this run made are removed; the error is thrown on.
 */
export async function writeFeedbackFiles(
  files: readonly FeedbackFile[],
  render: (feedback: UnitFeedback) => Promise<Uint8Array>,
): Promise<void> {
  const made: string[] = [];
  const removeMade = () => {
    for (const file of made) rmSync(file, { force: true });
  };
  const release = undoOnInterrupt(removeMade);
  try {
    for (const f of files) {
      const bytes = await render(f.feedback);
      const existed = await fs
        .lstat(f.path)
        .then(() => true)
        .catch(() => false);
      await replaceFile(f.path, (temporary) => fs.writeFile(temporary, bytes));
      if (!existed) made.push(f.path);
    }
  } catch (e) {
    removeMade();
    throw e;
  } finally {
    release();
  }
}

/** The input folder (as given) that holds `folder` or is it, compared by real path; undefined when none does. */
export async function inputFolderHolding(
  folder: string,
  inputs: readonly string[],
  cwd: string,
): Promise<string | undefined> {
  const inside = (await identityOf(folder)).real;
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat?.isDirectory()) continue;
    const real = (await identityOf(full)).real;
    if (inside === real || inside.startsWith(real.endsWith(path.sep) ? real : real + path.sep)) return input;
  }
  return undefined;
}
