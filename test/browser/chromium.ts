/**
 * Debian's Chromium for the browser tests, started as this machine needs it: headless, no sandbox
 * (root), no background networking (the network is closed), in a fresh profile of its own.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchChromium(viewport: { width: number; height: number }): Promise<{
  context: BrowserContext;
  profile: string;
}> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "tj-chromium-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return { context, profile };
}
