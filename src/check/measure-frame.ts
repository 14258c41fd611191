/**
 * How much room a written text frame needs, measured with the layout's own model
 * (measure-text.ts: Carlito advances, 1.2 em lines, 1 % width margin), so a deck the
 * layout fitted measures as fitting here, and text made larger afterwards does not.
 */
import { bulletMarginPt, BULLET_INDENT_PT, layoutParagraphs } from '../layout/measure-text.js';
import type { Box, Paragraph, TextStyle } from '../layout/types.js';
import { ptToInch } from '../units.js';
import type { ParagraphModel, TextFrame } from './types.js';

/** OOXML's size for a run that does not give one. */
export const DEFAULT_SIZE_PT = 18;
const ZERO_INSETS = { left: 0, right: 0, top: 0, bottom: 0 };
const SINGLE_LINE_EM = 1.2;

export interface FrameMeasure {
  /** Inches the paragraphs need, without insets. */
  height: number;
  /** Widest line in points (only meaningful for `wrap="none"`). */
  widest: number;
  /** Font sizes drawn, in points. */
  sizes: number[];
  /** Words the frame's width breaks between two letters (see break-lines.ts). */
  broken: string[];
  /** A paragraph takes more than one line. */
  wraps: boolean;
}

/** Lays the frame's paragraphs out in `width` inches of text (insets already taken off). */
export function measureFrame(frame: TextFrame, width: number): FrameMeasure {
  // Several rules measure the same frame at the same width (fit, then the design rules).
  return kept(measured, frame, width, measureUncached);
}

const measured = new WeakMap<TextFrame, Map<number, FrameMeasure>>();

/** What `make` gives for the frame at the width, made once: frames are plain data nobody changes once read. */
function kept<T>(
  memo: WeakMap<TextFrame, Map<number, T>>,
  frame: TextFrame,
  width: number,
  make: (frame: TextFrame, width: number) => T,
): T {
  let byWidth = memo.get(frame);
  if (!byWidth) memo.set(frame, (byWidth = new Map()));
  let known = byWidth.get(width);
  if (known === undefined) byWidth.set(width, (known = make(frame, width)));
  return known;
}

function measureUncached(frame: TextFrame, width: number): FrameMeasure {
  let heightPt = 0;
  let widest = 0;
  const sizes = new Set<number>();
  const broken: string[] = [];
  let wraps = false;
  const lineWidth = frame.noWrap ? 1e6 : width;
  for (const p of frame.paragraphs) {
    const { paragraph, style } = toLayout(p, frame);
    for (const run of paragraph.runs) if (run.text.trim() !== '' && run.size !== undefined) sizes.add(run.size);
    const layout = layoutParagraphs([paragraph], style, lineWidth);
    broken.push(...layout.broken);
    wraps ||= layout.lines.length > 1;
    heightPt += layout.lines.reduce((sum, line) => sum + line.spaceBefore + line.height, 0) + p.spaceAfter;
    for (const line of layout.lines)
      widest = Math.max(widest, line.width + (paragraph.bullet ? bulletMarginPt(paragraph.level ?? 0) : 0));
  }
  return { height: ptToInch(heightPt), widest, sizes: [...sizes].sort((a, b) => a - b), broken, wraps };
}

/** One laid-out line of a frame: inches from the text's top and its left inset, and its alignment. */
export interface FrameLine {
  top: number;
  height: number;
  /** From the text's left edge (a bullet's indent included). */
  indent: number;
  width: number;
  align: ParagraphModel['align'];
  /** Index of its paragraph. */
  paragraph: number;
}

/**
 * The frame's lines as the layout sets them in `width` inches (where a line strikes through letters).
 * Kept per frame and width: the art rule asks twice for each text near art (by paragraph, then by line).
 */
export function frameLines(frame: TextFrame, width: number): readonly FrameLine[] {
  return kept(laidLines, frame, width, linesUncached);
}

const laidLines = new WeakMap<TextFrame, Map<number, readonly FrameLine[]>>();

function linesUncached(frame: TextFrame, width: number): FrameLine[] {
  const out: FrameLine[] = [];
  let top = 0;
  for (const [index, p] of frame.paragraphs.entries()) {
    const { paragraph, style } = toLayout(p, frame);
    const indent = ptToInch(paragraph.bullet ? bulletMarginPt(paragraph.level ?? 0) : 0);
    for (const line of layoutParagraphs([paragraph], style, frame.noWrap ? 1e6 : width).lines) {
      top += ptToInch(line.spaceBefore);
      const width = ptToInch(line.width);
      out.push({ top, height: ptToInch(line.height), indent, width, align: p.align, paragraph: index });
      top += ptToInch(line.height);
    }
    top += ptToInch(p.spaceAfter);
  }
  return out;
}

function toLayout(p: ParagraphModel, frame: TextFrame): { paragraph: Paragraph; style: TextStyle } {
  const scale = frame.fontScale;
  const ownSize = (p.endSize ?? p.runs.find((r) => r.size !== undefined)?.size ?? DEFAULT_SIZE_PT) * scale;
  const runs = p.runs.map((r) => ({
    text: r.text,
    bold: r.bold,
    italic: r.italic,
    size: (r.size ?? ownSize / scale) * scale,
  }));
  const largest = Math.max(ownSize, ...runs.filter((r) => r.text !== '').map((r) => r.size));
  const lineSpacing =
    (p.lineHeight !== undefined ? p.lineHeight / (SINGLE_LINE_EM * largest) : p.lineSpacing) *
    (1 - frame.lineReduction);
  const paragraph: Paragraph = {
    runs: runs.length > 0 ? runs : [{ text: '' }],
    spaceBefore: p.spaceBefore,
    // measure-text indents a bulleted paragraph by BULLET_INDENT_PT × (level + 1): any marL maps onto that.
    ...(p.marginLeft > 0 ? { bullet: true, level: p.marginLeft / BULLET_INDENT_PT - 1 } : {}),
  };
  const style: TextStyle = {
    fontFace: p.runs.find((r) => r.font)?.font ?? 'Calibri',
    fontSize: ownSize,
    color: '000000',
    lineSpacing,
    insets: ZERO_INSETS,
  };
  return { paragraph, style };
}

/**
 * The rectangle a preset shape lays its text in (ECMA-376 presetShapeDefinitions `a:rect`),
 * before insets. Other geometries use their bounding box.
 */
export function textRect(box: Box, geometry: string | undefined, adjust: number | undefined): Box {
  const ss = Math.min(box.w, box.h);
  switch (geometry) {
    case 'roundRect': {
      const inset = ((ss * clamp(adjust ?? 16_667, 0, 50_000)) / 100_000) * 0.29289;
      return { x: box.x + inset, y: box.y + inset, w: box.w - 2 * inset, h: box.h - 2 * inset };
    }
    case 'homePlate': {
      const point = (ss * clamp(adjust ?? 50_000, 0, (100_000 * box.w) / ss)) / 100_000;
      return { ...box, w: box.w - point / 2 };
    }
    case 'ellipse': {
      const ix = box.w * 0.146447;
      const iy = box.h * 0.146447;
      return { x: box.x + ix, y: box.y + iy, w: box.w - 2 * ix, h: box.h - 2 * iy };
    }
    default:
      return box;
  }
}

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));
