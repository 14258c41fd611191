/** Hva? – Hvorfor?: the two core statements, each beside its question as a label block. */
import { whatWhy } from '../kinds/what-why.js';
import type { Page } from '../layout/page.js';
import { fitBox, LayoutIssue, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { LaidOutSlide, SlideElement } from '../layout/types.js';
import type { SourceLocation } from '../errors.js';
import type { SlideInput, SlideKind } from './types.js';

interface Statement {
  label: string;
  text: string;
  source: SourceLocation;
}

const LABEL_W = 2.4;
const LABEL_MIN_H = 1.1;
const ROW_GAP = 0.5;

function compose(input: SlideInput): { title: string; statements: Statement[] } {
  const main = input.plan.strategy.mainMessage;
  return {
    title: input.title('what-why.title'),
    statements: [
      {
        label: input.text('what-why.what'),
        text: main.what,
        source: input.plan.locateStrategy(['mainMessage', 'what']),
      },
      { label: input.text('what-why.why'), text: main.why, source: input.plan.locateStrategy(['mainMessage', 'why']) },
    ],
  };
}

function layout(page: Page, title: string, statements: Statement[]): LaidOutSlide {
  const { colors, sizes } = page.theme;
  const body = page.body;
  const textX = body.x + LABEL_W + 0.4;
  const textW = body.x + body.w - textX;
  // One size for both statements, so they read as a pair.
  let size = sizes.body + 6;
  const rowsHeight = (s: number): number[] =>
    statements.map((st) =>
      Math.max(LABEL_MIN_H, textHeight([{ runs: [{ text: st.text }] }], textStyle(page, { size: s }), textW)),
    );
  let heights = rowsHeight(size);
  const total = (hs: number[]): number => hs.reduce((a, b) => a + b, 0) + ROW_GAP * (hs.length - 1);
  while (total(heights) > body.h && size > sizes.minBody) {
    size -= 1;
    heights = rowsHeight(size);
  }
  if (total(heights) > body.h) {
    const longest = statements.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const shorter = Math.ceil((((total(heights) - body.h) / total(heights)) * 100) / 5) * 5 + 5;
    throw new LayoutIssue({
      ...longest.source,
      message:
        `the text is too long for the slide "${title}" even at ${size} pt; shorten the statements by about ` +
        `${shorter} %`,
    });
  }
  let y = body.y + Math.max(0, (body.h - total(heights)) / 2);
  const elements: SlideElement[] = [...titleElements(page, title)];
  statements.forEach((st, i) => {
    const h = heights[i] ?? LABEL_MIN_H;
    elements.push({
      type: 'shape',
      name: whatWhy.parts.label.name(st.label),
      shape: 'roundRect',
      radius: 0.12,
      box: { x: body.x, y: y + (h - LABEL_MIN_H) / 2, w: LABEL_W, h: LABEL_MIN_H },
      fill: colors.primary,
      paragraphs: [{ runs: [{ text: st.label }] }],
      style: textStyle(page, {
        heading: true,
        size: Math.min(sizes.body + 4, 26),
        bold: true,
        color: colors.onPrimary,
        align: 'center',
        valign: 'middle',
      }),
    });
    elements.push(
      fitBox(page, {
        name: whatWhy.parts.statement.name(st.label),
        box: { x: textX, y, w: textW, h },
        paragraphs: [{ runs: [{ text: st.text }] }],
        style: textStyle(page, { size, valign: 'middle' }),
        source: st.source,
      }).element,
    );
    y += h + ROW_GAP;
  });
  return { title, background: colors.background, elements };
}

export const whatWhySlide: SlideKind = {
  build(input) {
    const content = compose(input);
    return [layout(input.page, content.title, content.statements)];
  },
};
