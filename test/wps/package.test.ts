/**
 * The WPS 加载项's package: ribbon.xml's buttons open views the pane has, the ribbon callbacks open
 * one task pane (on the stand-in), and the add-in list and jsplugins.xml are what wpsjs writes
 * (wpsjs 2.2.3 src/lib/publish.js and build.js; docs/wps-facts.md #17).
 */
import * as fs from "fs";
import * as path from "path";
import { createRibbon, PANE_TITLE } from "../../src/wps/ribbon";
import { VIEWS } from "../../src/taskpane/views";
import { ADDON_NAME, ADDON_TYPE, jspluginsXml, publishList } from "../../scripts/package-wps";
import { WpsSim } from "../helpers/wps-sim";

const RIBBON = fs.readFileSync(path.resolve(__dirname, "../../wps/ribbon.xml"), "utf8");

describe("ribbon.xml", () => {
  it("has one button per view of the pane, each calling the ribbon's callbacks", () => {
    const buttons = [...RIBBON.matchAll(/<button id="([^"]+)" label="([^"]+)" onAction="ribbon\.OnAction"/g)];
    expect(buttons.map((b) => [b[1], b[2]])).toEqual(VIEWS.map((v) => [v.id, v.label]));
    expect(RIBBON).toContain('onLoad="ribbon.OnAddinLoad"');
    expect(RIBBON).toContain('xmlns="http://schemas.microsoft.com/office/2006/01/customui"');
  });

  it("a button opens the pane on its view; a second one shows the same pane on the other view", () => {
    const sim = new WpsSim();
    const ribbon = createRibbon(sim.application, (view) => `http://addon/taskpane.html?view=${view}`);
    expect(ribbon.OnAddinLoad(null)).toBe(true);
    ribbon.OnAction({ Id: "check" });
    expect(sim.taskPanes).toEqual([{ url: "http://addon/taskpane.html?view=check", visible: true }]);
    ribbon.OnAction({ Id: "merge" });
    expect(sim.taskPanes).toEqual([{ url: "http://addon/taskpane.html?view=merge", visible: true }]);
    expect(PANE_TITLE).toBe("研学行动总结");
  });
});

describe("what wpsjs publishes", () => {
  it("offline: the .7z at the server address with its version; online: the folder address", () => {
    expect(publishList("http://intranet/wps/", false, "1.2.0")).toEqual([
      {
        name: ADDON_NAME,
        addonType: "et",
        online: "false",
        multiUser: "false",
        url: "http://intranet/wps/tj_report.7z",
        version: "1.2.0",
      },
    ]);
    expect(publishList("http://intranet/wps/", true, "1.2.0")).toEqual([
      { name: ADDON_NAME, addonType: "et", online: "true", multiUser: "false", url: "http://intranet/wps/" },
    ]);
    expect(ADDON_TYPE).toBe("et");
    expect(/^[A-Za-z0-9_]+$/.test(ADDON_NAME)).toBe(true); // wpsjs refuses other names
  });

  it("jsplugins.xml lists the add-in for oem.ini's JSPluginsServer", () => {
    expect(jspluginsXml("http://intranet/wps/", false, "1.2.0")).toContain(
      '<jsplugin name="tj_report" type="et" url="http://intranet/wps/tj_report.7z" version="1.2.0" />',
    );
    expect(jspluginsXml("http://intranet/wps/", true, "1.2.0")).toContain(
      '<jspluginonline name="tj_report" type="et" url="http://intranet/wps/" />',
    );
  });
});
