/** `describe`: the template's fields, tables and rules as JSON (spec §6). */
import type { Command } from "commander";
import { describeTemplate } from "../../core/describe";
import type { CliIO } from "../io";

export function registerDescribe(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("describe")
    .description("输出每个字段的位置和全部审核规则（JSON：编号、名称、性质、能否说明）")
    .action(() => {
      io.stdout(JSON.stringify(describeTemplate(), null, 2) + "\n");
      setExit(0);
    });
}
