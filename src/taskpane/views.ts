/**
 * The pane's three views. The ribbon buttons in manifest.xml open the pane on one of them through
 * `taskpane.html?view=<id>`, so these ids are a contract with the manifest (a test checks both agree).
 */
export const VIEWS = [
  { id: "template", label: "插入模板" },
  { id: "check", label: "校验" },
  { id: "merge", label: "汇总" },
] as const;

export type ViewId = (typeof VIEWS)[number]["id"];

export function isViewId(value: unknown): value is ViewId {
  return VIEWS.some((v) => v.id === value);
}

/** The view named by the page's query string (`?view=check`, the ribbon's buttons), or null when it names none. */
export function requestedView(search: string): ViewId | null {
  const requested = new URLSearchParams(search).get("view");
  return isViewId(requested) ? requested : null;
}

/** The view named by the page's query string; the first view when absent or unknown. */
export function viewFromSearch(search: string): ViewId {
  return requestedView(search) ?? VIEWS[0].id;
}
