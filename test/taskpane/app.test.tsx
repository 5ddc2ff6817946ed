/**
 * The shell rendered to HTML in Node (no browser): what it says before Office answers, outside Excel and
 * in Excel, and that the ribbon's ?view= picks the open tab. The built page in Chromium is test/browser.
 */
import { renderToString } from "react-dom/server";
import type { OfficeAdapter } from "../../src/ports/host";
import { App } from "../../src/taskpane/App";
import { viewFromSearch, VIEWS } from "../../src/taskpane/views";
import { FakeOperations } from "./fake-operations";

const outside: OfficeAdapter = {
  host: { kind: "outside", reason: "other-host", host: "Word" },
  theme: "light",
  workbook: null,
};
const inExcel: OfficeAdapter = {
  host: { kind: "excel", platform: "PC" },
  theme: "dark",
  workbook: { findTemplateSheets: () => new Promise(() => undefined), readGrid: () => new Promise(() => undefined) },
};

/** Visible text, tags stripped, so assertions read like what a person sees. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
}

describe("task pane shell", () => {
  it("shows the Chinese title and a connecting note before Office answers", () => {
    const text = textOf(renderToString(<App adapter={null} operations={null} initialView="template" />));
    expect(text).toContain("标准化研学行动总结");
    expect(text).toContain("正在连接 Excel");
    expect(text).not.toContain("本加载项在 Excel 中运行");
  });

  it("outside Excel says it runs in Excel and names the host it found", () => {
    const text = textOf(renderToString(<App adapter={outside} operations={null} initialView="template" />));
    expect(text).toContain("本加载项在 Excel 中运行");
    expect(text).toContain("当前程序是 Word");
  });

  it("in Excel shows no such notice", () => {
    const text = textOf(
      renderToString(<App adapter={inExcel} operations={new FakeOperations()} initialView="template" />),
    );
    expect(text).not.toContain("本加载项在 Excel 中运行");
    expect(text).toContain("正在查看当前工作簿");
  });

  it.each(VIEWS.map((v) => [v.id, v.label] as const))("?view=%s opens the %s tab", (id, label) => {
    const html = renderToString(
      <App adapter={outside} operations={null} initialView={viewFromSearch(`?view=${id}`)} />,
    );
    expect(html).toMatch(new RegExp(`<h2[^>]*>${label}</h2>`));
    expect(html).toMatch(new RegExp(`aria-selected="true"[^>]*>(<[^>]+>)*${label}<`));
  });

  it("an unknown or missing view falls back to the first one", () => {
    expect(viewFromSearch("?view=nonsense")).toBe(VIEWS[0].id);
    expect(viewFromSearch("")).toBe(VIEWS[0].id);
  });

  it("in Excel 插入模板 and 校验 are live buttons, not placeholders for a later version", () => {
    for (const id of ["template", "check"] as const) {
      const label = VIEWS.find((v) => v.id === id)?.label ?? "";
      const html = renderToString(<App adapter={inExcel} operations={new FakeOperations()} initialView={id} />);
      const button = new RegExp(`<button[^>]*>${label}</button>`).exec(html)?.[0];
      expect(button).toBeDefined();
      expect(button).not.toMatch(/disabled/);
      expect(textOf(html)).not.toContain("此功能将在后续版本中提供");
    }
  });

  it("outside Excel the views describe their features and offer no action", () => {
    for (const id of ["template", "check"] as const) {
      const label = VIEWS.find((v) => v.id === id)?.label ?? "";
      const html = renderToString(<App adapter={outside} operations={null} initialView={id} />);
      expect(html).not.toMatch(new RegExp(`<button[^>]*>${label}</button>`));
    }
  });
});
