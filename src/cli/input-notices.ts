/** Lines about inputs that were found but not read, shared by `check` and `merge` (stderr, so JSON on stdout stays clean). */
import { printableText } from "../core/text";
import type { OutsideLink } from "../node/inputs";

/** The help text's promise, said once for both commands. */
export const LINKS_HELP = "文件夹中指向所给文件夹以外的符号链接不会读取，会逐个提示";

/** Why a link inside a folder was not read, and how to have it read. */
export function outsideLinkLine(entry: OutsideLink, verb: "校验" | "汇总"): string {
  return `已跳过“${printableText(entry.display)}”：它是指向所给文件夹以外（${printableText(entry.target)}）的链接，未读取。如需${verb}它指向的文件，请在命令行中直接给出该文件或其所在文件夹。\n`;
}
