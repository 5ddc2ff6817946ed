/**
 * Bytes to a file WPS can open: WPS opens workbooks by path only, so the template and the master are
 * written to the temporary folder (Env.GetTempPath) through the add-in's FileSystem, as a "binary
 * string" (one character per byte, what writeAsBinaryString takes).
 */
import type { WpsApplication } from "./api";

/** One character per byte, built in slices (String.fromCharCode takes a bounded number of arguments). */
export function binaryString(bytes: Uint8Array): string {
  let out = "";
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) out += String.fromCharCode(...bytes.subarray(i, i + slice));
  return out;
}

export function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A new path in the temporary folder (the folder as WPS gives it, with or without a trailing separator). */
export function tempPath(app: WpsApplication, stem: string, now = Date.now()): string {
  const dir = app.Env.GetTempPath().replace(/[\\/]+$/, "");
  const separator = dir.includes("\\") ? "\\" : "/";
  return `${dir}${separator}${stem}-${now.toString(36)}.xlsx`;
}

/** Writes the file; false when WPS says it could not. */
export function writeTempFile(app: WpsApplication, path: string, bytes: Uint8Array): boolean {
  return app.FileSystem.writeAsBinaryString(path, binaryString(bytes)) !== false;
}

/** Removes the file, quietly: a leftover temporary file is not the user's problem. */
export function removeTempFile(app: WpsApplication, path: string): void {
  try {
    if (app.FileSystem.Exists(path)) app.FileSystem.Remove(path);
  } catch {
    // left for the system's temp cleaning
  }
}
