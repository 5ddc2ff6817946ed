// The merge worker as webpack bundles it (its own chunk: the reader, the core and the master writer).
// JavaScript, because `import.meta` is not TypeScript under the project's CommonJS settings; its
// type is in start-worker.d.ts.
export function startMergeWorker() {
  return new Worker(new URL("./worker.ts", import.meta.url));
}
