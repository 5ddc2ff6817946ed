/**
 * 宿主诊断, fact 15: the embedded Chromium. Its version from navigator.userAgent, and whether what
 * React 18 and Fluent UI v9 use at run time is there (the bundle ships no polyfills).
 */
import type { FactResult } from "../ports/diagnosis";

/** Run-time features React 18 and Fluent UI v9 (and this pane) rely on, by the name a report shows. */
const FEATURES: readonly (readonly [string, (g: Record<string, unknown>) => boolean])[] = [
  ["Promise.allSettled", (g) => typeof (g.Promise as { allSettled?: unknown } | undefined)?.allSettled === "function"],
  ["Object.fromEntries", () => typeof Object.fromEntries === "function"],
  ["Array.prototype.flat", () => typeof (Array.prototype as { flat?: unknown }).flat === "function"],
  ["globalThis", (g) => g.globalThis === g],
  ["queueMicrotask", (g) => typeof g.queueMicrotask === "function"],
  ["ResizeObserver", (g) => typeof g.ResizeObserver === "function"],
  ["IntersectionObserver", (g) => typeof g.IntersectionObserver === "function"],
  ["MutationObserver", (g) => typeof g.MutationObserver === "function"],
  ["TextDecoder", (g) => typeof g.TextDecoder === "function"],
  ["Web Worker", (g) => typeof g.Worker === "function"],
];

export function chromiumFact(scope: unknown = globalThis): FactResult {
  const g = scope as Record<string, unknown>;
  const agent = String((g.navigator as { userAgent?: unknown } | undefined)?.userAgent ?? "");
  const chrome = /(?:Chrome|Chromium)\/([\d.]+)/.exec(agent)?.[1] ?? null;
  const missing = FEATURES.filter(([, present]) => {
    try {
      return !present(g);
    } catch {
      return true;
    }
  }).map(([name]) => name);
  const seen = [
    chrome ? `Chromium ${chrome}` : "未能从 userAgent 读出 Chromium 版本",
    missing.length === 0 ? `所需功能齐全（${FEATURES.length} 项）` : `缺少：${missing.join("、")}`,
    `userAgent：${agent || "（空）"}`,
  ].join("；");
  return {
    fact: 15,
    title: "内置 Chromium 版本与 React、Fluent 所需功能",
    seen,
    verdict: missing.length === 0 ? "as-assumed" : "differs",
  };
}
