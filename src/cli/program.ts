/**
 * The command-line companion: `template`, `describe`, `check`, `merge` (spec §6).
 * Messages are Chinese; exit codes: 0 fine, 1 findings or unreadable files, 2 bad usage.
 */
import { Command, CommanderError } from "commander";
import { TEMPLATE } from "../core/definition";
import { registerCheck } from "./commands/check";
import { registerDescribe } from "./commands/describe";
import { registerMerge } from "./commands/merge";
import { registerTemplate } from "./commands/template";
import { CliError, EXIT, type CliIO } from "./io";

const COMMANDERS_WORDS: [RegExp, string][] = [
  [/^error: unknown command '(.*)'/, "未知命令：$1。可用命令见 --help。"],
  [/^error: unknown option '(.*)'/, "未知选项：$1。可用选项见 --help。"],
  [/^error: missing required argument '(.*)'/, "缺少参数：$1。"],
  [/^error: option '(.*)' argument missing/, "选项 $1 缺少取值。"],
  [/^error: required option '(.*)' not specified/, "缺少必需的选项：$1。"],
  [/^error: too many arguments.*/, "参数过多。用法见 --help。"],
];

/** Commander speaks English; users read Chinese. */
export function translateCommanderMessage(text: string): string {
  const line = text.trim();
  for (const [pattern, zh] of COMMANDERS_WORDS) {
    if (pattern.test(line)) return line.replace(pattern, zh);
  }
  return line;
}

export function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name("npm run cli --")
    .description(`${TEMPLATE.title}：生成模板、查看字段位置、校验填报文件、汇总报送文件`)
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [命令]", "显示某个命令的帮助")
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`错误：${translateCommanderMessage(s)}\n`),
    });
  registerTemplate(program, io, setExit);
  registerDescribe(program, io, setExit);
  registerCheck(program, io, setExit);
  registerMerge(program, io, setExit);
  return program;
}

/** Runs one command line (without node and script) and returns the exit code; never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof CliError) {
      io.stderr(`错误：${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
}
