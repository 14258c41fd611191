/** Hva? – Hvorfor?: the two core statements, each beside its question as a label block. */
import { whatWhy } from '../kinds/what-why.js';
import type { Page } from '../layout/page.js';
import { continuedTitle, fitBox, LayoutIssue, textHeight, textStyle, titleElements } from '../layout/text-box.js';
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

/** Row heights at the largest size ≤ body + 6 pt at which every statement fits the body together. */
function rowSizes(
  page: Page,
  statements: Statement[],
  textW: number,
): { size: number; heights: number[]; total: number } {
  const { sizes } = page.theme;
  const rowsHeight = (s: number): number[] =>
    statements.map((st) =>
      Math.max(LABEL_MIN_H, textHeight([{ runs: [{ text: st.text }] }], textStyle(page, { size: s }), textW)),
    );
  const total = (hs: number[]): number => hs.reduce((a, b) => a + b, 0) + ROW_GAP * (hs.length - 1);
  // One size for all statements, so they read as a pair.
  let size = sizes.body + 6;
  let heights = rowsHeight(size);
  while (total(heights) > page.body.h && size > sizes.minBody) {
    size -= 1;
    heights = rowsHeight(size);
  }
  return { size, heights, total: total(heights) };
}

function tooLong(title: string, statements: Statement[], size: number, over: number): LayoutIssue {
  const longest = statements.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const shorter = Math.ceil((over * 100) / 5) * 5 + 5;
  return new LayoutIssue({
    ...longest.source,
    message:
      `the text is too long for the slide "${title}" even at ${size} pt; shorten the statements by about ` +
      `${shorter} %`,
  });
}

/**
 * The statements on one slide; on an organisation's template whose body area is too small for
 * both, one slide per statement ("(forts.)"), which the build reports as a warning.
 */
function layout(page: Page, title: string, statements: Statement[]): LaidOutSlide[] {
  const body = page.body;
  const textW = body.x + body.w - (body.x + LABEL_W + 0.4);
  const rows = rowSizes(page, statements, textW);
  if (rows.total <= body.h) return [slideOf(page, title, statements, rows)];
  if (!page.template || statements.length === 1)
    throw tooLong(title, statements, rows.size, (rows.total - body.h) / rows.total);
  const one = statements.map((st) => rowSizes(page, [st], textW));
  const worst = one.reduce((a, b) => (b.total - body.h > a.total - body.h ? b : a));
  if (worst.total > body.h) throw tooLong(title, statements, worst.size, (worst.total - body.h) / worst.total);
  // The pair keeps one size on its two slides.
  const size = Math.min(...one.map((r) => r.size));
  return statements.map((st, i) => ({
    ...slideOf(page, continuedTitle(page, title, i), [st], rowSizes(page, [st], textW), size),
    adapted: "the statements are too long for the template's body area together; they continue on a slide each",
  }));
}

function slideOf(
  page: Page,
  title: string,
  statements: Statement[],
  rows: { size: number; heights: number[]; total: number },
  size = rows.size,
): LaidOutSlide {
  const { colors, sizes } = page.theme;
  const body = page.body;
  const textX = body.x + LABEL_W + 0.4;
  const textW = body.x + body.w - textX;
  let y = body.y + Math.max(0, (body.h - rows.total) / 2);
  const elements: SlideElement[] = [...titleElements(page, title)];
  statements.forEach((st, i) => {
    const h = rows.heights[i] ?? LABEL_MIN_H;
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
    return layout(input.page, content.title, content.statements);
  },
};
