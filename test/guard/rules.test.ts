/** The pure guard rules on plain bytes and plain entry lists (no zip library involved). */
import { DEFAULT_GUARD_LIMITS, formatBytes, guardLimits, REFUSAL_CODES, refusalMessage } from "../../src/core/guard";
import {
  cfbDirectoryNames,
  classifyByNames,
  classifyOle2,
  describeOther,
  InflationBudget,
  isProblem,
  judgeEntries,
  judgeEntryCount,
  judgeFileBytes,
  judgeNameAndSize,
  judgePackage,
  odfMimetypeOfFirstEntry,
  sniffMagic,
  ZipEntryInfo,
} from "../../src/read/guard";
import { isLockFileName } from "../../src/core/file-names";
import { cfbWithStreams, deflatedEntry, buildZip, storedEntry } from "./craft";

const L = DEFAULT_GUARD_LIMITS;
const MiB = 1024 * 1024;
const entry = (
  name: string,
  uncompressedSize: number,
  compressedSize = uncompressedSize,
  more: Partial<ZipEntryInfo> = {},
): ZipEntryInfo => ({
  name,
  uncompressedSize,
  compressedSize,
  compressionMethod: 8,
  encrypted: false,
  ...more,
});
const workbookEntries = (): ZipEntryInfo[] => [
  entry("[Content_Types].xml", 1500, 400),
  entry("_rels/.rels", 600, 250),
  entry("xl/workbook.xml", 900, 400),
  entry("xl/worksheets/sheet1.xml", 3 * MiB, 200 * 1024),
  entry("xl/media/", 0, 0),
];

describe("refusal messages", () => {
  it.each(REFUSAL_CODES)("%s names the file and is Chinese", (code) => {
    const msg = refusalMessage(code, "和平区市场监管局.xlsx");
    expect(msg).toContain("“和平区市场监管局.xlsx”");
    expect(msg).toMatch(/请/);
  });
  it("shows the detail when given and not otherwise", () => {
    expect(refusalMessage("too_large", "a.xlsx", "25 MB，上限 20 MB")).toContain("（25 MB，上限 20 MB）");
    expect(refusalMessage("too_large", "a.xlsx")).not.toContain("（）");
    expect(refusalMessage("not_spreadsheet", "a.xlsx", "这是 PDF 文件")).toContain("这是 PDF 文件");
  });
  it("tells what to do for each kind", () => {
    expect(refusalMessage("encrypted", "a.xlsx")).toContain("文件-信息-保护工作簿");
    expect(refusalMessage("legacy_xls", "a.xls")).toContain("*.xlsx");
    expect(refusalMessage("ods", "a.ods")).toContain("*.xlsx");
    expect(refusalMessage("lock_file", "~$a.xlsx")).toContain("~$");
  });
  it("formats sizes as people read them", () => {
    expect(formatBytes(512)).toBe("512 字节");
    expect(formatBytes(20 * MiB)).toBe("20 MB");
    expect(formatBytes(1.5 * MiB)).toBe("1.5 MB");
    expect(formatBytes(2 * 1024 * MiB)).toBe("2 GB");
  });
});

describe("name and size", () => {
  it("spots Office and LibreOffice lock files, not ordinary names", () => {
    expect(isLockFileName("~$报表.xlsx")).toBe(true);
    expect(isLockFileName("收件/2023/~$报表.xlsx")).toBe(true);
    expect(isLockFileName("C:\\收件\\~$报表.xlsx")).toBe(true);
    expect(isLockFileName(".~lock.报表.xlsx#")).toBe(true);
    expect(isLockFileName("报表~$.xlsx")).toBe(false);
    expect(isLockFileName("报表.xlsx")).toBe(false);
  });
  it("refuses empty and oversized files, accepts the limit itself", () => {
    expect(judgeNameAndSize("a.xlsx", 0, L)?.code).toBe("empty");
    expect(judgeNameAndSize("a.xlsx", L.maxFileBytes + 1, L)?.code).toBe("too_large");
    expect(judgeNameAndSize("a.xlsx", L.maxFileBytes, L)).toBeUndefined();
    expect(judgeNameAndSize("a.xlsx", 10, guardLimits({ maxFileBytes: 5 }))?.code).toBe("too_large");
  });
  it("reports a lock file before its emptiness", () => {
    expect(judgeNameAndSize("~$a.xlsx", 0, L)?.code).toBe("lock_file");
  });
});

describe("magic bytes", () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it("tells zip, empty zip, OLE2 and others apart", () => {
    expect(sniffMagic(bytes(0x50, 0x4b, 0x03, 0x04, 0))).toBe("zip");
    expect(sniffMagic(bytes(0x50, 0x4b, 0x05, 0x06, 0))).toBe("empty_zip");
    expect(sniffMagic(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe("ole2");
    expect(sniffMagic(bytes(0xd0, 0xcf, 0x11, 0xe0))).toBe("other");
    expect(sniffMagic(bytes(0x50, 0x4b))).toBe("other");
    expect(sniffMagic(new TextEncoder().encode("PK is not enough"))).toBe("other");
  });
  it("describes common non-spreadsheets", () => {
    expect(describeOther(new TextEncoder().encode("%PDF-1.7\n"))).toContain("PDF");
    expect(describeOther(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toContain("PNG");
    expect(describeOther(new TextEncoder().encode("单位名称,人次\n某单位,12\n"))).toContain("纯文本");
    expect(describeOther(new TextEncoder().encode("<html><table><tr><td>1</td></tr></table></html>"))).toContain(
      "HTML",
    );
    expect(
      describeOther(
        new TextEncoder().encode(
          '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
        ),
      ),
    ).toContain("2003 XML");
    expect(describeOther(bytes(0x00, 0x01, 0x02, 0x9f, 0x33))).toBeUndefined();
  });
  it("reads the ODF mimetype only from a stored first entry", () => {
    const ods = buildZip([storedEntry("mimetype", "application/vnd.oasis.opendocument.spreadsheet")]);
    expect(odfMimetypeOfFirstEntry(ods)).toBe("application/vnd.oasis.opendocument.spreadsheet");
    expect(
      odfMimetypeOfFirstEntry(buildZip([deflatedEntry("mimetype", "application/vnd.oasis.opendocument.spreadsheet")])),
    ).toBeUndefined();
    expect(odfMimetypeOfFirstEntry(buildZip([storedEntry("[Content_Types].xml", "<Types/>")]))).toBeUndefined();
    expect(odfMimetypeOfFirstEntry(ods.subarray(0, 40))).toBeUndefined();
  });
  it("judges whole files: ods by first entry, xlsx-shaped zips go on to the entry checks", () => {
    const ods = buildZip([storedEntry("mimetype", "application/vnd.oasis.opendocument.spreadsheet")]);
    expect(judgeFileBytes("a.xlsx", ods, L)?.code).toBe("ods");
    const odt = buildZip([storedEntry("mimetype", "application/vnd.oasis.opendocument.text")]);
    expect(judgeFileBytes("a.xlsx", odt, L)).toBeUndefined();
    expect(judgeFileBytes("a.xlsx", bytes(0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)), L)?.code).toBe(
      "not_spreadsheet",
    );
    expect(judgeFileBytes("a.xlsx", new TextEncoder().encode("hello"), L)?.code).toBe("not_spreadsheet");
    expect(judgeFileBytes("a.xlsx", new Uint8Array(0), L)?.code).toBe("empty");
  });
});

describe("OLE2 directory", () => {
  it("lists the stream names of a compound file", () => {
    expect(cfbDirectoryNames(cfbWithStreams(["Workbook", "\u0005SummaryInformation"]))).toEqual([
      "Root Entry",
      "Workbook",
      "\u0005SummaryInformation",
    ]);
  });
  it("tells encrypted packages, legacy workbooks and other Office files apart", () => {
    expect(classifyOle2(cfbWithStreams(["EncryptionInfo", "EncryptedPackage"])).kind).toBe("encrypted");
    expect(classifyOle2(cfbWithStreams(["Workbook"])).kind).toBe("legacy_xls");
    expect(classifyOle2(cfbWithStreams(["Book"])).kind).toBe("legacy_xls");
    const doc = classifyOle2(cfbWithStreams(["WordDocument", "1Table"]));
    expect(doc).toEqual({ kind: "other_office", what: expect.stringContaining(".doc") });
    expect(judgeFileBytes("a.xlsx", cfbWithStreams(["WordDocument"]), L)?.code).toBe("not_spreadsheet");
  });
  it("survives hostile headers: bad sector size, looping chains, truncation", () => {
    const badShift = cfbWithStreams(["Workbook"]);
    badShift.writeUInt16LE(30, 0x1e);
    expect(cfbDirectoryNames(badShift)).toBeUndefined();
    const loop = cfbWithStreams(["Workbook"]);
    loop.writeUInt32LE(1, 512 + 4); // the directory sector points at itself
    expect(cfbDirectoryNames(loop)).toBeUndefined();
    const hugeFat = cfbWithStreams(["Workbook"]);
    hugeFat.writeUInt32LE(0x7fffffff, 0x2c);
    expect(cfbDirectoryNames(hugeFat)).toBeUndefined();
    expect(cfbDirectoryNames(cfbWithStreams(["Workbook"]).subarray(0, 600))).toBeUndefined();
  });
  it("falls back to a raw scan for encryption names when the directory is damaged", () => {
    const enc = cfbWithStreams(["EncryptionInfo", "EncryptedPackage"]);
    enc.writeUInt32LE(0x7fffff00, 0x30); // directory start outside the file
    expect(cfbDirectoryNames(enc)).toBeUndefined();
    expect(classifyOle2(enc).kind).toBe("encrypted");
    const header = cfbWithStreams([]).subarray(0, 512); // just a header: a legacy file cut short
    expect(classifyOle2(header).kind).toBe("legacy_xls");
  });
});

describe("central directory caps", () => {
  it("accepts an ordinary workbook's entries", () => {
    expect(judgeEntries(workbookEntries(), L)).toBeUndefined();
  });
  it("caps the entry count", () => {
    expect(judgeEntryCount(L.maxEntries, L)).toBeUndefined();
    expect(judgeEntryCount(L.maxEntries + 1, L)?.code).toBe("zip_bomb");
    const many = Array.from({ length: L.maxEntries + 1 }, (_, i) => entry(`xl/p${i}.xml`, 10, 10));
    expect(judgeEntries(many, L)?.code).toBe("zip_bomb");
  });
  it("caps one part's declared size", () => {
    const big = [...workbookEntries(), entry("xl/media/image1.png", L.maxEntryBytes + 1, L.maxEntryBytes)];
    expect(judgeEntries(big, L)).toEqual({ code: "zip_bomb", detail: expect.stringContaining("xl/media/image1.png") });
    const atCap = [...workbookEntries(), entry("xl/media/image1.png", L.maxEntryBytes, L.maxEntryBytes)];
    expect(judgeEntries(atCap, L)).toBeUndefined();
  });
  it("caps the declared total", () => {
    const parts = Array.from({ length: 3 }, (_, i) => entry(`xl/media/image${i}.png`, 40 * MiB, 40 * MiB));
    expect(judgeEntries(parts, L)?.code).toBe("zip_bomb");
    expect(judgeEntries(parts.slice(0, 2), L)).toBeUndefined();
  });
  it("caps the ratio of big parts only", () => {
    const bomb = [...workbookEntries(), entry("xl/worksheets/sheet2.xml", 40 * MiB, 40 * 1024)];
    expect(judgeEntries(bomb, L)).toEqual({ code: "zip_bomb", detail: expect.stringContaining("1024:1") });
    const tiny = [...workbookEntries(), entry("xl/styles.xml", 512 * 1024, 10)];
    expect(judgeEntries(tiny, L)).toBeUndefined();
    const atRatio = [...workbookEntries(), entry("xl/worksheets/sheet2.xml", 40 * MiB, (40 * MiB) / L.maxRatio)];
    expect(judgeEntries(atRatio, L)).toBeUndefined();
  });
  it("refuses duplicate names, zip passwords and unknown compression", () => {
    expect(judgeEntries([...workbookEntries(), entry("xl/workbook.xml", 10)], L)?.code).toBe("corrupt");
    expect(judgeEntries([...workbookEntries(), entry("xl/a.xml", 10, 10, { encrypted: true })], L)?.code).toBe(
      "encrypted",
    );
    expect(judgeEntries([...workbookEntries(), entry("xl/a.xml", 10, 10, { compressionMethod: 12 })], L)?.code).toBe(
      "corrupt",
    );
    expect(
      judgeEntries([...workbookEntries(), entry("xl/a.xml", 10, 10, { compressionMethod: 0 })], L),
    ).toBeUndefined();
  });
});

describe("package kind", () => {
  const names = (list: ZipEntryInfo[]) => list.map((e) => e.name);
  const ct = (main: string) =>
    new Map([["[Content_Types].xml", `<Types><Override PartName="/xl/workbook.xml" ContentType="${main}"/></Types>`]]);
  it("needs content types and xl/workbook.xml", () => {
    expect(classifyByNames(names(workbookEntries()))).toEqual({ kind: "xlsx", macroEnabled: false });
    expect(isProblem(classifyByNames(["[Content_Types].xml", "xl/worksheets/sheet1.xml"]))).toBe(true);
    expect(isProblem(classifyByNames(["xl/workbook.xml"]))).toBe(true);
  });
  it("names the other Office packages", () => {
    expect(classifyByNames(["[Content_Types].xml", "word/document.xml"])).toEqual({
      code: "not_spreadsheet",
      detail: expect.stringContaining(".docx"),
    });
    expect(classifyByNames(["[Content_Types].xml", "xl/workbook.bin"])).toEqual({
      code: "not_spreadsheet",
      detail: expect.stringContaining(".xlsb"),
    });
    expect(classifyByNames(["[Content_Types].xml", "ppt/presentation.xml"])).toEqual({
      code: "not_spreadsheet",
      detail: expect.stringContaining(".pptx"),
    });
    expect(classifyByNames(["readme.txt"])).toMatchObject({ code: "not_spreadsheet" });
  });
  it("flags VBA by part or by content type", () => {
    expect(classifyByNames([...names(workbookEntries()), "xl/vbaProject.bin"])).toEqual({
      kind: "xlsx",
      macroEnabled: true,
    });
    const plain = { kind: "xlsx", macroEnabled: false } as const;
    expect(
      judgePackage(plain, ct("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
    ).toEqual({ macroEnabled: false });
    expect(
      judgePackage(plain, ct("application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml")),
    ).toEqual({ macroEnabled: false });
    expect(judgePackage(plain, ct("application/vnd.ms-excel.sheet.macroEnabled.main+xml"))).toEqual({
      macroEnabled: true,
    });
    expect(
      judgePackage(
        { kind: "xlsx", macroEnabled: true },
        ct("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
      ),
    ).toEqual({ macroEnabled: true });
  });
  it("refuses a package whose content types declare no workbook", () => {
    const r = judgePackage(
      { kind: "xlsx", macroEnabled: false },
      ct("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    );
    expect(r).toMatchObject({ code: "not_spreadsheet" });
    expect(judgePackage({ kind: "xlsx", macroEnabled: false }, new Map())).toMatchObject({ code: "not_spreadsheet" });
  });
  it("tells .ods from other OpenDocument files", () => {
    expect(classifyByNames(["mimetype", "content.xml", "META-INF/manifest.xml"])).toEqual({ kind: "odf" });
    expect(
      judgePackage({ kind: "odf" }, new Map([["mimetype", "application/vnd.oasis.opendocument.spreadsheet"]])),
    ).toEqual({ code: "ods" });
    expect(
      judgePackage({ kind: "odf" }, new Map([["mimetype", "application/vnd.oasis.opendocument.text"]])),
    ).toMatchObject({ code: "not_spreadsheet" });
  });
});

describe("inflation budget", () => {
  const e = entry("xl/worksheets/sheet1.xml", 1000, 100);
  it("lets a part produce exactly what it declared", () => {
    const b = new InflationBudget(L);
    expect(b.check(e, 600, 600)).toBeUndefined();
    expect(b.check(e, 1000, 400)).toBeUndefined();
    expect(b.finish(e, 1000)).toBeUndefined();
    expect(b.produced).toBe(1000);
  });
  it("stops a part that produces more than declared", () => {
    const b = new InflationBudget(L);
    expect(b.check(e, 1001, 1001)).toEqual({
      code: "zip_bomb",
      detail: expect.stringContaining("xl/worksheets/sheet1.xml"),
    });
  });
  it("words a lie caught by the zip library the same way", () => {
    expect(new InflationBudget(L).overDeclared(e)).toEqual(new InflationBudget(L).check(e, 1001, 1001));
  });
  it("calls a part that produces less than declared damaged", () => {
    expect(new InflationBudget(L).finish(e, 999)?.code).toBe("corrupt");
  });
  it("caps the total across parts whatever they declared", () => {
    const b = new InflationBudget(guardLimits({ maxTotalBytes: 1500 }));
    expect(b.check(e, 1000, 1000)).toBeUndefined();
    expect(b.check({ ...e, name: "xl/worksheets/sheet2.xml" }, 600, 600)?.code).toBe("zip_bomb");
  });
});
