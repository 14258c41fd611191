/** Text bodies (`p:txBody`, `a:txBody`) → frames of paragraphs and runs, as the renderer sees them. */
import type { Insets } from '../layout/types.js';
import { EMU_PER_INCH, EMU_PER_POINT } from '../pptx/units.js';
import { runColor, runHighlight, type ColorScheme } from './colors.js';
import type { ParagraphModel, RunModel, TextFrame } from './types.js';
import { attr, element, elements, numberAttr, unescapeXml } from './xml.js';

/** OOXML's default insets: 0.1 in left and right, 0.05 in top and bottom. */
export const DEFAULT_INSETS_EMU = { left: 91_440, right: 91_440, top: 45_720, bottom: 45_720 } as const;

const RUN = /<a:(r|fld|br)(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/a:\1>)/g;

/** Insets in inches from attributes such as `lIns`/`marL` (EMU), with OOXML's defaults. */
export function readInsets(attributes: string, names: [left: string, right: string, top: string, bottom: string]): Insets {
  const inch = (name: string, fallback: number): number => (numberAttr(attributes, name) ?? fallback) / EMU_PER_INCH;
  return {
    left: inch(names[0], DEFAULT_INSETS_EMU.left),
    right: inch(names[1], DEFAULT_INSETS_EMU.right),
    top: inch(names[2], DEFAULT_INSETS_EMU.top),
    bottom: inch(names[3], DEFAULT_INSETS_EMU.bottom),
  };
}

/** A shape's `p:txBody` (bodyPr insets) or a table cell's `a:txBody` with the `a:tcPr` insets passed in. */
export function readTextFrame(txBody: string, scheme: ColorScheme, cellInsets?: Insets): TextFrame {
  const bodyPr = element(txBody, 'a:bodyPr');
  const bodyAttributes = bodyPr?.attributes ?? '';
  const autofit = element(bodyPr?.inner ?? '', 'a:normAutofit');
  return {
    insets: cellInsets ?? readInsets(bodyAttributes, ['lIns', 'rIns', 'tIns', 'bIns']),
    paragraphs: elements(txBody, 'a:p').map((p) => readParagraph(p.inner, scheme)),
    noWrap: attr(bodyAttributes, 'wrap') === 'none',
    fontScale: autofit ? (numberAttr(autofit.attributes, 'fontScale') ?? 100_000) / 100_000 : 1,
    lineReduction: autofit ? (numberAttr(autofit.attributes, 'lnSpcReduction') ?? 0) / 100_000 : 0,
    growsShape: /<a:spAutoFit\b/.test(bodyPr?.inner ?? ''),
  };
}

function readParagraph(xml: string, scheme: ColorScheme): ParagraphModel {
  const pPr = element(xml, 'a:pPr');
  const props = pPr?.inner ?? '';
  const lnSpc = element(props, 'a:lnSpc')?.inner ?? '';
  const spacing = (qname: string): number => {
    const inner = element(props, qname)?.inner ?? '';
    const points = element(inner, 'a:spcPts');
    return points ? (numberAttr(points.attributes, 'val') ?? 0) / 100 : 0;
  };
  const pct = element(lnSpc, 'a:spcPct');
  const pts = element(lnSpc, 'a:spcPts');
  const endSize = numberAttr(element(xml, 'a:endParaRPr')?.attributes ?? '', 'sz');
  const paragraph: ParagraphModel = {
    runs: [],
    marginLeft: (numberAttr(pPr?.attributes ?? '', 'marL') ?? 0) / EMU_PER_POINT,
    lineSpacing: pct ? (numberAttr(pct.attributes, 'val') ?? 100_000) / 100_000 : 1,
    spaceBefore: spacing('a:spcBef'),
    spaceAfter: spacing('a:spcAft'),
  };
  if (pts) paragraph.lineHeight = (numberAttr(pts.attributes, 'val') ?? 0) / 100;
  if (endSize !== undefined) paragraph.endSize = endSize / 100;
  for (const m of xml.matchAll(RUN)) paragraph.runs.push(readRun(m[1] ?? 'r', m[3] ?? '', scheme));
  return paragraph;
}

function readRun(kind: string, xml: string, scheme: ColorScheme): RunModel {
  const rPr = element(xml, 'a:rPr');
  const attributes = rPr?.attributes ?? '';
  const t = element(xml, 'a:t');
  const run: RunModel = {
    text: kind === 'br' ? '\n' : unescapeXml(t?.inner ?? ''),
    bold: isOn(attr(attributes, 'b')),
    italic: isOn(attr(attributes, 'i')),
  };
  const size = numberAttr(attributes, 'sz');
  if (size !== undefined) run.size = size / 100;
  const lang = attr(attributes, 'lang');
  if (lang !== undefined) run.lang = lang;
  const inner = rPr?.inner ?? '';
  const color = runColor(inner, scheme);
  if (color) run.color = color;
  const highlight = runHighlight(inner, scheme);
  if (highlight) run.highlight = highlight;
  const font = attr(element(inner, 'a:latin')?.attributes ?? '', 'typeface');
  const face = font?.startsWith('+') ? scheme.get(font) : font;
  if (face) run.font = face;
  return run;
}

const isOn = (value: string | undefined): boolean => value === '1' || value === 'true';

/** The frame's visible text, paragraphs joined by newlines. */
export function frameText(frame: TextFrame): string {
  return frame.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n');
}
