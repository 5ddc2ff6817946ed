/**
 * Where `check` and `merge` look for LibreOffice (src/node/soffice.ts), with the file system stood in
 * for. Needs no LibreOffice, though the paths it names put it in the libreoffice suite (jest.suites.js).
 */
import { findSoffice } from "../../src/node/soffice";

describe("finding LibreOffice", () => {
  const runnable = (present: string[]) => (file: string) => present.includes(file);

  it("the first soffice on PATH, then libreoffice, then where its installers put it", () => {
    const env = { PATH: "/usr/local/bin:/usr/bin" };
    expect(findSoffice(env, "linux", runnable(["/usr/bin/soffice", "/usr/local/bin/libreoffice"]))).toBe(
      "/usr/bin/soffice",
    );
    expect(findSoffice(env, "linux", runnable(["/usr/local/bin/libreoffice"]))).toBe("/usr/local/bin/libreoffice");
    expect(
      findSoffice({ PATH: "" }, "darwin", runnable(["/Applications/LibreOffice.app/Contents/MacOS/soffice"])),
    ).toBe("/Applications/LibreOffice.app/Contents/MacOS/soffice");
    expect(
      findSoffice(
        { Path: "C:\\Windows", ProgramFiles: "C:\\Program Files" },
        "win32",
        runnable(["C:\\Program Files\\LibreOffice\\program\\soffice.exe"]),
      ),
    ).toBe("C:\\Program Files\\LibreOffice\\program\\soffice.exe");
  });

  it("nothing found: undefined (check and merge then refuse such files and say how to convert them)", () => {
    expect(findSoffice({ PATH: "/usr/bin" }, "darwin", runnable([]))).toBeUndefined();
  });
});
