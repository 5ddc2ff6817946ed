/**
 * The master workbook writer (spec §5): one writer for every host. The command line saves its bytes
 * to a file (src/node/save-master.ts); the task pane opens them as a new workbook or offers them as a
 * download.
 */
export { masterBytes, masterDescriptionBytes } from "./package";
export type { RenderProgress } from "./render";
