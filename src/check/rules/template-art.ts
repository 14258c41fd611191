/**
 * `art`: text over the template's art. A text set wholly on one ground reads as designed (a
 * title on its band, a list on the paper); a text whose letters run from the ground onto the
 * template's art, or from one piece of art onto another, does not: list bullets on Vintage's
 * ink blot, a title half on Piano's bar, a long title under Inspiration's tab, a footer across
 * Focus' white stripe. Where the text's lines are drawn (as `contrast` measures them), the ground
 * is sampled every 0.05 in: at each point the topmost thing that shows (the template's
 * background, one of its shapes or pictures, a patch of art inside its backdrop picture —
 * check/ground-art.ts — or one of the slide's own shapes under the text, such as a panel). A
 * warning names the slide and the text when the template's art takes some of those points and
 * another ground of a visibly other colour takes others. Contrast is the `contrast` rule's.
 */
import type { Box } from '../../layout/types.js';
import { said } from '../../messages/catalogue.js';
import { layersOf, reachesInto, shownAt, type Shown } from '../backdrop.js';
import { pictureArt } from '../ground-art.js';
import { mediaOf } from '../read-deck.js';
import type { DeckModel, Finding, Layer, RasterOf, RuleOptions, SlideModel } from '../types.js';
import { textBox } from './contrast.js';
import { elementName, finding, inches, textShapes } from './elements.js';

const RULE = 'art';
/** Sampling step (inches): about a letter's stem apart. */
const STEP = 0.05;
/** Points a ground must take under a text to count (a sliver of art at a frame's corner does not). */
const LEAST = 6;
/** RGB distance from which two grounds look different. */
const DIFFERENT = 60;
/** A layer over this share of the slide is a backdrop, not art. */
const BACKDROP = 0.8;

interface Ground {
  art: boolean;
  count: number;
  rgb: [number, number, number];
  box: Box;
}

const distance = (a: Ground, b: Ground) => {
  const [ma, mb] = [a.rgb.map((c) => c / a.count), b.rgb.map((c) => c / b.count)];
  return Math.hypot(ma[0]! - mb[0]!, ma[1]! - mb[1]!, ma[2]! - mb[2]!);
};

/** What the text's letters lie on, ground by ground (a layer, or a patch of art inside the backdrop picture). */
function groundsUnder(
  box: Box,
  layers: Layer[],
  template: number,
  patches: Box[],
  size: { w: number; h: number },
  rasterOf: RasterOf,
) {
  // Keyed by layer index, or -1 - patch index for a patch; in the order first met.
  const grounds = new Map<number, Ground>();
  // Only the layers reaching into the box can show at its points (Blueprint Plans' drawing has dozens).
  const indexOf = layers.flatMap((l, i) => (reachesInto(l, box) ? [i] : []));
  const near = indexOf.map((i) => layers[i]!);
  const shown: Shown = { top: -1, rgb: -1 };
  const nx = Math.max(1, Math.min(400, Math.round(box.w / STEP)));
  const ny = Math.max(1, Math.min(120, Math.round(box.h / STEP)));
  for (let i = 0; i < nx; i++)
    for (let j = 0; j < ny; j++) {
      const x = box.x + ((i + 0.5) * box.w) / nx;
      const y = box.y + ((j + 0.5) * box.h) / ny;
      shownAt(near, x, y, rasterOf, shown);
      if (shown.top < 0 || shown.rgb < 0) continue;
      const top = indexOf[shown.top]!;
      const layer = layers[top]!;
      const backdrop = layer.box.w * layer.box.h >= BACKDROP * size.w * size.h;
      const patch = backdrop ? patches.findIndex((p) => x >= p.x && x <= p.x + p.w && y >= p.y && y <= p.y + p.h) : -1;
      const key = patch >= 0 ? -1 - patch : top;
      let g = grounds.get(key);
      if (!g) {
        const art = patch >= 0 || (top < template && !backdrop);
        grounds.set(key, (g = { art, count: 0, rgb: [0, 0, 0], box: patch >= 0 ? patches[patch]! : layer.box }));
      }
      g.rgb[0] += (shown.rgb >> 16) & 255;
      g.rgb[1] += (shown.rgb >> 8) & 255;
      g.rgb[2] += shown.rgb & 255;
      g.count++;
    }
  return [...grounds.values()].filter((g) => g.count >= LEAST);
}

const meets = (a: Box, b: Box): boolean => a.x <= b.x + b.w && a.x + a.w >= b.x && a.y <= b.y + b.h && a.y + a.h >= b.y;

/**
 * Whether any point of `box` can be art: inside a patch, or on a template layer that is no
 * backdrop (as `groundsUnder` tells them; `covers` takes closed boxes). When none meets the
 * text's box, no ground under it is art and sampling it (up to 48,000 points) can find nothing:
 * the built-in design's every text box was sampled for nothing (issue #27, watch rebuilds).
 */
function mayCrossArt(box: Box, template: Layer[], patches: Box[], size: { w: number; h: number }): boolean {
  if (patches.some((p) => meets(p, box))) return true;
  return template.some((l) => l.box.w * l.box.h < BACKDROP * size.w * size.h && meets(l.box, box));
}

function slideFindings(deck: DeckModel, slide: SlideModel, options: RuleOptions): Finding[] {
  if (!slide.backdrop) return [];
  const rasterOf = options.pictures ?? (() => undefined);
  const patches = pictureArt(slide.backdrop, deck.size, rasterOf);
  const media = mediaOf(deck.package, slide.part);
  const found: Finding[] = [];
  const shapes = new Set(textShapes(slide));
  slide.elements.forEach((e, index) => {
    if (e.kind !== 'shape' || !shapes.has(e as never) || typeof e.fill === 'string') return;
    const box = textBox(e);
    if (!box || !mayCrossArt(box, slide.backdrop!, patches, deck.size)) return;
    const layers = [...slide.backdrop!, ...layersOf(slide.elements.slice(0, index), media)];
    const grounds = groundsUnder(box, layers, slide.backdrop!.length, patches, deck.size, rasterOf);
    // The art the text runs onto: of the pieces it crosses into, the one under the fewest of its letters.
    const art = grounds
      .filter((g) => g.art && grounds.some((o) => o !== g && distance(g, o) >= DIFFERENT))
      .sort((a, b) => a.count - b.count)[0];
    if (!art) return;
    const { x, y, w, h } = art.box;
    const where = `${inches(x)}, ${inches(y)}, ${inches(w)} × ${inches(h)}`;
    found.push(finding('warning', RULE, slide.number, elementName(e), said('find.overArt', { where })));
  });
  return found;
}

export function checkTemplateArt(deck: DeckModel, options: RuleOptions): Finding[] {
  return deck.slides.flatMap((slide) => slideFindings(deck, slide, options));
}
