/** The host's name as the pane's words use it, from HostStatus (data, not hard-coded text). */
import type { HostStatus } from "../ports/host";

export type HostName = "Excel" | "WPS 表格";

/** WPS for the WPS adapter and for the WPS page outside WPS; Excel otherwise (and while unknown). */
export function hostName(host: HostStatus | null | undefined): HostName {
  if (host?.kind === "wps") return "WPS 表格";
  if (host?.kind === "outside" && host.reason === "no-wps") return "WPS 表格";
  return "Excel";
}
