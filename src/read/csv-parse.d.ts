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
  }
  /** Records of `input` as arrays of fields; throws a CsvError on input it cannot split. */
  export function parse(input: string, options?: Options): unknown;
}
