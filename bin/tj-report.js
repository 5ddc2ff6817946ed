#!/usr/bin/env node
/**
 * The installed command: `npx tj-report …` in the project folder, or `tj-report …` anywhere after
 * `npm link`; `npm run cli` runs it too. Runs the CLI bundled from the TypeScript sources
 * (bin/cli-bundle.js: built on first use and whenever an input to the build changes), so nothing has to be
 * compiled by hand after `npm ci`; relative paths are read from the folder the command is run in.
 */
"use strict";
const v8 = require("v8");
const vm = require("vm");

// `check` collects garbage between large files when gc is exposed.
if (typeof globalThis.gc !== "function") {
  v8.setFlagsFromString("--expose-gc");
  globalThis.gc = vm.runInNewContext("gc");
}

let main;
try {
  main = require("./cli-bundle").cliBundle();
} catch {
  // No bundle (esbuild missing or failing on this machine): run the sources through tsx.
  require("tsx/cjs/api").register();
  main = require("path").join(__dirname, "../src/cli/main.ts");
}
require(main);
