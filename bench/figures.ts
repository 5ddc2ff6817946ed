/** What every benchmark piece returns, and how one runs on its own (`npx tsx bench/core.ts`). */
export interface BenchFigure {
  name: string;
  value: string;
}

export function printFigures(figures: readonly BenchFigure[]): void {
  for (const f of figures) console.log(`${f.name}: ${f.value}`);
}

/** Runs one piece as a script: prints its figures, or the error and exit code 1. */
export function runStandalone(piece: () => BenchFigure[] | Promise<BenchFigure[]>): void {
  Promise.resolve()
    .then(piece)
    .then(printFigures, (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
