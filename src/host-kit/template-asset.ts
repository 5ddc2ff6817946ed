/**
 * The template the pane inserts: dist/template.xlsx, written at build time by the same writer as
 * `template -o` (scripts/build-template.ts), fetched next to the pane and handed to the host (Excel, or WPS through a temporary file) as base64.
 * The pane bundle therefore carries no .xlsx writer.
 */
export const TEMPLATE_ASSET = "template.xlsx";

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000; // String.fromCharCode takes a bounded number of arguments
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Fetches the template once per pane session (relative to the page, so it works on any server). */
export function templateFromServer(fetchImpl: typeof fetch = fetch, url = TEMPLATE_ASSET): () => Promise<string> {
  let cached: Promise<string> | null = null;
  return () => {
    cached ??= fetchImpl(url).then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return toBase64(new Uint8Array(await response.arrayBuffer()));
    });
    // A failed download is tried again next time.
    cached.catch(() => (cached = null));
    return cached;
  };
}
