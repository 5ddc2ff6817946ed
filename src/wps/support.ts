/**
 * Whether this WPS can run the pane: the add-in system's event object (Application.ApiEvent) must be
 * there, and WPS 2019 (version 11.1) or later, the first whose 加载项 have the API the pane uses
 * (docs/wps-facts.md: unconfirmed below 11.1.0.10000). Every feature needs the same, so one answer
 * covers them all, with the Chinese message naming the version.
 */
import type { Feature, FeatureSupport } from "../ports/operations";

/** The oldest WPS the pane is built for: WPS Office 2019 (11.1.0) on Windows and on 信创 Linux. */
export const MIN_WPS_MAJOR = 11;
export const MIN_WPS_MINOR = 1;
export const MIN_WPS_LABEL = "WPS Office 2019（版本 11.1.0）";

/** The part of Application the check reads; each member may be missing on an old or odd build. */
export interface SupportProbe {
  readonly Version?: unknown;
  readonly ApiEvent?: unknown;
}

export function wpsVersion(probe: SupportProbe): string {
  try {
    return typeof probe.Version === "string" || typeof probe.Version === "number" ? String(probe.Version) : "";
  } catch {
    return "";
  }
}

/** "11.1.0.11664" ≥ 11.1; an unreadable version is not trusted. */
export function versionSupported(version: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > MIN_WPS_MAJOR || (major === MIN_WPS_MAJOR && minor >= MIN_WPS_MINOR);
}

export function unsupportedWpsMessage(version: string): string {
  const current = version ? `当前的 WPS 版本为 ${version}` : "未能读出当前 WPS 的版本";
  return `本加载项需要 ${MIN_WPS_LABEL} 或更高版本的 WPS 表格，并启用 WPS 加载项（JS API）；${current}。请联系单位管理员升级 WPS，或使用模板文件和命令行工具完成同样的工作。`;
}

const FEATURES: readonly Feature[] = ["insertTemplate", "validate", "liveValidation", "marks", "explain"];

export function wpsSupport(probe: SupportProbe): {
  readonly ok: boolean;
  readonly version: string;
  readonly features: Readonly<Record<Feature, FeatureSupport>>;
} {
  const version = wpsVersion(probe);
  let hasEvents = false;
  try {
    hasEvents = typeof probe.ApiEvent === "object" && probe.ApiEvent !== null;
  } catch {
    hasEvents = false;
  }
  const ok = hasEvents && versionSupported(version);
  const answer: FeatureSupport = ok
    ? { available: true }
    : { available: false, needs: `WPS ${MIN_WPS_MAJOR}.${MIN_WPS_MINOR}`, message: unsupportedWpsMessage(version) };
  const features = Object.fromEntries(FEATURES.map((f) => [f, answer])) as Record<Feature, FeatureSupport>;
  return { ok, version, features };
}
