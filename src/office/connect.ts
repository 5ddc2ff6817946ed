/**
 * The one place that reads the Office and Excel globals. Everything else gets the OfficeAdapter this
 * returns.
 */
import type { OfficeAdapter } from "../ports/host";
import { detectHost } from "./host";
import { themeModeOf, type OfficeThemeColors } from "./theme";
import { createWorkbookAdapter } from "./workbook";
import { createOfficeOperations } from "./operations";
import { templateFromServer } from "../host-kit/template-asset";

/** Long enough for a slow Excel on the web to initialise, short enough that a stray browser is told soon. */
export const OFFICE_READY_TIMEOUT_MS = 5000;

function officeGlobal(): typeof Office | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}

/** Office.context.officeTheme throws or is undefined where the host has no theme API. */
function officeTheme(office: typeof Office): OfficeThemeColors | undefined {
  try {
    return office.context?.officeTheme;
  } catch {
    return undefined;
  }
}

/** Office.context.requirements is missing on hosts too old to have requirement sets: nothing is supported. */
function isSetSupported(office: typeof Office, name: string, version: string): boolean {
  try {
    return office.context?.requirements?.isSetSupported(name, version) ?? false;
  } catch {
    return false;
  }
}

export async function connectOffice(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<OfficeAdapter> {
  const office = officeGlobal();
  const host = await detectHost(office, timeoutMs);
  if (host.kind !== "excel" || !office) return { host, theme: "light", workbook: null, operations: null };
  const operations = createOfficeOperations({
    excel: Excel,
    isSetSupported: (name, version) => isSetSupported(office, name, version),
    template: templateFromServer(),
    createWorkbook: (base64) => Excel.createWorkbook(base64),
    platform: host.platform,
  });
  return { host, theme: themeModeOf(officeTheme(office)), workbook: createWorkbookAdapter(Excel), operations };
}
