/**
 * The command-line companion: `template`, `describe`, `check` (spec §6); `merge` registers itself here
 * when it lands. Messages and help are Chinese; exit codes: 0 fine, 1 errors or unreadable files, 2 bad usage.
 */
import { Command, CommanderError, Help } from "commander";
import { TEMPLATE } from "../core/definition";
import { registerCheck } from "./commands/check";
import { registerDescribe } from "./commands/describe";
import { registerMerge } from "./commands/merge";
import { registerTemplate } from "./commands/template";
import { CliError, EXIT, type CliIO } from "./io";
import { VERSION } from "../version";

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

/** Commander's section titles, in Chinese. */
const TITLES: Readonly<Record<string, string>> = {
  "Usage:": "用法：",
  "Arguments:": "参数：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Global Options:": "全局选项：",
};

/**
 * Help in Chinese: section titles and the usage line's placeholders. Set through configureHelp, which
 * subcommands inherit, so `help check` is Chinese too.
 */
const CHINESE_HELP: Partial<Help> = {
  styleTitle(this: Help, title: string): string {
    return Help.prototype.styleTitle.call(this, TITLES[title] ?? title);
  },
  commandUsage(this: Help, cmd: Command): string {
    return Help.prototype.commandUsage.call(this, cmd).replace("[options]", "[选项]").replace("[command]", "<命令>");
  },
  /** Columns on a terminal: CJK and full-width characters take two, so descriptions line up. */
  displayWidth(this: Help, text: string): number {
    const plain = Help.prototype.displayWidth.call(this, text);
    return (
      plain +
      (text.match(/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g)
        ?.length ?? 0)
    );
  },
  subcommandTerm(this: Help, cmd: Command): string {
    return Help.prototype.subcommandTerm.call(this, cmd).replace("[options]", "[选项]");
  },
};

/** Shown after the main help: examples, exit codes and what each status means. */
function epilogue(name: string): string {
  // npm prints its own banner on stdout unless -s: JSON for scripts needs it quiet.
  const quiet = name.replace(/^npm run cli/, "npm run -s cli");
  return `
示例：
  ${name} template -o 模板.xlsx                  生成 ${TEMPLATE.defaultYear} 年度空白模板
  ${name} check 河西区.xlsx 报送文件夹            校验一个文件和一个文件夹（含子文件夹）中的全部文件
  ${quiet} check 报送文件夹 --json > 结果.json  以 JSON 保存校验结果
  ${name} describe                               查看每个字段所在的工作表和单元格、全部审核规则

校验结论：
  通过      没有错误，也没有未说明的提示
  待说明    没有错误，但有提示尚未在“核实说明”中说明
  有错误    有须修改的错误
  无法读取  文件不是本模板的 .xlsx，或找不到、已损坏、加了密码等（结果中写明原因和处理办法）

退出码：
  0  所有文件都没有错误（可以有提示）
  1  有文件存在错误或无法读取
  2  用法错误（命令或参数不对、没有找到任何文件、输出文件已存在等）
  130  被 Ctrl+C 中断（143：被系统终止）；写了一半的文件会被删除，已有的文件不会改动
`;
}

export function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command();
  const name = io.programName ?? "npm run cli --";
  program
    .name(name)
    .description(`${TEMPLATE.title}：生成模板、查看字段位置、校验填报文件`)
    .configureHelp(CHINESE_HELP)
    .version(VERSION, "-V, --version", "显示版本号")
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [命令]", "显示某个命令的帮助")
    .addHelpText("after", epilogue(name))
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
  // Each command's own help ends with the same examples, statuses and exit codes.
  for (const command of program.commands) command.addHelpText("after", epilogue(name));
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
