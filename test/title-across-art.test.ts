/**
 * layout/content-area.ts `titleAcrossArt`: a title's place widened to the content's width in the
 * tallest band clear of the art beside it (issue #20, round 19's gallery: Sunset's titles broken
 * into three short lines between its rules).
 */
import { describe, expect, it } from 'vitest';
import { titleAcrossArt } from '../src/layout/content-area.js';

// Sunset's title place, body place and the rules beside the title (inches).
const title = { x: 3.54, y: 0.49, w: 3.94, h: 0.98 };
const body = { x: 0.98, y: 1.57, w: 9.06, h: 3.94 };
const rules = [
  { x: 0.82, y: 0.95, w: 2.7, h: 0.03 },
  { x: 1.1, y: 1.05, w: 2.4, h: 0.03 },
  { x: 7.51, y: 0.95, w: 2.7, h: 0.03 },
];

describe('titleAcrossArt', () => {
  it.each([
    { name: 'rules beside the place: the band above them', art: rules, y: 0.49, h: 0.41 },
    { name: 'art below the middle: the band above it', art: [{ x: 1, y: 1.3, w: 2, h: 0.5 }], y: 0.49, h: 0.76 },
    { name: 'art above the middle: the band below it', art: [{ x: 1, y: 0.3, w: 2, h: 0.4 }], y: 0.75, h: 0.72 },
    { name: 'art holding the whole place is its ground', art: [{ x: 0, y: 0, w: 11, h: 6 }], y: 0.49, h: 0.98 },
    { name: 'no art', art: [], y: 0.49, h: 0.98 },
  ])('$name', ({ art, y, h }) => {
    const wide = titleAcrossArt(title, body, art)!;
    expect(wide.x).toBeCloseTo(0.98);
    expect(wide.w).toBeCloseTo(9.06);
    expect(wide.y).toBeCloseTo(y);
    expect(wide.h).toBeCloseTo(h);
  });

  it('a place already as wide as the content has none', () => {
    expect(titleAcrossArt({ ...title, x: 0.98, w: 9.06 }, body, rules)).toBeUndefined();
  });
});
