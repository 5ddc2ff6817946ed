#!/usr/bin/env node
/**
 * The installed command: `npx tj-report …` in the project folder, or `tj-report …` anywhere after
 * `npm link`. Runs the TypeScript CLI through tsx (a runtime dependency), so nothing has to be compiled
 * after `npm ci`; relative paths are read from the folder the command is run in.
 */
"use strict";
const v8 = require("v8");
const vm = require("vm");

// `check` collects garbage between large files when gc is exposed (npm run cli passes --expose-gc).
if (typeof globalThis.gc !== "function") {
  v8.setFlagsFromString("--expose-gc");
  globalThis.gc = vm.runInNewContext("gc");
}
require("tsx/cjs/api").register();
require("../src/cli/main.ts");
