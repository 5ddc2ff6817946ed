/**
 * The reader bundles for the browser: webpack (target "web", no Node fallbacks) builds it with the
 * core, and the bundle, run where there is no require, process or Buffer — only what a browser
 * gives (TextDecoder, WebCrypto) — reads a LibreOffice-filled report to the same findings as Node.
 */
import { mkdtempSync, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import type webpack from "webpack";
import { bundleReader } from "../helpers/reader-bundle";
import { findingsOf } from "./browser-entry";

const FIXTURE = path.resolve(__dirname, "../fixtures/lo/rules-basic/report.xlsx");

describe("the reader in a browser bundle", () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "reader-bundle-"));
  let stats: webpack.Stats;
  beforeAll(async () => {
    stats = await bundleReader(out);
  }, 120000);

  it("bundles without errors and without any Node built-in", () => {
    expect(stats.toJson({ errors: true }).errors ?? []).toEqual([]);
    const modules = stats.toJson({ modules: true }).modules ?? [];
    expect(modules.some((m) => /src[\\/]read[\\/]read-workbook/.test(m.name ?? ""))).toBe(true);
    expect(
      modules.filter(
        (m) => /^(node:|external )/.test(m.name ?? "") || /\b(fs|zlib|crypto|worker_threads)\b"?$/.test(m.name ?? ""),
      ),
    ).toEqual([]);
  });

  it("reads a filled report to the same findings as Node, with only browser globals", async () => {
    const context = vm.createContext({ TextDecoder, TextEncoder, crypto: globalThis.crypto, console });
    vm.runInContext(readFileSync(path.join(out, "reader.js"), "utf8"), context);
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const inBundle = await (vm.runInContext("TjReader.findingsOf", context) as typeof findingsOf)("report.xlsx", bytes);
    const inNode = await findingsOf("report.xlsx", bytes);
    expect(JSON.parse(JSON.stringify(inBundle))).toEqual(JSON.parse(JSON.stringify(inNode)));
    expect((inNode as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
  }, 60000);
});
