import type { Command } from "commander";
import { describeTemplate } from "../../core/describe";
import type { CliIO } from "../io";

export function registerDescribe(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("describe")
    .description("以 JSON 输出模板中每个字段和表格所在的工作表与单元格")
    .action(() => {
      io.stdout(JSON.stringify(describeTemplate(), null, 2) + "\n");
      setExit(0);
    });
}
