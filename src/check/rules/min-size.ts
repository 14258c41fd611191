/**
 * `min-size`: text smaller than the theme allows: `sizes.minBody` in text frames and
 * shapes, `sizes.minTable` in tables. Footers and slide numbers are exempt.
 * Sizes are as drawn (an autofit's font scale applied).
 */
import { DEFAULT_SIZE_PT } from '../measure-frame.js';
import type { DeckModel, Finding, RuleOptions, TextFrame } from '../types.js';
import { cellLabel, elementName, finding, isFooter, points, quote, textShapes, visibleRuns } from './elements.js';

const RULE = 'min-size';

function smallest(frame: TextFrame): { size: number; text: string } | undefined {
  let found: { size: number; text: string } | undefined;
  for (const run of visibleRuns(frame)) {
    const size = (run.size ?? DEFAULT_SIZE_PT) * frame.fontScale;
    if (!found || size < found.size) found = { size, text: run.text };
  }
  return found;
}

export function checkMinSize(deck: DeckModel, { minBodySize, minTableSize }: RuleOptions): Finding[] {
  const found: Finding[] = [];
  for (const slide of deck.slides) {
    for (const shape of textShapes(slide)) {
      if (isFooter(shape)) continue;
      const small = smallest(shape.text);
      if (small && small.size < minBodySize - 1e-6) {
        found.push(
          finding(
            'error',
            RULE,
            slide.number,
            elementName(shape),
            `text is ${points(small.size)} (${quote(small.text)}); the theme's minimum is ${points(minBodySize)}`,
          ),
        );
      }
    }
    for (const table of slide.elements) {
      if (table.kind !== 'table') continue;
      let worst: { size: number; text: string; where: string } | undefined;
      table.rows.forEach((row, r) =>
        row.cells.forEach((cell, c) => {
          const small = smallest(cell.text);
          if (small && (!worst || small.size < worst.size)) worst = { ...small, where: cellLabel(r, c) };
        }),
      );
      if (worst && worst.size < minTableSize - 1e-6) {
        found.push(
          finding(
            'error',
            RULE,
            slide.number,
            elementName(table),
            `${worst.where}: text is ${points(worst.size)} (${quote(worst.text)}); the theme's table minimum is ` +
              `${points(minTableSize)}`,
          ),
        );
      }
    }
  }
  return found;
}
