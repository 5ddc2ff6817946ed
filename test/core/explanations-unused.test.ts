/** 核实说明 as people write them: by the rule name 自检 and `check` show; rows that explain nothing are reported. */
import { judgeReport } from "../../src/core/judge";
import { RULES } from "../../src/core/rules/catalogue";
import { validReport, type RowInput } from "../helpers/report-builder";

const judged = (explanations: RowInput[], fields: Record<string, string | number | null> = {}) =>
  judgeReport(validReport({ fields, tables: { explanations } }));
const unused = (j: ReturnType<typeof judged>) => j.findings.filter((f) => f.rule === "explanation.unused");

describe("核实说明", () => {
  it("the Chinese name shown on 自检 and by check explains the warning, and nothing is reported unused", () => {
    const j = judged([{ rule: RULES["sealed.no"].name, location: "基本情况!C16", text: "公章在外，补盖后寄送" }], {
      sealed: "否",
    });
    expect(j.findings.find((f) => f.rule === "sealed.no")!.explanation).toBe("公章在外，补盖后寄送");
    expect(unused(j)).toEqual([]);
    expect(j.status).toBe("ok");
  });

  it("a row for a warning that is not there says its row and that nothing matched", () => {
    const [f] = unused(judged([{ rule: "未加盖公章", location: "基本情况!C16", text: "已盖章" }]));
    expect(f).toMatchObject({ severity: "warning", sheet: "核实说明", cell: "A4", table: "explanations", row: 4 });
    expect(f.message).toBe(
      "“核实说明”第4行的说明未被采用：在“基本情况!C16”没有“未加盖公章”的提示，请核对规则名称和位置（如 基本情况!C15）。",
    );
  });

  it("a row that tries to explain an error says errors must be fixed, and the error stays", () => {
    const j = judged([{ rule: "district.matches_category", location: "所属区域", text: "按市级填报" }], {
      district: "市级",
    });
    expect(unused(j)[0].message).toContain("“所属区域与单位类别不符”是错误，须修改后报送，不能用核实说明代替");
    expect(j.status).toBe("errors");
  });

  it("a row naming no rule says so and quotes what was written", () => {
    const [f] = unused(judged([{ rule: "日期问题", location: "基本情况!C15", text: "说明" }]));
    expect(f!.message).toContain("“日期问题”不是规则名称");
  });

  it("a row at the right place but for another rule is not applied to the warning there", () => {
    const j = judged([{ rule: "未加盖公章", location: "基本情况!C15", text: "审批流程" }], { fill_date: "2023-11-11" });
    expect(j.findings.find((f) => f.rule === "deadline.late")!.explanation).toBeUndefined();
    expect(unused(j)).toHaveLength(1);
  });
});
