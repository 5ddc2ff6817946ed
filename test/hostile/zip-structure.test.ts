/**
 * Hostile zip structures around a correct report: odd but honest layouts are read, anything that
 * lets two zip readers see different archives is refused before exceljs (JSZip) gets the bytes.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { judgeZipLayout } from "../../src/read/guard";
import { buildZip, type CraftEntry, deflatedEntry, deflatedZeros, storedEntry, unzipParts } from "../guard/craft";
import { checkInChild, checkUntouched, expectUnreadable, goodReport } from "./helpers";
import { buildOddZip } from "./zip";

const MiB = 1024 * 1024;
let dir: string;
let report: Buffer;
let entries: CraftEntry[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-zip-"));
  report = await goodReport();
  entries = [...(await unzipParts(report))].map(([n, c]) => deflatedEntry(n, c));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe("honest but unusual layouts are read like the plain report", () => {
  it("the plain report itself is ok (the cases below can tell)", async () => {
    expect((await checkUntouched(write("plain.xlsx", buildOddZip(entries)))).status).toBe("ok");
  });

  it.each([
    ["zip64 records", { zip64: true }],
    ["data descriptors", { dataDescriptor: true }],
    ["zip64 data descriptors", { dataDescriptor: true, zip64: true }],
    ["a 60 KB extra field on every entry", { extraBytes: 60000 }],
    ["a 64 KB archive comment", { comment: Buffer.alloc(0xffff, 0x2e) }],
  ])("%s", async (_what, opts) => {
    const r = await checkUntouched(write("odd.xlsx", buildOddZip(entries, opts)), "odd.xlsx");
    expect(r).toMatchObject({ status: "ok", unit: expect.any(String) });
  });

  it("every part stored, plus a stored 12 MB attachment", async () => {
    const stored = (await unzipParts(report)).entries();
    const parts = [...stored].map(([n, c]) => storedEntry(n, c));
    const noise = Buffer.from(Array.from({ length: 12 * MiB }, (_, i) => (i * 2654435761) >>> 24));
    const r = await checkUntouched(
      write("stored.xlsx", buildOddZip([...parts, storedEntry("xl/media/image1.png", noise)])),
    );
    expect(r.status).toBe("ok");
  });

  it("a workbook nested inside the package (an embedded object) is carried, never opened", async () => {
    const nested = buildZip([...entries, deflatedEntry("xl/embeddings/oleObject1.xlsx", report)]);
    expect((await checkUntouched(write("nested.xlsx", nested))).status).toBe("ok");
  });
});

describe("names that escape, hide or collide", () => {
  it.each([
    ["path traversal", "../../evil.xml"],
    ["absolute path", "/etc/cron.d/evil"],
    ["Windows traversal", "..\\..\\evil.xml"],
    ["drive letter", "C:/Windows/evil.xml"],
  ])("%s: refused as damaged, nothing written anywhere", async (_what, evil) => {
    const name = "escape.xlsx";
    const own = fs.mkdtempSync(path.join(dir, "escape-"));
    const file = path.join(own, name);
    fs.writeFileSync(file, buildZip([...entries, deflatedEntry(evil, "<x/>")]));
    const r = await checkUntouched(file, name);
    expectUnreadable(r, "corrupt", name);
    expect(fs.existsSync(path.resolve(own, "../../evil.xml"))).toBe(false);
    expect(fs.readdirSync(own)).toEqual([name]);
  });

  it("two parts whose names differ only in case (one part to OPC) are refused", async () => {
    const name = "case.xlsx";
    const r = await checkUntouched(
      write(name, buildZip([...entries, deflatedEntry("XL/Workbook.xml", "<workbook/>")])),
      name,
    );
    expectUnreadable(r, "corrupt", name);
    expect(r.message).toContain("重名");
  });
});

describe("names that read differently to the guard (yauzl) and to the reader (JSZip)", () => {
  /** `zip` with the first occurrence of `from` (a name in a central record) after `after` replaced by `to`, same length. */
  function renameCentral(zip: Buffer, from: string, to: string): Buffer {
    if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error("same length only");
    const out = Buffer.from(zip);
    const at = out.lastIndexOf(Buffer.from(from));
    Buffer.from(to).copy(out, at);
    return out;
  }

  it("a part named a picture in the directory but xl/sharedStrings.xml in its local header is refused", async () => {
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${"<si><t>x</t></si>".repeat(1000)}</sst>`;
    const zip = renameCentral(
      buildZip([...entries, deflatedEntry("xl/sharedStrings.xml", sst)]),
      "xl/sharedStrings.xml",
      "xl/media/image01.png",
    );
    expect(judgeZipLayout(zip)).toMatchObject({
      code: "corrupt",
      detail: expect.stringContaining("xl/media/image01.png 的本地记录与目录记录不符"),
    });
    const r = await checkUntouched(write("disguised.xlsx", zip));
    expectUnreadable(r, "corrupt", "disguised.xlsx");
  });

  it("a name that is not valid UTF-8 (an overlong '/') is refused; a flagged Chinese name is fine", async () => {
    const zip = buildZip([...entries, deflatedEntry("xl/media/图片1.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]))]);
    expect(judgeZipLayout(zip)).toBeUndefined();
    expect((await checkUntouched(write("chinese-name.xlsx", zip))).status).toBe("ok");
    // "xl/media/\xC0\xAFa": JSZip would read xl/media//a, yauzl would refuse or read otherwise.
    const bad = buildZip([...entries, deflatedEntry("xl/media/XXa", "x")]);
    for (const at of [bad.indexOf("xl/media/XXa"), bad.lastIndexOf("xl/media/XXa")])
      Buffer.from([0xc0, 0xaf]).copy(bad, at + 9);
    expect(judgeZipLayout(bad)).toMatchObject({ code: "corrupt", detail: expect.stringContaining("编码") });
  });

  it("a Unicode Path extra field (an alternative name) is refused", () => {
    const plain = buildOddZip(entries);
    expect(judgeZipLayout(plain)).toBeUndefined();
    // Re-tag the padding extra field of buildOddZip as 0x7075 in the central records.
    const tagged = Buffer.from(buildOddZip(entries, { extraBytes: 16 }));
    for (
      let at = tagged.readUInt32LE(tagged.length - 22 + 16);
      tagged.readUInt32LE(at) === 0x02014b50;
      at += 46 + tagged.readUInt16LE(at + 28) + tagged.readUInt16LE(at + 30)
    ) {
      tagged.writeUInt16LE(0x7075, at + 46 + tagged.readUInt16LE(at + 28));
    }
    expect(judgeZipLayout(tagged)).toMatchObject({ code: "corrupt", detail: expect.stringContaining("另一种写法") });
  });

  it("a second Zip64 field (yauzl reads the first, JSZip the last) is refused", () => {
    const zip = Buffer.from(buildOddZip(entries, { zip64: true, extraBytes: 28 }));
    expect(judgeZipLayout(zip)).toBeUndefined();
    for (
      let at = zip.readUInt32LE(Number(zip.readBigUInt64LE(zip.length - 22 - 20 + 8)) + 48);
      zip.readUInt32LE(at) === 0x02014b50;
      at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30)
    ) {
      zip.writeUInt16LE(0x0001, at + 46 + zip.readUInt16LE(at + 28) + 28); // the padding field after the 28-byte Zip64 field
    }
    expect(judgeZipLayout(zip)).toMatchObject({ code: "corrupt", detail: expect.stringContaining("附加记录重复") });
  });
});

describe("end records and directory that do not agree", () => {
  it("a record hidden from the end record's count cannot smuggle a bomb past the guard", async () => {
    const bomb = await deflatedZeros("xl/media/image9.png", 256 * MiB);
    const file = write("smuggle.xlsx", buildOddZip([...entries, bomb], { claimedCount: entries.length }));
    expect(fs.statSync(file).size).toBeLessThan(2 * MiB);
    const { result, maxRssMB } = await checkInChild(file);
    expectUnreadable(result, "corrupt", "smuggle.xlsx");
    expect(result.message).toContain(`结尾记录却写着 ${entries.length} 条`);
    expect(maxRssMB).toBeLessThan(300);
  }, 60000);

  it("an end record claiming more records than there are", async () => {
    expectUnreadable(
      await checkUntouched(write("more.xlsx", buildOddZip(entries, { claimedCount: entries.length + 1 }))),
      "corrupt",
      "more.xlsx",
    );
  });

  it("judgeZipLayout: the directory must end exactly where the end records begin", () => {
    const zip = buildOddZip(entries);
    expect(judgeZipLayout(zip)).toBeUndefined();
    const eocd = zip.length - 22;
    // Directory size understated: JSZip would shift every offset by the difference and read elsewhere.
    const short = Buffer.from(zip);
    short.writeUInt32LE(zip.readUInt32LE(eocd + 12) - 46, eocd + 12);
    expect(judgeZipLayout(short)).toMatchObject({ code: "corrupt", detail: expect.stringContaining("位置或长度") });
    // A directory offset moved back onto local data.
    const moved = Buffer.from(zip);
    moved.writeUInt32LE(zip.readUInt32LE(eocd + 16) - 10, eocd + 16);
    moved.writeUInt32LE(zip.readUInt32LE(eocd + 12) + 10, eocd + 12);
    expect(judgeZipLayout(moved)).toMatchObject({ code: "corrupt" });
  });

  it("judgeZipLayout: Zip64 records must be used by both readers or by neither", () => {
    const zip64 = buildOddZip(entries, { zip64: true });
    expect(judgeZipLayout(zip64)).toBeUndefined();
    // A locator before an ordinary end record: yauzl would follow it, JSZip would not.
    const eocd = zip64.length - 22;
    const record = Number(zip64.readBigUInt64LE(eocd - 20 + 8));
    const unsaturated = Buffer.from(zip64);
    unsaturated.writeUInt16LE(entries.length, eocd + 8);
    unsaturated.writeUInt16LE(entries.length, eocd + 10);
    unsaturated.writeUInt32LE(Number(zip64.readBigUInt64LE(record + 40)), eocd + 12);
    unsaturated.writeUInt32LE(Number(zip64.readBigUInt64LE(record + 48)), eocd + 16);
    expect(judgeZipLayout(unsaturated)).toMatchObject({ code: "corrupt", detail: expect.stringContaining("Zip64") });
    // Saturated fields without a locator: JSZip would search the file for one, yauzl would not.
    const plain = buildOddZip(entries);
    const saturated = Buffer.from(plain);
    saturated.writeUInt16LE(0xffff, plain.length - 22 + 10);
    expect(judgeZipLayout(saturated)).toMatchObject({ code: "corrupt", detail: expect.stringContaining("Zip64") });
  });

  it("judgeZipLayout: no end or directory record may hide in the archive comment", () => {
    // Too near the end for yauzl's search (an end record is 22 bytes), not for JSZip's.
    const fake = Buffer.from("PK\u0005\u0006", "latin1");
    const zip = buildOddZip(entries, { comment: Buffer.concat([Buffer.from("note "), fake, Buffer.alloc(10)]) });
    expect(judgeZipLayout(zip)).toMatchObject({ code: "corrupt", detail: expect.stringContaining("注释") });
    expect(judgeZipLayout(buildOddZip(entries, { comment: Buffer.from("PK is fine as text") }))).toBeUndefined();
  });

  it("judgeZipLayout leaves archives without an end record to the zip reader", () => {
    expect(judgeZipLayout(report.subarray(0, report.length - 30))).toBeUndefined();
  });
});
