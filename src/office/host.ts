import type { HostStatus } from "../ports/host";

/**
 * The part of the Office namespace host detection uses (structural, so tests can pass a fake).
 * @types/office-js declares HostType as a numeric enum while office.js uses strings ("Excel"), so
 * values are compared with the namespace's own enum and shown with String().
 */
export interface OfficeReadyApi {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  readonly HostType: { readonly Excel: unknown };
}

/**
 * Where the pane runs. `office` is the Office namespace, or undefined when office.js did not load.
 * Office.onReady resolves with host null in a plain browser; the timeout covers an office.js that
 * loaded but never initialises, so the pane always gets to say what is wrong.
 */
export async function detectHost(office: OfficeReadyApi | undefined, timeoutMs: number): Promise<HostStatus> {
  if (!office) return { kind: "outside", reason: "no-office-js" };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const ready = Promise.resolve().then(() => office.onReady()); // a synchronous throw counts as failure too
    const info = await Promise.race([ready, timeout]).catch(() => "failed" as const);
    if (info === "failed") return { kind: "outside", reason: "failed" };
    if (info === "timeout") return { kind: "outside", reason: "timeout" };
    if (info.host === null || info.host === undefined) return { kind: "outside", reason: "not-in-office" };
    if (info.host !== office.HostType.Excel) return { kind: "outside", reason: "other-host", host: String(info.host) };
    return { kind: "excel", platform: String(info.platform ?? "") };
  } finally {
    clearTimeout(timer);
  }
}
