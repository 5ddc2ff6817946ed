/**
 * `npm run sim`: builds the task pane against the strict Excel stand-in (webpack --env sim →
 * dist-sim/) and serves it on http://localhost:$PORT (default 3001) until stopped (Ctrl+C).
 * The page exposes window.excelSim (test/helpers/excel-sim/browser.ts). `--no-build` serves the last build.
 */
import * as path from "path";
import { execFileSync } from "child_process";
import { serveDirectory } from "../test/browser/serve";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist-sim");
export const DEFAULT_SIM_PORT = 3001;

async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_SIM_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  if (!process.argv.includes("--no-build")) {
    console.log("Building the task pane against the Excel stand-in (dist-sim/)…");
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "development", "--env", "sim"],
      { cwd: ROOT, stdio: "inherit" },
    );
  }
  const server = await serveDirectory(DIST, port);
  const address = server.origin.replace("127.0.0.1", "localhost");
  console.log(`Task pane against the Excel stand-in: ${address}/taskpane.html`);
  console.log(
    "window.excelSim: edit(sheet, address, value), insertRows(sheet, row, count), values(sheet), selection(), marks(). Ctrl+C stops.",
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
