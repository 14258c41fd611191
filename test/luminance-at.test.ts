/**
 * check/backdrop.ts luminanceAt: the art inside a template's picture (check/ground-art.ts) and the
 * cover's logo rows (template/logo-band.ts) take each point's luminance from the packed colour, not
 * from its hex. The build keeps text off that art and puts the logos by it, so a luminance that
 * differed in the last bit could move a median and change a deck: it must be exactly
 * `relativeLuminance(colorAt(…))`.
 */
import { describe, expect, it } from 'vitest';
import { colorAt, luminanceAt } from '../src/check/backdrop.js';
import type { Layer } from '../src/check/types.js';
import { contrastRatio, luminanceRatio, relativeLuminance } from '../src/contrast.js';

const box = { x: 0, y: 0, w: 10, h: 7.5 };
const solid = (color: string, alpha = 1): Layer => ({ box, paint: { kind: 'solid', color, alpha } });
const hex = (v: number) => v.toString(16).padStart(2, '0').toUpperCase();
const none = () => undefined;

describe('luminanceAt', () => {
  it('is relativeLuminance of colorAt for every channel value, alone and mixed', () => {
    for (let v = 0; v < 256; v++)
      for (const color of [`${hex(v)}0000`, `00${hex(v)}00`, `0000${hex(v)}`, `${hex(v)}${hex(255 - v)}${hex(v >> 1)}`])
        for (const layers of [[solid(color)], [solid('3A7F12'), solid(color, 0.4)]]) {
          const shown = colorAt(layers, 5, 3, none);
          expect(shown).toBeDefined();
          const luminance = luminanceAt(layers, 5, 3, none)!;
          expect(luminance).toBe(relativeLuminance(shown!));
          // The logo band's lightness (template/logo-band.ts) from it: the contrast to black.
          expect(luminanceRatio(luminance, 0)).toBe(contrastRatio(shown!, '000000'));
        }
  });

  it('is undefined where colorAt is: an unknown paint shows', () => {
    const layers: Layer[] = [solid('FFFFFF'), { box, paint: { kind: 'unknown' } }];
    expect(colorAt(layers, 5, 3, none)).toBeUndefined();
    expect(luminanceAt(layers, 5, 3, none)).toBeUndefined();
  });
});
