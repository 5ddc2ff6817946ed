/**
 * The part of csv-parse's browser build the roster reader uses. Webpack and Node find the module
 * through the package's exports map, which TypeScript's older resolution here does not read.
 */
declare module "csv-parse/browser/esm/sync" {
  interface Options {
    readonly relax_column_count?: boolean;
    readonly skip_empty_lines?: boolean;
    readonly bom?: boolean;
    readonly trim?: boolean;
    /** Each record as `{ record, info }`; `info.lines` is the line the record ends on (1-based). */
    readonly info?: boolean;
  }
  /** Records of `input` as arrays of fields; throws a CsvError (with `lines`) on input it cannot split. */
  export function parse(input: string, options?: Options): unknown;
}
