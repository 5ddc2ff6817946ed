/**
 * manifest.xml against what the add-in actually ships: the views the ribbon buttons open exist in the
 * pane, the icons exist, the strings are Chinese with English overrides. The schema check (xmllint
 * with ../shared/manifest-schemas) runs when both are present, and must when REQUIRE_SHARED=1.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { VIEWS } from "../../src/taskpane/views";
import { FEATURE_SETS, MANIFEST_EXCEL_API } from "../../src/office/support";
import { sharedMissing, sharedPath } from "../helpers/shared";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const SCHEMA = sharedPath("manifest-schemas/OfficeAppManifestV1_1.xsd");

/** The manifest without its comments, so a URL in a comment is not taken for a real one. */
const XML = MANIFEST.replace(/<!--[\s\S]*?-->/g, "");

function attributeValues(element: string, attribute: string): string[] {
  const re = new RegExp(`<${element}\\b[^>]*\\b${attribute}="([^"]*)"`, "g");
  return [...XML.matchAll(re)].map((m) => m[1]);
}

/** bt:String id → { zh: DefaultValue, en: en-US Override }. */
function strings(): Map<string, { zh: string; en?: string }> {
  const result = new Map<string, { zh: string; en?: string }>();
  const re = /<bt:String id="([^"]+)" DefaultValue="([^"]*)"\s*(?:\/>|>([\s\S]*?)<\/bt:String>)/g;
  for (const m of XML.matchAll(re)) {
    const en = /<bt:Override Locale="en-US" Value="([^"]*)"/.exec(m[3] ?? "")?.[1];
    result.set(m[1], { zh: m[2], en });
  }
  return result;
}

function hasXmllint(): boolean {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("manifest.xml", () => {
  it("declares the lowest set the pane loads on; features needing more are checked one by one", () => {
    const minor = (v: string) => Number(v.split(".")[1]);
    const gated = Object.entries(FEATURE_SETS).filter(([, v]) => minor(v) > minor(MANIFEST_EXCEL_API));
    expect(gated.map(([f]) => f)).toEqual(["insertTemplate"]);
    expect(
      Math.max(
        ...Object.values(FEATURE_SETS)
          .filter((v) => v !== "1.13")
          .map(minor),
      ),
    ).toBeLessThanOrEqual(minor(MANIFEST_EXCEL_API));
  });

  it("is an Excel task-pane add-in, zh-CN by default, with a GUID id and document access", () => {
    expect(XML).toMatch(/xsi:type="TaskPaneApp"/);
    expect(XML).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(XML).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(XML).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(attributeValues("Host", "Name")).toEqual(["Workbook"]);
    expect(XML).toContain(`<Set Name="ExcelApi" MinVersion="${MANIFEST_EXCEL_API}"/>`);
    expect(XML).toMatch(/<DisplayName DefaultValue="标准化研学行动总结">\s*<Override Locale="en-US"/);
  });

  it("puts 插入模板, 校验 and 汇总 on the Home tab, each with an English override", () => {
    expect(XML).toMatch(/<OfficeTab id="TabHome">/);
    const labels = [...XML.matchAll(/<Control xsi:type="Button"[\s\S]*?<Label resid="([^"]+)"/g)].map((m) => m[1]);
    const table = strings();
    expect(labels.map((id) => table.get(id)?.zh)).toEqual(["插入模板", "校验", "汇总"]);
    for (const id of labels) expect(table.get(id)?.en).toMatch(/^[A-Za-z ]+$/);
    for (const [id, s] of table) {
      expect([id, s.en]).toEqual([id, expect.any(String)]);
    }
  });

  it("opens the task pane on a view the pane knows, one button per view", () => {
    const urls = new Map(
      [...XML.matchAll(/<bt:Url id="([^"]+)" DefaultValue="([^"]+)"/g)].map((m) => [m[1], m[2]] as const),
    );
    const sources = [...XML.matchAll(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"/g)];
    const views = sources.map((m) => new URL(urls.get(m[1]) ?? "").searchParams.get("view"));
    expect(views).toEqual(VIEWS.map((v) => v.id));
    for (const m of sources) expect(new URL(urls.get(m[1]) ?? "").pathname).toBe("/taskpane.html");
  });

  it("names only icons that exist in assets/ at the size they claim", () => {
    const icons = [...XML.matchAll(/https:\/\/localhost:3000\/assets\/(icon-(\d+)\.png)/g)];
    expect(icons.length).toBeGreaterThan(0);
    for (const [, file, size] of icons) {
      const png = fs.readFileSync(path.join(ROOT, "assets", file));
      expect([file, png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([file, Number(size), Number(size)]);
    }
  });

  const missing = sharedMissing(SCHEMA) ?? (hasXmllint() ? null : "skipped: xmllint not installed");
  if (missing !== null && process.env.REQUIRE_SHARED === "1") {
    throw new Error(`REQUIRE_SHARED=1 but the schema check cannot run (${missing})`);
  }
  const title = "validates against the Office add-in manifest schema";
  (missing === null ? it : it.skip)(missing === null ? title : `${title} — ${missing}`, () => {
    const out = execFileSync("xmllint", ["--noout", "--schema", SCHEMA, "manifest.xml"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(out).toBe("");
  });
});
