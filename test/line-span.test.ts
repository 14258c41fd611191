/**
 * Where a text's lines are across its frame (layout/line-span.ts): what legibility and
 * `trappa check` judge a text's colour on, and what a panel behind it covers.
 */
import { describe, expect, it } from 'vitest';
import { lineSpan, sharedAlignment } from '../src/layout/line-span.js';

const inner = { x: 1, y: 2, w: 3, h: 0.5 };

describe('lineSpan', () => {
  it('places a line as wide as it measures (padded) by its alignment', () => {
    const right = lineSpan(inner, 0.2, 'right');
    expect(right.x + right.w).toBeCloseTo(4);
    expect(right.w).toBeCloseTo(0.2 * 1.16 + 0.2);
    const left = lineSpan(inner, 0.2, 'left');
    expect(left.x).toBe(1);
    const centre = lineSpan(inner, 0.2, 'center');
    expect(centre.x + centre.w / 2).toBeCloseTo(2.5);
    for (const span of [right, left, centre]) expect({ y: span.y, h: span.h }).toEqual({ y: 2, h: 0.5 });
  });

  it('is the whole frame when the alignment is not known or the line fills it', () => {
    expect(lineSpan(inner, 0.2, undefined)).toEqual(inner);
    expect(lineSpan(inner, 2.9, 'right')).toEqual(inner);
  });

  it('knows one alignment only when every paragraph shares it', () => {
    expect(sharedAlignment(['right', 'right'])).toBe('right');
    expect(sharedAlignment(['right', 'left'])).toBeUndefined();
    expect(sharedAlignment(['left', undefined])).toBeUndefined();
    expect(sharedAlignment([])).toBeUndefined();
  });
});
