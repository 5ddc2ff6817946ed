/**
 * 自检 tells the truth: LibreOffice recalculates every self-check case (selfcheck-cases.ts) and every
 * case of selfcheck-truth-cases.ts, then `check` reads the same saved file. Whenever `check` finds an
 * error, 自检's overall line must not say 通过 (nor start with ✓); a 自检 error means `check` finds an
 * error too; and where both report the same rule they agree on error vs warning.
 * Skipped without LibreOffice unless REQUIRE_LIBREOFFICE=1.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { SELF_CHECK, SELF_CHECK_LINES } from "../../src/xlsx/template/self-check-lines";
import type { CheckResult } from "../../src/intake";
import { checkFile } from "../../src/node/intake-path";
import { libreOfficeDescribe, recalcWithLibreOffice, tempDir } from "../helpers/libreoffice";
import { applyPlan } from "./apply-plan";
import { CASES } from "./selfcheck-cases";
import { readSelfCheck, type SelfCheckResult } from "./read-self-check";
import { TRUTH_CASES } from "./selfcheck-truth-cases";

const describeLo = libreOfficeDescribe();
const ALL = [...CASES.filter((c) => !c.loFillOnly).map(({ name, plan }) => ({ name, plan })), ...TRUTH_CASES];

describeLo("自检 and check agree on LibreOffice-recalculated reports", () => {
  const selfChecks = new Map<string, SelfCheckResult>();
  const checks = new Map<string, CheckResult>();
  let tmp: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    tmp = tempDir("lo-truth-");
    const template = await writeTemplate();
    const conversions = [];
    for (const c of ALL) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template as never);
      applyPlan(wb, c.plan);
      const input = path.join(tmp.dir, `${c.name}.xlsx`);
      writeFileSync(input, Buffer.from(await wb.xlsx.writeBuffer()));
      conversions.push({ input, output: path.join(tmp.dir, `${c.name}-lo.xlsx`) });
    }
    await recalcWithLibreOffice(conversions, 300000);
    for (const c of ALL) {
      const file = path.join(tmp.dir, `${c.name}-lo.xlsx`);
      selfChecks.set(c.name, await readSelfCheck(file));
      checks.set(c.name, await checkFile(file));
    }
  }, 400000);

  afterAll(() => tmp?.cleanup());

  const SEVERITY = { 错误: "error", 提示: "warning" } as Record<string, string>;
  const failedLines = (r: SelfCheckResult) =>
    SELF_CHECK_LINES.filter((l) => r.byLine[l.id] === SELF_CHECK.fail).map((l) => ({
      id: l.id,
      rule: l.rule,
      severity: SEVERITY[String(r.severities[l.id])],
    }));
  const failedErrorRules = (r: SelfCheckResult) =>
    failedLines(r)
      .filter((l) => l.severity === "error")
      .map((l) => l.rule);

  it.each(ALL.map((c) => [c.name]))(
    "%s: an error in check means no 通过 on 自检, and the reverse; same rule, same severity",
    (name) => {
      const check = checks.get(name)!;
      const self = selfChecks.get(name)!;
      expect(check.status).not.toBe("unreadable");
      const checkHasError = check.findings.some((f) => f.severity === "error");
      if (checkHasError) {
        expect([name, String(self.overall)]).toEqual([name, expect.not.stringContaining("通过")]);
        expect(String(self.overall).startsWith(SELF_CHECK.pass)).toBe(false);
      }
      expect([name, failedErrorRules(self).length > 0]).toEqual([name, checkHasError]);
      for (const line of failedLines(self)) {
        const severities = new Set(check.findings.filter((f) => f.rule === line.rule).map((f) => f.severity));
        if (severities.size > 0)
          expect([name, line.id, severities.has(line.severity as "error")]).toEqual([name, line.id, true]);
      }
    },
  );

  it("the issue's reports: 约420人 with text in 参加人次, a bad phone and e-mail, half-filled rows all fail as errors", () => {
    for (const name of [
      "approximate-total-and-text-participants",
      "malformed-phone-and-email",
      "half-filled-event-and-media-rows",
    ]) {
      expect([name, String(selfChecks.get(name)!.overall)]).toEqual([
        name,
        expect.stringMatching(/^✗ 有 \d+ 项错误须修改$/),
      ]);
    }
    expect(selfChecks.get("half-filled-event-and-media-rows")!.messages["required.events"]).toMatch(
      /^“活动明细”从第\d+行起有必填项未填写，请逐行检查。$/,
    );
  });

  it("三百 and 6月12日 are warnings on both sides", () => {
    for (const name of [
      "chinese-numeral-headcount",
      "chinese-numeral-event-participants",
      "event-date-month-day",
      "fill-date-month-day",
    ]) {
      expect(checks.get(name)!.status).toBe("warnings");
      expect([name, String(selfChecks.get(name)!.overall)]).toEqual([
        name,
        expect.stringMatching(/^△ 有 \d+ 项提示请核实/),
      ]);
    }
  });

  it("phones and e-mails that check accepts are not errors on 自检", () => {
    for (const name of [
      "phone-with-country-code",
      "phone-with-extension",
      "landline-with-extension-after-dash",
      "mobile-with-86",
      "mobile-grouped",
      "email-with-plus",
    ]) {
      expect([name, checks.get(name)!.findings.filter((f) => f.severity === "error")]).toEqual([name, []]);
      expect([name, failedErrorRules(selfChecks.get(name)!)]).toEqual([name, []]);
    }
  });

  it("shows the catalogue's Chinese rule names, never rule ids", async () => {
    const self = selfChecks.get("correct")!;
    expect(Object.values(self.ruleNames)).toContain("必填项未填写");
    for (const v of Object.values(self.ruleNames)) expect(String(v)).not.toMatch(/^[a-z_]+(\.[a-z_]+)*$/);
  });
});
