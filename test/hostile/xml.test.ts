/**
 * Hostile XML inside an otherwise correct report: entity tricks, deep nesting, huge tables of
 * strings and styles, values far out on the sheet. Each is read correctly or refused with a code,
 * never leaking a local file; the heaviest run in a child process that reports its peak memory.
 * How quickly is a benchmark figure (npm run bench limits): a loaded machine makes time limits flaky.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MAX_ROW } from "../../src/read/guard";
import { MAX_CELL_CHARS, MAX_GRID_SLOTS } from "../../src/read";
import { checkInChild, checkUntouched, expectUnreadable, goodReport, sheetPart, withParts } from "./helpers";

const UNIT = "天津市某某区市场监督管理局";
let dir: string;
let report: Buffer;
let metaSheet: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-xml-"));
  report = await goodReport();
  metaSheet = await sheetPart(report, "模板信息");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The report with the unit's name, wherever the writer stored it (shared strings), replaced by `xml` (already escaped). */
function withUnitText(xml: string, prolog = ""): Promise<Buffer> {
  return withParts(report, (parts, text) => {
    const sst = text("xl/sharedStrings.xml");
    if (!sst.includes(UNIT)) throw new Error("unit name not in shared strings");
    parts.set(
      "xl/sharedStrings.xml",
      Buffer.from(sst.replace(/^<\?xml[^>]*\?>/, (decl) => decl + prolog).replace(UNIT, xml)),
    );
  });
}

/** The report with `rows` appended to the hidden 模板信息 sheet's data. */
function withMetaRows(rows: string): Promise<Buffer> {
  return withParts(report, (parts, text) =>
    parts.set(metaSheet, Buffer.from(text(metaSheet).replace("</sheetData>", `${rows}</sheetData>`))),
  );
}

describe("entities", () => {
  it("the unit name is where the edits below put their tricks (so each edit matters)", async () => {
    const r = await checkUntouched(write("plain.xlsx", await withUnitText("天津市另一区市场监督管理局")));
    expect(r).toMatchObject({ status: "ok", unit: "天津市另一区市场监督管理局" });
  });

  it("billion laughs in the shared strings: refused as damaged, in bounded memory", async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("");
    const file = write("laughs.xlsx", await withUnitText("&l9;", `<!DOCTYPE sst [<!ENTITY l0 "lol">${levels}]>`));
    const { result, maxRssMB } = await checkInChild(file);
    expectUnreadable(result, "corrupt", "laughs.xlsx");
    expect(maxRssMB).toBeLessThan(300);
  }, 60000);

  it("billion laughs in workbook.xml (a sheet name)", async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("");
    const bytes = await withParts(report, (parts, text) =>
      parts.set(
        "xl/workbook.xml",
        Buffer.from(
          text("xl/workbook.xml")
            .replace(/^<\?xml[^>]*\?>/, (d) => `${d}<!DOCTYPE workbook [<!ENTITY l0 "lol">${levels}]>`)
            .replace('name="填报说明"', 'name="&l9;"'),
        ),
      ),
    );
    const r = await checkUntouched(write("laughs-wb.xlsx", bytes));
    expectUnreadable(r, "corrupt", "laughs-wb.xlsx");
  });

  it("an external entity (XXE) naming a local file: refused, and nothing of the file shows", async () => {
    const secret = path.join(dir, "secret.txt");
    fs.writeFileSync(secret, "TOP-SECRET-3141592653");
    const r = await checkUntouched(
      write("xxe.xlsx", await withUnitText("&xxe;", `<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file://${secret}">]>`)),
    );
    expectUnreadable(r, "corrupt", "xxe.xlsx");
    expect(JSON.stringify(r)).not.toContain("TOP-SECRET");
  });

  it("an external DTD naming a local file is not fetched: the report reads as usual", async () => {
    const secret = path.join(dir, "secret.dtd");
    fs.writeFileSync(secret, '<!ENTITY leak "TOP-SECRET-2718281828">');
    const r = await checkUntouched(
      write("dtd.xlsx", await withUnitText(UNIT, `<!DOCTYPE sst SYSTEM "file://${secret}">`)),
    );
    expect(r).toMatchObject({ status: "ok", unit: UNIT });
    expect(JSON.stringify(r)).not.toContain("TOP-SECRET");
  });

  it("an entity in a parameter-entity DTD (XXE out of band) is refused", async () => {
    const r = await checkUntouched(
      write(
        "oob.xlsx",
        await withUnitText("&e;", '<!DOCTYPE sst [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>'),
      ),
    );
    expectUnreadable(r, "corrupt", "oob.xlsx");
  });
});

describe("size and shape of XML", () => {
  it("100,000 levels of unclosed tags after the sheet data", async () => {
    const deep = Array.from({ length: 100000 }, (_, i) => `<x${(i * 7919) % 100003}>`).join("");
    const r = await checkUntouched(write("deep.xlsx", await withMetaRows(`</sheetData>${deep}<sheetData>`)));
    expectUnreadable(r, ["corrupt", "zip_bomb", "too_large"], "deep.xlsx");
  });

  it("100,000 properly closed levels inside an extension list", async () => {
    const names = Array.from({ length: 100000 }, (_, i) => `x${(i * 7919) % 100003}`);
    const deep = `<extLst><ext uri="{0}">${names.map((n) => `<${n}>`).join("")}${[...names]
      .reverse()
      .map((n) => `</${n}>`)
      .join("")}</ext></extLst>`;
    const bytes = await withParts(report, (parts, text) =>
      parts.set(metaSheet, Buffer.from(text(metaSheet).replace("</worksheet>", `${deep}</worksheet>`))),
    );
    const { result, maxRssMB } = await checkInChild(write("deep-closed.xlsx", bytes));
    // Either read as the report it is, or refused as too costly; never a crash.
    if (result.status !== "unreadable") expect(result).toMatchObject({ status: "ok", unit: UNIT });
    else expectUnreadable(result, ["too_large", "zip_bomb", "corrupt"], "deep-closed.xlsx");
    expect(maxRssMB).toBeLessThan(512);
  }, 60000);

  it("a million shared strings: refused as too large before the reader starts", async () => {
    const extra = Array.from({ length: 1_000_000 }, (_, i) => `<si><t>${i}</t></si>`).join("");
    const bytes = await withParts(report, (parts, text) =>
      parts.set("xl/sharedStrings.xml", Buffer.from(text("xl/sharedStrings.xml").replace("</sst>", `${extra}</sst>`))),
    );
    const { result, maxRssMB } = await checkInChild(write("strings.xlsx", bytes));
    expectUnreadable(result, ["too_large", "zip_bomb"], "strings.xlsx");
    expect(maxRssMB).toBeLessThan(512);
  }, 60000);

  it("a 10 MB unit name: longer than an Excel cell can hold, refused as too large in bounded memory", async () => {
    const long = Array.from({ length: (10 * 1024 * 1024) / 16 }, (_, i) =>
      ((i * 2654435761) >>> 0).toString(16).padStart(16, "q"),
    ).join("");
    const { result, maxRssMB } = await checkInChild(write("long.xlsx", await withUnitText(long)));
    expectUnreadable(result, "too_large", "long.xlsx");
    expect(result.message).toContain("32767");
    expect(maxRssMB).toBeLessThan(512);
  }, 60000);

  it("a unit name of exactly 32,767 characters (Excel's most) is read", async () => {
    const r = await checkUntouched(
      write("longest.xlsx", await withUnitText(`天津市${"某".repeat(MAX_CELL_CHARS - 3)}`)),
    );
    expect(r.status).not.toBe("unreadable");
    expect(r.unit).toHaveLength(MAX_CELL_CHARS);
  });

  it("100,000 cell styles", async () => {
    const xfs = Array.from(
      { length: 100000 },
      (_, i) => `<xf numFmtId="${i % 50}" fontId="0" fillId="0" borderId="0" xfId="0"/>`,
    ).join("");
    const bytes = await withParts(report, (parts, text) =>
      parts.set("xl/styles.xml", Buffer.from(text("xl/styles.xml").replace("</cellXfs>", `${xfs}</cellXfs>`))),
    );
    const { result, maxRssMB } = await checkInChild(write("styles.xlsx", bytes));
    expect(result).toMatchObject({ status: "ok", unit: UNIT });
    expect(maxRssMB).toBeLessThan(512);
  }, 60000);

  it("a million empty rows", async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 100}"/>`).join("");
    const { result, maxRssMB } = await checkInChild(write("rows.xlsx", await withMetaRows(rows)));
    expectUnreadable(result, ["too_large", "zip_bomb"], "rows.xlsx");
    expect(maxRssMB).toBeLessThan(512);
  }, 60000);
});

describe("defined names", () => {
  /** The report with `n` extra names, each on its own cell down the hidden sheet. */
  const withNames = (n: number) =>
    withParts(report, (parts, text) =>
      parts.set(
        "xl/workbook.xml",
        Buffer.from(
          text("xl/workbook.xml").replace(
            "</definedNames>",
            `${Array.from({ length: n }, (_, i) => `<definedName name="junk${i}">'模板信息'!$A$${i + 1}</definedName>`).join("")}</definedNames>`,
          ),
        ),
      ),
    );

  it("100,000 junk names down a sheet are read", async () => {
    const { result, maxRssMB } = await checkInChild(write("names.xlsx", await withNames(100_000)));
    expect(result).toMatchObject({ status: "ok", unit: UNIT });
    expect(maxRssMB).toBeLessThan(512);
  }, 60000);

  it("300,000 names would need more than 512 MB: refused as too large before loading", async () => {
    const { result, maxRssMB } = await checkInChild(write("names-300k.xlsx", await withNames(300_000)));
    expectUnreadable(result, "too_large", "names-300k.xlsx");
    expect(result.message).toContain("名称");
    expect(maxRssMB).toBeLessThan(300);
  }, 60000);
});

describe("values far out on the sheet", () => {
  it("one value in the last row of a sheet (Ctrl+↓ and typing) is fine", async () => {
    const r = await checkUntouched(
      write(
        "last-row.xlsx",
        await withMetaRows(`<row r="${MAX_ROW}"><c r="A${MAX_ROW}" t="inlineStr"><is><t>x</t></is></c></row>`),
      ),
    );
    expect(r).toMatchObject({ status: "ok", unit: UNIT });
  });

  it("a row beyond Excel's last row is damage, refused from the tag scan at once", async () => {
    const r = await checkUntouched(
      write(
        "beyond.xlsx",
        await withMetaRows('<row r="100000000"><c r="A100000000" t="inlineStr"><is><t>x</t></is></c></row>'),
      ),
    );
    expectUnreadable(r, "corrupt", "beyond.xlsx");
    expect(r.message).toContain("100000000");
  });

  it("values in column XFD on thousands of rows: refused before the grid eats the memory", async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `<row r="${i + 100}"><c r="XFD${i + 100}"><v>1</v></c></row>`,
    ).join("");
    const { result, maxRssMB } = await checkInChild(write("xfd.xlsx", await withMetaRows(rows)));
    expectUnreadable(result, "too_large", "xfd.xlsx");
    expect(result.message).toContain("XFD");
    expect(maxRssMB).toBeLessThan(400);
  }, 60000);

  it("a value in the last row of each of 40 added sheets: refused, in bounded memory", async () => {
    const bytes = await goodReport((wb) => {
      for (let i = 0; i < 40; i++) wb.addWorksheet(`附表${i}`).getCell(`A${MAX_ROW}`).value = i;
    });
    const { result, maxRssMB } = await checkInChild(write("far-sheets.xlsx", bytes));
    expectUnreadable(result, "too_large", "far-sheets.xlsx");
    expect(maxRssMB).toBeLessThan(400);
  }, 60000);

  it("three added sheets with a value in their last row are still read", async () => {
    expect(MAX_GRID_SLOTS).toBeLessThan(40 * MAX_ROW); // the case above is over budget
    const bytes = await goodReport((wb) => {
      for (let i = 0; i < 3; i++) wb.addWorksheet(`附表${i}`).getCell(`A${MAX_ROW}`).value = i;
    });
    const r = await checkUntouched(write("three-far.xlsx", bytes));
    expect(r).toMatchObject({ status: expect.stringMatching(/^(ok|warnings)$/), unit: UNIT });
  });
});

describe("which sheets are parsed", () => {
  /** The report with the part of `sheet` cut off after its sheet data opens (no longer well formed). */
  const withSheetCut = async (sheet: string) => {
    const part = await sheetPart(report, sheet);
    return withParts(report, (parts, text) =>
      parts.set(part, Buffer.from(text(part).replace(/<sheetData>[\s\S]*$/, '<sheetData><row r="1">'))),
    );
  };

  it.each(["填报说明", "基本情况", "活动明细", "模板信息"])(
    "damage in %s refuses the file (填报说明 is parsed though nothing reads its cells)",
    async (sheet) => {
      const r = await checkUntouched(write(`cut-${sheet}.xlsx`, await withSheetCut(sheet)));
      expectUnreadable(r, "corrupt", `cut-${sheet}.xlsx`);
    },
  );

  it.each(["自检", "打印稿"])(
    "damage in %s (the template's formulas, which the check never reads) leaves the report readable",
    async (sheet) => {
      const r = await checkUntouched(write(`cut-${sheet}.xlsx`, await withSheetCut(sheet)));
      expect(r).toMatchObject({ status: "ok", unit: UNIT });
    },
  );
});
