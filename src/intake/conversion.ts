/**
 * What a host does with an .xls, .et or .ods (core/guard/conversion.ts): convert it to .xlsx (the
 * command line, with LibreOffice), or say why it cannot. The intake reads a converted file through the
 * same guard and reader as any other; the converter is the host's, so the intake stays pure.
 */
import type { ConversionFailure, ConversionUnavailable, ConvertibleFormat } from "../core/guard";

export type ConvertedBytes =
  { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly failure: ConversionFailure };

/** The .xlsx bytes of a `from` file's `bytes`, at most `maxBytes` of them. Never throws. */
export type Converter = (bytes: Uint8Array, from: ConvertibleFormat, maxBytes: number) => Promise<ConvertedBytes>;

export type Conversion = { readonly convert: Converter } | { readonly unavailable: ConversionUnavailable };
