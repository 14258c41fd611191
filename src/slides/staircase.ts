/**
 * Kommunikasjonstrappa as a diagram of shapes: a foundation bar (the base),
 * ascending steps with their question and points, and a banner for what the
 * staircase leads to. The explanation sits beside the diagram.
 * Step heights come from measured text: each step is at least as tall as its
 * words need and taller than the step before it.
 */
import type { Page } from '../layout/page.js';
import { columns } from '../layout/page.js';
import { bulletMarginPt, measureWidth } from '../layout/measure-text.js';
import { fitBox, fittedShape, textHeight, textStyle, titleElements } from '../layout/text-box.js';
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
    // Bulleted and spaced, so two wrapped points never read as one.
    ...step.points.map(
      (text, i): Paragraph => ({ runs: [{ text }], bullet: true, level: 0, spaceBefore: i === 0 ? 4 : 3 }),
    ),
  ];
}

/** True when the longest word of every step fits on a line, so no word is broken in two. */
function wordsFit(steps: Step[], style: TextStyle, width: number, minSize: number): boolean {
  const inner = (width - style.insets.left - style.insets.right) * 72;
  return steps.every((step) =>
    stepParagraphs(step, style, minSize).every((p) =>
      p.runs.every((run) =>
        // A bulleted point's text starts after the bullet's indent.
        run.text
          .split(/\s+/)
          .every(
            (word) =>
              measureWidth(word, { face: style.fontFace, size: run.size ?? style.fontSize, bold: run.bold }) <=
              inner - (p.bullet ? bulletMarginPt(0) : 0),
          ),
      ),
    ),
  );
}

/** Heights of the steps at one font size, or undefined when they cannot rise within `available`. */
function stepHeights(
  steps: Step[],
  style: TextStyle,
  width: number,
  available: number,
  minSize: number,
): number[] | undefined {
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

/** Inner padding of a step; the bottom keeps the last line off the step's edge. */
const STEP_INSETS = { left: 0.12, right: 0.1, top: 0.1, bottom: 0.14 };

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

/** Room above the steps for their outcomes: what the longest needs at the floor, at least one line. */
function outcomeHeight(page: Page, content: StaircaseContent, width: number): number {
  const style = textStyle(page, { size: page.theme.sizes.minBody });
  const needs = content.steps.flatMap((s) =>
    s.outcome ? [textHeight([{ runs: [{ text: s.outcome, italic: true }] }], style, width)] : [],
  );
  return needs.length === 0 ? 0 : Math.min(0.8, Math.max(OUTCOME_H, ...needs));
}

function stepsGeometry(page: Page, content: StaircaseContent, area: Box) {
  const stepsArea: Box = { x: area.x, y: area.y + BANNER_H + GAP, w: area.w, h: area.h - BANNER_H - BAR_H - 2 * GAP };
  const cols = columns(
    stepsArea,
    content.steps.map(() => 1),
    0.08,
  );
  const outcomeH = outcomeHeight(page, content, cols[0]?.w ?? 1);
  return { stepsArea, cols, available: stepsArea.h - outcomeH, outcomeH };
}

function layoutSteps(page: Page, content: StaircaseContent, area: Box, sizing: StepSizing): SlideElement[] {
  const { colors, sizes } = page.theme;
  const { stepsArea, cols, available, outcomeH } = stepsGeometry(page, content, area);
  const { size, heights } = sizing;
  const style = textStyle(page, { size, color: colors.onPrimary, insets: STEP_INSETS });
  const bottom = stepsArea.y + stepsArea.h;
  const elements: SlideElement[] = [];
  content.steps.forEach((step, i) => {
    const col = cols[i]!;
    const h = heights[i] ?? available;
    elements.push({
      type: 'shape',
      name: `Step ${i + 1}`,
      shape: 'rect',
      box: { x: col.x, y: bottom - h, w: col.w, h },
      fill: colors.primary,
      paragraphs: stepParagraphs(step, style, sizes.minBody),
      style,
    });
    if (step.outcome) {
      elements.push(
        fitBox(page, {
          name: `Step ${i + 1} outcome`,
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
      name: 'Base',
      shape: 'rect',
      box: { x: area.x, y: bottom + GAP, w: area.w, h: BAR_H },
      fill: colors.secondary,
      paragraphs: [{ runs: [{ text: content.base }] }],
      style: barStyle,
    }),
    fittedShape(page, {
      name: 'Top',
      shape: 'homePlate',
      box: { x: area.x, y: area.y, w: area.w, h: BANNER_H },
      fill: colors.accent,
      paragraphs: [{ runs: [{ text: content.top }] }],
      style: { ...barStyle, color: colors.text, insets: { ...page.insets, right: 0.35 } },
    }),
  );
  return elements;
}

function explanationParagraphs(content: StaircaseContent) {
  return content.explanation.map((text, i) => ({ runs: [{ text }], spaceBefore: i === 0 ? 0 : 10 }));
}

/**
 * A continuation slide must carry at least this share of the content area's height;
 * a shorter explanation that fits nowhere on the slide goes to the speaker notes instead.
 */
export const MIN_CONTINUATION_SHARE = 0.25;

type Placed = { diagram: Box; explanation?: Box; style: TextStyle };

/**
 * Where the explanation goes, first that fits with the steps at or above the floor:
 * beside the diagram (30 %, then 40 % of the width), then under it at full width.
 */
function placements(page: Page): Placed[] {
  const body = page.body;
  const side = (weights: number[]): Placed => {
    const [diagram, text] = columns(body, weights, 0.4) as [Box, Box];
    return { diagram, explanation: text, style: textStyle(page, { valign: 'middle' }) };
  };
  return [side([70, 30]), side([60, 40])];
}

function fitted(page: Page, content: StaircaseContent, diagram: Box): StepSizing | undefined {
  const g = stepsGeometry(page, content, diagram);
  return sizeSteps(page, content, g.cols, g.available);
}

function slideOf(
  page: Page,
  content: StaircaseContent,
  diagram: Box,
  sizing: StepSizing,
  extra: SlideElement[] = [],
): LaidOutSlide {
  const elements = [...titleElements(page, content.title), ...layoutSteps(page, content, diagram, sizing), ...extra];
  return { title: content.title, background: page.theme.colors.background, elements };
}

/** The explanation under the diagram at full width: as much room as it needs, the steps keeping the rest. */
function underneath(page: Page, content: StaircaseContent): LaidOutSlide | undefined {
  const body = page.body;
  const style = textStyle(page, { size: page.theme.sizes.body });
  for (let size = page.theme.sizes.body; size >= page.theme.sizes.minBody; size -= 1) {
    const h = textHeight(explanationParagraphs(content), { ...style, fontSize: size }, body.w);
    const diagram: Box = { ...body, h: body.h - h - page.gap };
    if (diagram.h < body.h * 0.55) continue;
    const sizing = fitted(page, content, diagram);
    if (!sizing) continue;
    const text = fitBox(page, {
      name: 'Explanation',
      box: { ...body, y: body.y + body.h - h, h },
      paragraphs: explanationParagraphs(content),
      style: { ...style, fontSize: size },
    });
    if (text.fits) return slideOf(page, content, diagram, sizing, [text.element]);
  }
  return undefined;
}

/**
 * The diagram and its explanation on one slide when they fit (beside, then under it);
 * otherwise the diagram takes the whole body, and the explanation continues on a slide
 * of its own only when it fills at least MIN_CONTINUATION_SHARE of that slide; a shorter
 * one goes to the speaker notes, so no slide holds a lone paragraph.
 */
function layout(page: Page, content: StaircaseContent): LaidOutSlide[] {
  if (content.explanation.length > 0) {
    for (const placed of placements(page)) {
      const sizing = fitted(page, content, placed.diagram);
      const explanation = fitBox(page, {
        name: 'Explanation',
        box: placed.explanation!,
        paragraphs: explanationParagraphs(content),
        style: placed.style,
      });
      if (sizing && explanation.fits) return [slideOf(page, content, placed.diagram, sizing, [explanation.element])];
    }
    const under = underneath(page, content);
    if (under) return [under];
  }
  const full = fitted(page, content, page.body);
  if (!full) return withPointsListed(page, content);
  const geometry = stepsGeometry(page, content, page.body);
  const sizing = full ?? {
    size: page.theme.sizes.minBody,
    heights: content.steps.map(
      (_, i) => geometry.available * (0.4 + (0.6 * i) / Math.max(1, content.steps.length - 1)),
    ),
  };
  const slide = slideOf(page, content, page.body, sizing);
  if (content.explanation.length === 0) return [slide];
  const alone = textHeight(explanationParagraphs(content), textStyle(page), page.body.w);
  if (alone >= MIN_CONTINUATION_SHARE * page.body.h)
    return [slide, ...layoutList(page, { title: content.title, items: explanationParagraphs(content) }, 1)];
  return [{ ...slide, notes: content.explanation.join('\n\n') }];
}

/**
 * Steps whose points do not fit the diagram even at the floor and full width: the diagram
 * keeps each step's label and question, and the points (then the explanation) continue
 * as a list on the next slide, every step's points under its name.
 */
function withPointsListed(page: Page, content: StaircaseContent): LaidOutSlide[] {
  const bare: StaircaseContent = { ...content, steps: content.steps.map((s) => ({ ...s, points: [] })) };
  const geometry = stepsGeometry(page, bare, page.body);
  const sizing = fitted(page, bare, page.body) ?? {
    size: page.theme.sizes.minBody,
    heights: bare.steps.map((_, i) => geometry.available * (0.4 + (0.6 * i) / Math.max(1, bare.steps.length - 1))),
  };
  const items: Paragraph[] = content.steps.flatMap((step, i) => [
    { runs: [{ text: `${step.label} · ${step.question}`, bold: true }], level: 0, spaceBefore: i === 0 ? 0 : 8 },
    ...step.points.map((text): Paragraph => ({ runs: [{ text }], bullet: true, level: 1, spaceBefore: 2 })),
  ]);
  const explanation = explanationParagraphs(content).map((p) => ({ ...p, spaceBefore: 10 }));
  return [
    slideOf(page, bare, page.body, sizing),
    ...layoutList(page, { title: content.title, items: [...items, ...explanation] }, 1),
  ];
}

export const staircaseSlide: SlideKind = {
  build: (input) => layout(input.page, compose(input)),
};
