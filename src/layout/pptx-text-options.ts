/**
 * The pptxgenjs 4.0.1 options under which PowerPoint and LibreOffice draw text the way
 * measure-text.ts measured it. The writer passes these and nothing that changes the
 * text's metrics (no `autoFit`, `shrinkText`, `charSpacing`, `lineSpacing` in points,
 * `paraSpaceAfter`, box-level `paraSpaceBefore`, `bullet` or `bold`).
 * Plain objects, so layout does not depend on pptxgenjs.
 */
import { escapeXml } from '../ooxml/escape.js';
import { inchToPt } from '../units.js';
import { BULLET_INDENT_PT } from './measure-text.js';
import type { Insets, Paragraph, TextStyle } from './types.js';

/**
 * `margin` of a text box or shape: **points**, in the order pptxgenjs 4.0.1 reads them,
 * [left, right, bottom, top] (genXmlTextBody: lIns = margin[0], rIns = [1], bIns = [2],
 * tIns = [3]), not the TRBL its docs suggest. Always pass it: without it the box gets
 * OOXML's default insets (0.1 in left/right, 0.05 in top/bottom).
 */
export function textBoxMargin(insets: Insets): [number, number, number, number] {
  return [inchToPt(insets.left), inchToPt(insets.right), inchToPt(insets.bottom), inchToPt(insets.top)];
}

/**
 * `margin` of a table cell: **inches**, [top, right, bottom, left]. pptxgenjs reads a cell
 * margin as points when its first value is ≥ 1 (a pre-3.8 leftover), so cell insets
 * must stay below 1 inch.
 */
export function tableCellMargin(insets: Insets): [number, number, number, number] {
  return [insets.top, insets.right, insets.bottom, insets.left];
}

/** Options for `slide.addText(pptxTextRuns(…), options)` (or a shape with text). */
export function textBoxOptions(style: TextStyle) {
  return {
    // pptxgenjs writes the face into typeface="…" as given: a legal name such as «Tom & Jerry» must come escaped.
    fontFace: escapeXml(style.fontFace),
    fontSize: style.fontSize,
    color: style.color,
    valign: style.valign ?? 'top',
    margin: textBoxMargin(style.insets),
    /** Wrap at the box's width, as measured. */
    wrap: true,
    /** Writes no autofit element: PowerPoint must not shrink or grow what was fitted. */
    fit: 'none',
    /** `<a:lnSpc><a:spcPct>`: a multiple of the 1.2 em single line. */
    lineSpacingMultiple: style.lineSpacing ?? 1,
  } as const;
}

/**
 * The runs for `slide.addText`. pptxgenjs takes a paragraph's properties from its first
 * run and ends it at a run with `breakLine`; it also starts a new paragraph where `align`
 * changes between runs, and a run's `bold: false` loses to a box-level `bold`, so align
 * and bold go on every run. Bullets: marL = 18 pt × (level + 1), hanging 18 pt.
 */
export function pptxTextRuns(paragraphs: readonly Paragraph[], style: TextStyle) {
  return paragraphs.flatMap((paragraph, index) => {
    const runs = paragraph.runs.length > 0 ? paragraph.runs : [{ text: '' }];
    const align = paragraph.align ?? style.align ?? 'left';
    const last = index === paragraphs.length - 1;
    return runs.map((run, i) => ({
      text: run.text,
      options: {
        align,
        bold: run.bold ?? style.bold ?? false,
        italic: run.italic ?? false,
        ...(run.color ? { color: run.color } : {}),
        ...(run.size ? { fontSize: run.size } : {}),
        ...(i === 0 ? firstRunOptions(paragraph) : {}),
        breakLine: i === runs.length - 1 && !last,
      },
    }));
  });
}

function firstRunOptions(paragraph: Paragraph) {
  return paragraph.bullet
    ? {
        bullet: { indent: BULLET_INDENT_PT },
        indentLevel: paragraph.level ?? 0,
        paraSpaceBefore: paragraph.spaceBefore ?? 0,
      }
    : { paraSpaceBefore: paragraph.spaceBefore ?? 0 };
}
