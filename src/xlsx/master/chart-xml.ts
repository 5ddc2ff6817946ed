/**
 * The DrawingML parts of a clustered column chart over cells of one worksheet: the chart part
 * (c:chartSpace), the drawing that anchors it on the sheet, and the drawing's relationships.
 *
 * exceljs cannot write charts, so these parts are added to its output afterwards (package.ts).
 * The chart references the sheet's cells (c:f) so Excel, WPS and LibreOffice recompute it from the
 * sheet, and carries the values as caches (c:strCache, c:numCache) so a reader that does not
 * recompute still draws it. Element order follows the ECMA-376 schema (dml-chart.xsd), which
 * Excel enforces.
 */

import type { BarChartSpec, ChartSeries } from "../../core/master";

export type { BarChartSpec, ChartSeries };

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  pkgRels: "http://schemas.openxmlformats.org/package/2006/relationships",
};

export const REL_TYPE = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};

export const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CAT_AX_ID = 500000001;
const VAL_AX_ID = 500000002;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** `'统计'!$A$2:$A$18`: a sheet-qualified reference; the name is always quoted (quotes doubled). */
export function sheetRef(sheet: string, range: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}

function richText(text: string, size: number, bold: boolean): string {
  const b = bold ? "1" : "0";
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${b}"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}" b="${b}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string, size: number): string {
  return `<c:title>${richText(text, size, true)}<c:overlay val="0"/></c:title>`;
}

function strRef(sheet: string, range: string, values: readonly string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${escapeXml(sheetRef(sheet, range))}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, range: string, values: readonly number[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("");
  return (
    `<c:numRef><c:f>${escapeXml(sheetRef(sheet, range))}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`
  );
}

function series(spec: BarChartSpec, s: ChartSeries, index: number): string {
  if (s.values.length !== spec.categories.length)
    throw new Error(`series ${s.name}: ${s.values.length} values for ${spec.categories.length} categories`);
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx>${strRef(spec.sheet, s.nameCell, [s.name])}</c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr>` +
    `<c:invertIfNegative val="0"/>` +
    `<c:cat>${strRef(spec.sheet, spec.categoriesRange, spec.categories)}</c:cat>` +
    `<c:val>${numRef(spec.sheet, s.valuesRange, s.values)}</c:val>` +
    `</c:ser>`
  );
}

const AXIS_TICKS = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';

/** xl/charts/chartN.xml */
export function chartXml(spec: BarChartSpec): string {
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>${AXIS_TICKS}` +
    `<c:crossAx val="${VAL_AX_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    // Every district named under its bar: no label may be skipped for lack of room.
    `<c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/>${title(spec.valueAxisTitle, 1000)}` +
    `<c:numFmt formatCode="#,##0" sourceLinked="0"/>${AXIS_TICKS}` +
    `<c:crossAx val="${CAT_AX_ID}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(spec.title, 1400)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    spec.series.map((s, i) => series(spec, s, i)).join("") +
    `<c:gapWidth val="80"/><c:axId val="${CAT_AX_ID}"/><c:axId val="${VAL_AX_ID}"/></c:barChart>` +
    catAx +
    valAx +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

function marker(tag: "from" | "to", col: number, row: number): string {
  return `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** xl/drawings/drawingN.xml: one chart anchored between two cells; `chartRelId` points at the chart part. */
export function drawingXml(spec: BarChartSpec, chartRelId: string, chartName: string): string {
  const { fromCol, fromRow, toCol, toRow } = spec.anchor;
  return (
    XML_DECL +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">` +
    `<xdr:twoCellAnchor editAs="oneCell">${marker("from", fromCol, fromRow)}${marker("to", toCol, toRow)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(chartName)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
    `</xdr:wsDr>`
  );
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Relative to the source part's folder. */
  readonly target: string;
  /** "External" for a target outside the package. */
  readonly targetMode?: string;
}

/** A relationships part (…/_rels/X.rels) holding `rels`. */
export function relationshipsXml(rels: readonly Relationship[]): string {
  const items = rels
    .map((r) => {
      const mode = r.targetMode ? ` TargetMode="${escapeXml(r.targetMode)}"` : "";
      return `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${mode}/>`;
    })
    .join("");
  return `${XML_DECL}<Relationships xmlns="${NS.pkgRels}">${items}</Relationships>`;
}
