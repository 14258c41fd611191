/**
 * `whole-words`: a word that the deck's own line layout breaks between two letters
 * («Barnever|n»), because no line of its frame or table cell can hold it. Measured as the
 * overflow rule measures (the layout's model, at the written sizes and widths); a break at
 * a soft hyphen, hyphen, dash or slash is a proper break and not reported.
 */
import { measureFrame, textRect } from '../measure-frame.js';
import { said } from '../../messages/catalogue.js';
import type { DeckModel, Finding, SlideModel, TableModel, TextFrame } from '../types.js';
import { cellLabel, elementName, finding, textShapes } from './elements.js';
import { fieldOf } from './fields.js';

const RULE = 'whole-words';

export function checkWholeWords(deck: DeckModel): Finding[] {
  return deck.slides.flatMap((slide) => [...inShapes(slide), ...inTables(slide)]);
}

function inShapes(slide: SlideModel): Finding[] {
  return textShapes(slide).flatMap((shape) => {
    if (!shape.box || shape.text.noWrap) return [];
    const rect = textRect(shape.box, shape.geometry, shape.adjust);
    return report(slide, elementName(shape), shape.text, rect.w);
  });
}

function inTables(slide: SlideModel): Finding[] {
  return slide.elements
    .filter((e): e is TableModel => e.kind === 'table')
    .flatMap((table) =>
      table.rows.flatMap((row, r) => {
        let column = 0;
        return row.cells.flatMap((cell) => {
          const c = column;
          const width = table.columnWidths.slice(column, column + cell.span).reduce((a, b) => a + b, 0);
          column += cell.span;
          if (cell.merged) return [];
          return report(slide, `${elementName(table)} ${cellLabel(r, c)}`, cell.text, width);
        });
      }),
    );
}

function report(slide: SlideModel, element: string, text: TextFrame, width: number): Finding[] {
  const inner = width - text.insets.left - text.insets.right;
  const broken = [...new Set(measureFrame(text, inner).broken)];
  if (broken.length === 0) return [];
  const words = broken.map((w) => `«${w}»`).join(', ');
  const f = finding('error', RULE, slide.number, element, said('find.brokenWords', { n: broken.length, words }));
  const field = fieldOf(element.replace(/ row \d+, column \d+$/, ''));
  return [field ? { ...f, field } : f];
}
