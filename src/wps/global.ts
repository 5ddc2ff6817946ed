/** WPS's global object model, found on the page: the one read of window.Application. */
import type { WpsApplication } from "./api";

/** window.Application when the page runs inside WPS (the add-in system defines it), else undefined. */
export function wpsApplication(scope: unknown = globalThis): WpsApplication | undefined {
  try {
    const app = (scope as { Application?: unknown }).Application;
    return typeof app === "object" && app !== null && "Workbooks" in app ? (app as WpsApplication) : undefined;
  } catch {
    return undefined;
  }
}
