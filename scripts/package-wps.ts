/**
 * `npm run build:wps`, after `webpack --env wps` built dist-wps/: lays the WPS 加载项 out as the wpsjs
 * tool (npm wpsjs 2.2.3, src/lib/build.js and publish.js) does, without its prompts:
 *
 *   dist-wps/wps-addon-build/            the online add-in: ribbon.xml, index.html (the entry page),
 *                                        taskpane.html, scripts, template.xlsx, images/ — put it on
 *                                        the intranet server at WPS_ADDON_URL
 *   dist-wps/wps-addon-build/<name>.7z   the offline package: the same files in <name>_<version>/
 *   dist-wps/wps-addon-publish/publish.html  wpsjs's installer page, listing this add-in (offline
 *                                        package at WPS_ADDON_URL/<name>.7z, or online at WPS_ADDON_URL)
 *   dist-wps/jsplugins.xml               for the oem.ini JSPluginsServer mode (administrators)
 *
 * WPS_ADDON_URL: http(s) address ending in "/" where wps-addon-build/ is served (default: the local
 * preview address, with a warning). WPS_ADDON_MODE: offline (default) or online.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist-wps");
export const ADDON_NAME = "tj_report";
/** WPS 表格 is "et" in the add-in system. */
export const ADDON_TYPE = "et";

function version(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
}

function serverUrl(): string {
  const url = process.env.WPS_ADDON_URL;
  if (!url) {
    console.warn(
      "\x1b[1;33m警告 WARNING: WPS_ADDON_URL 未设置，publish.html 与 jsplugins.xml 指向 http://127.0.0.1:3002/，只能在本机试用。\n" +
        "发布前请这样构建：WPS_ADDON_URL=http://内网服务器/路径/ npm run build:wps\x1b[0m",
    );
    return "http://127.0.0.1:3002/";
  }
  if (!/^https?:\/\/[^"<>\s]+\/$/.test(url))
    throw new Error(`WPS_ADDON_URL must be an http(s) URL ending in "/", got ${url}`);
  return url;
}

const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The add-in list wpsjs's publish.html takes (publish.js: name, addonType, online, multiUser, url, version). */
export function publishList(url: string, online: boolean, v: string) {
  return [
    online
      ? { name: ADDON_NAME, addonType: ADDON_TYPE, online: "true", multiUser: "false", url }
      : {
          name: ADDON_NAME,
          addonType: ADDON_TYPE,
          online: "false",
          multiUser: "false",
          url: `${url}${ADDON_NAME}.7z`,
          version: v,
        },
  ];
}

/** jsplugins.xml for oem.ini's JSPluginsServer: offline packages as <jsplugin>, online ones as <jspluginonline>. */
export function jspluginsXml(url: string, online: boolean, v: string): string {
  const entry = online
    ? `  <jspluginonline name="${ADDON_NAME}" type="${ADDON_TYPE}" url="${escapeXml(url)}" />`
    : `  <jsplugin name="${ADDON_NAME}" type="${ADDON_TYPE}" url="${escapeXml(`${url}${ADDON_NAME}.7z`)}" version="${v}" />`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n${entry}\n</jsplugins>\n`;
}

function main(): void {
  if (!fs.existsSync(path.join(DIST, "ribbon.xml")))
    throw new Error("dist-wps/ribbon.xml missing: run webpack --env wps first");
  const url = serverUrl();
  const online = process.env.WPS_ADDON_MODE === "online";
  const v = version();
  const build = path.join(DIST, "wps-addon-build");
  const publish = path.join(DIST, "wps-addon-publish");
  fs.rmSync(build, { recursive: true, force: true });
  fs.rmSync(publish, { recursive: true, force: true });
  fs.mkdirSync(build, { recursive: true });
  const files = fs
    .readdirSync(DIST)
    .filter(
      (f) => f !== "wps-addon-build" && f !== "wps-addon-publish" && f !== "jsplugins.xml" && !f.endsWith(".map"),
    );
  for (const f of files) fs.cpSync(path.join(DIST, f), path.join(build, f), { recursive: true });

  // The offline package: <name>_<version>/ inside <name>.7z, as wpsjs build packs it.
  const staging = fs.mkdtempSync(path.join(DIST, "7z-"));
  const folder = path.join(staging, `${ADDON_NAME}_${v}`);
  fs.cpSync(build, folder, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { path7za } = require("7zip-bin") as { path7za: string };
  fs.chmodSync(path7za, 0o755); // npm may unpack it without the execute bit
  execFileSync(path7za, ["a", "-t7z", path.join(build, `${ADDON_NAME}.7z`), folder], { stdio: "ignore" });
  fs.rmSync(staging, { recursive: true, force: true });

  // wpsjs's installer page, filled in as `wpsjs publish` fills it.
  // wpsjs exports none of its files, so its template is read from where npm put it.
  const template = fs.readFileSync(path.join(ROOT, "node_modules/wpsjs/src/lib/res/publish.html"), "utf8");
  fs.mkdirSync(publish, { recursive: true });
  fs.writeFileSync(
    path.join(publish, "publish.html"),
    template
      .replace(/PUBLISH_REPLACE_STRING/, JSON.stringify(publishList(url, online, v)))
      .replace(/SERVERID_REPLEASE_STRING/, "undefined"),
  );
  fs.writeFileSync(path.join(DIST, "jsplugins.xml"), jspluginsXml(url, online, v));
  console.log(
    `WPS 加载项 ${ADDON_NAME} ${v}（${online ? "在线" : "离线"}）：${path.relative(ROOT, build)}/ 部署到 ${url}；安装页 ${path.relative(ROOT, publish)}/publish.html`,
  );
}

if (require.main === module) main();
