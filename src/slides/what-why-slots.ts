/**
 * Hva? – Hvorfor? in an organisation's template's own places: in a comparison layout each
 * label in its heading slot and its statement in the body slot under it; in a two-content
 * layout each column holding its label (bold, as the column's first line) and its statement.
 * The slide then inherits every box (PowerPoint's *Reset slide* keeps it as it is).
 */
import { whatWhy } from '../kinds/what-why.js';
import type { Page } from '../layout/page.js';
import { textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide } from '../layout/types.js';
import type { SourceLocation } from '../errors.js';
import { fitInSlots } from './slot-text.js';

export interface Statement {
  label: string;
  text: string;
  source: SourceLocation;
}

function inPairs(page: Page, statements: Statement[], pairs: { heading: Box; body: Box }[]) {
  const { colors, sizes } = page.theme;
  const labelSize = Math.min(sizes.body + 4, 26);
  const labels = fitInSlots(
    page,
    statements.map((st, i) => ({
      name: whatWhy.parts.label.name(st.label),
      box: pairs[i]!.heading,
      paragraphs: [{ runs: [{ text: st.label }] }],
      style: textStyle(page, { heading: true, size: labelSize, bold: true, color: colors.primary }),
    })),
    labelSize,
  );
  const texts = fitInSlots(
    page,
    statements.map((st, i) => ({
      name: whatWhy.parts.statement.name(st.label),
      box: pairs[i]!.body,
      paragraphs: [{ runs: [{ text: st.text }] }],
      style: textStyle(page, { size: sizes.body + 6 }),
      source: st.source,
    })),
    sizes.body + 6,
  );
  return labels && texts ? labels.flatMap((label, i) => [label, texts[i]!]) : undefined;
}

function inColumns(page: Page, statements: Statement[], columns: Box[]) {
  const { sizes } = page.theme;
  return fitInSlots(
    page,
    statements.map((st, i) => ({
      name: whatWhy.parts.statement.name(st.label),
      box: columns[i]!,
      paragraphs: [
        { runs: [{ text: st.label, bold: true }], heading: true },
        { runs: [{ text: st.text }], spaceBefore: 6 },
      ],
      style: textStyle(page, { size: sizes.body + 6 }),
      source: st.source,
    })),
    sizes.body + 6,
  );
}

/** The slide in the template's places, or undefined when it has none for two statements or they do not fit there. */
export function whatWhyInSlots(page: Page, title: string, statements: Statement[]): LaidOutSlide | undefined {
  const slots = page.template?.slots;
  if (!slots || statements.length !== 2) return undefined;
  const elements =
    (slots.pairs && inPairs(page, statements, slots.pairs)) ??
    (slots.columns && inColumns(page, statements, slots.columns));
  if (!elements) return undefined;
  return { title, background: page.theme.colors.background, elements: [...titleElements(page, title), ...elements] };
}
