/**
 * Bilde av samkommunen: the member municipalities hand some tasks to the joint
 * body, which produces services for citizens and business in all of them.
 * Drawn for any number of members: members in a row, arrows down to the joint
 * body (from three members on, straight down from each member into a joint body
 * that spans them), an arrow down to the services, the key sentence under the
 * diagram. The tasks label goes where no shape lies under it.
 */
import { model } from '../kinds/model.js';
import { fitBox, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, Paragraph, SlideElement } from '../layout/types.js';
import { type ModelContent, modelContent } from './model-content.js';
import { modelDiagram } from './model-diagram.js';
import type { SlideInput, SlideKind } from './types.js';

const bottomOf = (elements: SlideElement[]): number => Math.max(...elements.map((e) => e.box.y + e.box.h));

/**
 * Summary above the diagram, the key sentence under it. When the diagram cannot fit
 * between them even with its boxes only as tall as their text (many members, long names,
 * many services), the summary and then the key sentence move to the speaker notes.
 */
function layout(input: SlideInput, content: ModelContent): LaidOutSlide {
  const attempts: Array<{ summary: boolean; emphasis: boolean }> = [
    { summary: true, emphasis: true },
    { summary: false, emphasis: true },
    { summary: false, emphasis: false },
  ];
  let slide: LaidOutSlide | undefined;
  for (const shown of attempts) {
    const unplaced = content.unplaced;
    const { slide: laid, fits } = layoutWith(input, content, shown);
    slide = laid;
    if (fits) break;
    content.unplaced = unplaced;
  }
  return slide!;
}

function layoutWith(
  input: SlideInput,
  content: ModelContent,
  shown: { summary: boolean; emphasis: boolean },
): { slide: LaidOutSlide; fits: boolean } {
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
  const drawn = modelDiagram(input, content, diagram);
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
  const moved = [
    shown.summary ? '' : content.summary,
    emphasis || !content.emphasis ? '' : content.emphasis.runs.map((r) => r.text).join(''),
    content.unplaced ?? '',
  ];
  const notes = moved.filter(Boolean).join('\n\n');
  const adapted = page.template ? movedNote(Boolean(moved[0]), Boolean(moved[1])) : undefined;
  const slide = {
    title: content.title,
    background: colors.background,
    elements,
    ...(notes ? { notes } : {}),
    ...(adapted ? { adapted } : {}),
  };
  return { slide, fits: bottomOf(drawn) <= diagram.y + diagram.h + 0.01 };
}

/** The warning for text of the model moved to the speaker notes on a template (the tasks label is not text of its own). */
function movedNote(summary: boolean, emphasis: boolean): string | undefined {
  if (summary && emphasis)
    return "the model's summary and key sentence do not fit on the template's body area; they are in the speaker notes";
  if (summary) return "the model's summary does not fit on the template's body area; it is in the speaker notes";
  if (emphasis) return "the model's key sentence does not fit on the template's body area; it is in the speaker notes";
  return undefined;
}

export const modelSlide: SlideKind = {
  build: (input) => [layout(input, modelContent(input))],
};
