/** Renders pane components as Excel shows them: inside a FluentProvider (dark, to match a dark Office). */
import { FluentProvider, webDarkTheme } from "@fluentui/react-components";
import { render, type RenderResult } from "@testing-library/react";
import * as React from "react";

export function renderInPane(ui: React.ReactElement): RenderResult {
  return render(<FluentProvider theme={webDarkTheme}>{ui}</FluentProvider>);
}
