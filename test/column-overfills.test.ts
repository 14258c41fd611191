/**
 * The target groups' size search leaves out a size (or a room height, balancing) whose items cannot
 * fill `most` columns, told from their least heights alone (column-slots.ts overfills): it must never
 * leave out one that `pour` would have flowed, or the flow would take another size than it did.
 *
 * Two more shortcuts of the same search that must change no flow:
 * - `flowInPlaces`' `mostSlides`: no flow where every size is sure to need more slides than the caller
 *   takes (its least heights overfill them). The bounded search must give exactly the exhaustive one's
 *   flow, or none where that one needs more slides than the bound.
 * - `pour` stops where the items from a column's first on cannot fill the columns still allowed (`overfills`
 *   of the rest): a bounded pour must give the unbounded one's columns, or none where those are more.
 * - `pour` fills columns through a tree kept by content (`columnTrees`), so columns filled before are not
 *   measured again: pouring in any order, at any room height and width, must give what a content never
 *   poured before gives.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { themeSchema } from '../src/data/theme-schema.js';
import { columns, createPage } from '../src/layout/page.js';
import { textStyle } from '../src/layout/text-box.js';
import type { Box, Paragraph } from '../src/layout/types.js';
import { type FlowContent, flowInPlaces, itemWords, overfills, type Places, pour } from '../src/slides/column-slots.js';
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

const item = fc
  .record({
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
    spaced: fc.boolean(),
    marked: fc.boolean(),
  })
  .map(
    ({ words, spaced, marked }): Paragraph => ({
      runs: [{ text: words.join(' '), ...(marked ? { bold: true } : {}) }],
      bullet: true,
      level: 0,
      ...(spaced ? { spaceBefore: 3 } : {}),
    }),
  );

const content = fc
  .record({ high: fc.array(item, { maxLength: 14 }), other: fc.array(item, { maxLength: 14 }), note: fc.boolean() })
  .map(
    ({ high, other, note }): FlowContent => ({
      title: 'Målgrupper',
      lists: [
        { heading: 'HØGAST PRIORITERTE', items: high },
        { heading: 'ANDRE MÅLGRUPPER', items: other },
      ],
      ...(note ? { note: 'Uthevet: målgrupper for dette publikummet' } : {}),
      marked: (p) => p.runs.some((r) => r.bold === true),
    }),
  );

/** Columns over an area as fewerInTextColumns (column-text.ts) lays them: `count` places, the legend below. */
function placesOf(count: number, area: Box): Places {
  const noteStyle = textStyle(page, { size: 14, valign: 'bottom' });
  const places = columns(
    { ...area, h: area.h - 0.4 },
    Array.from({ length: count }, () => 1),
    0.3,
  );
  const legendBox = (): Box => ({ ...area, y: area.y + area.h - 0.4, h: 0.4 });
  return { places, room: places[0]!, noteStyle, legendBox, minSize: 12 };
}

const area = fc.record({
  x: fc.constant(0.5),
  y: fc.constant(1.5),
  w: fc.double({ min: 4, max: 12, noNaN: true }),
  h: fc.double({ min: 1.2, max: 5.5, noNaN: true }),
});

/** A copy no pour has seen (trees and words are kept by the content object). */
const fresh = (c: FlowContent): FlowContent => ({ ...c, lists: c.lists.map((l) => ({ ...l })) });

describe('the target groups’ text columns: bounded and kept searches', () => {
  it('a flow bounded by the slides the caller takes is the exhaustive flow, or none where that needs more', () => {
    let ruledOut = 0;
    let kept = 0;
    fc.assert(
      fc.property(
        content,
        fc.integer({ min: 2, max: 4 }),
        area,
        fc.integer({ min: 0, max: 3 }),
        (c, count, a, most) => {
          const how = placesOf(count, a);
          const exhaustive = flowInPlaces(page, fresh(c), how);
          const bounded = flowInPlaces(page, fresh(c), how, Infinity, most);
          if (bounded === undefined) {
            ruledOut++;
            expect(exhaustive === undefined || exhaustive.slides.length > most).toBe(true);
          } else {
            kept++;
            expect(bounded).toEqual(exhaustive);
          }
        },
      ),
      { numRuns: 120, seed: 2026 },
    );
    // A bound that never rules a flow out, or rules out every one, would pass without being tried.
    expect(ruledOut).toBeGreaterThan(20);
    expect(kept).toBeGreaterThan(20);
  });

  it('a pour bounded by `most` columns gives the unbounded pour’s columns, or none where that takes more', () => {
    let cut = 0;
    let flowed = 0;
    fc.assert(
      fc.property(
        content,
        fc.constantFrom(12, 13.5, 15, 16.5, 18, 20),
        fc.double({ min: 0.6, max: 4, noNaN: true }),
        fc.constantFrom(1.6, 2.4, 3.3, 4.8),
        fc.integer({ min: 1, max: 6 }),
        (c, size, h, width, most) => {
          const room = { x: 0, y: 0, w: width, h };
          const style = textStyle(page, { size });
          const all = pour(page, fresh(c), style, room, [width, width]);
          const bounded = pour(page, fresh(c), style, room, [width, width], most);
          if (all && all.length <= most) {
            flowed++;
            expect(bounded).toEqual(all);
          } else {
            cut++;
            expect(bounded).toBeUndefined();
          }
        },
      ),
      { numRuns: 200, seed: 11 },
    );
    expect(cut).toBeGreaterThan(20);
    expect(flowed).toBeGreaterThan(20);
  });

  it('columns poured through the content’s kept tree are those of a content poured for the first time', () => {
    fc.assert(
      fc.property(
        content,
        fc.array(
          fc.record({
            size: fc.constantFrom(12, 13.5, 15, 16.5, 18, 20),
            h: fc.double({ min: 0.6, max: 4, noNaN: true }),
            width: fc.constantFrom(1.6, 2.4, 3.3, 4.8),
            narrower: fc.boolean(),
          }),
          { minLength: 2, maxLength: 8 },
        ),
        (c, pours) => {
          for (const { size, h, width, narrower } of pours) {
            // Two places of different widths, as a template's two places beside its art may be.
            const widths = narrower ? [width, width * 0.7] : [width, width];
            const room = { x: 0, y: 0, w: width, h };
            const style = textStyle(page, { size });
            expect(pour(page, c, style, room, widths)).toEqual(pour(page, fresh(c), style, room, widths));
          }
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});
