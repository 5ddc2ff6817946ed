/**
 * The BUILT task pane (dist/, from `npm run build`) in a real headless Chromium:
 * - outside Office (office.js cannot load, as offline) it renders and says in Chinese that it runs in Excel;
 * - under a stand-in office.js that reports Excel with a dark theme, it follows the theme, opens the
 *   view the ribbon button asked for, and reports the workbook's template sheets.
 * Run with `npm run build && npm run test:browser`; skips when dist/ or Chromium is missing unless
 * REQUIRE_BROWSER=1. Screenshots go to $TMPDIR/tj-taskpane-screenshots/ (outside-excel.png, excel-dark.png)
 * for a person to check that the Chinese text renders.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM, launchChromium } from "./chromium";
import { SHEETS } from "../../src/core/definition";
import { serveDirectory, type StaticServer } from "./serve";

const DIST = path.resolve(__dirname, "../../dist");
const SCREENSHOTS = path.join(os.tmpdir(), "tj-taskpane-screenshots");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const missing = [
  fs.existsSync(path.join(DIST, "taskpane.html")) ? null : "dist/taskpane.html (run `npm run build`)",
  fs.existsSync(CHROMIUM) ? null : `Chromium at ${CHROMIUM}`,
].filter((m): m is string => m !== null);

if (missing.length > 0 && process.env.REQUIRE_BROWSER === "1") {
  throw new Error(`REQUIRE_BROWSER=1 but missing: ${missing.join(", ")}`);
}
const describeIfBrowser = missing.length === 0 ? describe : describe.skip;

/**
 * office.js as Excel would provide it, reduced to what src/office uses: onReady says Excel, the theme is
 * dark, and the workbook holds the template sheets listed in window.__sheets.
 */
const FAKE_OFFICE_JS = `
window.__sheets = ${JSON.stringify([SHEETS.basic, SHEETS.events, "Sheet1"])};
window.Office = {
  HostType: { Excel: "Excel" },
  onReady: function () { return Promise.resolve({ host: "Excel", platform: "OfficeOnline" }); },
  context: { officeTheme: { bodyBackgroundColor: "#262626" } },
};
window.Excel = {
  run: function (batch) {
    var active = { name: window.__sheets[1], load: function () {} };
    var context = {
      workbook: { worksheets: {
        getItemOrNullObject: function (name) { return { isNullObject: window.__sheets.indexOf(name) < 0 }; },
        getActiveWorksheet: function () { return active; },
      } },
      sync: function () { return Promise.resolve(); },
    };
    return batch(context);
  },
};`;

describeIfBrowser("built task pane in headless Chromium", () => {
  let server: StaticServer;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    server = await serveDirectory(DIST);
    ({ context, profile } = await launchChromium({ width: 360, height: 720 }));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  /** A page that may reach only the local server (and, when given, a stand-in office.js). */
  async function openPane(query: string, officeJs?: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.origin)) return route.continue();
      if (officeJs && url === OFFICE_JS) {
        return route.fulfill({ contentType: "text/javascript", body: officeJs });
      }
      return route.abort("internetdisconnected");
    });
    await page.goto(`${server.origin}/taskpane.html${query}`);
    return { page, errors };
  }

  it("outside Office: renders the Chinese title and says it runs in Excel", async () => {
    const { page, errors } = await openPane("");
    await page.getByText("本加载项在 Excel 中运行").waitFor({ timeout: 15000 });
    expect(await page.title()).toBe("标准化研学行动总结");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("标准化研学行动总结");
    expect(await page.getByText("未能加载 Office.js").count()).toBe(1);
    // The three features are described; outside Excel there is nothing to insert into or check.
    for (const label of ["插入模板", "校验", "汇总"]) {
      expect(await page.getByRole("tab", { name: label }).count()).toBe(1);
    }
    expect(await page.getByRole("button", { name: "插入模板" }).count()).toBe(0);
    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByRole("heading", { name: "校验", level: 2 }).waitFor();
    expect(await page.getByRole("button", { name: "校验", exact: true }).count()).toBe(0);

    await page.getByRole("tab", { name: "插入模板" }).click();
    const shot = path.join(SCREENSHOTS, "outside-excel.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(fs.statSync(shot).size).toBeGreaterThan(5000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("in Excel with a dark Office theme: dark pane, requested view, workbook status", async () => {
    const { page, errors } = await openPane("?view=merge", FAKE_OFFICE_JS);
    await page.getByRole("heading", { name: "汇总", level: 2 }).waitFor({ timeout: 15000 });
    expect(await page.getByRole("tab", { name: "汇总" }).getAttribute("aria-selected")).toBe("true");
    expect(await page.getByText("本加载项在 Excel 中运行").count()).toBe(0);

    const background = await page.locator("main").evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((0.299 * r + 0.587 * g + 0.114 * b) / 255).toBeLessThan(0.5);

    await page.getByRole("tab", { name: "插入模板" }).click();
    const status = page.getByText("当前工作簿缺少模板的工作表");
    await status.waitFor();
    const text = (await status.textContent()) ?? "";
    expect(text).toContain(SHEETS.guide);
    expect(text).not.toContain(SHEETS.basic);

    await page.screenshot({ path: path.join(SCREENSHOTS, "excel-dark.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("in Excel with the light theme the pane stays light", async () => {
    const light = FAKE_OFFICE_JS.replace("#262626", "#FFFFFF");
    const { page } = await openPane("", light);
    await page.getByRole("heading", { name: "插入模板", level: 2 }).waitFor({ timeout: 15000 });
    await page.getByText("当前工作簿缺少模板的工作表").waitFor();
    const background = await page.locator("main").evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((0.299 * r + 0.587 * g + 0.114 * b) / 255).toBeGreaterThan(0.5);
    await page.close();
  });
});
