// `process` for the browser build: exceljs's streaming writer (readable-stream) asks only for
// nextTick; everything else about the process is absent in a page or a worker.
module.exports = {
  nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
  env: {},
  browser: true,
  version: "",
  versions: {},
  platform: "browser",
};
