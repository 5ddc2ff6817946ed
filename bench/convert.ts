/**
 * Conversion of .xls and .ods with LibreOffice (src/node/libreoffice-convert.ts), timed apart from the
 * merge targets (issue 17: conversion is the exception to them): one file end to end, converted and
 * read, against the same report sent as .xlsx; and a batch of converted files through `merge`'s
 * intake, at most one conversion per core. Wall-clock time: LibreOffice's start with a fresh profile
 * is most of it. Prints a skip line when LibreOffice is not found.
 * Runs alone with `npx tsx bench/convert.ts`, or through benchConvert() from the bench runner.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { MergeInput } from "../src/core/merge";
import { cpuCores } from "../src/node/cores";
import { intakePath } from "../src/node/intake-path";
import type { ReadableEntry } from "../src/node/inputs";
import { libreOfficeConverter } from "../src/node/libreoffice-convert";
import { intakeEntries } from "../src/node/merge-read";
import { findSoffice } from "../src/node/soffice";
import { runStandalone, type BenchFigure } from "./figures";

const LO = path.resolve(__dirname, "../test/fixtures/lo");
const FILES = {
  xlsx: path.join(LO, "correct", "report.xlsx"),
  xls: path.join(LO, "correct-xls", "report.xls"),
  ods: path.join(LO, "correct-ods", "report.ods"),
};
const RUNS = 3;
const BATCH = 8;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const kindOf = (input: MergeInput): string => (input.kind === "unreadable" ? `unreadable: ${input.code}` : input.kind);

export async function benchConvert(): Promise<BenchFigure[]> {
  const soffice = findSoffice();
  if (!soffice) return [{ name: "convert", value: "skipped: LibreOffice (soffice) not found" }];
  const convert = libreOfficeConverter({ soffice });
  const figures: BenchFigure[] = [];
  for (const format of ["xlsx", "xls", "ods"] as const) {
    const times: number[] = [];
    let kind = "";
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      kind = kindOf(await intakePath({ path: FILES[format], display: format }, { conversion: { convert } }));
      times.push(performance.now() - t0);
    }
    figures.push({
      name: `convert: one report sent as .${format}, ${format === "xlsx" ? "read as it is" : "converted and read"} (median of ${RUNS})`,
      value: `${median(times).toFixed(0)} ms (${kind})`,
    });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-convert-"));
  try {
    const entries: ReadableEntry[] = [];
    for (let i = 0; i < BATCH; i++) {
      const file = path.join(dir, `${i}.xls`);
      fs.copyFileSync(FILES.xls, file);
      entries.push({ kind: "file", path: file, display: file });
    }
    const t0 = performance.now();
    let read = 0;
    for await (const input of intakeEntries(entries, { conversion: { convert } })) if (input.kind === "report") read++;
    const ms = performance.now() - t0;
    figures.push({
      name: `convert: a batch of ${BATCH} .xls through merge's intake (${cpuCores()} cores, one conversion per core)`,
      value: `${(ms / 1000).toFixed(1)} s, ${(ms / BATCH / 1000).toFixed(1)} s per file (${read}/${BATCH} read; no target: timed apart from the merge targets)`,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

if (require.main === module) runStandalone(benchConvert);
