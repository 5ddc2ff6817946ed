/**
 * Hostile and odd files, made at test time and written to a temporary folder, through guardFile:
 * each gets its refusal code and a message naming it; good workbooks come back byte for byte.
 */
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import officeCrypto from "officecrypto-tool";
import { DEFAULT_GUARD_LIMITS } from "../../src/core/guard";
import { guardBuffer, guardFile, GuardResult } from "../../src/node/file-guard";
import {
  buildZip,
  cfbWithStreams,
  deflatedEntry,
  deflatedZeros,
  docxLike,
  exceljsWorkbook,
  odfLike,
  overlappingZip,
  storedEntry,
  unzipParts,
  xlsmLike,
  zipParts,
} from "./craft";

let dir: string;
let workbook: Buffer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "guard-"));
  workbook = await exceljsWorkbook();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function guardWritten(name: string, bytes: Buffer | string): Promise<GuardResult> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return guardFile(file);
}

/** A refusal with this code whose Chinese message names the file. */
function expectRefused(result: GuardResult, code: string, name: string): void {
  expect(result).toMatchObject({ ok: false, code, name });
  if (result.ok) return;
  expect(result.message).toContain(`“${name}”`);
  expect(result.message).toMatch(/[\u4e00-\u9fff]/);
}

describe("accepted workbooks", () => {
  it("returns an exceljs workbook unchanged, with its sha256 and no macro flag", async () => {
    const r = await guardWritten("和平区-总结.xlsx", workbook);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r).toMatchObject({ name: "和平区-总结.xlsx", size: workbook.length, macroEnabled: false });
    expect(r.bytes.equals(workbook)).toBe(true);
    expect(r.sha256).toBe(createHash("sha256").update(workbook).digest("hex"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet("基本信息")?.getCell("B1").value).toBe("天津市某某标准化研究院");
  });

  it("sniffs content, not extensions: an .xlsx named .txt or .xls is fine", async () => {
    expect((await guardWritten("报表.txt", workbook)).ok).toBe(true);
    expect((await guardWritten("报表.xls", workbook)).ok).toBe(true);
  });

  it("accepts a large real workbook (thousands of rows) well inside the limits", async () => {
    const big = await exceljsWorkbook(5000);
    const r = await guardWritten("big.xlsx", big);
    expect(r.ok).toBe(true);
  });

  it.each([
    ["VBA part", { vba: true, contentType: false }],
    ["macro-enabled content type", { vba: false, contentType: true }],
    ["both", { vba: true, contentType: true }],
  ])("accepts an .xlsm (%s) for its values, flagged macroEnabled", async (_what, opts) => {
    const r = await guardWritten("宏.xlsm", await xlsmLike(opts));
    expect(r).toMatchObject({ ok: true, macroEnabled: true });
  });
});

describe("refused files", () => {
  it("empty file", async () => {
    expectRefused(await guardWritten("空.xlsx", ""), "empty", "空.xlsx");
  });

  it("Office lock file, whatever it holds", async () => {
    const lock = Buffer.concat([Buffer.from([7]), Buffer.from("zhangsan", "utf8"), Buffer.alloc(150, 0x20)]);
    const r = await guardWritten("~$报表.xlsx", lock);
    expectRefused(r, "lock_file", "~$报表.xlsx");
    if (!r.ok) expect(r.message).toContain("临时锁定文件");
  });

  it("renamed text file", async () => {
    const r = await guardWritten("报表.xlsx", "单位名称,参加人次\n天津市某单位,120\n");
    expectRefused(r, "not_spreadsheet", "报表.xlsx");
    if (!r.ok) expect(r.message).toContain("纯文本");
  });

  it("PDF and random bytes", async () => {
    expectRefused(
      await guardWritten("扫描件.xlsx", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
      "not_spreadsheet",
      "扫描件.xlsx",
    );
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expectRefused(await guardWritten("random.xlsx", random), "not_spreadsheet", "random.xlsx");
  });

  it("truncated workbook: cut in half, and cut by a few bytes", async () => {
    expectRefused(
      await guardWritten("半截.xlsx", workbook.subarray(0, Math.floor(workbook.length / 2))),
      "corrupt",
      "半截.xlsx",
    );
    expectRefused(await guardWritten("少尾.xlsx", workbook.subarray(0, workbook.length - 5)), "corrupt", "少尾.xlsx");
    expectRefused(await guardWritten("头.xlsx", workbook.subarray(0, 40)), "corrupt", "头.xlsx");
  });

  it("damaged part data: flipped bytes inside a stored part fail the checksum", async () => {
    const parts = await unzipParts(workbook);
    const stored = buildZip([...parts].map(([n, c]) => storedEntry(n, c)));
    expect((await guardBuffer("stored.xlsx", stored)).ok).toBe(true);
    const at = stored.indexOf("<workbook");
    const damaged = Buffer.from(stored);
    damaged[at + 1] ^= 0x20;
    expectRefused(await guardWritten("坏.xlsx", damaged), "corrupt", "坏.xlsx");
  });

  it("encrypted workbook (officecrypto-tool, a real password)", async () => {
    const encrypted = officeCrypto.encrypt(workbook, { password: "123456" });
    expect(officeCrypto.isEncrypted(encrypted)).toBe(true);
    const r = await guardWritten("加密.xlsx", encrypted);
    expectRefused(r, "encrypted", "加密.xlsx");
    if (!r.ok) expect(r.message).toContain("文件-信息-保护工作簿");
  });

  it("encrypted with the standard scheme too", async () => {
    const encrypted = officeCrypto.encrypt(workbook, { password: "abc", type: "standard" });
    expectRefused(await guardWritten("加密2.xlsx", encrypted), "encrypted", "加密2.xlsx");
  });

  it("legacy .xls (an OLE2 file with a Workbook stream, and a bare OLE2 header)", async () => {
    const r = await guardWritten("旧版.xls", cfbWithStreams(["Workbook", "\u0005SummaryInformation"]));
    expectRefused(r, "legacy_xls", "旧版.xls");
    if (!r.ok) expect(r.message).toContain("*.xlsx");
    expectRefused(await guardWritten("旧版2.xlsx", cfbWithStreams([]).subarray(0, 512)), "legacy_xls", "旧版2.xlsx");
  });

  it("a Word 97 .doc renamed .xls is not a spreadsheet", async () => {
    expectRefused(
      await guardWritten("通知.xls", cfbWithStreams(["WordDocument", "1Table"])),
      "not_spreadsheet",
      "通知.xls",
    );
  });

  it(".ods, with the mimetype stored first (ODF) or deflated anywhere", async () => {
    const ods = "application/vnd.oasis.opendocument.spreadsheet";
    expectRefused(await guardWritten("表.ods", odfLike(ods)), "ods", "表.ods");
    expectRefused(await guardWritten("表2.xlsx", odfLike(ods, { storedFirst: false })), "ods", "表2.xlsx");
    expectRefused(
      await guardWritten("文.odt", odfLike("application/vnd.oasis.opendocument.text")),
      "not_spreadsheet",
      "文.odt",
    );
  });

  it("a .docx and other zips without xl/workbook.xml", async () => {
    const r = await guardWritten("总结.xlsx", docxLike());
    expectRefused(r, "not_spreadsheet", "总结.xlsx");
    if (!r.ok) expect(r.message).toContain(".docx");
    const parts = await unzipParts(workbook);
    parts.delete("xl/workbook.xml");
    expectRefused(await guardWritten("缺.xlsx", zipParts(parts)), "not_spreadsheet", "缺.xlsx");
    expectRefused(
      await guardWritten("照片.xlsx", buildZip([deflatedEntry("photo.jpg", "jpeg")])),
      "not_spreadsheet",
      "照片.xlsx",
    );
  });

  it("a workbook whose content types declare no workbook", async () => {
    const parts = await unzipParts(workbook);
    parts.set(
      "[Content_Types].xml",
      Buffer.from('<Types><Default Extension="xml" ContentType="application/xml"/></Types>'),
    );
    expectRefused(await guardWritten("类型.xlsx", zipParts(parts)), "not_spreadsheet", "类型.xlsx");
  });

  it("too large: refused from its size before reading (a sparse file)", async () => {
    const file = path.join(dir, "巨大.xlsx");
    fs.writeFileSync(file, workbook);
    fs.truncateSync(file, DEFAULT_GUARD_LIMITS.maxFileBytes + 1);
    const r = await guardFile(file);
    expectRefused(r, "too_large", "巨大.xlsx");
    if (!r.ok) expect(r.message).toContain("20 MB");
    expect((await guardFile(path.join(dir, "和平区-总结.xlsx"), { maxFileBytes: 1000 })).ok).toBe(false);
  });

  it("duplicate part names", async () => {
    const parts = await unzipParts(workbook);
    const entries = [...parts].map(([n, c]) => deflatedEntry(n, c));
    entries.push(deflatedEntry("xl/workbook.xml", "<workbook/>"));
    expectRefused(await guardWritten("重名.xlsx", buildZip(entries)), "corrupt", "重名.xlsx");
  });

  it("zip-level password on a part", async () => {
    const parts = await unzipParts(workbook);
    const entries = [...parts].map(([n, c]) => ({ ...deflatedEntry(n, c), flags: n === "xl/workbook.xml" ? 1 : 0 }));
    expectRefused(await guardWritten("zip密码.xlsx", buildZip(entries)), "encrypted", "zip密码.xlsx");
  });

  it("parts that promise more than they hold are damaged", async () => {
    const parts = await unzipParts(workbook);
    const entries = [...parts].map(([n, c]) => deflatedEntry(n, c));
    const i = entries.findIndex((e) => e.name === "xl/workbook.xml");
    entries[i] = { ...entries[i], uncompressedSize: entries[i].uncompressedSize + 5000 };
    expectRefused(await guardWritten("短.xlsx", buildZip(entries)), "corrupt", "短.xlsx");
  });
});

describe("zip bombs", () => {
  const MiB = 1024 * 1024;
  /** A workbook with one extra part: `bomb`, otherwise ordinary. */
  async function workbookWith(bomb: ReturnType<typeof deflatedEntry>): Promise<Buffer> {
    const parts = await unzipParts(workbook);
    return buildZip([...[...parts].map(([n, c]) => deflatedEntry(n, c)), bomb]);
  }

  it("too many entries", async () => {
    const entries = [deflatedEntry("[Content_Types].xml", "<Types/>"), deflatedEntry("xl/workbook.xml", "<workbook/>")];
    for (let i = 0; i < DEFAULT_GUARD_LIMITS.maxEntries; i++) entries.push(storedEntry(`xl/p/${i}.xml`, ""));
    expectRefused(await guardWritten("多.xlsx", buildZip(entries)), "zip_bomb", "多.xlsx");
  });

  // How fast the guard refuses a bomb is a benchmark figure (npm run bench guard), not an assert here.
  it("one honest part of 512 MiB zeros: refused from the directory, without inflating", async () => {
    const bytes = await workbookWith(await deflatedZeros("xl/worksheets/sheet9.xml", 512 * MiB));
    expect(bytes.length).toBeLessThan(2 * MiB);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const r = await guardWritten("炸弹.xlsx", bytes);
    expectRefused(r, "zip_bomb", "炸弹.xlsx");
    if (!r.ok) expect(r.message).toContain("xl/worksheets/sheet9.xml");
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MiB);
  });

  it("a part with a huge compression ratio under the size caps", async () => {
    const bytes = await workbookWith(await deflatedZeros("xl/worksheets/sheet9.xml", 8 * MiB));
    const r = await guardWritten("压缩比.xlsx", bytes);
    expectRefused(r, "zip_bomb", "压缩比.xlsx");
    if (!r.ok) expect(r.message).toMatch(/压缩比为 \d+:1/);
  });

  it("a part whose records lie: claims 200 bytes, inflates to 512 MiB — stopped by counting, in bounded memory", async () => {
    const real = await deflatedZeros("xl/worksheets/sheet9.xml", 512 * MiB);
    const liar = { ...real, uncompressedSize: 200 };
    const bytes = await workbookWith(liar);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const r = await guardWritten("说谎.xlsx", bytes);
    expectRefused(r, "zip_bomb", "说谎.xlsx");
    if (!r.ok) expect(r.message).toContain("实际解压出的数据多于记录");
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MiB);
  });

  it("overlapping records: hundreds of names pointing at one stored part", async () => {
    const noise = Buffer.from(Array.from({ length: MiB }, (_, i) => (i * 2654435761) >>> 24));
    const names = [
      "[Content_Types].xml",
      "xl/workbook.xml",
      ...Array.from({ length: 200 }, (_, i) => `xl/media/image${i}.png`),
    ];
    const bytes = overlappingZip(storedEntry("xl/media/image.png", noise), names);
    expect(bytes.length).toBeLessThan(2 * MiB);
    const r = await guardWritten("重叠.xlsx", bytes);
    expectRefused(r, "zip_bomb", "重叠.xlsx");
    // Caught from the directory (records sharing one local header) before anything is inflated.
    if (!r.ok) expect(r.message).toContain("重叠构造");
  });

  it("many honest parts that together exceed the total cap", async () => {
    const parts = await unzipParts(workbook);
    const entries = [...parts].map(([n, c]) => deflatedEntry(n, c));
    // Random-ish bytes barely compress, so no ratio rule fires: only the total does.
    const noise = Buffer.from(Array.from({ length: 2 * MiB }, (_, i) => (i * 2654435761) >>> 24));
    for (let i = 0; i < 6; i++) entries.push(storedEntry(`xl/media/image${i}.png`, noise));
    const bytes = buildZip(entries);
    expect((await guardBuffer("ok.xlsx", bytes)).ok).toBe(true);
    const r = await guardBuffer("合计.xlsx", bytes, { maxTotalBytes: 10 * MiB });
    expectRefused(r, "zip_bomb", "合计.xlsx");
  });
});
