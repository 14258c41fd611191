/**
 * `legend` (error): marked items and their legend must agree on a slide.
 * - Marked list items (highlighted runs) need a legend that names each of them.
 * - Marked table rows (every run bold, below the header) need a legend.
 * - A legend with nothing marked on its slide explains nothing.
 */
import type { DeckModel, Finding, SlideModel, TableModel } from '../types.js';
import { said } from '../../messages/catalogue.js';
import { frameText } from '../read-text.js';
import { elementName, finding, quote, textShapes, visibleRuns } from './elements.js';
import { fieldOf } from './fields.js';

const RULE = 'legend';
const isLegend = (name: string): boolean => name.trim().toLowerCase() === 'legend';
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

function markedRows(table: TableModel): number {
  return table.rows.slice(table.firstRow ? 1 : 0).filter((row) => {
    const runs = row.cells.flatMap((c) => visibleRuns(c.text));
    return runs.length > 0 && runs.every((r) => r.bold);
  }).length;
}

export function checkLegend(deck: DeckModel): Finding[] {
  return deck.slides.flatMap((slide) => legendFindings(slide).map((f) => ({ ...f, field: fieldOf('Legend') })));
}

function legendFindings(slide: SlideModel): Finding[] {
  const shapes = textShapes(slide);
  const legend = shapes.find((s) => isLegend(s.name));
  const legendText = legend ? flat(frameText(legend.text)) : '';
  const marked = shapes
    .filter((s) => !isLegend(s.name))
    .flatMap((s) =>
      visibleRuns(s.text)
        .filter((r) => r.highlight !== undefined)
        .map((r) => ({ s, text: flat(r.text) })),
    );
  const tables = slide.elements.filter((e): e is TableModel => e.kind === 'table');
  const rows = tables.reduce((n, t) => n + markedRows(t), 0);
  if (!legend) {
    const first = marked[0];
    if (first)
      return [
        finding(
          'error',
          RULE,
          slide.number,
          elementName(first.s),
          said('find.markedNoLegend', { text: quote(first.text) }),
        ),
      ];
    return [];
  }
  if (marked.length === 0 && rows === 0)
    return [
      finding('error', RULE, slide.number, elementName(legend), said('find.legendUnused', { text: quote(legendText) })),
    ];
  const unnamed = marked.filter((m) => !legendText.includes(m.text));
  if (unnamed.length > 0) {
    return [
      finding(
        'error',
        RULE,
        slide.number,
        elementName(legend),
        said('find.legendUnnamed', {
          legend: quote(legendText, 60),
          items: unnamed.map((m) => quote(m.text)).join(', '),
          n: unnamed.length,
        }),
      ),
    ];
  }
  return [];
}
