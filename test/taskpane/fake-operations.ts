/**
 * A plain TypeScript TaskPaneOperations for the view tests: the workbook is a report held as values
 * and judged by the real core, so what the pane shows is what `check` would say. It records every
 * call the pane makes; `edit` is a user's change, pushed to onWorkbookChanged subscribers as Excel's
 * change event would be.
 */
import { judgeLocated } from "../../src/core/check-grid";
import type { CellValue, Finding } from "../../src/core/model";
import type {
  Done,
  ExplainResult,
  Feature,
  FeatureSupport,
  InsertResult,
  TaskPaneOperations,
  Validation,
} from "../../src/ports/operations";
import { validReport, type RowInput } from "../helpers/report-builder";

export const NEEDS: Readonly<Record<Feature, { needs: string; message: string }>> = {
  insertTemplate: {
    needs: "ExcelApi 1.13",
    message: "插入模板需要 ExcelApi 1.13：Microsoft 365 版本 2102 及以上、Mac 版 16.50 及以上或 Excel 网页版。",
  },
  validate: {
    needs: "ExcelApi 1.14",
    message: "校验需要 ExcelApi 1.14：Microsoft 365 版本 2108 及以上、Excel 2021 或 Excel 网页版。",
  },
  liveValidation: {
    needs: "ExcelApi 1.14",
    message: "输入时自动校验需要 ExcelApi 1.14：Microsoft 365 版本 2108 及以上。",
  },
  marks: { needs: "ExcelApi 1.14", message: "在单元格上标记问题需要 ExcelApi 1.14：Microsoft 365 版本 2108 及以上。" },
  explain: {
    needs: "ExcelApi 1.14",
    message: "从任务窗格填写核实说明需要 ExcelApi 1.14：Microsoft 365 版本 2108 及以上。",
  },
};

export interface FakeOptions {
  readonly fields?: Readonly<Record<string, CellValue>>;
  readonly events?: readonly RowInput[];
  /** Features this "Excel" lacks. */
  readonly missing?: readonly Feature[];
  readonly insertResult?: InsertResult;
  /** Validation answers that do not come from the report (e.g. a failed read). */
  readonly validation?: Validation;
  /** The workbook starts without the template (until an insert that succeeds). Default: it has it. */
  readonly withoutTemplate?: boolean;
}

/** What the core says of a workbook that is not the template. */
export const NOT_TEMPLATE: Validation = {
  kind: "checked",
  check: { ok: false, code: "not_template", detail: "没有模板的工作表", message: "当前工作簿不是填报模板。" },
};

export class FakeOperations implements TaskPaneOperations {
  fields: Record<string, CellValue>;
  events: readonly RowInput[] | undefined;
  readonly explanations: { rule: string; location: string; text: string }[] = [];
  readonly calls = {
    validate: 0,
    insertTemplate: 0,
    clearMarks: 0,
    selectCell: [] as [string, string][],
    markFindings: [] as (readonly Finding[])[],
    writeExplanation: [] as [Finding, string][],
  };
  readonly listeners = new Set<(v: Validation) => void>();
  hasTemplate: boolean;

  constructor(private readonly options: FakeOptions = {}) {
    this.fields = { ...options.fields };
    this.events = options.events;
    this.hasTemplate = !options.withoutTemplate;
  }

  support(): Readonly<Record<Feature, FeatureSupport>> {
    const entry = (f: Feature): FeatureSupport =>
      this.options.missing?.includes(f) ? { available: false, ...NEEDS[f] } : { available: true };
    return {
      insertTemplate: entry("insertTemplate"),
      validate: entry("validate"),
      liveValidation: entry("liveValidation"),
      marks: entry("marks"),
      explain: entry("explain"),
    };
  }

  /** The report as it stands, judged by the core. */
  current(): Validation {
    if (this.options.validation) return this.options.validation;
    if (!this.hasTemplate) return NOT_TEMPLATE;
    const raw = validReport({
      fields: this.fields,
      tables: {
        ...(this.events ? { events: this.events } : {}),
        explanations: this.explanations.map((e) => ({ ...e })),
      },
    });
    return { kind: "checked", check: { ok: true, raw, ...judgeLocated(raw, undefined) } };
  }

  async insertTemplate(): Promise<InsertResult> {
    this.calls.insertTemplate++;
    const result = this.options.insertResult ?? { kind: "failed", message: "未设置插入结果" };
    if (result.kind === "inserted") this.hasTemplate = true;
    return result;
  }

  async validate(): Promise<Validation> {
    this.calls.validate++;
    return this.current();
  }

  async selectCell(sheet: string, cell: string): Promise<Done> {
    this.calls.selectCell.push([sheet, cell]);
    return { kind: "done" };
  }

  async writeExplanation(finding: Finding, reason: string): Promise<ExplainResult> {
    this.calls.writeExplanation.push([finding, reason]);
    this.explanations.push({ rule: finding.rule, location: `${finding.sheet}!${finding.cell}`, text: reason });
    return { kind: "written", at: { sheet: "核实说明", cell: `C${2 + this.explanations.length}` } };
  }

  async markFindings(findings: readonly Finding[]): Promise<Done> {
    this.calls.markFindings.push(findings);
    return { kind: "done" };
  }

  async clearMarks(): Promise<Done> {
    this.calls.clearMarks++;
    return { kind: "done" };
  }

  onWorkbookChanged(callback: (validation: Validation) => void): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  /** A user's edit to single fields: judged again and pushed as a live verdict. */
  edit(fields: Readonly<Record<string, CellValue>>): void {
    Object.assign(this.fields, fields);
    const v = this.current();
    for (const l of this.listeners) l(v);
  }
}
