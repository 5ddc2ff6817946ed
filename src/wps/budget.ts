/**
 * Every WPS call is synchronous and blocks WPS (and the pane, which shares its thread) until it
 * returns. So: reads take a whole used range in one Value2; writes that take one call per cell (marks)
 * go in chunks, and the pane yields to the host between chunks so typing and painting go on.
 */

/** Per-cell calls made before yielding: small enough that a chunk stays well under a frame's worth of blocking. */
export const WRITE_CHUNK = 25;

/** Lets WPS and the pane handle what is waiting (input, paint) before the next chunk. */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `work` on each item, yielding to the host after every `chunk` items. */
export async function inChunks<T>(items: readonly T[], work: (item: T) => void, chunk = WRITE_CHUNK): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    work(items[i]);
    if ((i + 1) % chunk === 0 && i + 1 < items.length) await yieldToHost();
  }
}
