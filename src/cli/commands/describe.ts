/** `describe`: the template's fields, tables and rules as JSON (spec §6). */
import type { Command } from "commander";
import { describeTemplate } from "../../core/describe";
import type { CliIO } from "../io";

export function registerDescribe(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("describe")
    .description("以 JSON 输出模板中每个字段和表格所在的工作表与单元格，以及全部审核规则（编号、中文名称、性质、能否用核实说明）")
    .action(() => {
      io.stdout(JSON.stringify(describeTemplate(), null, 2) + "\n");
      setExit(0);
    });
}
