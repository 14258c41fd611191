/**
 * `table-header`: tables mark their first row as the header (`a:tblPr firstRow="1"`), so
 * screen readers announce column headers; the header row must have text.
 */
import type { DeckModel, Finding, RuleOptions, TableModel } from '../types.js';
import { elementName, finding, hasText } from './elements.js';

const RULE = 'table-header';

export function checkTableHeaders(deck: DeckModel, _options: RuleOptions): Finding[] {
  const found: Finding[] = [];
  for (const slide of deck.slides) {
    for (const table of slide.elements.filter((e): e is TableModel => e.kind === 'table')) {
      const name = elementName(table);
      if (!table.firstRow) {
        found.push(
          finding('error', RULE, slide.number, name, 'the table has no header row (a:tblPr firstRow="1" is not set)'),
        );
      } else if (!table.rows[0]?.cells.some((c) => hasText(c.text))) {
        found.push(finding('error', RULE, slide.number, name, "the table's header row is empty"));
      }
    }
  }
  return found;
}
