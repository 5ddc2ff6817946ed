/**
 * Every version of the template the product has issued. Files filled in any of them are read by
 * `check` and `merge` (test/fixtures/template-<version>/report.xlsx is a filled file of each;
 * test/xlsx/template-versions.test.ts fails when the template's layout changes while TEMPLATE.version
 * stays, or when a version has no filled file); a master made by a
 * product of any of them can be taken in again. Add the outgoing version here when TEMPLATE.version
 * moves.
 */
import { TEMPLATE } from "./definition";

/**
 * Issued before the current TEMPLATE.version, oldest first. The version being issued may stand here
 * already (it is the current one until TEMPLATE.version moves on).
 */
export const EARLIER_TEMPLATE_VERSIONS: readonly string[] = ["1.0.0"];

export const ISSUED_TEMPLATE_VERSIONS: readonly string[] = [
  ...EARLIER_TEMPLATE_VERSIONS.filter((v) => v !== TEMPLATE.version),
  TEMPLATE.version,
];

export function isIssuedTemplateVersion(version: string): boolean {
  return ISSUED_TEMPLATE_VERSIONS.includes(version);
}
