/**
 * The column flow's size search (slides/column-flow.ts) measures only heights: measurePrepared
 * instead of layoutPrepared, and balancing counts columns instead of building them. It must
 * choose exactly what the full search chose, so both give the very same numbers: checked here
 * over random texts and flows, against the full layout and against the packing as it was
 * written before (columns built at every try). deck-bytes guards the decks themselves.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { SOFT_HYPHEN } from '../src/layout/hyphenate.js';
import { splitUnits, wrapInto, wrapUnits } from '../src/layout/break-lines.js';
import { forgetParagraphMeasures, layoutPrepared, measurePrepared, prepareText } from '../src/layout/measure-text.js';
import type { Paragraph, TextStyle } from '../src/layout/types.js';
import { balanced, type Column, EPSILON, HEADING_GAP, HEADING_H } from '../src/slides/column-pack.js';

/** Words of every kind break-lines treats apart: short, long, hyphenated, soft-hyphenated, slashed, digits. */
const word = fc.oneof(
  fc.constantFrom('og', 'i', 'for', 'Levanger', 'Verdal', 'ansatte', 'Nord-Trøndelag', 'og/eller', '2027'),
  fc.constantFrom(
    'Kommunikasjonsavdelingen',
    'Barnevernstjenesten',
    `Brann${SOFT_HYPHEN}vern${SOFT_HYPHEN}tjenesten`,
    'Samkommunestyremedlemmer/varamedlemmer',
    'Innherredsamkommunesamarbeidsavtalen',
  ),
  fc.string({ unit: fc.constantFrom('a', 'ø', 'W', 'i', '-', '/', SOFT_HYPHEN), minLength: 1, maxLength: 30 }),
);
const gap = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\u2009');
const runText = fc
  .array(fc.tuple(word, gap), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.map(([w, g]) => w + g).join(''));
const run = fc.record(
  {
    text: runText,
    bold: fc.boolean(),
    italic: fc.boolean(),
    size: fc.constantFrom(9, 14, 22.5),
  },
  { requiredKeys: ['text'] },
);
const paragraph: fc.Arbitrary<Paragraph> = fc.record(
  {
    runs: fc.array(run, { minLength: 1, maxLength: 3 }),
    bullet: fc.boolean(),
    level: fc.integer({ min: 0, max: 2 }),
    spaceBefore: fc.constantFrom(0, 2, 6, 12),
  },
  { requiredKeys: ['runs'] },
);
const textStyle: fc.Arbitrary<TextStyle> = fc.record({
  fontFace: fc.constantFrom('Calibri', 'Arial'),
  fontSize: fc.constant(18),
  color: fc.constant('000000'),
  bold: fc.boolean(),
  lineSpacing: fc.constantFrom(1, 0.9, 1.15),
  insets: fc.constantFrom({ left: 0, right: 0, top: 0, bottom: 0 }, { left: 0.1, right: 0.1, top: 0.05, bottom: 0.05 }),
});
/** The column flow's sizes: body down to the floor in half points. */
const size = fc.integer({ min: 16, max: 56 }).map((half) => half / 2);
const width = fc.double({ min: 0.5, max: 9, noNaN: true });

describe('measurePrepared', () => {
  afterEach(() => forgetParagraphMeasures());

  it('gives the full layout’s height, the very same number, and its number of lines', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 3 }), textStyle, size, width, (ps, s, at, w) => {
        forgetParagraphMeasures();
        const prepared = prepareText(ps, s);
        // Measured before any wrap is kept, then from the wraps the full layout left in the memo.
        const measured = measurePrepared(prepared, at, w);
        const laid = layoutPrepared(prepared, at, w);
        expect(measured.height).toBe(laid.height);
        expect(measured.lines).toBe(laid.lines.length);
        expect(measurePrepared(prepared, at, w)).toEqual(measured);
      }),
      { numRuns: 400 },
    );
  });

  it('wraps without text into the very lines of a wrap with text: widths, sizes and breaks', () => {
    // A height search places a word that ends a line without making its characters (break-lines.ts
    // placedWhole): each line's width must be the same number, a character's advance added at a time.
    let moved = 0;
    fc.assert(
      fc.property(paragraph, textStyle, size, fc.double({ min: 0.2, max: 4, noNaN: true }), (p, s, at, w) => {
        const units = splitUnits(p, s);
        const points = w * 72;
        const seen: unknown[] = [];
        wrapInto(units, at, points, {
          text: false,
          line: (_text, width, maxSize, afterHardBreak) => seen.push({ width, maxSize, afterHardBreak }),
        });
        const full = wrapUnits(units, at, points);
        if (full.length > 1) moved++;
        expect(seen).toEqual(full.map(({ width, maxSize, afterHardBreak }) => ({ width, maxSize, afterHardBreak })));
      }),
      { numRuns: 600 },
    );
    expect(moved).toBeGreaterThan(300);
  });
});

/** The packing as it was before it only counted: columns built at every cap tried (reference). */
function packBuilt(heights: number[][], insets: number, cap: number): Column[] {
  const cols: Column[] = [[]];
  let used = 0;
  const unfair = (rest: number[]): boolean => {
    let room = cap - used - (HEADING_H + HEADING_GAP + insets);
    let fits = 0;
    while (fits < rest.length && rest[fits]! <= room + EPSILON) room -= rest[fits++]!;
    return fits < rest.length && fits < Math.ceil(rest.length / 3);
  };
  heights.forEach((items, list) => {
    items.forEach((h, i) => {
      let col = cols.at(-1)!;
      let seg = col.at(-1);
      const opens = !seg || seg.list !== list;
      const cost = h + (opens ? HEADING_H + HEADING_GAP + insets : 0);
      const cut = opens && used > 0 && unfair(items.slice(i));
      if (used > 0 && (cut || used + cost > cap + EPSILON)) {
        cols.push((col = []));
        used = 0;
        seg = undefined;
      }
      if (!seg || seg.list !== list) {
        seg = { list, start: i, end: i };
        col.push(seg);
        used += HEADING_H + HEADING_GAP + insets;
      }
      seg.end = i + 1;
      used += h;
    });
  });
  return cols.filter((c) => c.length > 0);
}

function balancedBuilt(heights: number[][], insets: number, height: number, perSlide: number): Column[] {
  const slides = (cols: Column[]): number => Math.ceil(cols.length / perSlide);
  const fewest = packBuilt(heights, insets, height);
  const lists = heights.flatMap((items, list): Column[] =>
    items.length > 0 ? [[{ list, start: 0, end: items.length }]] : [],
  );
  if (fewest.length === 1 && lists.length <= perSlide) return lists;
  const total = heights.flat().reduce((a, b) => a + b, 0);
  let [low, high] = [total / Math.max(1, slides(fewest) * perSlide), height];
  for (let i = 0; i < 20; i++) {
    const mid = (low + high) / 2;
    if (slides(packBuilt(heights, insets, mid)) <= slides(fewest)) high = mid;
    else low = mid;
  }
  return packBuilt(heights, insets, high);
}

describe('balanced', () => {
  it('spreads a flow over the same columns as when every try built its columns', () => {
    const itemHeight = fc.oneof(fc.constantFrom(0.27, 0.54, 0.81), fc.double({ min: 0.1, max: 2.5, noNaN: true }));
    const flow = fc.array(fc.array(itemHeight, { maxLength: 60 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        flow,
        fc.constantFrom(0, 0.1),
        fc.double({ min: 1.5, max: 6, noNaN: true }),
        fc.constantFrom(2, 3, 4),
        (heights, insets, height, perSlide) => {
          expect(balanced(heights, insets, height, perSlide)).toEqual(balancedBuilt(heights, insets, height, perSlide));
        },
      ),
      { numRuns: 400 },
    );
  });
});
