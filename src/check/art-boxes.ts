/**
 * The template's art: its shapes and pictures over the background that content keeps off. One
 * definition for both sides of issue #20's art: placement (template/legible-colors.ts, then
 * layout/content-area.ts `contentPlan`) keeps Trappa's content off it or lays it over it on
 * purpose, and the `art` rule (check/rules/template-art.ts) judges Trappa's shapes against it.
 */
import type { Box } from '../layout/types.js';
import { colorAt } from './backdrop.js';
import type { Layer, RasterOf } from './types.js';

/** The colour found most often on a 7 × 7 grid over `box` (undefined: unknown), and its share. */
export function mostUnder(layers: Layer[], box: Box, rasterOf: RasterOf): { color: string | undefined; share: number } {
  const counts = new Map<string | undefined, number>();
  for (let i = 0; i < 7; i++)
    for (let j = 0; j < 7; j++) {
      const at = colorAt(layers, box.x + (box.w * (i + 0.5)) / 7, box.y + (box.h * (j + 0.5)) / 7, rasterOf);
      counts.set(at, (counts.get(at) ?? 0) + 1);
    }
  const [color, n] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
  return { color, share: n / 49 };
}

/** Whether a layer covers most of the slide: a background (Lights' gradient, Metropolis' picture), not art to keep off. */
export const backdropOf =
  (size: { w: number; h: number }) =>
  (l: Layer): boolean =>
    l.box.w * l.box.h >= 0.8 * size.w * size.h;

/**
 * The template's art that placement keeps content off (contentPlan) and `trappa check`'s `art`
 * rule judges Trappa's shapes against: of the layers over the background (`layers[0]`), those
 * that are no backdrop, 0.1 in thick or more (thinner is a rule or a hairline), and not painted
 * in the colour most of the body place `body` lies on (else the background's) nor faintly.
 */
/**
 * The template's rules drawn as thin shapes (Sunset's two pairs of 0.03-in rounded bars beside its title
 * place), which art leaves out as hairlines thinner than 0.1 in and `artStrokes` as filled, not stroked:
 * at least RULE_LENGTH long, painted so it shows (RULE_ALPHA).
 */
export function ruleBoxes(layers: readonly Layer[]): Box[] {
  return layers
    .filter((l) => Math.min(l.box.w, l.box.h) < 0.1 && Math.max(l.box.w, l.box.h) >= RULE_LENGTH)
    .filter((l) => l.paint.kind !== 'solid' || l.paint.alpha >= RULE_ALPHA)
    .map((l) => l.box);
}

/** A rule shows at a fifth of full opacity: Sunset's are white at 25 % on orange, plainly seen. */
const RULE_ALPHA = 0.2;

/** The least length (inches) of a thin shape that is a rule rather than a dot or a tick. */
const RULE_LENGTH = 0.5;

export function artBoxes(
  layers: Layer[],
  size: { w: number; h: number },
  body: Box | undefined,
  rasterOf: RasterOf,
): Box[] {
  const first = layers[0]?.paint;
  const ground = body ? mostUnder(layers, body, rasterOf).color : first?.kind === 'solid' ? first.color : undefined;
  const isBackground = backdropOf(size);
  return layers
    .slice(1)
    .filter((l) => !isBackground(l) && Math.min(l.box.w, l.box.h) >= 0.1)
    .filter((l) => l.paint.kind !== 'solid' || (l.paint.color !== ground && l.paint.alpha >= 0.5))
    .map((l) => l.box);
}
