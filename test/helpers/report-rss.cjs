/**
 * Preloaded (`node -r`) into a command run as a user runs it (bin/tj-report.js): at exit, its exit
 * code and the process's peak resident memory go to stderr as JSON, for the memory tests and the bench.
 */
"use strict";
process.on("exit", (code) => {
  process.stderr.write(JSON.stringify({ code, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
});
