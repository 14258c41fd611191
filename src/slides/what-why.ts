/** Hva? – Hvorfor?: the two core statements, each beside its question as a label block. */
import { whatWhy } from '../kinds/what-why.js';
import { english, said } from '../messages/catalogue.js';
import type { Page } from '../layout/page.js';
import { continuedTitle, fitBox, LayoutIssue, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { LaidOutSlide, SlideElement } from '../layout/types.js';
import type { SlideInput, SlideKind } from './types.js';
import { type Statement, whatWhyInSlots } from './what-why-slots.js';

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

/**
 * How a statement sits with its label: beside it (Trappa's design), or under it at the body's
 * full width (a template's narrower or lower body area).
 */
type Arrangement = 'beside' | 'above';

const LABEL_ABOVE_H = 0.65;

interface Rows {
  arrangement: Arrangement;
  size: number;
  /** Each row's height: the statement's (beside: at least the label's), label band included when above. */
  heights: number[];
  total: number;
}

function textWidth(page: Page, arrangement: Arrangement): number {
  return arrangement === 'beside' ? page.body.w - LABEL_W - 0.4 : page.body.w;
}

/** Row heights at the largest size ≤ body + 6 pt at which every statement fits the body together. */
function rowSizes(page: Page, statements: Statement[], arrangement: Arrangement): Rows {
  const { sizes } = page.theme;
  const textW = textWidth(page, arrangement);
  const rowsHeight = (s: number): number[] =>
    statements.map((st) => {
      const h = textHeight([{ runs: [{ text: st.text }] }], textStyle(page, { size: s }), textW);
      return arrangement === 'beside' ? Math.max(LABEL_MIN_H, h) : LABEL_ABOVE_H + h;
    });
  const total = (hs: number[]): number => hs.reduce((a, b) => a + b, 0) + ROW_GAP * (hs.length - 1);
  // One size for all statements, so they read as a pair.
  let size = sizes.body + 6;
  let heights = rowsHeight(size);
  while (total(heights) > page.body.h && size > sizes.minBody) {
    size -= 1;
    heights = rowsHeight(size);
  }
  return { arrangement, size, heights, total: total(heights) };
}

function tooLong(title: string, statements: Statement[], rows: Rows, room: number): LayoutIssue {
  const longest = statements.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const shorter = Math.ceil((((rows.total - room) / rows.total) * 100) / 5) * 5 + 5;
  return new LayoutIssue({
    ...longest.source,
    message:
      `the text is too long for the slide "${title}" even at ${rows.size} pt; shorten the statements by about ` +
      `${shorter} %`,
  });
}

/**
 * The statements on one slide, each beside its label. On an organisation's template whose body
 * area is too small for that: under their labels at full width, else one slide per statement
 * ("(forts.)"); the build reports either as a warning. Refused when a statement fits nowhere.
 */
function layout(page: Page, title: string, statements: Statement[]): LaidOutSlide[] {
  // On a template, its own places for two texts first: the slide then inherits them.
  const inSlots = whatWhyInSlots(page, title, statements);
  if (inSlots) return [inSlots];
  const room = page.body.h;
  const beside = rowSizes(page, statements, 'beside');
  if (beside.total <= room) return [slideOf(page, title, statements, beside)];
  if (!page.template) throw tooLong(title, statements, beside, room);
  const above = rowSizes(page, statements, 'above');
  if (above.total <= room)
    return [{ ...slideOf(page, title, statements, above), adapted: english(said('adapt.beside')) }];
  if (statements.length === 1) throw tooLong(title, statements, above, room);
  const alone = statements.map((st) => rowSizes(page, [st], 'above'));
  const worst = alone.reduce((a, b) => (b.total > a.total ? b : a));
  if (worst.total > room) throw tooLong(title, statements, worst, room);
  // The pair keeps one size on its two slides.
  const size = Math.min(...alone.map((r) => r.size));
  return statements.map((st, i) => ({
    ...slideOf(page, continuedTitle(page, title, i), [st], { ...alone[i]!, size }),
    adapted: english(said('adapt.slideEach')),
  }));
}

function slideOf(page: Page, title: string, statements: Statement[], rows: Rows): LaidOutSlide {
  const { colors, sizes } = page.theme;
  const body = page.body;
  const aboveIt = rows.arrangement === 'above';
  const textX = aboveIt ? body.x : body.x + LABEL_W + 0.4;
  const textW = textWidth(page, rows.arrangement);
  const labelH = aboveIt ? LABEL_ABOVE_H - 0.1 : LABEL_MIN_H;
  let y = body.y + Math.max(0, (body.h - rows.total) / 2);
  const elements: SlideElement[] = [...titleElements(page, title)];
  statements.forEach((st, i) => {
    const h = rows.heights[i] ?? LABEL_MIN_H;
    elements.push({
      type: 'shape',
      name: whatWhy.parts.label.name(st.label),
      shape: 'roundRect',
      radius: 0.12,
      box: { x: body.x, y: aboveIt ? y : y + (h - labelH) / 2, w: LABEL_W, h: labelH },
      fill: colors.primary,
      paragraphs: [{ runs: [{ text: st.label }] }],
      style: textStyle(page, {
        heading: true,
        size: aboveIt ? Math.min(sizes.body, 18) : Math.min(sizes.body + 4, 26),
        bold: true,
        color: colors.onPrimary,
        align: 'center',
        valign: 'middle',
      }),
    });
    const textBox = aboveIt
      ? { x: textX, y: y + LABEL_ABOVE_H, w: textW, h: h - LABEL_ABOVE_H }
      : { x: textX, y, w: textW, h };
    elements.push(
      fitBox(page, {
        name: whatWhy.parts.statement.name(st.label),
        box: textBox,
        paragraphs: [{ runs: [{ text: st.text }] }],
        style: textStyle(page, { size: rows.size, valign: aboveIt ? 'top' : 'middle' }),
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
