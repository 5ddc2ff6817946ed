/**
 * Every template version the product has issued is read by `check` and `merge` (issue 17 part 6):
 * test/fixtures/template-<version>/report.xlsx is a report LibreOffice filled (scripts/lo-fill.py,
 * the PLAN.json beside it) into that version's template; both versions carry the same entries, so
 * they must give the same findings at the same cells, and the master names each row's version. A
 * guard ties today's template to its version: its layout (sheets, the labels of the sheets units do
 * not type into) is the layout of the current version's filled file, so a layout change without a
 * new TEMPLATE.version (and a new fixture) fails here.
 */
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { TEMPLATE } from "../../src/core/definition";
import { locateReport } from "../../src/core/locate";
import type { WorkbookGrid } from "../../src/core/model";
import { ISSUED_TEMPLATE_VERSIONS } from "../../src/core/template-versions";
import { runCli } from "../../src/cli/program";
import { checkFile } from "../../src/node/intake-path";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { gridOfBytes, gridOfFile } from "../helpers/read-grid";

const FIXTURES = path.resolve(__dirname, "../fixtures");
const fileOf = (version: string) => path.join(FIXTURES, `template-${version}`, "report.xlsx");

/** Sheets in order, and the labels in column A of the sheets whose column A units never type into. */
function layoutOf(grid: WorkbookGrid): Record<string, unknown> {
  const labels = (name: string) =>
    grid.sheets
      .find((s) => s.name === name)
      ?.rows.map((r) => r[0] ?? null)
      .filter((v) => typeof v === "string");
  return {
    sheets: grid.sheets.map((s) => s.name),
    ...Object.fromEntries(["填报说明", "基本情况", "自检"].map((n) => [n, labels(n)])),
  };
}

describe("the template versions the product has issued", () => {
  it("are 1.0.0 and the current one, each with a committed filled file", () => {
    expect(ISSUED_TEMPLATE_VERSIONS).toEqual(["1.0.0", TEMPLATE.version]);
    for (const v of ISSUED_TEMPLATE_VERSIONS) expect([v, existsSync(fileOf(v))]).toEqual([v, true]);
  });

  it("today's template has the layout of the current version's file, and not of 1.0.0's (the guard can fire)", async () => {
    const today = layoutOf(await gridOfBytes(new Uint8Array(await writeTemplate())));
    expect(today).toEqual(layoutOf(await gridOfFile(fileOf(TEMPLATE.version))));
    expect(today).not.toEqual(layoutOf(await gridOfFile(fileOf("1.0.0"))));
  });

  it.each(ISSUED_TEMPLATE_VERSIONS)(
    "%s: located where the template puts it, no layout change, its version read",
    async (v) => {
      const located = locateReport(await gridOfFile(fileOf(v)));
      if (!located.ok) throw new Error(located.message);
      expect(located.report.templateVersion).toBe(v);
      expect(located.report.layoutChanges).toEqual([]);
    },
  );

  it("check gives every version's file the same status and findings at the same cells", async () => {
    const shapes = await Promise.all(
      ISSUED_TEMPLATE_VERSIONS.map(async (v) => {
        const r = await checkFile(fileOf(v), { displayName: `${v}.xlsx` });
        return { status: r.status, findings: r.findings.map((f) => [f.rule, f.sheet, f.cell, f.explanation ?? null]) };
      }),
    );
    expect(shapes[0].findings.length).toBeGreaterThan(5);
    for (const s of shapes.slice(1)) expect(s).toEqual(shapes[0]);
  });

  it("merge takes a file of each version, and the master shows each row's version", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "template-versions-"));
    try {
      await fs.mkdir(path.join(dir, "收到的报表"));
      for (const v of ISSUED_TEMPLATE_VERSIONS)
        await fs.copyFile(fileOf(v), path.join(dir, "收到的报表", `模板${v}.xlsx`));
      const code = await runCli(["merge", "收到的报表", "-o", "汇总.xlsx"], {
        stdout: () => undefined,
        stderr: () => undefined,
        cwd: dir,
        isTTY: false,
      });
      expect(code).toBe(1);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, "汇总.xlsx"));
      const column = (sheet: string, header: string, key: string) => {
        const ws = wb.getWorksheet(sheet)!;
        const head = (ws.getRow(1).values as unknown[]).map((v) => String(v));
        const pairs: [unknown, unknown][] = [];
        ws.eachRow((r, n) => {
          if (n > 1) pairs.push([r.getCell(head.indexOf(key)).value, r.getCell(head.indexOf(header)).value]);
        });
        return pairs;
      };
      expect(
        column("汇总表", "模板版本", "来源文件")
          .filter(([f]) => f !== null)
          .sort(),
      ).toEqual(ISSUED_TEMPLATE_VERSIONS.map((v) => [`收到的报表/模板${v}.xlsx`, v]));
      const events = column("活动明细", "模板版本", "来源文件");
      for (const v of ISSUED_TEMPLATE_VERSIONS)
        expect(events.filter(([f, version]) => f === `收到的报表/模板${v}.xlsx` && version === v).length).toBe(4);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
