/**
 * The values-only workbook reader, for every host (Node, the task pane): bytes in, the core's
 * WorkbookGrid (or a refusal with the guard's code and Chinese message) out. Imports no Node module.
 */
export { readWorkbook, gridOfParts, type ReadOptions, type WorkbookReadResult } from "./read-workbook";
export { guardPackage, type GuardedPackage } from "./package";
export { MAX_CELL_CHARS, MAX_GRID_SLOTS } from "./grid";
export { sha256Hex } from "./sha256";
export { PURE_CODEC, type Codec } from "./codec";
