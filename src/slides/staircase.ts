/**
 * Kommunikasjonstrappa as a diagram of shapes: a foundation bar (the base),
 * ascending steps with their question and points, and a banner for what the
 * staircase leads to. The explanation sits beside the diagram.
 * Step heights come from measured text: each step is at least as tall as its
 * words need and taller than the step before it.
 */
import type { Page } from '../layout/page.js';
import { columns } from '../layout/page.js';
import { measureWidth } from '../layout/measure-text.js';
import { fitBox, fittedShape, paragraphs, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import { layoutList } from './bullets.js';
import type { Box, LaidOutSlide, Paragraph, SlideElement, TextStyle } from '../layout/types.js';
import type { SlideInput, SlideKind } from './types.js';

interface Step {
  label: string;
  question: string;
  points: string[];
  outcome?: string;
}

interface StaircaseContent {
  title: string;
  base: string;
  steps: Step[];
  top: string;
  explanation: string[];
}

const BAR_H = 0.5;
const BANNER_H = 0.55;
const GAP = 0.12;
const MIN_RISE = 0.3;
const OUTCOME_H = 0.32;

function compose(input: SlideInput): StaircaseContent {
  const s = input.plan.strategy.staircase;
  return {
    title: input.title('staircase.title'),
    base: s.base,
    steps: s.steps.map((step, i) => ({
      label: input.text('staircase.step', { number: i + 1 }),
      question: input.text('staircase.question', { question: step.question, number: i + 1 }),
      points: step.points,
      outcome: step.outcome,
    })),
    top: s.top.join(' · '),
    explanation: s.explanation,
  };
}

/** A step's words; its label ("Trinn 1") is a little smaller than the rest, never below `minSize`. */
function stepParagraphs(step: Step, style: TextStyle, minSize: number): Paragraph[] {
  return [
    { runs: [{ text: step.label, size: Math.max(style.fontSize - 3, minSize) }] },
    { runs: [{ text: step.question, bold: true, size: style.fontSize + 2 }] },
    ...paragraphs(step.points),
  ];
}

/** True when the longest word of every step fits on a line, so no word is broken in two. */
function wordsFit(steps: Step[], style: TextStyle, width: number, minSize: number): boolean {
  const inner = (width - style.insets.left - style.insets.right) * 72;
  return steps.every((step) =>
    stepParagraphs(step, style, minSize).every((p) =>
      p.runs.every((run) =>
        run.text.split(/\s+/).every((word) => measureWidth(word, { face: style.fontFace, size: run.size ?? style.fontSize, bold: run.bold }) <= inner),
      ),
    ),
  );
}

/** Heights of the steps at one font size, or undefined when they cannot rise within `available`. */
function stepHeights(steps: Step[], style: TextStyle, width: number, available: number, minSize: number): number[] | undefined {
  if (!wordsFit(steps, style, width, minSize)) return undefined;
  const heights: number[] = [];
  for (const step of steps) {
    const need = textHeight(stepParagraphs(step, style, minSize), style, width);
    heights.push(Math.max(need, (heights.at(-1) ?? 0) + MIN_RISE));
  }
  if ((heights.at(-1) ?? 0) > available) return undefined;
  // Stretch into an even staircase: the top step reaches the banner, the lowest keeps at least its own height.
  const n = steps.length;
  const lowest = Math.max(heights[0] ?? 0, available * 0.38);
  return heights.map((h, i) => Math.max(h, lowest + ((available - lowest) * i) / Math.max(1, n - 1)));
}

const STEP_INSETS = { left: 0.1, right: 0.08, top: 0.08, bottom: 0.06 };

interface StepSizing {
  size: number;
  heights: number[];
}

/** The largest size (theme body size down to its floor) at which every step fits its column. */
function sizeSteps(page: Page, content: StaircaseContent, cols: Box[], available: number): StepSizing | undefined {
  const { colors, sizes } = page.theme;
  for (let size = Math.min(sizes.body, 20); size >= sizes.minBody; size -= 0.5) {
    const style = textStyle(page, { size, color: colors.onPrimary, insets: STEP_INSETS });
    const heights = stepHeights(content.steps, style, cols[0]?.w ?? 1, available, sizes.minBody);
    if (heights) return { size, heights };
  }
  return undefined;
}

function stepsGeometry(content: StaircaseContent, area: Box) {
  const stepsArea: Box = { x: area.x, y: area.y + BANNER_H + GAP, w: area.w, h: area.h - BANNER_H - BAR_H - 2 * GAP };
  const cols = columns(stepsArea, content.steps.map(() => 1), 0.08);
  const available = stepsArea.h - (content.steps.some((s) => s.outcome) ? OUTCOME_H : 0);
  return { stepsArea, cols, available };
}

function layoutSteps(page: Page, content: StaircaseContent, area: Box, sizing: StepSizing): SlideElement[] {
  const { colors, sizes } = page.theme;
  const { stepsArea, cols, available } = stepsGeometry(content, area);
  const { size, heights } = sizing;
  const style = textStyle(page, { size, color: colors.onPrimary, insets: STEP_INSETS });
  const bottom = stepsArea.y + stepsArea.h;
  const elements: SlideElement[] = [];
  content.steps.forEach((step, i) => {
    const col = cols[i]!;
    const h = heights[i] ?? available;
    elements.push({
      type: 'shape', name: `Step ${i + 1}`, shape: 'rect', box: { x: col.x, y: bottom - h, w: col.w, h }, fill: colors.primary,
      paragraphs: stepParagraphs(step, style, sizes.minBody), style,
    });
    if (step.outcome) {
      elements.push(
        fitBox(page, {
          name: `Step ${i + 1} outcome`, box: { x: col.x, y: bottom - h - OUTCOME_H, w: col.w, h: OUTCOME_H },
          paragraphs: [{ runs: [{ text: step.outcome, italic: true }] }],
          style: textStyle(page, { size: Math.max(size - 2, sizes.minBody), color: colors.muted, valign: 'bottom' }),
        }).element,
      );
    }
  });
  const barStyle = textStyle(page, { size: Math.min(sizes.body, 18), bold: true, color: colors.primary, align: 'center', valign: 'middle' });
  elements.push(
    fittedShape(page, {
      name: 'Base', shape: 'rect', box: { x: area.x, y: bottom + GAP, w: area.w, h: BAR_H }, fill: colors.secondary,
      paragraphs: [{ runs: [{ text: content.base }] }], style: barStyle,
    }),
    fittedShape(page, {
      name: 'Top', shape: 'homePlate', box: { x: area.x, y: area.y, w: area.w, h: BANNER_H }, fill: colors.accent,
      paragraphs: [{ runs: [{ text: content.top }] }], style: { ...barStyle, color: colors.text, insets: { ...page.insets, right: 0.35 } },
    }),
  );
  return elements;
}

function explanationParagraphs(content: StaircaseContent) {
  return content.explanation.map((text, i) => ({ runs: [{ text }], spaceBefore: i === 0 ? 0 : 10 }));
}

/**
 * The diagram with its explanation beside it when both fit at the theme's sizes;
 * otherwise the diagram takes the whole width and the explanation continues on the
 * next slide, so nothing shrinks below the floor.
 */
function layout(page: Page, content: StaircaseContent): LaidOutSlide[] {
  const background = page.theme.colors.background;
  if (content.explanation.length > 0) {
    const [diagram, side] = columns(page.body, [70, 30], 0.4) as [Box, Box];
    const sizing = sizeSteps(page, content, stepsGeometry(content, diagram).cols, stepsGeometry(content, diagram).available);
    const explanation = fitBox(page, { name: 'Explanation', box: side, paragraphs: explanationParagraphs(content), style: textStyle(page, { valign: 'middle' }) });
    if (sizing && explanation.fits) {
      return [{ title: content.title, background, elements: [...titleElements(page, content.title), ...layoutSteps(page, content, diagram, sizing), explanation.element] }];
    }
  }
  const geometry = stepsGeometry(content, page.body);
  const sizing = sizeSteps(page, content, geometry.cols, geometry.available) ?? {
    size: page.theme.sizes.minBody,
    heights: content.steps.map((_, i) => geometry.available * (0.4 + (0.6 * i) / Math.max(1, content.steps.length - 1))),
  };
  const slides: LaidOutSlide[] = [{ title: content.title, background, elements: [...titleElements(page, content.title), ...layoutSteps(page, content, page.body, sizing)] }];
  if (content.explanation.length > 0) slides.push(...layoutList(page, { title: content.title, items: explanationParagraphs(content) }, 1));
  return slides;
}

export const staircaseSlide: SlideKind = {
  build: (input) => layout(input.page, compose(input)),
};
