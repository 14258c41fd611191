/**
 * Part of `contrast`: a logo Trappa placed (`Logo {owner}`) against what it lies on. A logo is
 * no text, so WCAG's 3:1 for graphics (success criterion 1.4.11) is the bar: most of the logo's
 * marks (its opaque pixels) must reach 3:1 against the darkest and the lightest point under it
 * (the slide's background, the template's art and pictures, Trappa's shapes below it, such as a
 * backing). A dark wordmark on a dark title slide fails; a logo not decoded is not measured.
 * Its findings are named `contrast` but it runs as a rule of its own (rules/index.ts): they are
 * all warnings, which a build drops, so a build skips it (on Progress it sampled ~20 ms a build).
 */
import { contrastRatio } from '../../contrast.js';
import { layersOf, under } from '../backdrop.js';
import { mediaOf } from '../read-deck.js';
import type { DeckModel, Finding, RuleOptions, SlideModel } from '../types.js';
import { elementName, finding } from './elements.js';

const RULE = 'contrast';
/** WCAG 2.1 1.4.11: graphical objects, 3:1. */
const REQUIRED = 3;
/** The share of a logo's marks that must reach it. */
const READABLE_SHARE = 0.5;

const hex = (data: Uint8Array, i: number) =>
  [data[i]!, data[i + 1]!, data[i + 2]!]
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();

/** The share of the raster's opaque pixels that reach the required contrast on every one of `grounds`. */
function readableShare(data: Uint8Array, grounds: string[]): number | undefined {
  let marks = 0;
  let readable = 0;
  // Judged once per colour: a logo's pixels are a few inks (and their edges' blends), each a hex string to measure.
  const judged = new Map<number, boolean>();
  for (let i = 0; i + 3 < data.length; i += 4) {
    if (data[i + 3]! < 200) continue;
    marks++;
    const rgb = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    let reads = judged.get(rgb);
    if (reads === undefined) {
      const ink = hex(data, i);
      judged.set(rgb, (reads = grounds.every((g) => contrastRatio(ink, g) >= REQUIRED)));
    }
    if (reads) readable++;
  }
  return marks > 0 ? readable / marks : undefined;
}

function logoFindings(deck: DeckModel, slide: SlideModel, options: RuleOptions): Finding[] {
  const found: Finding[] = [];
  const media = mediaOf(deck.package, slide.part);
  slide.elements.forEach((e, index) => {
    if (e.kind !== 'picture' || !e.name.startsWith('Logo ') || !e.box || e.paint?.kind !== 'picture') return;
    const part = media(e.paint.embed);
    const raster = part ? options.pictures?.(part) : undefined;
    if (!raster || !slide.backdrop) return;
    const layers = [...slide.backdrop, ...layersOf(slide.elements.slice(0, index), media)];
    const ground = under(layers, e.box, options.pictures ?? (() => undefined));
    if (!ground || ground.unknown > 0) return;
    const grounds = [...new Set([ground.darkest, ground.lightest])];
    const share = readableShare(raster.data, grounds);
    if (share === undefined || share >= READABLE_SHARE) return;
    const message =
      `the logo reads poorly on ${grounds.join('/')}: ${Math.round(share * 100)} % of its marks reach 3:1; ` +
      'give it a light backing or a version made for this ground';
    found.push(finding('warning', RULE, slide.number, elementName(e), message));
  });
  return found;
}

export function checkLogoGround(deck: DeckModel, options: RuleOptions): Finding[] {
  return deck.slides.flatMap((slide) => logoFindings(deck, slide, options));
}
