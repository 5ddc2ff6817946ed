/**
 * exceljs's streaming workbook writer, writing its parts into memory instead of through archiver:
 * the same code path in Node and in the browser (where archiver and the file system do not exist),
 * so the command line and the task pane get the same parts, and then the same bytes (package.ts).
 * Rows are turned into XML as they are committed and their objects let go, so a master of 50,000
 * detail rows holds only its XML text (tens of MB), never a model of every cell.
 *
 * Depends on two internals of exceljs 4.4.0 (pinned in package.json; test/xlsx/exceljs-internals):
 * the writer assigns `this.zip = Archiver(…)` in its constructor and calls `append(source, { name })`,
 * `pipe(stream)` and `finalize()` on it; a part is a string, a Buffer, or exceljs's StreamBuf, which
 * `pipe()`s its chunks to a writable and calls its `end()`.
 */
import ExcelJS from "exceljs";
import WorkbookWriter from "exceljs/lib/stream/xlsx/workbook-writer";

/** The writable end a StreamBuf pipes a part's chunks into. */
interface ChunkSink {
  write(chunk: Uint8Array, callback?: () => void): boolean;
  end(): void;
  on(): ChunkSink;
  once(): ChunkSink;
  emit(): boolean;
}

/** Where exceljs waits for the package to be complete ('finish'), as it waits on a file stream. */
class Finished {
  private listeners: { event: string; fn: (...args: unknown[]) => void }[] = [];
  on(event: string, fn: (...args: unknown[]) => void): this {
    this.listeners.push({ event, fn });
    return this;
  }
  once(event: string, fn: (...args: unknown[]) => void): this {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]): boolean {
    const called = this.listeners.filter((l) => l.event === event);
    for (const l of called) l.fn(...args);
    return called.length > 0;
  }
  // exceljs may write to or end its output stream; the parts are all there is.
  write(): boolean {
    return true;
  }
  end(): void {
    this.emit("finish");
  }
}

/** archiver's surface as exceljs uses it, keeping every part in memory by name (no leading "/"). */
export class PartsZip extends Finished {
  readonly parts = new Map<string, Uint8Array[]>();
  private readonly pending: Promise<void>[] = [];
  private destination: Finished | null = null;

  pipe(destination: Finished): Finished {
    this.destination = destination;
    return destination;
  }

  append(source: unknown, options: { readonly name: string }): this {
    const chunks: Uint8Array[] = [];
    this.parts.set(options.name.replace(/^\//, ""), chunks);
    if (typeof source === "string") chunks.push(new TextEncoder().encode(source));
    else if (source instanceof Uint8Array) chunks.push(source);
    else {
      const stream = source as { pipe(sink: ChunkSink): void };
      this.pending.push(
        new Promise<void>((resolve) => {
          const sink: ChunkSink = {
            write(chunk, callback) {
              chunks.push(new Uint8Array(chunk));
              callback?.();
              return true;
            },
            end: () => resolve(),
            on: () => sink,
            once: () => sink,
            emit: () => false,
          };
          stream.pipe(sink);
        }),
      );
    }
    return this;
  }

  finalize(): void {
    void Promise.all(this.pending).then(() => this.destination?.end());
  }

  /** Every part's bytes, joined. */
  files(): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const [name, chunks] of this.parts) {
      const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
      out.set(name, bytes);
    }
    return out;
  }
}

/** The streaming writer with its zip kept in memory: whatever the constructor assigns, `zip` is ours. */
class PartsWorkbookWriter extends WorkbookWriter {
  declare private kept: PartsZip | undefined;
  // exceljs declares no `zip`: its constructor assigns one, which this accessor replaces.
  get zip(): PartsZip {
    return (this.kept ??= new PartsZip());
  }
  set zip(_archiver: unknown) {
    this.kept ??= new PartsZip();
  }
}

export interface PartsWorkbook {
  readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  /** After `workbook.commit()`: every part of the package by name. */
  files(): Map<string, Uint8Array>;
}

export function partsWorkbook(): PartsWorkbook {
  const workbook = new PartsWorkbookWriter({
    stream: new Finished() as unknown as ExcelJS.stream.xlsx.WorkbookStreamWriterOptions["stream"],
    useStyles: true,
    // Shared strings: every string cell is t="s" (without them exceljs writes t="str", a formula's result type).
    useSharedStrings: true,
  });
  return { workbook, files: () => (workbook as unknown as { zip: PartsZip }).zip.files() };
}
