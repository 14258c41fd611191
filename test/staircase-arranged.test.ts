/**
 * The staircase's arrangements (staircase.ts `arranged`) are looked for only as far as one could be
 * taken: the steps are sized down to the size an arrangement would need to read clearly better than the
 * one found before, and the explanation under the diagram is tried only at such sizes. That must take
 * exactly the arrangement the exhaustive search takes: every arrangement found in full (the explanation
 * beside the diagram in each placement, then under it), the first kept unless a later one is WORTH_MOVING
 * larger. Random steps and explanations, in each frame, on body places of random size. (300 runs of this
 * seed find the case where the bound alone would differ: a smaller sizing under an explanation that fits ends
 * the exhaustive search, `sizedAtAll` in underneath.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { themeSchema } from '../src/data/theme-schema.js';
import { staircase } from '../src/kinds/staircase.js';
import { createPage, type Page } from '../src/layout/page.js';
import { fitBox } from '../src/layout/text-box.js';
import type { StaircaseContent } from '../src/slides/staircase-content.js';
import { COMPACT_FRAME, FULL_FRAME, NARROW_FRAME, type StepFrame } from '../src/slides/staircase-steps.js';
import {
  arranged,
  type Candidate,
  fitted,
  placements,
  slideOf,
  underneath,
  WORTH_MOVING,
} from '../src/slides/staircase.js';
import { REPO } from './helpers/project.js';

const theme = themeSchema.parse(parse(readFileSync(path.join(REPO, 'data', 'theme.yaml'), 'utf8')));
const plain = createPage(theme, 'nn-NO', '(forts.)');

/** The search before the bound: every arrangement that fits, then the first unless a later one reads clearly better. */
function exhaustive(
  page: Page,
  content: StaircaseContent,
  frame: StepFrame,
): { chosen: Candidate | undefined; under: boolean } {
  const found: Candidate[] = [];
  for (const placed of placements(page)) {
    const sizing = fitted(page, content, placed.diagram, [frame]);
    if (!sizing) continue;
    const explanation = fitBox(page, {
      name: staircase.parts.explanation.name(),
      box: placed.explanation!,
      paragraphs: content.explanation.map((text, i) => ({ runs: [{ text }], spaceBefore: i === 0 ? 0 : 10 })),
      style: placed.style,
    });
    if (explanation.fits)
      found.push({
        slide: () => slideOf(page, content, placed.diagram, sizing, [explanation.element]),
        size: Math.min(sizing.size, explanation.element.style.fontSize),
      });
  }
  const under = underneath(page, content, frame);
  if (under) found.push(under);
  let chosen: Candidate | undefined;
  for (const c of found) if (!chosen || c.size >= chosen.size + WORTH_MOVING) chosen = c;
  return { chosen, under: chosen !== undefined && chosen === under };
}

const WORDS = [
  'Kjenne',
  'til',
  'kommunen',
  'og',
  'tenestene',
  'Innbyggjarane',
  'Kommunikasjonsrådgjevarane',
  'dialog',
  'tillit',
  'Nord-Trøndelag',
  'delta',
  'i',
];
const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));

const content = fc
  .record({
    steps: fc.array(
      fc.record({
        question: words(1, 5),
        points: fc.array(words(1, 6), { maxLength: 3 }),
        outcome: fc.option(words(1, 4), { nil: undefined }),
      }),
      { minLength: 2, maxLength: 5 },
    ),
    explanation: fc.array(words(3, 24), { minLength: 1, maxLength: 3 }),
  })
  .map(
    ({ steps, explanation }): StaircaseContent => ({
      title: 'Kommunikasjonstrappa',
      base: 'Grunnmuren',
      top: 'Målet',
      steps: steps.map((s, i) => ({ label: `Trinn ${i + 1}`, ...s, ...(s.outcome ? {} : { outcome: undefined }) })),
      explanation,
    }),
  );

describe('the staircase’s arrangements: a bounded search', () => {
  it('takes the arrangement the exhaustive search takes, of the same size and slide', () => {
    let taken = 0;
    let none = 0;
    let under = 0;
    fc.assert(
      fc.property(
        content,
        fc.constantFrom(FULL_FRAME, COMPACT_FRAME, NARROW_FRAME),
        fc.double({ min: 6, max: 12.3, noNaN: true }),
        fc.double({ min: 3, max: 5.6, noNaN: true }),
        (c, frame, w, h) => {
          const page: Page = { ...plain, body: { ...plain.body, w, h } };
          const { chosen: all, under: fromUnder } = exhaustive(page, c, frame);
          const bounded = arranged(page, c, frame);
          if (!all) {
            none++;
            expect(bounded).toBeUndefined();
            return;
          }
          taken++;
          expect(bounded?.size).toBe(all.size);
          expect(bounded!.slide()).toEqual(all.slide());
          if (fromUnder) under++;
        },
      ),
      { numRuns: 300, seed: 7 },
    );
    expect(taken).toBeGreaterThan(30);
    expect(none).toBeGreaterThan(30);
    expect(under).toBeGreaterThan(20);
  });
});
