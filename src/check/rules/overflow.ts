/**
 * `overflow`: text that does not fit its frame, measured as the layout measures it.
 * - A text frame: the paragraphs' height at their written sizes, in the frame's width,
 *   against the frame's height, both inside the insets (and inside the preset shape's
 *   text rectangle). With `wrap="none"`, the widest line against the width.
 * - A table: rows grow to their tallest cell, so each row is max(written height,
 *   measured cells); the table must end above the footer, or the slide's bottom edge.
 * - A text frame reaching past the slide's edges.
 */
import type { Box } from '../../layout/types.js';
import { said } from '../../messages/catalogue.js';
import { measureFrame, textRect } from '../measure-frame.js';
import type { DeckModel, Finding, RuleOptions, SlideModel, TableModel } from '../types.js';
import { elementName, finding, inches, isFooter, points, textShapes } from './elements.js';

const RULE = 'overflow';

export function checkOverflow(deck: DeckModel, options: RuleOptions): Finding[] {
  return deck.slides.flatMap((slide) => [...checkFrames(deck, slide, options), ...checkTables(deck, slide, options)]);
}

function checkFrames(deck: DeckModel, slide: SlideModel, { tolerance }: RuleOptions): Finding[] {
  const found: Finding[] = [];
  for (const shape of textShapes(slide)) {
    if (!shape.box || shape.text.growsShape) continue;
    const name = elementName(shape);
    const edge = pastEdge(shape.box, deck.size, tolerance);
    if (edge)
      found.push(finding('error', RULE, slide.number, name, `the text frame reaches past the slide's ${edge} edge`));
    const rect = textRect(shape.box, shape.geometry, shape.adjust);
    const { insets } = shape.text;
    const width = rect.w - insets.left - insets.right;
    const available = rect.h - insets.top - insets.bottom;
    const measured = measureFrame(shape.text, width);
    if (measured.height > available + tolerance) {
      const [needs, has, over] = [measured.height, Math.max(0, available), measured.height - available].map(inches);
      const sizes = measured.sizes.map(points).join('/');
      found.push(
        finding(
          'error',
          RULE,
          slide.number,
          name,
          sizes
            ? `the text needs ${needs} at ${sizes} but the frame has ${has}; it runs ${over} out of its frame`
            : `the text needs ${needs} but the frame has ${has}; it runs ${over} out of its frame`,
        ),
      );
    } else if (shape.text.noWrap && measured.widest / 72 > width + tolerance) {
      found.push(
        finding(
          'error',
          RULE,
          slide.number,
          name,
          said(measured.sizes.length > 0 ? 'fit.unwrappedAt' : 'fit.unwrapped', {
            width: inches(measured.widest / 72),
            sizes: measured.sizes.map(points).join('/'),
            frame: inches(width),
          }),
        ),
      );
    }
  }
  return found;
}

function pastEdge(box: Box, size: DeckModel['size'], tolerance: number): string | undefined {
  if (box.x + box.w > size.w + tolerance) return 'right';
  if (box.y + box.h > size.h + tolerance) return 'bottom';
  if (box.x < -tolerance) return 'left';
  if (box.y < -tolerance) return 'top';
  return undefined;
}

function checkTables(deck: DeckModel, slide: SlideModel, { tolerance }: RuleOptions): Finding[] {
  const found: Finding[] = [];
  for (const table of slide.elements.filter((e): e is TableModel => e.kind === 'table')) {
    if (!table.box) continue;
    const heights = measureRows(table);
    const bottom = table.box.y + heights.reduce((a, b) => a + b, 0);
    const footerTop = Math.min(
      ...slide.elements.filter((e) => isFooter(e) && e.box && e.box.y >= table.box!.y).map((e) => e.box!.y),
    );
    const limit = Math.min(deck.size.h, footerTop);
    if (bottom > limit + tolerance) {
      const grown = heights
        .map((h, i) => ({ h, i }))
        .filter(({ h, i }) => h > (table.rows[i]?.height ?? 0) + tolerance);
      // Why, if rows grew: a message of its own after the place, read back with the line.
      const why =
        grown[0] && said('fit.rowsGrow', { n: grown.length, row: grown[0].i + 1, height: inches(grown[0].h) });
      const values = {
        n: table.rows.length,
        bottom: inches(bottom),
        limit: inches(limit),
        ...(why && { message: why }),
      };
      const where = limit < deck.size.h ? 'Footer' : 'Edge';
      found.push(
        finding(
          'error',
          RULE,
          slide.number,
          elementName(table),
          said(`fit.table${where}${why ? 'Why' : ''}` as const, values),
        ),
      );
    }
  }
  return found;
}

/** Each row's drawn height: at least its written height, or its tallest cell's text. */
export function measureRows(table: TableModel): number[] {
  const content = measureRowContent(table);
  return table.rows.map((row, i) => Math.max(row.height, content[i] ?? 0));
}

/** Measured once per table: the fit rule and the design rules both ask. */
const rowContent = new WeakMap<TableModel, number[]>();

/** What each row's text needs (its tallest cell, insets included), whatever height was written. */
export function measureRowContent(table: TableModel): number[] {
  const known = rowContent.get(table);
  if (known) return known;
  const heights = table.rows.map((row) => {
    let column = 0;
    let tallest = 0;
    for (const cell of row.cells) {
      const width = table.columnWidths.slice(column, column + cell.span).reduce((a, b) => a + b, 0);
      column += cell.span;
      if (cell.merged) continue;
      const { insets } = cell.text;
      const height = measureFrame(cell.text, width - insets.left - insets.right).height + insets.top + insets.bottom;
      tallest = Math.max(tallest, height);
    }
    return tallest;
  });
  rowContent.set(table, heights);
  return heights;
}
