/**
 * `npm run bench`: the speed and memory figures of the closing notes. A benchmark, not a test: it
 * prints figures and their targets, and fails only when a piece cannot run at all.
 */
import { benchBatch } from "./batch";
import { benchCheck } from "./check";
import { benchConvert } from "./convert";
import { benchCore } from "./core";
import { benchGuard } from "./guard";
import { benchLimits } from "./limits";
import { benchLive } from "./live";
import { printFigures, type BenchFigure } from "./figures";
import { benchMerge } from "./merge";
import { benchPaneMerge } from "./pane-merge";
import { benchTemplate } from "./template";

const PIECES: [string, () => BenchFigure[] | Promise<BenchFigure[]>][] = [
  ["core", benchCore],
  ["check", benchCheck],
  ["batch", benchBatch],
  ["guard", benchGuard],
  ["limits", benchLimits],
  ["template", benchTemplate],
  ["live", benchLive],
  ["merge", benchMerge],
  ["pane-merge", benchPaneMerge],
  // Timed apart: conversion is the exception to the merge targets.
  ["convert", benchConvert],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  let failed = false;
  for (const [name, run] of PIECES) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`\n## ${name}`);
    try {
      printFigures(await run());
    } catch (e) {
      failed = true;
      console.log(`${name} failed: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
