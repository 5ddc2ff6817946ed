/**
 * The browser's File as the pipeline's ChosenFile. Kept apart from the pipeline, so the view loads
 * the reader and the core only when a merge starts (lazy-pipeline.ts).
 */
import type { ChosenFile } from "./read-inputs";

/** Reads a browser File's bytes (FileReader where Blob.arrayBuffer is missing). */
function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** A browser File as the pipeline's ChosenFile; a file from a chosen folder keeps its folders in `path`. */
export function chosenFromFile(file: File): ChosenFile {
  const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
  return {
    name: file.name,
    path: relative || file.name,
    size: file.size,
    modified: file.lastModified ? new Date(file.lastModified).toISOString() : null,
    bytes: () => fileBytes(file),
  };
}
