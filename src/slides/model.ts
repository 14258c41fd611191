/**
 * Bilde av samkommunen: the member municipalities hand some tasks to the joint
 * body, which produces services for citizens and business in all of them.
 * Drawn for any number of members: members in a row, arrows down to the joint
 * body (from three members on, straight down from each member into a joint body
 * that spans them), an arrow down to the services, the key sentence under the
 * diagram. The tasks label goes where no shape lies under it.
 */
import { model } from '../kinds/model.js';
import { english, said } from '../messages/catalogue.js';
import { fitBox, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, Paragraph, SlideElement } from '../layout/types.js';
import { type ModelContent, modelContent } from './model-content.js';
import { modelDiagram } from './model-diagram.js';
import type { SlideInput, SlideKind } from './types.js';

const bottomOf = (elements: SlideElement[]): number => Math.max(...elements.map((e) => e.box.y + e.box.h));

/** Which of the model's texts are on the slide, and whether they stand beside the diagram instead of above and below it. */
interface Shown {
  summary: boolean;
  emphasis: boolean;
  /** The outcome may leave the diagram for the speaker notes (the last resort). */
  outcomeMay?: boolean;
  beside?: boolean;
}

/** Share of a wide content area's width the diagram keeps when the texts stand beside it. */
const DIAGRAM_SHARE = 0.6;
const GAP = 0.3;

/** Wider than 2.5 times its height: room for a text column beside the diagram, not above it. */
const wideAndLow = (body: Box): boolean => body.w > 2.5 * body.h;

/**
 * Summary above the diagram, the key sentence under it. When the diagram cannot fit
 * between them even with its boxes only as tall as their text (many members, long names,
 * many services), the summary and then the key sentence move to the speaker notes.
 */
function layout(input: SlideInput, content: ModelContent): LaidOutSlide {
  const attempts: Shown[] = [
    { summary: true, emphasis: true },
    // A wide, low content area (a template's strip under a mid-slide title): the texts beside the
    // diagram keep the model's message on the slide rather than in the speaker notes.
    ...(wideAndLow(input.page.body) ? [{ summary: true, emphasis: true, beside: true }] : []),
    { summary: false, emphasis: true },
    { summary: false, emphasis: false },
    { summary: false, emphasis: false, outcomeMay: true },
  ];
  let slide: LaidOutSlide | undefined;
  for (const shown of attempts) {
    const { unplaced, outcomeMoved, servicesMoved } = content;
    const { slide: laid, fits } = layoutWith(input, content, shown);
    slide = laid;
    if (fits) break;
    Object.assign(content, { unplaced, outcomeMoved, servicesMoved });
  }
  return slide!;
}

function layoutWith(input: SlideInput, content: ModelContent, shown: Shown): { slide: LaidOutSlide; fits: boolean } {
  if (shown.beside) return layoutBeside(input, content);
  const page = input.page;
  const { colors, sizes } = page.theme;
  const body = page.body;
  const summaryStyle = textStyle(page, { size: Math.min(sizes.body, 20) });
  const summaryParas: Paragraph[] = [{ runs: [{ text: content.summary }] }];
  const summaryH = shown.summary ? Math.min(body.h * 0.25, textHeight(summaryParas, summaryStyle, body.w)) : -0.2;
  const emphasisStyle = textStyle(page, { size: sizes.body + 2, color: colors.primary, align: 'center' });
  const emphasis = shown.emphasis ? content.emphasis : undefined;
  const emphasisH = emphasis ? Math.min(body.h * 0.18, textHeight([emphasis], emphasisStyle, body.w)) : 0;
  const diagram: Box = { x: body.x, y: body.y + summaryH + 0.2, w: body.w, h: body.h - summaryH - emphasisH - 0.45 };
  const drawn = modelDiagram(input, content, diagram, { outcomeMayMove: Boolean(shown.outcomeMay) });
  const elements: SlideElement[] = [...titleElements(page, content.title)];
  if (shown.summary)
    elements.push(
      fitBox(page, {
        name: model.parts.summary.name(),
        box: { ...body, h: summaryH },
        paragraphs: summaryParas,
        style: summaryStyle,
      }).element,
    );
  elements.push(...drawn);
  if (emphasis) {
    elements.push(
      fitBox(page, {
        name: model.parts.emphasis.name(),
        box: { x: body.x, y: body.y + body.h - emphasisH, w: body.w, h: emphasisH },
        paragraphs: [emphasis],
        style: emphasisStyle,
      }).element,
    );
  }
  const slide = laidOut(input, content, elements, shown.summary, Boolean(emphasis));
  return { slide, fits: bottomOf(drawn) <= diagram.y + diagram.h + 0.01 };
}

/**
 * The diagram on the left part of a wide, low content area, the summary and the key sentence in
 * a column to its right (the key sentence left-aligned under the summary, as a column reads).
 * It fits when the diagram and both texts fit their boxes at the theme's floor or above.
 */
function layoutBeside(input: SlideInput, content: ModelContent): { slide: LaidOutSlide; fits: boolean } {
  const page = input.page;
  const { colors, sizes } = page.theme;
  const body = page.body;
  const diagram: Box = { ...body, w: body.w * DIAGRAM_SHARE };
  const column: Box = { x: diagram.x + diagram.w + GAP, y: body.y, w: body.w - diagram.w - GAP, h: body.h };
  const summaryParas: Paragraph[] = [{ runs: [{ text: content.summary }] }];
  const summaryStyle = textStyle(page, { size: Math.min(sizes.body, 20) });
  const emphasisStyle = textStyle(page, { size: sizes.body + 2, color: colors.primary });
  const emphasis = content.emphasis ? { ...content.emphasis, align: undefined } : undefined;
  const emphasisH = emphasis ? Math.min(column.h * 0.45, textHeight([emphasis], emphasisStyle, column.w)) : 0;
  const summaryH = column.h - emphasisH - (emphasis ? 0.15 : 0);
  const drawn = modelDiagram(input, content, diagram);
  const summary = fitBox(page, {
    name: model.parts.summary.name(),
    box: { ...column, h: summaryH },
    paragraphs: summaryParas,
    style: summaryStyle,
  });
  const key = emphasis
    ? fitBox(page, {
        name: model.parts.emphasis.name(),
        box: { ...column, y: column.y + column.h - emphasisH, h: emphasisH },
        paragraphs: [emphasis],
        style: emphasisStyle,
      })
    : undefined;
  const elements = [...titleElements(page, content.title), ...drawn, summary.element, ...(key ? [key.element] : [])];
  const slide = laidOut(input, content, elements, true, Boolean(key));
  const fits = bottomOf(drawn) <= diagram.y + diagram.h + 0.01 && summary.fits && (key?.fits ?? true);
  return { slide, fits };
}

/** The slide, with what did not get on it in the speaker notes (and, on a template, a word about it). */
function laidOut(
  input: SlideInput,
  content: ModelContent,
  elements: SlideElement[],
  summaryShown: boolean,
  emphasisShown: boolean,
): LaidOutSlide {
  const moved = [
    summaryShown ? '' : content.summary,
    emphasisShown || !content.emphasis ? '' : content.emphasis.runs.map((r) => r.text).join(''),
    content.servicesMoved ? content.services.join('\n') : '',
    content.outcomeMoved ? content.outcome : '',
    content.unplaced ?? '',
  ];
  const notes = moved.filter(Boolean).join('\n\n');
  const adapted = input.page.template
    ? movedNote(Boolean(moved[0]), Boolean(moved[1]), Boolean(moved[2]), Boolean(moved[3]))
    : undefined;
  return {
    title: content.title,
    background: input.page.theme.colors.background,
    elements,
    ...(notes ? { notes } : {}),
    ...(adapted ? { adapted } : {}),
  };
}

/**
 * The warning for text of the model moved to the speaker notes on a template (the tasks label is
 * not text of its own). The outcome and the services move only after the summary and the key
 * sentence have (the last layout attempt), so their warnings name the rest as the model's other texts.
 */
function movedNote(summary: boolean, emphasis: boolean, services: boolean, outcome: boolean): string | undefined {
  const key = services
    ? 'adapt.modelServices'
    : outcome
      ? 'adapt.modelOutcome'
      : summary && emphasis
        ? 'adapt.modelBoth'
        : summary
          ? 'adapt.modelSummary'
          : emphasis
            ? 'adapt.modelEmphasis'
            : undefined;
  return key ? english(said(key)) : undefined;
}

export const modelSlide: SlideKind = {
  build: (input) => [layout(input, modelContent(input))],
};
