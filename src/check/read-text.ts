/** Text bodies (`p:txBody`, `a:txBody`) → frames of paragraphs and runs, as the renderer sees them. */
import type { Insets } from '../layout/types.js';
import { attr, child, children, isOn, numberAttr, path, textContent, type XmlElement } from '../ooxml/xml.js';
import { EMU_PER_INCH, EMU_PER_POINT } from '../units.js';
import { runColor, runHighlight, type ColorScheme } from '../ooxml/colors.js';
import type { ParagraphModel, RunModel, TextFrame } from './types.js';

/** OOXML's default insets: 0.1 in left and right, 0.05 in top and bottom. */
const DEFAULT_INSETS_EMU = { left: 91_440, right: 91_440, top: 45_720, bottom: 45_720 } as const;
/** The same in inches. */
export const DEFAULT_INSETS = { left: 0.1, right: 0.1, top: 0.05, bottom: 0.05 } as const;
const RUNS = new Set(['a:r', 'a:fld', 'a:br']);

/** Insets in inches from attributes such as `lIns`/`marL` (EMU), with OOXML's defaults. */
export function readInsets(
  element: XmlElement | undefined,
  names: [left: string, right: string, top: string, bottom: string],
): Insets {
  const inch = (name: string, fallback: number): number => (numberAttr(element, name) ?? fallback) / EMU_PER_INCH;
  return {
    left: inch(names[0], DEFAULT_INSETS_EMU.left),
    right: inch(names[1], DEFAULT_INSETS_EMU.right),
    top: inch(names[2], DEFAULT_INSETS_EMU.top),
    bottom: inch(names[3], DEFAULT_INSETS_EMU.bottom),
  };
}

/** A shape's `p:txBody` (bodyPr insets) or a table cell's `a:txBody` with the `a:tcPr` insets passed in. */
export function readTextFrame(txBody: XmlElement | undefined, scheme: ColorScheme, cellInsets?: Insets): TextFrame {
  const bodyPr = child(txBody, 'a:bodyPr');
  const autofit = child(bodyPr, 'a:normAutofit');
  return {
    insets: cellInsets ?? readInsets(bodyPr, ['lIns', 'rIns', 'tIns', 'bIns']),
    paragraphs: children(txBody, 'a:p').map((p) => readParagraph(p, scheme)),
    noWrap: attr(bodyPr, 'wrap') === 'none',
    fontScale: autofit ? (numberAttr(autofit, 'fontScale') ?? 100_000) / 100_000 : 1,
    lineReduction: autofit ? (numberAttr(autofit, 'lnSpcReduction') ?? 0) / 100_000 : 0,
    growsShape: child(bodyPr, 'a:spAutoFit') !== undefined,
    anchor: anchorOf(attr(bodyPr, 'anchor')),
  };
}

const anchorOf = (value: string | undefined): TextFrame['anchor'] => (value === 'ctr' || value === 'b' ? value : 't');

export const ALIGNMENTS: Record<string, ParagraphModel['align']> = { l: 'left', ctr: 'center', r: 'right' };

function readParagraph(p: XmlElement, scheme: ColorScheme): ParagraphModel {
  const pPr = child(p, 'a:pPr');
  const spacing = (name: string): number => (numberAttr(path(pPr, name, 'a:spcPts'), 'val') ?? 0) / 100;
  const pct = path(pPr, 'a:lnSpc', 'a:spcPct');
  const pts = path(pPr, 'a:lnSpc', 'a:spcPts');
  const endSize = numberAttr(child(p, 'a:endParaRPr'), 'sz');
  const paragraph: ParagraphModel = {
    runs: [],
    marginLeft: (numberAttr(pPr, 'marL') ?? 0) / EMU_PER_POINT,
    lineSpacing: pct ? (numberAttr(pct, 'val') ?? 100_000) / 100_000 : 1,
    spaceBefore: spacing('a:spcBef'),
    spaceAfter: spacing('a:spcAft'),
  };
  if (pts) paragraph.lineHeight = (numberAttr(pts, 'val') ?? 0) / 100;
  if (endSize !== undefined) paragraph.endSize = endSize / 100;
  const own = attr(pPr, 'algn');
  const align = ALIGNMENTS[own ?? ''];
  if (align) paragraph.align = align;
  if (own === undefined && (attr(pPr, 'lvl') ?? '0') === '0') paragraph.inheritsAlign = true;
  for (const run of children(p)) if (RUNS.has(run.name)) paragraph.runs.push(readRun(run, scheme));
  return paragraph;
}

function readRun(element: XmlElement, scheme: ColorScheme): RunModel {
  const rPr = child(element, 'a:rPr');
  const run: RunModel = {
    text: element.name === 'a:br' ? '\n' : textContent(child(element, 'a:t')),
    bold: isOn(rPr, 'b'),
    italic: isOn(rPr, 'i'),
  };
  const size = numberAttr(rPr, 'sz');
  if (size !== undefined) run.size = size / 100;
  const lang = attr(rPr, 'lang');
  if (lang !== undefined) run.lang = lang;
  const color = runColor(rPr, scheme);
  if (color) run.color = color;
  const highlight = runHighlight(rPr, scheme);
  if (highlight) run.highlight = highlight;
  const font = attr(child(rPr, 'a:latin'), 'typeface');
  const face = font?.startsWith('+') ? scheme.get(font) : font;
  if (face) run.font = face;
  return run;
}

/** The frame's visible text, paragraphs joined by newlines. */
export function frameText(frame: TextFrame): string {
  return frame.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n');
}
