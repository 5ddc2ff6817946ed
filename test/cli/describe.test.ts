import { runCli } from "../../src/cli/program";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: process.cwd(), isTTY: false },
  };
}

describe("cli", () => {
  it("describe prints the template description as JSON", async () => {
    const c = capture();
    expect(await runCli(["describe"], c.io)).toBe(0);
    const json = JSON.parse(c.out.join(""));
    expect(json.fields.find((f: { id: string }) => f.id === "unit_name").sheet).toBe("基本情况");
    const rule = (id: string) => json.rules.find((r: { id: string }) => r.id === id);
    expect(rule("deadline.late")).toEqual({
      id: "deadline.late",
      name: "填报日期晚于报送期限",
      severity: "warning",
      explainable: true,
    });
    expect(rule("required")).toEqual({ id: "required", name: "必填项未填写", severity: "error", explainable: false });
    expect(rule("public.min_one")).toMatchObject({ severity: "depends", explainable: true });
    expect(rule("explanation.unused")).toMatchObject({ name: "核实说明未被采用", explainable: false });
  });

  it("an unknown command is bad usage (exit 2) with a Chinese message", async () => {
    const c = capture();
    expect(await runCli(["frobnicate"], c.io)).toBe(2);
    expect(c.err.join("")).toContain("未知命令");
  });

  it("no command prints help and exits 2", async () => {
    const c = capture();
    expect(await runCli([], c.io)).toBe(2);
    expect(c.err.join("")).toContain("describe");
  });
});
