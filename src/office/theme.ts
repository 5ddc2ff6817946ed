import type { ThemeMode } from "../ports/host";

/** The part of Office.context.officeTheme the pane uses. */
export interface OfficeThemeColors {
  readonly bodyBackgroundColor?: string;
}

/**
 * Dark when the Office body background is dark. Office reports colours as "#RRGGBB"; its themes are
 * white, colourful (light grey), dark grey and black, so perceived brightness below one half is a dark
 * theme. Anything unreadable (Excel on the web may give no theme) falls back to light.
 */
export function themeModeOf(colors: OfficeThemeColors | undefined): ThemeMode {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colors?.bodyBackgroundColor?.trim() ?? "");
  if (!match) return "light";
  const [r, g, b] = match.slice(1, 4).map((hex) => parseInt(hex, 16));
  const brightness = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  return brightness < 0.5 ? "dark" : "light";
}
