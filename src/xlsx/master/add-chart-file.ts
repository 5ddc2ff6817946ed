/**
 * Adds a chart to an .xlsx on disk, writing the result to another path. Parts stream through one at
 * a time (yauzl reads, fflate deflates, writes are synchronous), so a master with 50,000 detail
 * rows costs no more memory than its largest chunk; only the small parts the chart edits are read
 * whole. Every part gets one fixed modification time, so equal inputs give equal bytes.
 */
import { closeSync, openSync, writeSync } from "fs";
import { Zip, ZipDeflate, strToU8 } from "fflate";
import * as yauzl from "yauzl";
import type { BarChartSpec } from "./chart-xml";
import { outputOrder, planChart, zipTime } from "./chart-package";

async function readWhole(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function addChartToFile(
  input: string,
  output: string,
  spec: BarChartSpec | null,
  mtime: Date,
): Promise<void> {
  const zip = await yauzl.openPromise(input, { autoClose: false, lazyEntries: true });
  const fd = openSync(output, "w");
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    const read = async (name: string) => {
      const entry = entries.get(name);
      return entry ? (await readWhole(zip, entry)).toString("utf8") : undefined;
    };
    const edits = await planChart(read, [...entries.keys()], spec);

    let failure: Error | null = null;
    const out = new Zip((err, data) => {
      if (err) failure = err;
      else writeSync(fd, data);
    });
    for (const name of outputOrder([...entries.keys()], edits)) {
      const part = new ZipDeflate(name, { level: 6 });
      part.mtime = zipTime(mtime);
      out.add(part);
      const text = edits.replace.get(name) ?? edits.add.get(name);
      if (text !== undefined) part.push(strToU8(text), true);
      else {
        for await (const chunk of await zip.openReadStreamPromise(entries.get(name) as yauzl.Entry))
          part.push(chunk as Buffer);
        part.push(new Uint8Array(0), true);
      }
      if (failure) throw failure;
    }
    out.end();
    if (failure) throw failure;
  } finally {
    closeSync(fd);
    zip.close();
  }
}
