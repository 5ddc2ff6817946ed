/** connectOffice reads the globals office.js defines, and nothing else does. */
import { connectOffice } from "../../src/office/connect";

type Globals = { Office?: unknown; Excel?: unknown };
const globals = globalThis as Globals;

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
});

function installOffice(host: string | null, bodyBackgroundColor?: string): void {
  globals.Office = {
    HostType: { Excel: "Excel" },
    onReady: async () => ({ host, platform: host ? "PC" : null }),
    context: bodyBackgroundColor ? { officeTheme: { bodyBackgroundColor } } : {},
  };
  globals.Excel = { run: async () => undefined };
}

describe("connectOffice", () => {
  it("outside Office (no office.js): no workbook, light theme", async () => {
    const adapter = await connectOffice(50);
    expect(adapter.host).toEqual({ kind: "outside", reason: "no-office-js" });
    expect(adapter.workbook).toBeNull();
    expect(adapter.theme).toBe("light");
  });

  it("in Excel with a dark Office theme: a workbook adapter and the dark theme", async () => {
    installOffice("Excel", "#262626");
    const adapter = await connectOffice(50);
    expect(adapter.host).toEqual({ kind: "excel", platform: "PC" });
    expect(adapter.workbook).not.toBeNull();
    expect(adapter.theme).toBe("dark");
  });

  it("in Excel without a theme API: light", async () => {
    installOffice("Excel");
    expect((await connectOffice(50)).theme).toBe("light");
  });

  it("office.js in a plain browser: no workbook even though Excel's namespace exists", async () => {
    installOffice(null, "#000000");
    const adapter = await connectOffice(50);
    expect(adapter.host).toEqual({ kind: "outside", reason: "not-in-office" });
    expect(adapter.workbook).toBeNull();
  });
});
