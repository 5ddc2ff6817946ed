/**
 * Where LibreOffice's soffice program is (Node adapter), for the conversions of .xls, .et and .ods:
 * the first `soffice` (or `libreoffice`) on PATH, else where LibreOffice's own installers put it —
 * Program Files on Windows, /Applications on macOS, /opt/libreoffice* for The Document Foundation's
 * Linux packages — where it is rarely on PATH.
 */
import { accessSync, constants, readdirSync, statSync } from "fs";
import * as path from "path";

type Env = Readonly<Record<string, string | undefined>>;

/** A regular file this process may run. */
export function isRunnable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, process.platform === "win32" ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(env: Env, platform: NodeJS.Platform): string[] {
  const dirs = (env.PATH ?? env.Path ?? "").split(platform === "win32" ? ";" : ":").filter((d) => d !== "");
  const names = platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  return names.flatMap((name) => dirs.map((dir) => path.join(dir, name)));
}

/** /opt/libreoffice7.6/program/soffice and the like, newest version first. */
function underOpt(): string[] {
  try {
    return readdirSync("/opt")
      .filter((d) => /^libreoffice/i.test(d))
      .sort((a, b) => b.localeCompare(a, "en", { numeric: true }))
      .map((d) => path.join("/opt", d, "program", "soffice"));
  } catch {
    return [];
  }
}

function installed(env: Env, platform: NodeJS.Platform): string[] {
  if (platform === "win32")
    return [env.ProgramFiles, env["ProgramFiles(x86)"]]
      .filter((d): d is string => Boolean(d))
      .map((d) => path.win32.join(d, "LibreOffice", "program", "soffice.exe"));
  if (platform === "darwin") return ["/Applications/LibreOffice.app/Contents/MacOS/soffice"];
  return underOpt();
}

/** The soffice to convert with, or undefined when LibreOffice is not found. */
export function findSoffice(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  runnable: (file: string) => boolean = isRunnable,
): string | undefined {
  return [...onPath(env, platform), ...installed(env, platform)].find(runnable);
}
