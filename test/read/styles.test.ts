/** Which cell styles show dates: read from the number formats and cell formats. */
import { parseDateStyles } from "../../src/read/styles";

const styles = () =>
  parseDateStyles(
    new TextEncoder().encode(
      `<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;d&quot;"/></numFmts>` +
        `<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="2"/></cellXfs></styleSheet>`,
    ),
  );

describe("date styles", () => {
  it("marks built-in and custom date formats, not numbers (nor a quoted 'd')", () => {
    expect(styles()).toEqual([false, true, true, false, false]);
  });

  it("refuses a part that is not well formed", () => {
    expect(() =>
      parseDateStyles(new TextEncoder().encode(`<styleSheet><cellXfs><xf numFmtId="14"></cellXfs></styleSheet>`)),
    ).toThrow();
  });
});
