/**
 * layout/content-area.ts `footerBesideArt`: a footer's place without the template's art at its
 * ends (issue #20, round 19's gallery: Yellow_Idea's white triangle on its footer's last letters).
 */
import { describe, expect, it } from 'vitest';
import { footerBesideArt } from '../src/layout/content-area.js';

// Yellow_Idea's footer place and the master's triangle over its right end (inches).
const place = { x: 3.77, y: 5.65, w: 3.49, h: 0.43 };
const triangle = { x: 6.94, y: 5.64, w: 0.2, h: 0.22 };

describe('footerBesideArt', () => {
  it.each([
    { name: 'art over the right end: the place ends 0.1 in before it', art: [triangle], w: 3.07 },
    {
      name: 'art over the left end: the place starts 0.1 in after it',
      art: [{ x: 3.6, y: 5.7, w: 0.4, h: 0.3 }],
      x: 4.1,
      w: 3.16,
    },
    { name: 'art that holds the whole place (the band it is set on)', art: [{ x: 0, y: 5.2, w: 11, h: 1 }] },
    { name: 'art that would leave less than 60 % of the width', art: [{ x: 5, y: 5.7, w: 1, h: 0.2 }] },
    { name: "wide art reaching into the place's end (Focus' polygons)", art: [{ x: 6, y: 4, w: 5, h: 2.2 }] },
    {
      name: "art as tall as the place: a tile of its band (Beehive's hexagons)",
      art: [{ x: 6.47, y: 5.5, w: 0.77, h: 0.77 }],
    },
    { name: 'art beside the place', art: [{ x: 8, y: 5.7, w: 0.3, h: 0.3 }] },
    { name: 'no art', art: [] },
  ])('$name', ({ art, x = place.x, w = place.w }) => {
    const kept = footerBesideArt(place, art);
    expect(kept.x).toBeCloseTo(x, 6);
    expect(kept.w).toBeCloseTo(w, 6);
    expect([kept.y, kept.h]).toEqual([place.y, place.h]);
  });
});
