/**
 * Kommunikasjonstrappa as a diagram of shapes: a foundation bar (the base),
 * ascending steps with their question and points, and a banner for what the
 * staircase leads to. The explanation sits beside the diagram.
 * Step heights come from measured text: each step is at least as tall as its
 * words need and taller than the step before it.
 */
import { staircase } from '../kinds/staircase.js';
import { columns, type Page } from '../layout/page.js';
import { fitBox, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, Paragraph, SlideElement, TextStyle } from '../layout/types.js';
import { layoutList } from './bullets.js';
import { type StaircaseContent, staircaseContent } from './staircase-content.js';
import {
  COMPACT_FRAME,
  FULL_FRAME,
  layoutSteps,
  NARROW_FRAME,
  type StepFrame,
  type SizeRange,
  type StepSizing,
  sizeSteps,
  stepsGeometry,
} from './staircase-steps.js';
import type { SlideKind } from './types.js';

function explanationParagraphs(content: StaircaseContent) {
  return content.explanation.map((text, i) => ({ runs: [{ text }], spaceBefore: i === 0 ? 0 : 10 }));
}

/**
 * A continuation slide must carry at least this share of the content area's height;
 * a shorter explanation that fits nowhere on the slide goes to the speaker notes instead.
 */
const MIN_CONTINUATION_SHARE = 0.25;

type Placed = { diagram: Box; explanation?: Box; style: TextStyle };

/**
 * Where the explanation may go beside the diagram: 30 % of the width, 25 % (wider steps,
 * whose long words then fit at a larger size), 40 %.
 */
export function placements(page: Page): Placed[] {
  const body = page.body;
  const side = (weights: number[]): Placed => {
    const [diagram, text] = columns(body, weights, 0.4) as [Box, Box];
    return { diagram, explanation: text, style: textStyle(page, { valign: 'middle' }) };
  };
  return [side([70, 30]), side([75, 25]), side([60, 40])];
}

/**
 * The frames the steps may be drawn in: the full one, and on a template's low body place the
 * compact one, then (a narrow place) the compact one with unbulleted points.
 */
const framesOf = (page: Page) => (page.template ? [FULL_FRAME, COMPACT_FRAME, NARROW_FRAME] : [FULL_FRAME]);

/** The steps' sizing in `diagram`, in the first of `frames` they fit (at a size within `range`: sizeSteps). */
export function fitted(
  page: Page,
  content: StaircaseContent,
  diagram: Box,
  frames = framesOf(page),
  range?: SizeRange,
): StepSizing | undefined {
  for (const frame of frames) {
    const g = stepsGeometry(page, content, diagram, frame);
    const sizing = sizeSteps(page, content, g.cols, g.available, frame, range);
    if (sizing) return sizing;
  }
  return undefined;
}

export function slideOf(
  page: Page,
  content: StaircaseContent,
  diagram: Box,
  sizing: StepSizing,
  extra: SlideElement[] = [],
): LaidOutSlide {
  const elements = [...titleElements(page, content.title), ...layoutSteps(page, content, diagram, sizing), ...extra];
  return { title: content.title, background: page.theme.colors.background, elements };
}

/** A slide with the diagram and its explanation, and the smaller of the two's text sizes there. */
export interface Candidate {
  /** The slide, drawn only for the arrangement taken (drawing measures every step's text again). */
  slide: () => LaidOutSlide;
  /** Points: the steps' size or the explanation's, whichever is smaller. */
  size: number;
}

/**
 * The explanation under the diagram at full width: as much room as it needs, the steps keeping the rest.
 * Only an arrangement whose smaller text is at least `least` points is of use to the caller (`arranged`):
 * undefined where the first that fits, the one this returns without a bound, is smaller. Why: each size
 * of the explanation sizes the steps anew, from the body size down, and on a template's low body place
 * most of those searches ended below what the diagram beside its explanation had already reached.
 */
export function underneath(
  page: Page,
  content: StaircaseContent,
  frame: StepFrame,
  least = Number.NEGATIVE_INFINITY,
): Candidate | undefined {
  const body = page.body;
  const style = textStyle(page, { size: page.theme.sizes.body });
  // The steps sized once per diagram height: sizes whose explanation takes as many lines leave the same diagram.
  const sized = new Map<number, StepSizing | undefined>();
  const sizedAtAll = new Map<number, boolean>();
  for (let size = page.theme.sizes.body; size >= page.theme.sizes.minBody; size -= 1) {
    // Every arrangement from here on is at most this size: none the caller takes.
    if (size < least) return undefined;
    const h = textHeight(explanationParagraphs(content), { ...style, fontSize: size }, body.w);
    const diagram: Box = { ...body, h: body.h - h - page.gap };
    if (diagram.h < body.h * 0.55) continue;
    if (!sized.has(diagram.h)) sized.set(diagram.h, fitted(page, content, diagram, [frame], { least }));
    const sizing = sized.get(diagram.h);
    if (!sizing && least === Number.NEGATIVE_INFINITY) continue;
    const text = fitBox(page, {
      name: staircase.parts.explanation.name(),
      box: { ...body, y: body.y + body.h - h, h },
      paragraphs: explanationParagraphs(content),
      style: { ...style, fontSize: size },
    });
    if (!sizing) {
      // No sizing of `least` or more; where a smaller one exists and the explanation fits, the search
      // without a bound ends here with an arrangement too small to take.
      if (!text.fits) continue;
      if (!sizedAtAll.has(diagram.h))
        sizedAtAll.set(diagram.h, fitted(page, content, diagram, [frame], { below: least }) !== undefined);
      if (sizedAtAll.get(diagram.h)) return undefined;
      continue;
    }
    if (text.fits) {
      return {
        slide: () => slideOf(page, content, diagram, sizing, [text.element]),
        size: Math.min(sizing.size, size),
      };
    }
  }
  return undefined;
}

/**
 * A later arrangement is taken over an earlier one only when its smaller text is at least
 * this much larger (points): the first, 30 % beside, stays unless another reads clearly better.
 */
export const WORTH_MOVING = 1;

/**
 * The arrangement whose smaller text (steps or explanation) is largest: beside the diagram (see
 * placements), then under it, each taken over the one before when it reads clearly better
 * (WORTH_MOVING). An arrangement that could not be taken is not looked for beyond that: the steps are
 * sized only down to the size it would need (sizeSteps' `least`).
 */
export function arranged(page: Page, content: StaircaseContent, frame: StepFrame): Candidate | undefined {
  let chosen: Candidate | undefined;
  const least = () => (chosen ? chosen.size + WORTH_MOVING : Number.NEGATIVE_INFINITY);
  for (const placed of placements(page)) {
    const sizing = fitted(page, content, placed.diagram, [frame], { least: least() });
    // Where the steps do not fit, the explanation beside them is not fitted either.
    if (!sizing) continue;
    const explanation = fitBox(page, {
      name: staircase.parts.explanation.name(),
      box: placed.explanation!,
      paragraphs: explanationParagraphs(content),
      style: placed.style,
    });
    const size = Math.min(sizing.size, explanation.element.style.fontSize);
    if (explanation.fits && size >= least()) {
      chosen = { slide: () => slideOf(page, content, placed.diagram, sizing, [explanation.element]), size };
    }
  }
  return underneath(page, content, frame, least()) ?? chosen;
}

/**
 * The diagram and its explanation on one slide when they fit, arranged so that the smaller
 * of the two texts is as large as it can be (best);
 * otherwise the diagram takes the whole body, and the explanation continues on a slide
 * of its own only when it fills at least MIN_CONTINUATION_SHARE of that slide; a shorter
 * one goes to the speaker notes, so no slide holds a lone paragraph.
 */
function layout(page: Page, content: StaircaseContent): LaidOutSlide[] {
  // The full frame's arrangements first: the compact one only where none of them fits.
  for (const frame of content.explanation.length > 0 ? framesOf(page) : []) {
    const chosen = arranged(page, content, frame);
    if (chosen) return [chosen.slide()];
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
  const moved = "the staircase's explanation does not fit on the template's body area; it is in the speaker notes";
  return [{ ...slide, notes: content.explanation.join('\n\n'), ...(page.template ? { adapted: moved } : {}) }];
}

/**
 * Steps whose points do not fit the diagram even at the floor and full width: the diagram
 * keeps each step's label and question, and the points (then the explanation) continue
 * as a list on the next slide, every step's points under its name.
 */
function withPointsListed(page: Page, content: StaircaseContent): LaidOutSlide[] {
  const bare: StaircaseContent = { ...content, steps: content.steps.map((s) => ({ ...s, points: [] })) };
  const geometry = stepsGeometry(page, bare, page.body);
  const bareFits = fitted(page, bare, page.body);
  const sizing = bareFits ?? {
    size: page.theme.sizes.minBody,
    heights: bare.steps.map((_, i) => geometry.available * (0.4 + (0.6 * i) / Math.max(1, bare.steps.length - 1))),
  };
  const items: Paragraph[] = content.steps.flatMap((step, i) => [
    { runs: [{ text: `${step.label} · ${step.question}`, bold: true }], level: 0, spaceBefore: i === 0 ? 0 : 8 },
    ...step.points.map((text): Paragraph => ({ runs: [{ text }], bullet: true, level: 1, spaceBefore: 2 })),
  ]);
  const explanation = explanationParagraphs(content).map((p) => ({ ...p, spaceBefore: 10 }));
  // A template's body area too low for even the steps' labels: the staircase is told as a list.
  if (!bareFits && page.template) {
    const adapted = "the template's body area is too small for the staircase diagram; its steps are a list";
    return layoutList(page, { title: content.title, items: [...items, ...explanation] }).map((s) => ({
      ...s,
      adapted,
    }));
  }
  const listed = [
    slideOf(page, bare, page.body, sizing),
    ...layoutList(page, { title: content.title, items: [...items, ...explanation] }, 1),
  ];
  const adapted =
    "the template's body area is too small for the steps' points in the staircase diagram; they are a list on the next slide";
  return page.template ? listed.map((s) => ({ ...s, adapted })) : listed;
}

export const staircaseSlide: SlideKind = {
  build: (input) => layout(input.page, staircaseContent(input)),
};
