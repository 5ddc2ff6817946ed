/**
 * The values-only reader (src/read) with the core, bundled by webpack for the browser, in a real
 * headless Chromium: it reads a LibreOffice-filled report from its bytes and gets the same findings
 * as Node. Run with `npm run test:browser`; skips when Chromium is missing unless REQUIRE_BROWSER=1.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { findingsOf } from "../read/browser-entry";
import { bundleReader } from "../helpers/reader-bundle";
import { serveDirectory, type StaticServer } from "./serve";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FIXTURES = ["rules-basic", "rich-text", "dates-as-text"].map((n) =>
  path.resolve(__dirname, `../fixtures/lo/${n}/report.xlsx`),
);

if (!fs.existsSync(CHROMIUM) && process.env.REQUIRE_BROWSER === "1")
  throw new Error(`REQUIRE_BROWSER=1 but Chromium is missing at ${CHROMIUM}`);
const describeIfBrowser = fs.existsSync(CHROMIUM) ? describe : describe.skip;

describeIfBrowser("the reader in headless Chromium", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reader-browser-"));
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    await bundleReader(dir);
    fs.writeFileSync(
      path.join(dir, "index.html"),
      '<!doctype html><meta charset="utf-8"><script src="reader.js"></script>',
    );
    server = await serveDirectory(dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(FIXTURES.map((f) => [path.basename(path.dirname(f)), f]))(
    "%s: same findings as in Node",
    async (_name, file) => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/index.html`);
      const bytes = fs.readFileSync(file);
      const inBrowser = await page.evaluate(async (b64) => {
        const bin = atob(b64);
        const data = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
        const reader = (window as unknown as { TjReader: { findingsOf: typeof findingsOf } }).TjReader;
        return JSON.stringify(await reader.findingsOf("report.xlsx", data));
      }, bytes.toString("base64"));
      await page.close();
      const inNode = await findingsOf("report.xlsx", new Uint8Array(bytes));
      expect(JSON.parse(inBrowser)).toEqual(JSON.parse(JSON.stringify(inNode)));
      expect(inNode).toHaveProperty("findings");
    },
  );
});
