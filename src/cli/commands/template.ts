/** `template -o FILE [--year N] [--force]`: writes the blank report template (spec §6). */
import { promises as fs } from "fs";
import * as path from "path";
import type { Command } from "commander";
import { TEMPLATE } from "../../core/definition";
import { printableText } from "../../core/text";
import { replaceFile } from "../../node/replace-file";
import { MAX_YEAR, MIN_YEAR, isValidTemplateYear } from "../../xlsx/template-years";
import { CliError, EXIT, type CliIO } from "../io";

interface TemplateCommandOptions {
  output: string;
  year?: string;
  force?: boolean;
}

function parseYear(text: string | undefined): number {
  if (text === undefined) return TEMPLATE.defaultYear;
  const year = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!isValidTemplateYear(year))
    throw new CliError(`--year 应为 ${MIN_YEAR} 至 ${MAX_YEAR} 之间的四位整数年份，收到“${text}”。`, EXIT.usage);
  return year;
}

/** The template is an .xlsx workbook: a name ending otherwise (.csv, .xls, none) would mislabel it. */
function requireXlsxName(output: string): void {
  const ext = path.extname(output);
  if (ext.toLowerCase() === ".xlsx") return;
  const suggestion = printableText(`${ext ? output.slice(0, -ext.length) : output}.xlsx`);
  const what = ext ? `扩展名是“${printableText(ext)}”` : "没有扩展名";
  throw new CliError(
    `模板是 Excel 工作簿，输出文件名须以 .xlsx 结尾；“${printableText(output)}”${what}。请改为：-o ${suggestion}`,
    EXIT.usage,
  );
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

export function registerTemplate(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("template")
    .description("生成空白填报模板（.xlsx），供不使用加载项的单位在 Excel、WPS 或 LibreOffice 中填写")
    .requiredOption("-o, --output <文件>", "输出的 .xlsx 文件路径")
    .option("--year <年份>", `报告年度（默认 ${TEMPLATE.defaultYear}）`)
    .option("--force", "覆盖已存在的文件（先写好新文件再替换；若该名称是链接，替换的是链接本身，不会改写它指向的文件）")
    .action(async (opts: TemplateCommandOptions) => {
      requireXlsxName(opts.output);
      const year = parseYear(opts.year);
      const file = path.resolve(io.cwd, opts.output);
      const shown = printableText(file);
      if (!opts.force && (await exists(file))) {
        throw new CliError(`文件已存在：${shown}。如需覆盖，请加 --force。`, EXIT.usage);
      }
      // Loaded here: exceljs is ~20 MB that `check` never needs.
      const { writeTemplate } = await import("../../xlsx/template-writer");
      const data = await writeTemplate({ year });
      try {
        // "wx" closes the gap between the check above and the write. With --force the file is
        // replaced whole (a temporary file renamed over it): never written through a link, never
        // left half written by Ctrl+C.
        if (opts.force) await replaceFile(file, (temporary) => fs.writeFile(temporary, data));
        else await fs.writeFile(file, data, { flag: "wx" });
      } catch (e) {
        const reason =
          (e as NodeJS.ErrnoException).code === "ENOENT" ? "所在文件夹不存在" : printableText((e as Error).message);
        throw new CliError(`无法写入 ${shown}：${reason}。`, EXIT.usage);
      }
      io.stdout(`已生成${year}年填报模板：${shown}\n`);
      setExit(EXIT.ok);
    });
}
