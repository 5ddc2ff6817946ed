/**
 * The committed LibreOffice fixtures must still describe the current template: a few are filled
 * again from their PLAN.json with the project's scripts/lo-fill.py into today's template, and must get
 * the same findings as the committed files. If this fails, run scripts/make-lo-fixtures.sh.
 * Needs LibreOffice; skipped without it unless REQUIRE_LIBREOFFICE=1.
 */
import { execFile } from "child_process";
import { existsSync, writeFileSync } from "fs";
import * as path from "path";
import { promisify } from "util";
import { checkFile } from "../../src/node/intake-path";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { findLibreOffice, libreOfficeDescribe, tempDir } from "../helpers/libreoffice";

const LO_FILL = path.resolve(__dirname, "../../scripts/lo-fill.py");
const FIXTURES = path.resolve(__dirname, "../fixtures/lo");
const REGENERATED = ["rules-basic", "inserted-rows", "renamed-sheet"];

const runIt = libreOfficeDescribe();

runIt("committed LibreOffice fixtures match the current template", () => {
  const tmp = tempDir("lo-regen-");
  afterAll(() => tmp.cleanup());

  it.each(REGENERATED)(
    "%s filled again gets the committed file's findings",
    async (name) => {
      const template = path.join(tmp.dir, "template.xlsx");
      if (!existsSync(template)) writeFileSync(template, await writeTemplate());
      const out = path.join(tmp.dir, `${name}.xlsx`);
      await promisify(execFile)(
        findLibreOffice()!.python,
        [LO_FILL, template, path.join(FIXTURES, name, "PLAN.json"), out],
        { timeout: 120_000 },
      );
      const [fresh, committed] = await Promise.all([
        checkFile(out, { displayName: "f" }),
        checkFile(path.join(FIXTURES, name, "report.xlsx"), { displayName: "f" }),
      ]);
      expect(fresh).toEqual(committed);
    },
    150_000,
  );
});
