/** The Fluent theme follows the Office theme: dark Office themes get the dark web theme. */
import { themeModeOf } from "../../src/office/theme";

describe("themeModeOf", () => {
  it.each([
    ["#FFFFFF", "light"], // White
    ["#E6E6E6", "light"], // Colorful
    ["#F3F3F3", "light"],
    ["#666666", "dark"], // Dark Gray
    ["#262626", "dark"], // Black (Microsoft 365 dark)
    ["#000000", "dark"],
    ["1f1f1f", "dark"], // some hosts omit the '#'
  ] as const)("%s is %s", (color, mode) => {
    expect(themeModeOf({ bodyBackgroundColor: color })).toBe(mode);
  });

  it.each([undefined, {}, { bodyBackgroundColor: "" }, { bodyBackgroundColor: "rgb(0,0,0)" }])(
    "falls back to light when the host gives no usable colour (%p)",
    (colors) => {
      expect(themeModeOf(colors)).toBe("light");
    },
  );
});
