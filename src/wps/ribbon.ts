/**
 * The ribbon of the WPS 加载项 (wps/ribbon.xml): WPS calls these through the global `ribbon` of the
 * add-in's entry page. Each button opens the one task pane on its view (taskpane.html?view=<button
 * id>, the ids the Office manifest's buttons use); the pane's id is kept in PluginStorage, shared by
 * the add-in's pages, so a second click shows the same pane instead of opening another.
 */
import type { WpsApplication, WpsRibbonHost } from "./api";
import { wpsApplication } from "./global";

export const PANE_TITLE = "研学行动总结";
const PANE_KEY = "tj-report-taskpane";

/** What WPS hands a ribbon callback: the control, by the id ribbon.xml gives it. */
export interface RibbonControl {
  readonly Id: string;
}

export interface Ribbon {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: RibbonControl): boolean;
  GetImage(control: RibbonControl): string;
}

/** `paneUrl(view)`: the pane's address for a view, relative to the add-in's own folder. */
export function createRibbon(app: WpsRibbonHost, paneUrl: (view: string) => string): Ribbon {
  const existing = () => {
    const id = Number(app.PluginStorage.getItem(PANE_KEY));
    if (!id) return null;
    try {
      return app.GetTaskPane(id);
    } catch {
      return null; // closed with its workbook window
    }
  };
  return {
    OnAddinLoad: () => true,
    OnAction(control) {
      const url = paneUrl(control.Id);
      const pane = existing();
      if (pane) {
        pane.Navigate(url);
        pane.Visible = true;
        return true;
      }
      const made = app.CreateTaskPane(url, PANE_TITLE);
      app.PluginStorage.setItem(PANE_KEY, made.ID);
      made.Visible = true;
      return true;
    },
    GetImage: () => "images/icon-32.png",
  };
}

/** The ribbon's callbacks on this page's WPS (none outside WPS: the buttons then do nothing). */
export function connectRibbon(scope: unknown, paneUrl: (view: string) => string): Ribbon | null {
  const app = wpsApplication(scope);
  return app ? createRibbon(app as WpsApplication & WpsRibbonHost, paneUrl) : null;
}
