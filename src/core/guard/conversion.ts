/**
 * Refusals a converter can lift. The guard refuses an Excel 97-2003 workbook (.xls), a WPS 表格 file
 * (.et: the same OLE2/BIFF format, so the guard calls it legacy_xls) and an OpenDocument spreadsheet
 * (.ods); the command line turns them into .xlsx with LibreOffice and reads the result through the
 * same guard and reader. Pure: which refusal codes (refusal.ts) these are, and the shapes a host
 * reports back in. The Chinese words are refusal.ts's.
 */
export type ConvertibleFormat = "xls" | "et" | "ods";

/**
 * The format a refusal says the file is in, as its unit knows it (an OLE2 workbook named .et or .ett
 * was saved by WPS 表格); undefined for a refusal no conversion lifts.
 */
export function convertibleFormatOf(code: string, fileName: string): ConvertibleFormat | undefined {
  if (code === "ods") return "ods";
  if (code === "legacy_xls") return /\.ett?$/i.test(fileName) ? "et" : "xls";
  return undefined;
}

/** Why a host did not convert: the pane cannot run LibreOffice; the command line did not find it, or was told not to. */
export type ConversionUnavailable = "pane" | "not_installed" | "disabled";

/** Why a conversion gave no .xlsx. */
export type ConversionFailure =
  /** Still running after `seconds`: stopped, with everything it started. */
  | { readonly reason: "timeout"; readonly seconds: number }
  /** The converter could not be started at all (`detail`: the system's reason, as a code such as ENOENT). */
  | { readonly reason: "start"; readonly detail: string }
  /** It ended with this exit code (or was ended by this signal). */
  | { readonly reason: "exit"; readonly code: number | null; readonly signal: string | null }
  /** It ended without writing the .xlsx: LibreOffice could not open the file (damaged, or an open password). */
  | { readonly reason: "no_output" }
  /** The .xlsx it wrote is larger than a submission may be. */
  | { readonly reason: "too_large"; readonly bytes: number; readonly limit: number };
