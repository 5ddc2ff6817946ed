/**
 * The browser pipeline, loaded when the first merge starts: the reader, the core's judge and merge
 * are a separate chunk, so opening the pane (most often to fill a report) does not load them.
 */
import type { MergePipeline } from "./pipeline";

const load = () => import("./pipeline").then((m) => m.browserPipeline);

export const lazyBrowserPipeline: MergePipeline = {
  readRoster: async (file) => (await load()).readRoster(file),
  mergeFiles: async (files, options, onRead) => (await load()).mergeFiles(files, options, onRead),
};
