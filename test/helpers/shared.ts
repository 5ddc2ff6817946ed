/**
 * ../shared beside the project: the team's schemas, validators and foreign fixtures. A fresh clone has
 * none of it, so a test that uses it is skipped there, its title saying what was missing; CI sets
 * REQUIRE_SHARED=1, and then the absence fails instead of passing by skipping.
 */
import { existsSync } from "fs";
import * as path from "path";

const PROJECT = path.resolve(__dirname, "../..");

/** An absolute path under ../shared. */
export const sharedPath = (relative: string): string => path.resolve(PROJECT, "../shared", relative);

/** Why a test needing `file` cannot run here, or null when it can. */
export function sharedMissing(file: string): string | null {
  return existsSync(file)
    ? null
    : `skipped: ${path.relative(PROJECT, file)} not found (no ../shared beside the project)`;
}

/** `describe` when `file` exists; otherwise skipped with the reason in its title, or failing under REQUIRE_SHARED=1. */
export function describeWithShared(file: string, title: string, body: () => void): void {
  const missing = sharedMissing(file);
  if (missing === null) describe(title, body);
  else if (process.env.REQUIRE_SHARED === "1")
    describe(title, () => {
      it("has what it needs from ../shared", () => {
        throw new Error(`REQUIRE_SHARED=1 but ${file} is missing`);
      });
    });
  else describe.skip(`${title} — ${missing}`, body);
}
