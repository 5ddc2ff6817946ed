import type { Failed } from "../ports/operations";

/**
 * The operations promise never to reject (problems are results), but an Office.js bug or a dropped
 * connection can still throw; the pane then says so instead of spinning for ever.
 */
export function settle<T>(promise: Promise<T>, doing: string): Promise<T | Failed> {
  return promise.catch((error: unknown): Failed => ({
    kind: "failed",
    message: `${doing}时出错：${error instanceof Error ? error.message : String(error)}。请关闭任务窗格后重新打开再试。`,
  }));
}
