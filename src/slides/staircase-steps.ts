/**
 * The staircase diagram: steps that rise with their measured text, a foundation bar under
 * them and a banner above. Step heights come from measured text: each step is at least as
 * tall as its words need and taller than the step before it.
 */
import { staircase } from '../kinds/staircase.js';
import { hyphenateWords } from '../layout/hyphenate.js';
import { fontMetrics } from '../fonts/fonts.js';
import { bulletMarginPt, layoutParagraphs, WIDTH_SAFETY } from '../layout/measure-text.js';
import { columns, type Page } from '../layout/page.js';
import { fitBox, fittedShape, textHeight, textStyle, widestWordEm } from '../layout/text-box.js';
import type { Box, Paragraph, SlideElement, TextStyle } from '../layout/types.js';
import type { StaircaseContent, Step } from './staircase-content.js';

/** The bars' heights, the gaps between them and the steps, and how much each step rises over the one before. */
export interface StepFrame {
  bar: number;
  banner: number;
  gap: number;
  rise: number;
  /** Inner padding of a step; the bottom keeps the last line off the step's edge. */
  insets: { left: number; right: number; top: number; bottom: number };
  /** The label ("Trinn 1") on the question's line rather than a line of its own. */
  inline: boolean;
  /** Points without bullets (spaced apart), so a narrow step holds its longest word on a line. */
  plain?: boolean;
}

/** The staircase as drawn on the built-in design and wherever it fits. */
export const FULL_FRAME: StepFrame = {
  bar: 0.5,
  banner: 0.55,
  gap: 0.12,
  rise: 0.3,
  insets: { left: 0.12, right: 0.1, top: 0.1, bottom: 0.14 },
  inline: false,
};

/**
 * Tighter bars and a smaller rise, for a template's low body place: the steps keep their points
 * in the drawing rather than handing them to a list on the next slide.
 */
export const COMPACT_FRAME: StepFrame = {
  bar: 0.34,
  banner: 0.36,
  gap: 0.06,
  rise: 0.06,
  insets: { left: 0.08, right: 0.06, top: 0.05, bottom: 0.08 },
  inline: true,
};

/**
 * The compact frame with unbulleted points: for a template's narrow body place (beside its art),
 * where the bullet's indent leaves a step too narrow for a long word; the last drawing tried
 * before the points become a list.
 */
export const NARROW_FRAME: StepFrame = { ...COMPACT_FRAME, plain: true };

const OUTCOME_H = 0.32;

/** A step's words; its label ("Trinn 1") is a little smaller than the rest, never below `minSize`. */
function stepParagraphs(
  step: Step,
  style: TextStyle,
  minSize: number,
  { inline, plain }: Pick<StepFrame, 'inline' | 'plain'> = FULL_FRAME,
): Paragraph[] {
  const label = { text: step.label, size: Math.max(style.fontSize - 3, minSize) };
  const question = { text: step.question, bold: true, size: style.fontSize + 2 };
  return [
    ...(inline
      ? [{ runs: [{ ...label, text: `${step.label} ` }, question] }]
      : [{ runs: [label] }, { runs: [question] }]),
    // Bulleted and spaced, so two wrapped points never read as one (plain: spaced further instead).
    ...step.points.map(
      (text, i): Paragraph =>
        plain
          ? { runs: [{ text }], spaceBefore: i === 0 ? 4 : 6 }
          : { runs: [{ text }], bullet: true, level: 0, spaceBefore: i === 0 ? 4 : 3 },
    ),
  ];
}

/** Points: the widest word of `step` as set (a bulleted point's text starts after the bullet's indent). */
function widestWord(step: Step, style: TextStyle, minSize: number, frame: StepFrame): number {
  let widest = 0;
  for (const p of stepParagraphs(step, style, minSize, frame))
    for (const run of p.runs) {
      // A run's widest word at its size (its em kept by font and text): a larger advance never rounds to a
      // smaller width, so it is the widest of its words' widths. A run of no word counts as one of no width.
      const em = Math.max(0, widestWordEm(run.text, fontMetrics(style.fontFace, run.bold)));
      const w = em * (run.size ?? style.fontSize);
      // The layout fills lines to WIDTH_SAFETY less than the inner width.
      widest = Math.max(widest, w * WIDTH_SAFETY + (p.bullet ? bulletMarginPt(0) : 0));
    }
  return widest;
}

/** True when the longest word of every step fits on a line in its column, so no word is broken in two. */
function wordsFit(steps: Step[], style: TextStyle, widths: number[], minSize: number, frame: StepFrame): boolean {
  const inner = (w: number) => (w - style.insets.left - style.insets.right) * 72;
  return steps.every((step, i) => widestWord(step, style, minSize, frame) <= inner(widths[i] ?? 1));
}

/** Heights of the steps at one font size, or undefined when they cannot rise within `available`. */
function stepHeights(
  steps: Step[],
  style: TextStyle,
  widths: number[],
  available: number,
  minSize: number,
  frame: StepFrame,
): number[] | undefined {
  if (!wordsFit(steps, style, widths, minSize, frame)) return undefined;
  const heights: number[] = [];
  for (const [i, step] of steps.entries()) {
    const need = textHeight(stepParagraphs(step, style, minSize, frame), style, widths[i] ?? 1);
    heights.push(Math.max(need, (heights.at(-1) ?? 0) + frame.rise));
    // Each step after this one is at least `rise` higher, summed as the loop sums it: where even that
    // goes over, the top step would, so the steps after it are not measured (most sizes fail so).
    if (risesOver(heights.at(-1)!, steps.length - 1 - i, frame.rise, available)) return undefined;
  }
  if ((heights.at(-1) ?? 0) > available) return undefined;
  // Stretch into an even staircase: the top step reaches the banner, the lowest keeps at least its own height.
  const n = steps.length;
  const lowest = Math.max(heights[0] ?? 0, available * 0.38);
  return heights.map((h, i) => Math.max(h, lowest + ((available - lowest) * i) / Math.max(1, n - 1)));
}

/** True when `height` raised by `rise` `more` times, added in turn, is over `available`. */
function risesOver(height: number, more: number, rise: number, available: number): boolean {
  let least = height;
  for (let k = 0; k < more; k++) least += rise;
  return least > available;
}

/** A word too wide for its step even so (the fallback at the floor) is hyphenated, never broken between letters. */
function wholeOrHyphenated(page: Page, paragraphs: Paragraph[], style: TextStyle, width: number): Paragraph[] {
  const { broken } = layoutParagraphs(paragraphs, style, width);
  return broken.length === 0 ? paragraphs : hyphenateWords(paragraphs, broken, page.language);
}

export interface StepSizing {
  size: number;
  heights: number[];
  /** The frame the heights were found in (FULL_FRAME when absent). */
  frame?: StepFrame;
}

/** Sizes (points) a search looks at: at least `least`, below `below`. */
export interface SizeRange {
  least?: number;
  below?: number;
}

/**
 * The largest size (theme body size down to its floor) at which every step fits its column. Within
 * `range` only: the same sizing where it lies in the range and no larger size fits, else undefined (the
 * sizes are tried largest first, so the first that fits is the same). Why: an arrangement of the
 * staircase is of use only when its text is larger than the one found before (staircase.ts `arranged`).
 */
export function sizeSteps(
  page: Page,
  content: StaircaseContent,
  cols: Box[],
  available: number,
  frame: StepFrame = FULL_FRAME,
  { least = Number.NEGATIVE_INFINITY, below = Number.POSITIVE_INFINITY }: SizeRange = {},
): StepSizing | undefined {
  const { colors, sizes } = page.theme;
  const widths = cols.map((c) => c.w);
  const styleAt = (size: number) => textStyle(page, { size, color: colors.onPrimary, insets: frame.insets });
  const sizesTried: number[] = [];
  for (let size = Math.min(sizes.body, 20); size >= sizes.minBody && size >= least; size -= 0.5)
    if (size < below) sizesTried.push(size);
  // The sizes whose longest words do not fit their steps come first, and are skipped unmeasured (see wordsFitFrom).
  const from = wordsFitFrom(sizesTried, (size) => wordsFit(content.steps, styleAt(size), widths, sizes.minBody, frame));
  for (const size of sizesTried.slice(from)) {
    const heights = stepHeights(content.steps, styleAt(size), widths, available, sizes.minBody, frame);
    if (heights) return frame === FULL_FRAME ? { size, heights } : { size, heights, frame };
  }
  return undefined;
}

/**
 * The index of the first of `sizes` (largest first) at which `fits` holds, found by bisection, or
 * `sizes.length`. `fits` is whether each step's widest word fits its step: every word's width grows with the
 * size (the label's, the question's and the points' sizes all grow with it, and a larger advance never rounds
 * to a smaller width), so where it holds at a size it holds at every smaller one. Why: on a template's small
 * place most sizes of most frames fail it, and each was measured in turn.
 */
function wordsFitFrom(sizes: readonly number[], fits: (size: number) => boolean): number {
  let [low, high] = [0, sizes.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (fits(sizes[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Room above the steps for their outcomes: what the longest needs at the floor, at least one line.
 * Each outcome measured at its own step's width: in the narrow frame the steps' widths differ, and
 * an outcome measured at the first step's width («Målgrupper» over a narrower second step on
 * Yellow_Idea) wrapped in a one-line frame, and the check refused the deck.
 */
function outcomeHeight(page: Page, content: StaircaseContent, cols: readonly Box[]): number {
  const style = textStyle(page, { size: page.theme.sizes.minBody });
  const needs = content.steps.flatMap((s, i) =>
    s.outcome ? [textHeight([{ runs: [{ text: s.outcome, italic: true }] }], style, cols[i]?.w ?? 1)] : [],
  );
  return needs.length === 0 ? 0 : Math.min(0.8, Math.max(OUTCOME_H, ...needs));
}

/** Shares of a step's width its longest word may move it from an equal one (the narrow frame). */
const WIDTH_SPREAD = { least: 0.8, most: 1.25 };

/**
 * The steps' relative widths: equal, except in the narrow frame, where each step is as wide as
 * its longest word at the floor needs (within WIDTH_SPREAD of an equal share), so one long word
 * ("Kommunikasjonsmål") does not push every step's points into a list.
 */
function stepWeights(page: Page, content: StaircaseContent, frame: StepFrame): number[] {
  if (!frame.plain || content.steps.length < 2) return content.steps.map(() => 1);
  const { sizes, colors } = page.theme;
  const style = textStyle(page, { size: sizes.minBody, color: colors.onPrimary, insets: frame.insets });
  const needs = content.steps.map((step) => widestWord(step, style, sizes.minBody, frame));
  const mean = needs.reduce((a, b) => a + b, 0) / needs.length;
  return needs.map((n) => Math.min(WIDTH_SPREAD.most, Math.max(WIDTH_SPREAD.least, n / mean)));
}

export function stepsGeometry(page: Page, content: StaircaseContent, area: Box, frame: StepFrame = FULL_FRAME) {
  const { banner, bar, gap } = frame;
  const stepsArea: Box = { x: area.x, y: area.y + banner + gap, w: area.w, h: area.h - banner - bar - 2 * gap };
  const cols = columns(stepsArea, stepWeights(page, content, frame), 0.08);
  const outcomeH = outcomeHeight(page, content, cols);
  return { stepsArea, cols, available: stepsArea.h - outcomeH, outcomeH };
}

export function layoutSteps(page: Page, content: StaircaseContent, area: Box, sizing: StepSizing): SlideElement[] {
  const { colors, sizes } = page.theme;
  const { size, heights, frame = FULL_FRAME } = sizing;
  const { stepsArea, cols, available, outcomeH } = stepsGeometry(page, content, area, frame);
  const style = textStyle(page, { size, color: colors.onPrimary, insets: frame.insets });
  const bottom = stepsArea.y + stepsArea.h;
  const elements: SlideElement[] = [];
  content.steps.forEach((step, i) => {
    const col = cols[i]!;
    const h = heights[i] ?? available;
    elements.push({
      type: 'shape',
      name: staircase.parts.step.name(i + 1),
      shape: 'rect',
      box: { x: col.x, y: bottom - h, w: col.w, h },
      fill: colors.primary,
      paragraphs: wholeOrHyphenated(page, stepParagraphs(step, style, sizes.minBody, frame), style, col.w),
      style,
    });
    if (step.outcome) {
      elements.push(
        fitBox(page, {
          name: staircase.parts.stepOutcome.name(i + 1),
          box: { x: col.x, y: bottom - h - outcomeH, w: col.w, h: outcomeH },
          paragraphs: [{ runs: [{ text: step.outcome, italic: true }] }],
          style: textStyle(page, { size: Math.max(size - 2, sizes.minBody), color: colors.muted, valign: 'bottom' }),
        }).element,
      );
    }
  });
  const barStyle = textStyle(page, {
    size: Math.min(sizes.body, 18),
    bold: true,
    color: colors.primary,
    align: 'center',
    valign: 'middle',
  });
  elements.push(
    fittedShape(page, {
      name: staircase.parts.base.name(),
      shape: 'rect',
      box: { x: area.x, y: bottom + frame.gap, w: area.w, h: frame.bar },
      fill: colors.secondary,
      paragraphs: [{ runs: [{ text: content.base }] }],
      style: barStyle,
    }),
    fittedShape(page, {
      name: staircase.parts.top.name(),
      shape: 'homePlate',
      box: { x: area.x, y: area.y, w: area.w, h: frame.banner },
      fill: colors.accent,
      paragraphs: [{ runs: [{ text: content.top }] }],
      style: { ...barStyle, color: colors.text, insets: { ...page.insets, right: 0.35 } },
    }),
  );
  return elements;
}
