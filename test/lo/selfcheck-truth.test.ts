/**
 * One verdict: LibreOffice recalculates every case of selfcheck-truth-cases.ts and the spelling sweep
 * of verdict-spellings.ts (the normalisers' spellings and the phone shapes, each in the correct
 * report), then `check` reads the same saved file. Rule by rule (verdict.ts) 自检 must say what
 * `check` says, with the same severity, or say ？ 请用校验核对 where a formula cannot read the value.
 * Skipped without LibreOffice unless REQUIRE_LIBREOFFICE=1.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { SELF_CHECK } from "../../src/xlsx/template/self-check-lines";
import type { CheckResult } from "../../src/intake";
import { checkFile } from "../../src/node/intake-path";
import { libreOfficeDescribe, recalcWithLibreOffice, tempDir } from "../helpers/libreoffice";
import { applyPlan } from "./apply-plan";
import { readSelfCheck, type SelfCheckResult } from "./read-self-check";
import { TRUTH_CASES } from "./selfcheck-truth-cases";
import { SWEEP_CASES } from "./verdict-spellings";
import { disagreements } from "./verdict";

const describeLo = libreOfficeDescribe();
const ALL = [...TRUTH_CASES, ...SWEEP_CASES];

describeLo("自检 and check give one verdict on LibreOffice-recalculated reports", () => {
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
    await recalcWithLibreOffice(conversions, 900000);
    for (const c of ALL) {
      const file = path.join(tmp.dir, `${c.name}-lo.xlsx`);
      selfChecks.set(c.name, await readSelfCheck(file));
      checks.set(c.name, await checkFile(file));
    }
  }, 1000000);

  afterAll(() => tmp?.cleanup());

  it.each(ALL.map((c) => [c.name]))("%s: the same verdict, rule by rule", (name) => {
    const check = checks.get(name)!;
    expect(check.status).not.toBe("unreadable");
    expect([name, disagreements(selfChecks.get(name)!, check)]).toEqual([name, []]);
  });

  it("an error in check is never 通过 on 自检", () => {
    for (const c of ALL) {
      if (!checks.get(c.name)!.findings.some((f) => f.severity === "error")) continue;
      expect([c.name, String(selfChecks.get(c.name)!.overall).startsWith(SELF_CHECK.pass)]).toEqual([c.name, false]);
    }
  });

  it("the issue's reports: 约420人 with text in 参加人次, a bad phone and e-mail, half-filled rows all fail as errors", () => {
    for (const name of [
      "approximate-total-and-text-participants",
      "malformed-phone-and-email",
      "half-filled-event-and-media-rows",
    ]) {
      expect([name, String(selfChecks.get(name)!.overall)]).toEqual([
        name,
        expect.stringMatching(/^✗ 有 \d+ 项错误须修改/),
      ]);
    }
    expect(selfChecks.get("half-filled-event-and-media-rows")!.messages["required.events"]).toMatch(
      /^“活动明细”从第\d+行起有必填项未填写，请逐行检查。$/,
    );
  });

  it("三百 and 一百: only check reads Chinese numerals, so 自检 says 请用校验核对 and never passes", () => {
    for (const name of ["chinese-numeral-headcount", "chinese-numeral-event-participants"]) {
      expect(checks.get(name)!.status).toBe("warnings");
      expect([name, String(selfChecks.get(name)!.overall)]).toEqual([
        name,
        expect.stringMatching(/^？ 有 \d+ 项公式无法判断，请用校验核对/),
      ]);
    }
    expect(selfChecks.get("chinese-numeral-headcount")!.byLine["type.headcount.outline_participants"]).toBe("？");
    expect(selfChecks.get("chinese-numeral-headcount")!.messages["type.headcount.outline_participants"]).toContain(
      "请用校验核对",
    );
  });

  it("6月12日 and 11月1日 are warnings on both sides", () => {
    for (const name of ["event-date-month-day", "fill-date-month-day"]) {
      expect(checks.get(name)!.status).toBe("warnings");
      expect([name, String(selfChecks.get(name)!.overall)]).toEqual([
        name,
        expect.stringMatching(/^△ 有 \d+ 项提示请核实/),
      ]);
    }
  });

  it("十百 and 1381234567-8 (the issue's two): an error in check, and not a warning on 自检", () => {
    const sweep = (value: string, line: string) =>
      SWEEP_CASES.map((c) => c.name)
        .filter((n) => SWEEP_CASES.find((c) => c.name === n)!.plan.some((s) => "value" in s && s.value === value))
        .map((n) => ({ n, shown: selfChecks.get(n)!.byLine[line], check: checks.get(n)! }));
    const [tenHundred] = sweep("十百", "type.headcount.training_sessions");
    expect(tenHundred.check.findings.some((f) => f.rule === "type.headcount" && f.severity === "error")).toBe(true);
    expect(["？", "✗"]).toContain(tenHundred.shown);
    const [phone] = sweep("1381234567-8", "format.phone.contact_phone");
    expect(phone.check.findings.some((f) => f.rule === "format.phone" && f.severity === "error")).toBe(true);
    expect(phone.shown).toBe("✗");
  });

  it("shows the catalogue's Chinese rule names, never rule ids", () => {
    const self = selfChecks.get(ALL[0].name)!;
    expect(Object.values(self.ruleNames)).toContain("必填项未填写");
    for (const v of Object.values(self.ruleNames)) expect(String(v)).not.toMatch(/^[a-z_]+(\.[a-z_]+)*$/);
  });
});
