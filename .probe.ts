import { chromium } from "playwright-core";
(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on("pageerror", (e) => console.log("pageerror:", e.message));
  await page.goto("http://localhost:3017/taskpane.html?view=template");
  await page.waitForTimeout(1500);
  await page.getByRole("button", { name: "插入模板" }).last().click();
  await page.getByRole("button", { name: "继续插入" }).click();
  await page.waitForTimeout(2500);
  console.log("---", await page.locator("#container").innerText());
  console.log(await page.evaluate(() => (window as any).excelSim.selection()));
  await page.getByRole("tab", { name: "校验" }).click();
  await page.waitForTimeout(1500);
  console.log("--- check", await page.locator("#container").innerText());
  console.log(await page.getByRole("button").allInnerTexts());
  await page.screenshot({ path: "/tmp/sim3.png" });
  await browser.close();
})();
