/**
 * The sealed paper copy keeps every word: each long answer is filled to its limit (distinct sentences,
 * a distinct last one) by LibreOffice itself (scripts/lo-fill.py, as a unit filling by hand),
 * the saved file is printed to PDF by `soffice --convert-to pdf`, and pdftotext must show every
 * character of every answer, in order. Skipped without LibreOffice unless REQUIRE_LIBREOFFICE=1.
 */
import { execFile } from "child_process";
import { writeFileSync } from "fs";
import * as path from "path";
import { FIELDS, cellOf } from "../../src/core/definition";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { findLibreOffice, libreOfficeDescribe, tempDir } from "../helpers/libreoffice";

const LO_FILL = path.resolve(__dirname, "../../scripts/lo-fill.py");
const LONG = FIELDS.filter((f) => f.type === "longtext");

/** A text of exactly `length` characters: numbered sentences, then a last sentence naming the field. */
export function longAnswer(id: string, length: number): string {
  const last = `本栏最后一句是${id}的结尾。`;
  let text = "";
  for (let i = 1; text.length + last.length < length; i++) text += `第${i}句说明研学宣贯的做法和成效。`;
  return text.slice(0, length - last.length) + last;
}

const run = (cmd: string, args: string[], cwd?: string) =>
  new Promise<string>((resolve, reject) =>
    execFile(cmd, args, { cwd, timeout: 240000, maxBuffer: 64 << 20 }, (e, stdout, stderr) =>
      e ? reject(new Error(`${cmd}: ${e.message}\n${stderr}`)) : resolve(stdout),
    ),
  );

libreOfficeDescribe()("printing long answers at their limits (LibreOffice PDF)", () => {
  let text = "";
  let tmp: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    tmp = tempDir("lo-print-");
    const lo = findLibreOffice()!;
    const template = path.join(tmp.dir, "template.xlsx");
    writeFileSync(template, await writeTemplate());
    const plan = LONG.map((f) => ({ sheet: f.sheet, cell: cellOf(f), value: longAnswer(f.id, f.maxLength!) }));
    writeFileSync(path.join(tmp.dir, "plan.json"), JSON.stringify(plan));
    const filled = path.join(tmp.dir, "filled.xlsx");
    await run(lo.python, [LO_FILL, template, path.join(tmp.dir, "plan.json"), filled]);
    await run(lo.soffice, [
      "--headless",
      `-env:UserInstallation=file://${tmp.dir}/profile`,
      "--convert-to",
      "pdf",
      "--outdir",
      tmp.dir,
      filled,
    ]);
    text = await run("pdftotext", [path.join(tmp.dir, "filled.pdf"), "-"]);
  }, 300000);

  afterAll(() => tmp?.cleanup());

  /** The PDF's text without line breaks, spaces and page footers: what a reader of the pages reads on. */
  const flowing = () => text.replace(/第 \d+ 页，共 \d+ 页/g, "").replace(/\s+/g, "");

  it.each(LONG.map((f) => [f.id, f.maxLength!] as const))(
    "%s: all %i characters print, in order, up to its last sentence",
    (id, length) => {
      const answer = longAnswer(id, length);
      expect(answer).toHaveLength(length);
      expect(flowing()).toContain(`本栏最后一句是${id}的结尾。`);
      expect(flowing().includes(answer)).toBe(true);
    },
  );
});
