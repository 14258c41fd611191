/**
 * Where each line of a text frame goes: the same line breaks as the layout measured
 * (break-lines.ts through measure-text.ts), placed the way LibreOffice draws them
 * (test/preview-faithful.test.ts compares with its PDF). Positions in points from the
 * slide's top-left corner, so the SVG can use them directly.
 *
 * Breaks use the model without layout's 1 % safety margin, which only makes layout reserve
 * room: the renderer must break where LibreOffice breaks. LibreOffice kerns, and fitted
 * words that unkerned take up to 101.1 % of the line (measure-text.ts), so lines are filled
 * to 101 % here; with it every line of the bundled decks breaks as LibreOffice's does.
 */
import { fontMetrics } from '../fonts/fonts.js';
import {
  BULLET_INDENT_PT,
  bulletMarginPt,
  layoutParagraphs,
  LINE_HEIGHT_EM,
  type Line,
} from '../layout/measure-text.js';
import type { Box, Paragraph, TextRun, TextStyle } from '../layout/types.js';

const PT_PER_INCH = 72;
/** Lines are filled to the inner width / this: LibreOffice's kerning fits about 1 % more. */
const RENDER_WIDTH_SAFETY = 0.99;
/** How lines stack: pitch and baseline below a line's top, in font sizes. */
export interface LineMetrics {
  pitchEm: number;
  baselineEm: number;
}

/**
 * Text frames: 1.2 em lines (measure-text.ts), baseline 1.0 em below the line's top, where
 * LibreOffice draws Carlito (calibrated with pdftotext, test/preview-faithful.test.ts).
 */
const FRAME_LINES: LineMetrics = { pitchEm: LINE_HEIGHT_EM, baselineEm: 1 };
/**
 * Table cells: LibreOffice draws them single-spaced at the font's own ascender + descender
 * (1.0 em for Carlito, see fit-table.ts), baseline at the ascender (1536 of 2048 units).
 * PowerPoint uses 1.2 em there; the preview follows LibreOffice, the renderer we can check against.
 */
export const TABLE_LINES: LineMetrics = { pitchEm: 1, baselineEm: 1536 / 2048 };

/** A piece of a line in one formatting. */
interface Segment {
  text: string;
  /** Points from the slide's left edge. */
  x: number;
  /** Points. */
  width: number;
  run: TextRun;
  size: number;
}

export interface PlacedLine {
  text: string;
  /** Baseline, points from the slide's top. */
  baseline: number;
  /** Top of the line box, points. */
  top: number;
  height: number;
  /** Largest size on the line, points. */
  size: number;
  segments: Segment[];
  /** The paragraph's bullet, on its first line. */
  bullet?: { x: number; size: number; color?: string };
}

/** Characters the line breaker drops at a break (spaces) or skips ("\r", "\n"). */
const SKIPPED = /[\s\u200b\u3000]/u;

/** Lines of `paragraphs` in `box` (inches) at `style.fontSize`, placed as LibreOffice places them. */
export function placeLines(
  paragraphs: readonly Paragraph[],
  style: TextStyle,
  box: Box,
  metrics = FRAME_LINES,
): PlacedLine[] {
  const layout = layoutParagraphs(paragraphs, style, box.w, RENDER_WIDTH_SAFETY);
  const inner = {
    x: (box.x + style.insets.left) * PT_PER_INCH,
    w: (box.w - style.insets.left - style.insets.right) * PT_PER_INCH,
  };
  const placed: PlacedLine[] = [];
  let y = 0;
  let cursor = { paragraph: -1, offset: 0 };
  layout.lines.forEach((line, index) => {
    const paragraph = paragraphs[line.paragraph]!;
    const first = line.paragraph !== cursor.paragraph;
    if (first) cursor = { paragraph: line.paragraph, offset: 0 };
    // LibreOffice skips the space before the frame's first paragraph (measure-text.ts counts it, to be safe).
    if (index > 0) y += line.spaceBefore;
    const indent = paragraph.bullet ? bulletMarginPt(paragraph.level ?? 0) : 0;
    const spacing = style.lineSpacing ?? 1;
    const size = line.height / LINE_HEIGHT_EM / spacing;
    const height = size * metrics.pitchEm * spacing;
    const align = paragraph.align ?? style.align ?? 'left';
    const free = inner.w - indent - line.width;
    const left = inner.x + indent + (align === 'center' ? free / 2 : align === 'right' ? free : 0);
    const taken = takeRuns(paragraph, cursor, line);
    placed.push({
      text: line.text,
      top: y,
      baseline: y + lineBaseline(metrics, size, spacing),
      height,
      size,
      segments: positionSegments(taken, left, style),
      ...(first && paragraph.bullet
        ? {
            bullet: {
              x: inner.x + BULLET_INDENT_PT * (paragraph.level ?? 0),
              size: style.fontSize,
              color: paragraph.runs[0]?.color,
            },
          }
        : {}),
    });
    y += height;
  });
  return shiftVertically(placed, y, style, box);
}

/** Proportional spacing below 100 % takes from the ascent (LibreOffice), above it adds below the text. */
function lineBaseline(metrics: LineMetrics, size: number, lineSpacing: number): number {
  const baseline = metrics.baselineEm * size;
  return lineSpacing >= 1 ? baseline : baseline - (1 - lineSpacing) * metrics.pitchEm * size;
}

/** Top, middle or bottom of the box; positions become absolute points. */
function shiftVertically(lines: PlacedLine[], height: number, style: TextStyle, box: Box): PlacedLine[] {
  const top = (box.y + style.insets.top) * PT_PER_INCH;
  const room = (box.h - style.insets.top - style.insets.bottom) * PT_PER_INCH;
  const valign = style.valign ?? 'top';
  const offset = top + (valign === 'middle' ? (room - height) / 2 : valign === 'bottom' ? room - height : 0);
  return lines.map((l) => ({ ...l, top: l.top + offset, baseline: l.baseline + offset }));
}

interface Taken {
  text: string;
  run: TextRun;
}

/**
 * The runs' text that makes up `line`: the line breaker keeps characters in order and
 * drops only spaces at breaks and "\r"/"\n", so the line is found by skipping those.
 */
function takeRuns(paragraph: Paragraph, cursor: { offset: number }, line: Line): Taken[] {
  const chars: Array<{ ch: string; run: TextRun }> = [];
  for (const run of paragraph.runs) for (const ch of run.text) chars.push({ ch, run });
  const wanted = [...line.text];
  while (
    cursor.offset < chars.length &&
    wanted.length > 0 &&
    chars[cursor.offset]!.ch !== wanted[0] &&
    SKIPPED.test(chars[cursor.offset]!.ch)
  ) {
    cursor.offset++;
  }
  const taken: Taken[] = [];
  for (let i = 0; i < wanted.length && cursor.offset < chars.length; i++, cursor.offset++) {
    const { ch, run } = chars[cursor.offset]!;
    const last = taken.at(-1);
    if (last && last.run === run) last.text += ch;
    else taken.push({ text: ch, run });
  }
  return taken;
}

function positionSegments(taken: Taken[], left: number, style: TextStyle): Segment[] {
  let x = left;
  return taken.map(({ text, run }) => {
    const size = run.size ?? style.fontSize;
    const width = fontMetrics(style.fontFace, run.bold ?? style.bold ?? false, run.italic ?? false).textEm(text) * size;
    const segment = { text, x, width, run, size };
    x += width;
    return segment;
  });
}
