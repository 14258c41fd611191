/**
 * Property tests of the arrangements issue #23 asked for, over generated lists (in memory,
 * laid out with the real text measure):
 * - a list that starts at the foot of a column and goes on beside it («… (forts.)») starts
 *   with a fair share (a third or more) of its items there, never two of twelve;
 * - the other messages beside the main message are never set below a meeting room's size
 *   (body − 2 pt) when they can continue, and the continuation carries about half of them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { themeSchema } from '../../src/data/theme-schema.js';
import { fitText, paragraphGroups } from '../../src/layout/fit-text.js';
import { createPage } from '../../src/layout/page.js';
import { textStyle } from '../../src/layout/text-box.js';
import type { Paragraph, TextElement } from '../../src/layout/types.js';
import { layoutFlow } from '../../src/slides/column-flow.js';
import { othersChunks } from '../../src/slides/messages.js';
import { REPO } from '../helpers/project.js';

const SEED = Number(process.env.PROPS_SEED ?? 12);
const WORDS = [
  'Ansatte',
  'i',
  'og',
  'Levanger',
  'Verdal',
  'kommunestyre',
  'Fagforeningar',
  'tillitsvalde',
  'Samarbeidspartnarar',
  'Miljøretta',
  'helsevern',
  'Kompetansemiljø',
  'residents',
  'of',
  'the',
  'region',
  'Næringslivsorganisasjonane',
];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 7 }).map((w) => w.join(' '));
const point = (t: string): Paragraph => ({ runs: [{ text: t }], bullet: true, level: 0, spaceBefore: 4 });
/** The bundled theme (body 20 pt, floor 12 pt): the sizes the rules are stated in. */
const theme = themeSchema.parse(parse(readFileSync(path.join(REPO, 'data', 'theme.yaml'), 'utf8')));
const page = createPage(theme, 'nb-NO', '(forts.)');
const HEADINGS = ['HØYEST PRIORITERTE', 'ANDRE MÅLGRUPPER'];

/** The flow's list parts in reading order: slide, column (left to right), top to bottom. */
function parts(slides: ReturnType<typeof layoutFlow>) {
  return slides.flatMap((slide, s) =>
    slide.elements
      .filter((e): e is TextElement => e.type === 'text' && / list$/.test(e.name))
      .map((e) => ({
        slide: s,
        x: e.box.x,
        y: e.box.y,
        list: e.name.replace(/ list$/, ''),
        count: e.paragraphs.length,
      }))
      .sort((a, b) => a.x - b.x || a.y - b.y),
  );
}

describe('a list continued beside itself', () => {
  it('starts with a fair share of its items at a column’s foot (20 cases)', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), fc.array(text, { maxLength: 24 }), (high, other) => {
        const lists = [high, other].map((items, i) => ({ heading: HEADINGS[i]!, items: items.map(point) }));
        const flow = parts(layoutFlow(page, { title: 'Målgrupper', lists }));
        // Nothing lost or repeated.
        for (const [i, list] of lists.entries()) {
          const shown = flow.filter((p) => p.list === list.heading).reduce((n, p) => n + p.count, 0);
          expect(shown, `list ${i}`).toBe(list.items.length);
        }
        flow.forEach((part, i) => {
          const underAnother = flow.some((o) => o.slide === part.slide && o.x === part.x && o.y < part.y);
          const before = flow.slice(0, i).filter((o) => o.list === part.list);
          const after = flow.slice(i + 1).filter((o) => o.list === part.list);
          if (!underAnother || before.length > 0 || after.length === 0) return;
          const remaining = part.count + after.reduce((n, o) => n + o.count, 0);
          expect(part.count, `${part.list}: ${part.count} of ${remaining} at a column's foot`).toBeGreaterThanOrEqual(
            Math.ceil(remaining / 3),
          );
        });
      }),
      { numRuns: 20, seed: SEED },
    );
  });
});

describe('the other messages beside the main message', () => {
  const box = { x: 4.75, y: 2.05, w: 7.98, h: 4.7 };
  const style = textStyle(page, { size: page.theme.sizes.body });
  const comfort = page.theme.sizes.body - 2;
  it('are at a meeting room’s size or continue, the continuation with about half (20 cases)', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 24 }), (texts) => {
        const others = texts.map(point);
        const chunks = othersChunks(page, others, style, box);
        expect(chunks.flat()).toEqual(others);
        const fitsAtComfort = (paragraphs: Paragraph[]) =>
          fitText({ paragraphs, style, box, maxSize: comfort, minSize: comfort }).fits;
        expect(fitsAtComfort(chunks[0]!)).toBe(true);
        if (chunks.length === 1) return;
        expect(chunks).toHaveLength(2);
        const [first, rest] = chunks.map((c) => paragraphGroups(c).length) as [number, number];
        expect(rest).toBeGreaterThanOrEqual(first - 1);
      }),
      { numRuns: 20, seed: SEED },
    );
  });
});
