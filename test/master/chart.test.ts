/**
 * The chart on 统计: its parts are in the package, wired by relationships and content types, placed
 * where the worksheet schema wants the <drawing> element, reference 统计's own cells with caches that
 * match them, and every XML part of the master validates against ECMA-376 (../shared/tools).
 */
import { execFileSync } from "child_process";
import { writeFileSync } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { fieldById } from "../../src/core/definition";
import { masterBytes } from "../../src/xlsx/master";
import { insertDrawingElement, planChart } from "../../src/xlsx/master/chart-package";
import type { BarChartSpec } from "../../src/xlsx/master/chart-xml";
import { tempDir } from "../helpers/libreoffice";
import { noUnitsResult, sampleResult } from "./merge-result";
import { writeAndRead, type WrittenMaster } from "./read-master";
import { describeWithShared, sharedPath } from "../helpers/shared";

const VALIDATE = sharedPath("tools/ooxml-validate.sh");

/** Texts of the c:pt values inside the first `tag` (c:cat, c:val, c:tx) of each series. */
function cached(chartXml: string, tag: string): string[][] {
  return [...chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((s) => {
    const part = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(s[1])?.[1] ?? "";
    return [...part.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => v[1]);
  });
}

describe("the chart of participants by district on 统计", () => {
  let m: WrittenMaster;
  beforeAll(async () => {
    m = await writeAndRead(sampleResult({ roster: true }));
  });
  afterAll(() => m.cleanup());

  it("adds chart, drawing and their relationships and content types", () => {
    expect(Object.keys(m.parts)).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/drawings/drawing1.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
      ]),
    );
    const types = m.parts["[Content_Types].xml"];
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(m.parts["xl/drawings/_rels/drawing1.xml.rels"]).toContain('Target="../charts/chart1.xml"');
    expect(Object.keys(m.parts)[0]).toBe("[Content_Types].xml");
  });

  it("puts <drawing> on 统计 only, after the page setup and before the closing tag, pointing at the drawing", () => {
    const xml = m.sheetXml("统计");
    const id = /<drawing r:id="([^"]+)"\/>/.exec(xml)?.[1];
    expect(id).toBeDefined();
    expect(xml.indexOf("<drawing ")).toBeGreaterThan(xml.indexOf("<pageSetup"));
    expect(xml).toContain("<headerFooter");
    expect(xml.indexOf("<drawing ")).toBeGreaterThan(xml.indexOf("<headerFooter"));
    expect(xml.endsWith(`<drawing r:id="${id}"/></worksheet>`)).toBe(true);
    const sheetRels = Object.entries(m.parts).find(
      ([p, x]) => p.includes("worksheets/_rels/") && x.includes(`Id="${id}"`),
    );
    expect(sheetRels?.[1]).toContain('Target="../drawings/drawing1.xml"');
    const others = Object.entries(m.parts).filter(
      ([p, x]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && x.includes("<drawing "),
    );
    expect(others).toHaveLength(1);
  });

  it("is a column chart over 统计's district cells, with caches equal to those cells", () => {
    const chart = m.parts["xl/charts/chart1.xml"];
    expect(chart).toContain('<c:barChart><c:barDir val="col"/>');
    // Under the summary paragraph (row 1) and a blank row, the district table is headed on row 3.
    expect(chart).toContain("<c:f>&apos;统计&apos;!$A$4:$A$20</c:f>");
    const ws = m.workbook.getWorksheet("统计") as ExcelJS.Worksheet;
    const districts = Array.from({ length: 17 }, (_, i) => String(ws.getCell(`A${i + 4}`).value));
    expect(cached(chart, "c:cat")).toEqual([districts, districts]);
    const header = (ws.getRow(3).values as unknown[]).map(String);
    const series = cached(chart, "c:tx").map((t) => t[0]);
    expect(series).toEqual([fieldById("regulation_participants").label, fieldById("outline_participants").label]);
    for (const [i, name] of series.entries()) {
      const col = header.indexOf(name);
      expect(cached(chart, "c:val")[i]).toEqual(districts.map((_, r) => String(ws.getRow(r + 4).getCell(col).value)));
    }
    // 和平区 holds 甲 (120) and 丙 (unread: 0); 河西区 乙 (300).
    expect(cached(chart, "c:val")[0].slice(1, 4)).toEqual(["120", "0", "300"]);
  });

  it("is left out when no unit was merged (nothing to draw)", async () => {
    const empty = await writeAndRead(noUnitsResult());
    try {
      expect(Object.keys(empty.parts).filter((p) => /chart|drawing/.test(p))).toEqual([]);
      expect(empty.sheetXml("统计")).not.toContain("<drawing");
    } finally {
      empty.cleanup();
    }
  });
});

describe("the drawing element's place in a worksheet", () => {
  it("goes before the elements the schema puts after it, or before the closing tag", () => {
    expect(insertDrawingElement("<worksheet><sheetData/><pageMargins/></worksheet>", "rId1")).toBe(
      '<worksheet><sheetData/><pageMargins/><drawing r:id="rId1"/></worksheet>',
    );
    expect(
      insertDrawingElement(
        '<worksheet><sheetData/><legacyDrawing r:id="rId2"/><tableParts count="0"/></worksheet>',
        "rId1",
      ),
    ).toBe(
      '<worksheet><sheetData/><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/><tableParts count="0"/></worksheet>',
    );
    expect(insertDrawingElement("<worksheet><sheetData/><extLst/></worksheet>", "rId1")).toBe(
      '<worksheet><sheetData/><drawing r:id="rId1"/><extLst/></worksheet>',
    );
  });

  it("refuses a sheet that already has a drawing", () => {
    expect(() => insertDrawingElement('<worksheet><drawing r:id="rId1"/></worksheet>', "rId2")).toThrow(
      /already has a drawing/,
    );
  });

  it("keeps a sheet's relationships and takes a free id and free part names", async () => {
    const parts: Record<string, string> = {
      "[Content_Types].xml": "<Types></Types>",
      "xl/workbook.xml":
        '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="统计" sheetId="2" r:id="rId2"/></sheets></workbook>',
      "xl/_rels/workbook.xml.rels":
        '<Relationships><Relationship Id="rId1" Type="t" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="t" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
      "xl/worksheets/sheet2.xml": "<worksheet><sheetData/></worksheet>",
      "xl/worksheets/_rels/sheet2.xml.rels":
        '<Relationships><Relationship Id="rId1" Type="h" Target="http://example.org" TargetMode="External"/></Relationships>',
      "xl/drawings/drawing1.xml": "<other/>",
    };
    const spec: BarChartSpec = {
      sheet: "统计",
      title: "t",
      categoriesRange: "$A$2:$A$3",
      categories: ["x", "y"],
      series: [{ name: "n", nameCell: "$B$1", valuesRange: "$B$2:$B$3", values: [1, 2], color: "4472C4" }],
      valueAxisTitle: "v",
      anchor: { fromCol: 0, fromRow: 5, toCol: 8, toRow: 20 },
    };
    const edits = await planChart(async (n) => parts[n], Object.keys(parts), spec);
    expect([...edits.add.keys()].sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/drawings/_rels/drawing2.xml.rels",
      "xl/drawings/drawing2.xml",
    ]);
    const rels = edits.replace.get("xl/worksheets/_rels/sheet2.xml.rels") as string;
    expect(rels).toContain('Id="rId1" Type="h" Target="http://example.org" TargetMode="External"');
    expect(rels).toContain(
      'Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing2.xml"',
    );
    expect(edits.replace.get("xl/worksheets/sheet2.xml")).toBe(
      '<worksheet><sheetData/><drawing r:id="rId2"/></worksheet>',
    );
    expect(edits.replace.has("xl/worksheets/sheet1.xml")).toBe(false);
  });
});

function validate(file: string): string {
  try {
    return execFileSync(VALIDATE, [file], { encoding: "utf8" });
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return `${err.stdout}\nexit ${err.status}`;
  }
}

describeWithShared(
  VALIDATE,
  "every XML part of the master validates (ECMA-376, ../shared/tools/ooxml-validate.sh)",
  () => {
    it.each([
      ["with a roster, unread values and the chart", () => sampleResult({ roster: true }), true],
      ["without units (no chart)", noUnitsResult, false],
    ])("%s", async (_name, make, hasChart) => {
      const m = await writeAndRead(make());
      try {
        const out = validate(m.file);
        expect(out.split("\n").filter((l) => /^FAIL|^exit/.test(l))).toEqual([]);
        expect(out).toMatch(/ 0 failed.* 0 package problems/);
        if (hasChart) expect(out).toMatch(/ok\s+xl\/charts\/chart1\.xml/);
      } finally {
        m.cleanup();
      }
    });

    it("as bytes for the task pane, too", async () => {
      const tmp = tempDir("master-bytes-");
      try {
        const file = path.join(tmp.dir, "pane.xlsx");
        writeFileSync(file, await masterBytes(sampleResult({ roster: true })));
        const out = validate(file);
        expect(out.split("\n").filter((l) => /^FAIL|^exit/.test(l))).toEqual([]);
        expect(out).toMatch(/ok\s+xl\/charts\/chart1\.xml/);
      } finally {
        tmp.cleanup();
      }
    });
  },
);
