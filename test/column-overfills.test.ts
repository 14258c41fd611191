/**
 * The target groups' size search leaves out a size (or a room height, balancing) whose items cannot
 * fill `most` columns, told from their least heights alone (column-slots.ts overfills): it must never
 * leave out one that `pour` would have flowed, or the flow would take another size than it did.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { themeSchema } from '../src/data/theme-schema.js';
import { createPage } from '../src/layout/page.js';
import { textStyle } from '../src/layout/text-box.js';
import type { Paragraph } from '../src/layout/types.js';
import { type FlowContent, itemWords, overfills, pour } from '../src/slides/column-slots.js';
import { REPO } from './helpers/project.js';

/** A fixed-seed generator: the same cases on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const WORDS = [
  'Ansatte',
  'i',
  'og',
  'Levanger',
  'kommunestyre',
  'Fagforeningar',
  'tillitsvalde',
  'Samarbeidspartnarar',
  'Næringslivsorganisasjonane',
  'Kommunikasjonsrådgjevarane',
  'helsevern',
  'Nord-Trøndelag',
];

const theme = themeSchema.parse(parse(readFileSync(path.join(REPO, 'data', 'theme.yaml'), 'utf8')));
const page = createPage(theme, 'nn-NO', '(forts.)');

function contentOf(next: () => number): FlowContent {
  const item = (): Paragraph => {
    const words = Array.from({ length: 1 + Math.floor(next() * 6) }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    return { runs: [{ text: words.join(' ') }], bullet: true, level: 0, ...(next() < 0.5 ? { spaceBefore: 4 } : {}) };
  };
  const list = (heading: string) => ({ heading, items: Array.from({ length: Math.floor(next() * 14) }, item) });
  return { title: 'Målgrupper', lists: [list('HØGAST PRIORITERTE'), list('ANDRE MÅLGRUPPER')] };
}

describe('the target groups’ columns: sizes ruled out before pouring', () => {
  it('are only sizes and rooms pour finds no flow for', () => {
    const next = random(2026);
    let ruledOut = 0;
    let flowed = 0;
    for (let i = 0; i < 400; i++) {
      const content = contentOf(next);
      const width = 1.6 + next() * 3.5;
      // Two places of different widths, as a template's two places beside its art may be.
      const widths = next() < 0.3 ? [width, width * (0.6 + next() * 0.4)] : [width, width];
      const room = { x: 0, y: 0, w: width, h: 0.6 + next() * 3.4 };
      const most = 1 + Math.floor(next() * 6);
      const words = itemWords(page, content);
      for (const size of [12, 13.5, 15, 16.5, 18, 20]) {
        const poured = pour(page, content, textStyle(page, { size }), room, widths, most);
        if (poured) flowed++;
        if (!overfills(words, size, widths, room, most)) continue;
        ruledOut++;
        expect(poured, JSON.stringify({ content, size, widths, room, most })).toBeUndefined();
      }
    }
    // A bound that rules nothing out would pass without saving a pour.
    expect(ruledOut).toBeGreaterThan(400);
    expect(flowed).toBeGreaterThan(300);
  });
});
