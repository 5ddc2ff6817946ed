/**
 * The intake of an .xls, .et or .ods (src/intake/file.ts with a Conversion; src/node/convert-stage.ts):
 * the host's converter turns the bytes as sent into .xlsx, which then goes through the same guard,
 * reader and judge as any .xlsx. The converter here is a stand-in that hands back the .xlsx twin
 * LibreOffice saved from the same plan (test/fixtures/lo/correct), so what is tested is the intake,
 * not LibreOffice (test/lo/conversion.test.ts runs the real one).
 */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import * as path from "path";
import type { ConvertibleFormat } from "../../src/core/guard";
import type { MergeInput } from "../../src/core/merge";
import { checkResultOf, intakeFile, type Converter, type FileFacts, type IntakeOptions } from "../../src/intake";
import { intakeEntries } from "../../src/node/merge-read";
import type { ReadableEntry } from "../../src/node/inputs";

const LO = path.resolve(__dirname, "../fixtures/lo");
const XLSX = path.join(LO, "correct", "report.xlsx");
const XLS = path.join(LO, "correct-xls", "report.xls");
const ODS = path.join(LO, "correct-ods", "report.ods");

const facts = (name: string, bytes: Uint8Array): FileFacts => ({
  name,
  path: `报送/${name}`,
  size: bytes.length,
  modified: null,
});

/** A converter that answers with the .xlsx twin, and remembers what it was asked. */
function twinConverter(answer: () => Uint8Array = () => readFileSync(XLSX)) {
  const asked: { from: ConvertibleFormat; bytes: Uint8Array; maxBytes: number }[] = [];
  const convert: Converter = async (bytes, from, maxBytes) => {
    asked.push({ from, bytes, maxBytes });
    return { ok: true, bytes: answer() };
  };
  return { convert, asked };
}

async function intake(name: string, file: string, options: IntakeOptions = {}): Promise<MergeInput> {
  const bytes = readFileSync(file);
  return intakeFile(facts(name, bytes), async () => bytes, options);
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("an .xls, .et or .ods with a converter", () => {
  it("reads as its .xlsx twin: same unit, status and findings; the source is the file as sent, marked converted", async () => {
    const twin = await intake("甲.xlsx", XLSX);
    const { convert, asked } = twinConverter();
    const converted = await intake("甲.xls", XLS, { conversion: { convert } });
    if (converted.kind !== "report" || twin.kind !== "report") throw new Error(JSON.stringify(converted));
    expect(asked).toHaveLength(1);
    expect(asked[0].from).toBe("xls");
    // The converter gets the bytes as sent and the size limit of a submission.
    expect(Buffer.from(asked[0].bytes).equals(readFileSync(XLS))).toBe(true);
    expect(asked[0].maxBytes).toBeGreaterThan(1024 * 1024);
    expect(converted.candidate.source).toMatchObject({ name: "甲.xls", convertedFrom: "xls", sha256: sha256(XLS) });
    // Everything read from the file is the twin's: fields, tables, identity, version, findings.
    const { source: _converted, ...read } = converted.candidate;
    const { source: _twin, ...twinRead } = twin.candidate;
    expect(read).toEqual(twinRead);
    expect(read.unitName).toBe("天津市河西区市场监督管理局");
    const result = checkResultOf(converted, "甲.xls");
    expect(result).toMatchObject({ status: "ok", unit: "天津市河西区市场监督管理局", convertedFrom: "xls" });
  });

  it("the format passed to the converter is the one the unit knows: .et for WPS, .ods for OpenDocument", async () => {
    const { convert, asked } = twinConverter();
    const et = await intake("乙.et", XLS, { conversion: { convert } });
    const ods = await intake("丙.ods", ODS, { conversion: { convert } });
    expect(asked.map((a) => a.from)).toEqual(["et", "ods"]);
    expect(et.kind === "report" && et.candidate.source.convertedFrom).toBe("et");
    expect(ods.kind === "report" && ods.candidate.source.convertedFrom).toBe("ods");
  });

  it("an .xlsx is never converted, and says nothing of conversion", async () => {
    const { convert, asked } = twinConverter();
    const read = await intake("甲.xlsx", XLSX, { conversion: { convert } });
    expect(asked).toHaveLength(0);
    expect(read.kind === "report" && "convertedFrom" in read.candidate.source).toBe(false);
    expect(checkResultOf(read, "甲.xlsx")).not.toHaveProperty("convertedFrom");
  });

  it("what the converter wrote goes through the guard: damaged output is refused, naming the file as sent", async () => {
    const { convert } = twinConverter(() => new TextEncoder().encode("PK\u0003\u0004 not really a zip"));
    const read = await intake("坏.ods", ODS, { conversion: { convert } });
    expect(read).toMatchObject({ kind: "unreadable", source: { name: "坏.ods", convertedFrom: "ods" } });
    expect(read.kind === "unreadable" && read.message).toContain("“坏.ods”");
  });

  it("a failed conversion is unreadable with its reason and what the unit can do", async () => {
    const convert: Converter = async () => ({ ok: false, failure: { reason: "timeout", seconds: 3 } });
    const read = await intake("慢.xls", XLS, { conversion: { convert } });
    expect(read).toMatchObject({ kind: "unreadable", code: "conversion_failed" });
    const message = read.kind === "unreadable" ? read.message : "";
    expect(message).toContain("“慢.xls”用 LibreOffice 转换为 .xlsx 时失败（转换 .xls 超过 3 秒仍未完成，已停止）");
    expect(message).toContain("另存为");
  });
});

describe("an .xls, .et or .ods without a converter", () => {
  it("stays refused with the unit's part of the message; the host's reason is added when it has one", async () => {
    const plain = await intake("甲.xls", XLS);
    expect(plain).toMatchObject({ kind: "unreadable", code: "legacy_xls" });
    const plainMessage = plain.kind === "unreadable" ? plain.message : "";
    expect(plainMessage).not.toContain("LibreOffice");
    const missing = await intake("甲.xls", XLS, { conversion: { unavailable: "not_installed" } });
    expect(missing.kind === "unreadable" && missing.message).toBe(
      `${plainMessage}（汇总方：安装 LibreOffice 后，命令行的 check、merge 会自动转换此类文件；LibreOffice 装在别处时用 --soffice 指明 soffice 程序的位置。）`,
    );
    const pane = await intake("丙.ods", ODS, { conversion: { unavailable: "pane" } });
    expect(pane.kind === "unreadable" && pane.message).toContain("任务窗格不能转换");
  });
});

describe("a batch with conversions (convert-stage)", () => {
  it("keeps the order the files were given in and converts only what needs it", async () => {
    let calls = 0;
    // Conversions answer late and out of order: the first one last.
    const convert: Converter = async (_bytes, from) => {
      const delay = calls++ === 0 ? 40 : 5;
      await new Promise((resolve) => setTimeout(resolve, delay));
      return from === "ods" ? { ok: false, failure: { reason: "no_output" } } : { ok: true, bytes: readFileSync(XLSX) };
    };
    const entries: ReadableEntry[] = [XLS, XLSX, ODS, XLSX].map((p, i) => ({
      kind: "file",
      path: p,
      display: `${i}-${path.basename(p)}`,
    }));
    const read: MergeInput[] = [];
    for await (const input of intakeEntries(entries, { concurrency: 1, conversion: { convert } })) read.push(input);
    expect(calls).toBe(2);
    expect(read.map((r) => (r.kind === "report" ? r.candidate.source.path : r.source.path))).toEqual([
      "0-report.xls",
      "1-report.xlsx",
      "2-report.ods",
      "3-report.xlsx",
    ]);
    expect(read.map((r) => r.kind)).toEqual(["report", "report", "unreadable", "report"]);
    expect(read[2]).toMatchObject({ code: "conversion_failed" });
  });
});
