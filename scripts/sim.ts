/**
 * `npm run sim`: builds the task pane against the strict Excel stand-in (webpack --env sim →
 * dist-sim/) and serves it on http://localhost:$PORT (default 3001) until stopped (Ctrl+C).
 * The page exposes window.excelSim (test/helpers/excel-sim/browser.ts). `--no-build` serves the last build.
 * `--host wps` prints the pane against the strict WPS 表格 stand-in instead (wps-taskpane.html, with
 * window.wpsSim: test/helpers/wps-sim/browser.ts); the same build serves both.
 */
import * as path from "path";
import { execFileSync } from "child_process";
import { serveDirectory } from "../test/browser/serve";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist-sim");
export const DEFAULT_SIM_PORT = 3001;

/** `--host wps` or `--host=wps`: which stand-in's page to print. */
function hostArgument(argv: readonly string[]): "excel" | "wps" {
  const i = argv.findIndex((a) => a === "--host" || a.startsWith("--host="));
  if (i < 0) return "excel";
  const value = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  if (value !== "excel" && value !== "wps") throw new Error(`--host must be excel or wps, got ${value}`);
  return value;
}

async function main(): Promise<void> {
  const host = hostArgument(process.argv.slice(2));
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_SIM_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  if (!process.argv.includes("--no-build")) {
    console.log("Building the task pane against the Excel and WPS stand-ins (dist-sim/)…");
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "development", "--env", "sim"],
      { cwd: ROOT, stdio: "inherit" },
    );
  }
  const server = await serveDirectory(DIST, port);
  const address = server.origin.replace("127.0.0.1", "localhost");
  if (host === "wps") {
    console.log(`Task pane against the WPS 表格 stand-in: ${address}/wps-taskpane.html`);
    console.log(
      "window.wpsSim: edit(sheet, address, value), insertRows(sheet, row, count), values(sheet), selection(), marks(), workbooks(). Ctrl+C stops.",
    );
  } else {
    console.log(`Task pane against the Excel stand-in: ${address}/taskpane.html`);
    console.log(
      "window.excelSim: edit(sheet, address, value), insertRows(sheet, row, count), values(sheet), selection(), marks(). Ctrl+C stops.",
    );
  }
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
