/**
 * The built pane against the Excel stand-in (dist-sim/, `npm run build:sim`) in headless Chromium,
 * for the walk-through tests: which suites can run, and one page per suite, opened before its tests
 * and closed after, with the page's errors collected and `sim()` to call `window.excelSim`.
 */
import * as fs from "fs";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM, launchChromium } from "./chromium";
import { serveDirectory, type StaticServer } from "./serve";

export const DIST_SIM = path.resolve(__dirname, "../../dist-sim");
export const ARTIFACTS = path.resolve(__dirname, "artifacts");

/** `describe` when dist-sim/, Chromium and `extra` files are there, else `describe.skip` (an error under REQUIRE_BROWSER=1). */
export function describeWithSim(extra: Readonly<Record<string, string>> = {}): jest.Describe {
  const needed: Record<string, string> = {
    [path.join(DIST_SIM, "taskpane.html")]: "dist-sim/taskpane.html (run `npm run build:sim`)",
    [CHROMIUM]: `Chromium at ${CHROMIUM}`,
    ...extra,
  };
  const missing = Object.entries(needed)
    .filter(([file]) => !fs.existsSync(file))
    .map(([, what]) => what);
  if (missing.length > 0 && process.env.REQUIRE_BROWSER === "1")
    throw new Error(`REQUIRE_BROWSER=1 but missing: ${missing.join(", ")}`);
  return missing.length === 0 ? describe : describe.skip;
}

export interface SimPage<Sim> {
  readonly page: Page;
  /** Where the served pane is, e.g. `${origin}/taskpane.html`. */
  readonly origin: string;
  /** Errors the page threw (a walk-through ends by expecting none). */
  readonly errors: string[];
  /** Runs `f` on the page's `window.excelSim` or `window.wpsSim` (f is sent as source: it may use only its arguments). */
  sim<T>(f: (s: Sim, arg: never) => T, arg?: unknown): Promise<T>;
}

/**
 * Opens the page in the suite's beforeAll and closes it in its afterAll; call inside `describe`.
 * `global`: the stand-in's page functions, window.excelSim (default) or window.wpsSim.
 */
export function simPage<Sim>(
  viewport: { width: number; height: number },
  global: "excelSim" | "wpsSim" = "excelSim",
): SimPage<Sim> {
  let server: StaticServer | undefined;
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  let page: Page | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await serveDirectory(DIST_SIM);
    ({ context, profile } = await launchChromium(viewport));
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  return {
    get page() {
      if (!page) throw new Error("the page opens in beforeAll");
      return page;
    },
    get origin() {
      if (!server) throw new Error("the server starts in beforeAll");
      return server.origin;
    },
    errors,
    sim: <T>(f: (s: Sim, arg: never) => T, arg?: unknown) =>
      page!.evaluate(
        ([fn, a, g]) =>
          new Function("s", "a", `return (${fn})(s, a)`)((window as unknown as Record<string, unknown>)[g], a),
        [f.toString(), arg, global] as const,
      ) as Promise<T>,
  };
}
