/**
 * What adding one chart to a worksheet changes in an .xlsx package exceljs wrote: three new parts
 * (chart, drawing, drawing relationships) and three small edited ones (the worksheet gets its
 * `<drawing r:id>`, the worksheet relationships point at the drawing, [Content_Types].xml names the
 * new parts). Pure string work over small parts (package.ts applies it to the parts in memory).
 */
import {
  CONTENT_TYPE,
  REL_TYPE,
  chartXml,
  drawingXml,
  escapeXml,
  relationshipsXml,
  type BarChartSpec,
  type Relationship,
} from "./chart-xml";

export interface PackageEdits {
  /** Existing parts replaced by new text, by part name (no leading slash). */
  readonly replace: ReadonlyMap<string, string>;
  /** New parts, by part name. */
  readonly add: ReadonlyMap<string, string>;
}

/** Reads a small part of the package as text; undefined when the part does not exist. */
export type PartReader = (name: string) => Promise<string | undefined>;

const CONTENT_TYPES = "[Content_Types].xml";
const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** Attributes of every `<tag …>` element in `xml` (our own writer's output: plain, double-quoted). */
function elements(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, "g"))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:]+)="([^"]*)"/g)) attrs[a[1]] = unescapeXml(a[2]);
    out.push(attrs);
  }
  return out;
}

/** Part name of the relationships of `part` ("xl/worksheets/sheet7.xml" → "xl/worksheets/_rels/sheet7.xml.rels"). */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = fromPart
    .slice(0, fromPart.lastIndexOf("/") + 1)
    .split("/")
    .filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== ".") base.push(seg);
  }
  return base.join("/");
}

/** The worksheet part that holds the sheet named `sheet`. */
async function worksheetPart(read: PartReader, sheet: string): Promise<string> {
  const workbook = await read(WORKBOOK);
  const rels = await read(WORKBOOK_RELS);
  if (!workbook || !rels) throw new Error("not a workbook package: xl/workbook.xml or its relationships missing");
  const entry = elements(workbook, "sheet").find((s) => s.name === sheet);
  if (!entry) throw new Error(`no sheet named ${sheet}`);
  const rel = elements(rels, "Relationship").find((r) => r.Id === entry["r:id"]);
  if (!rel) throw new Error(`sheet ${sheet}: relationship ${entry["r:id"]} missing`);
  return resolveTarget(WORKBOOK, rel.Target);
}

/**
 * Elements that CT_Worksheet allows after `drawing`; `drawing` goes before the first one present
 * (or before the closing tag). Putting it anywhere else makes Excel repair the file.
 */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export function insertDrawingElement(sheetXml: string, relId: string): string {
  if (/<drawing[\s/>]/.test(sheetXml)) throw new Error("the worksheet already has a drawing");
  const positions = [
    ...AFTER_DRAWING.map((t) => sheetXml.search(new RegExp(`<${t}[\\s/>]`))),
    sheetXml.lastIndexOf("</worksheet>"),
  ].filter((i) => i >= 0);
  if (positions.length === 0) throw new Error("worksheet has no closing tag");
  const at = Math.min(...positions);
  return `${sheetXml.slice(0, at)}<drawing r:id="${escapeXml(relId)}"/>${sheetXml.slice(at)}`;
}

function freeName(existing: ReadonlySet<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) if (!existing.has(make(n))) return make(n);
}

function addOverrides(contentTypes: string, overrides: readonly { part: string; type: string }[]): string {
  const items = overrides
    .map((o) => `<Override PartName="/${escapeXml(o.part)}" ContentType="${escapeXml(o.type)}"/>`)
    .join("");
  const close = contentTypes.lastIndexOf("</Types>");
  if (close < 0) throw new Error("[Content_Types].xml has no closing tag");
  return contentTypes.slice(0, close) + items + contentTypes.slice(close);
}

/** The edits that put `spec`'s chart on its sheet (none for null). `partNames` lists every part already in the package. */
export async function planChart(
  read: PartReader,
  partNames: readonly string[],
  spec: BarChartSpec | null,
): Promise<PackageEdits> {
  if (!spec) return { replace: new Map(), add: new Map() };
  const names = new Set(partNames);
  const sheetPart = await worksheetPart(read, spec.sheet);
  const sheetXml = await read(sheetPart);
  const contentTypes = await read(CONTENT_TYPES);
  if (!sheetXml || !contentTypes) throw new Error(`${sheetPart} or [Content_Types].xml missing`);

  const drawingPart = freeName(names, (n) => `xl/drawings/drawing${n}.xml`);
  const chartPart = freeName(names, (n) => `xl/charts/chart${n}.xml`);
  const sheetRelsPart = relsPartOf(sheetPart);
  const sheetRelsXml = names.has(sheetRelsPart) ? await read(sheetRelsPart) : undefined;
  const sheetRels: Relationship[] = sheetRelsXml
    ? elements(sheetRelsXml, "Relationship").map((r) => ({
        id: r.Id,
        type: r.Type,
        target: r.Target,
        targetMode: r.TargetMode,
      }))
    : [];
  const drawingRelId = freeName(new Set(sheetRels.map((r) => r.id)), (n) => `rId${n}`);
  const chartRelId = "rId1";

  const replace = new Map<string, string>([
    [sheetPart, insertDrawingElement(sheetXml, drawingRelId)],
    [
      sheetRelsPart,
      relationshipsXml([
        ...sheetRels,
        { id: drawingRelId, type: REL_TYPE.drawing, target: `../drawings/${drawingPart.split("/").pop()}` },
      ]),
    ],
    [
      CONTENT_TYPES,
      addOverrides(contentTypes, [
        { part: drawingPart, type: CONTENT_TYPE.drawing },
        { part: chartPart, type: CONTENT_TYPE.chart },
      ]),
    ],
  ]);
  const add = new Map<string, string>([
    [drawingPart, drawingXml(spec, chartRelId, spec.title)],
    [
      relsPartOf(drawingPart),
      relationshipsXml([{ id: chartRelId, type: REL_TYPE.chart, target: `../charts/${chartPart.split("/").pop()}` }]),
    ],
    [chartPart, chartXml(spec)],
  ]);
  // A sheet that had no relationships part gets one: it is new, not a replacement.
  if (!names.has(sheetRelsPart)) {
    add.set(sheetRelsPart, replace.get(sheetRelsPart) as string);
    replace.delete(sheetRelsPart);
  }
  return { replace, add };
}

/**
 * The order parts are written in: [Content_Types].xml first (file-type sniffers look for it
 * there), then the package's parts as they were, then the new ones.
 */
export function outputOrder(partNames: readonly string[], edits: PackageEdits): string[] {
  const rest = partNames.filter((n) => n !== CONTENT_TYPES);
  return [...(partNames.includes(CONTENT_TYPES) ? [CONTENT_TYPES] : []), ...rest, ...edits.add.keys()];
}

/** A zip entry time that fflate accepts: DOS times only span 1980–2099, so a date outside is clamped. */
export function zipTime(date: Date): Date {
  const min = new Date(1980, 0, 2);
  const max = new Date(2099, 11, 31);
  const t = Number.isNaN(date.getTime()) ? min : date;
  return t < min ? min : t > max ? max : t;
}
