/**
 * File names that say what a file is before it is read, for every host (the command line's folders,
 * the files chosen in the pane): Office lock files, and the temporary master `merge` writes beside
 * its output before renaming it into place.
 */

/** The name without folders (either separator). */
export function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
}

/** Excel and WPS leave `~$name.xlsx`, LibreOffice `.~lock.name#`, beside a file that is open. */
export function isLockFileName(fileName: string): boolean {
  const base = baseName(fileName);
  return base.startsWith("~$") || (base.startsWith(".~lock.") && base.endsWith("#"));
}

const TEMP_SUFFIX = ".tmp.xlsx";
const TEMP_NAME = /^\..+\.\d+\.tmp\.xlsx$/;

/**
 * The temporary file `merge` (and `template --force`) writes before renaming it to `output` (a base
 * name such as 汇总.xlsx): hidden (a leading dot), with the process id, so two runs never share one.
 */
export function temporaryMasterName(output: string, pid: number): string {
  const base = baseName(output).replace(/\.xlsx$/i, "");
  return `.${base}.${pid}${TEMP_SUFFIX}`;
}

/** A temporary master left behind by an interrupted `merge` (possibly half written): never a submission. */
export function isTemporaryMasterName(fileName: string): boolean {
  return TEMP_NAME.test(baseName(fileName));
}
