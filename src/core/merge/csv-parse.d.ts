/**
 * csv-parse's browser build, as webpack and Node resolve it through the package's exports map;
 * TypeScript here resolves packages the older way, so its types are named here.
 */
declare module "csv-parse/browser/esm/sync" {
  export { parse } from "csv-parse/lib/sync";
}
