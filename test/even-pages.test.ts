/**
 * A long table or list spread over a fixed number of slides (layout/even-pages.ts): no slide is
 * a remainder. The case is the one a 1,000-row plan on Forestbird's narrow place gave: rows of one
 * and two lines, eight to a slide, where the smallest cap that needs no more slides, packed
 * greedily, left the last of 129 slides one row (the check refused the deck: near-empty continuation).
 */
import { describe, expect, it } from 'vitest';
import { evenPages } from '../src/layout/even-pages.js';

/**
 * The row heights of that plan (inches: one, two, three and four lines), as the deck drew them,
 * one letter a row. Real rows: a made-up mix of heights did not leave the smallest cap a remainder.
 */
const FORESTBIRD_ROWS = [
  'bcbccbbcbbbbabbbcbabcbbbbccbbbbcbbbbbbbbbbbbbbbbbbbdbcabcccccbcbbbbbbbbbabcbbbbbbbbbbbbbbbbcbbbbbbbb',
  'cbbccbbcbbbbbcbcbbbbbbbcbbbbcbbbbbcbcdbbbbbbbbbbbbbcbbbbbccdbcbbbdbbbbbbcbbbbbcbbbbbbbbbbccbbbcbbbcb',
  'bbbbbbbccbbcbbbbbbbcbcbccbbbbbbbbbbbbbbbbbbccbbbcbbbbbcbbbbbbbbbbbbbbbbcbbcbbcbcbbbcbcbcbbcbbbbbbbbb',
  'bbbcbbbbcbbbbbbcbbbcbccbbbcbbbbbcbbbbbacbbbbbbbbbbbbbbcbbbbcbbcbbbbbbbbcbbbbcbbbcbbbbbbbbcbbbbbbbaba',
  'babbbbcbbbbbcdbbbccbcbbabbcbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbcbbbbbbbbbccbbbbbbbbbbbcbbbbbcbcabbbbbbcbbc',
  'bbccbbbbbbcbbbbbbccbbbbbbbbbbbbccbcbbbbbcbccbbcbbbbbbbbbbbbbbbcbbbccbbbbbdcbbbbbbbccbbbbbbcbbbbcbbcb',
  'bbcccbbccdbbbbbbbbbbbcbbcbbbbbcbbbbcbbbbbbbbbcbbbccbbbbccbbbbbbbbbcbbbccbbbbbbbbbcbbcbbbbbbbbbbbbbbb',
  'bbbbbbbbcbbbbbbbcbbbbbcbbbbbcbbbbcccbbbbbbcabbcbccbbcbbbbabbcbbbbbcabbcbbcbbbabbcbbbbbbcbbbbbcbbbbbb',
  'cbbcccbbbbbbbbbcbbbbbbbccbbcbcbbcbcbbcbcbacbbbbbcbccbbbbbbbbbcbbbbbbbcbccbbcccbbbcbbbbbbbbbbbbbbbbbb',
  'bbbcbcbabbbcccbbbbcbbbcbcbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbcbcbbbbbbbcbbbbbccbbbbbbbbbbcbbbbbbbbbbc',
].join('');
const LINES: Record<string, number> = { a: 0.2267, b: 0.3933, c: 0.56, d: 0.7267 };

/** The first `count` rows of the plan. */
const rowHeights = (count: number): number[] => [...FORESTBIRD_ROWS.slice(0, count)].map((c) => LINES[c]!);

const HEADER = 0.2267;
/** A place's room at which the smallest cap leaves the last of 127 slides one row of two lines. */
const ROOM = 3.8;

/** Greedy pages at `cap` (the header included), as the finishing of a table had them. */
function greedy(heights: readonly number[], cap: number): Array<[number, number]> {
  const pages: Array<[number, number]> = [];
  let [start, used] = [0, HEADER];
  heights.forEach((h, i) => {
    if (i > start && used + h > cap + 1e-6) {
      pages.push([start, i]);
      [start, used] = [i, HEADER];
    }
    used += h;
  });
  pages.push([start, heights.length]);
  return pages;
}

const content = (heights: readonly number[], [start, end]: [number, number]) =>
  heights.slice(start, end).reduce((a, b) => a + b, 0);

/** The smallest cap that needs no more than `count` pages, by bisection: what balancing did before. */
function smallestCap(heights: readonly number[], count: number): Array<[number, number]> {
  let [low, high] = [HEADER, ROOM];
  for (let i = 0; i < 30; i++) {
    const mid = (low + high) / 2;
    if (greedy(heights, mid).length <= count) high = mid;
    else low = mid;
  }
  return greedy(heights, high);
}

describe('evenPages', () => {
  it('leaves no slide a remainder where the smallest cap did (1,000 rows of a plan on Forestbird)', () => {
    const heights = rowHeights(1000);
    const count = greedy(heights, ROOM).length;
    const capped = smallestCap(heights, count);
    const average = content(heights, [0, heights.length]) / count;
    // The case is real: the smallest cap's last page holds far less than an average page.
    expect(content(heights, capped.at(-1)!)).toBeLessThan(average / 2);

    const pages = evenPages(heights, HEADER, () => ROOM, count)!;
    expect(pages.length).toBeLessThanOrEqual(count);
    expect(pages[0]![0]).toBe(0);
    expect(pages.at(-1)![1]).toBe(heights.length);
    pages.forEach(([start, end], i) => {
      expect(end).toBeGreaterThan(start);
      if (i > 0) expect(start).toBe(pages[i - 1]![1]);
      expect(HEADER + content(heights, [start, end])).toBeLessThanOrEqual(ROOM + 1e-6);
      // Within one tall row of the average: no page is a remainder.
      expect(content(heights, [start, end])).toBeGreaterThan(average - 0.5 - 1e-6);
    });
  });

  it('takes each page’s room from its first row (a legend above the first rows)', () => {
    const heights = rowHeights(60);
    const room = (start: number) => (start < 10 ? ROOM - 0.6 : ROOM);
    let [start, used, count] = [0, HEADER, 1];
    heights.forEach((h, i) => {
      if (i > start && used + h > room(start) + 1e-6) [start, used, count] = [i, HEADER, count + 1];
      used += h;
    });
    const pages = evenPages(heights, HEADER, room, count)!;
    expect(pages.length).toBeLessThanOrEqual(count);
    for (const [s, e] of pages) expect(HEADER + content(heights, [s, e])).toBeLessThanOrEqual(room(s) + 1e-6);
  });

  it('gives undefined when the rows need more pages, and one page for one row', () => {
    expect(evenPages(rowHeights(100), HEADER, () => ROOM, 2)).toBeUndefined();
    expect(evenPages([0.4], HEADER, () => ROOM, 3)).toEqual([[0, 1]]);
  });
});
