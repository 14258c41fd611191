/**
 * Titles put back into the band their master draws for them. LibreOffice's export of "Piano"
 * gives its layouts a title place 0.04 in from the slide's top, 0.6 in high, while its master
 * draws a grey title bar from 0.24 in to 1.28 in and sets its own title place inside it: every
 * title sat on the bar's top edge, the bar below it empty. Such a layout's title crosses the
 * edge of the band its master's title place lies in; the deck's copy of the layout then takes
 * the master's title place (its own position is dropped, so it inherits the master's), as
 * LibreOffice's own autolayouts do, and its body places start below the band. A layout whose title lies inside the band, or away from it,
 * or that hides the master's shapes, is left as it is.
 */
import { strToU8 } from 'fflate';
import type { Box } from '../layout/types.js';
import type { LayoutInfo, MasterSet } from '../pptx/master-set.js';
import { EMU_PER_INCH } from '../units.js';
import { partText, type PartMap, targets } from './read-master-set.js';

const SP = /<p:(sp|pic)>[\s\S]*?<\/p:\1>/g;
const XFRM = /<a:xfrm\b[^>]*>[\s\S]*?<\/a:xfrm>/;
/** How far (inches) a place may stand out of the band and still be inside it. */
const TOLERANCE = 0.05;

function boxOf(sp: string): Box | undefined {
  const xfrm = XFRM.exec(sp)?.[0];
  if (!xfrm) return undefined;
  const n = (name: string) => Number(new RegExp(`\\b${name}="(-?\\d+)"`).exec(xfrm)?.[1] ?? 0) / EMU_PER_INCH;
  return { x: n('x'), y: n('y'), w: n('cx'), h: n('cy') };
}

const isTitle = (sp: string) => /<p:ph\b[^>]*\btype="(?:title|ctrTitle)"/.test(sp);
/** A shape of the master's own that paints something (a filled shape or a picture), not a placeholder. */
const paints = (sp: string) =>
  !/<p:ph\b/.test(sp) && (sp.startsWith('<p:pic>') || /<p:spPr>[\s\S]*?<a:(solidFill|gradFill|blipFill)>/.test(sp));

const within = (a: Box, b: Box) =>
  a.x >= b.x - TOLERANCE &&
  a.y >= b.y - TOLERANCE &&
  a.x + a.w <= b.x + b.w + TOLERANCE &&
  a.y + a.h <= b.y + b.h + TOLERANCE;
const meet = (a: Box, b: Box) =>
  Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x) && Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y);

/** The master's title place and the band it lies in: its smallest painted shape holding the place (not a slide-sized backdrop). */
function titleBand(master: string, slide: { w: number; h: number }): { band: Box; place: Box; bar: Box } | undefined {
  const shapes = [...master.matchAll(SP)].map((m) => m[0]);
  const place = shapes.filter(isTitle).map(boxOf)[0];
  if (!place) return undefined;
  const bands = shapes
    .filter(paints)
    .map(boxOf)
    .filter((b): b is Box => b !== undefined && within(place, b) && b.w * b.h < 0.5 * slide.w * slide.h);
  const band = bands.sort((a, b) => a.w * a.h - b.w * b.h)[0];
  return band && { band, place, bar: visibleBar(shapes, band) };
}

/** A bar painted on the band taking this share of it at least is what the eye sees as the band. */
const BAR_SHARE = 0.5;

/**
 * The bar the eye sees on the band: Piano's band is black at 81 % on its black top, invisible,
 * and a white-at-30 % bar drawn on it (0.07 in in from its top and 0.14 in from its foot) is the
 * grey the title must stand on; a title filling the band's height hung its second line below
 * the grey. The smallest painted shape inside the band covering most of it; the band itself if none.
 */
function visibleBar(shapes: string[], band: Box): Box {
  const bars = shapes
    .filter(paints)
    .map(boxOf)
    .filter((b): b is Box => b !== undefined && within(b, band) && b.w * b.h >= BAR_SHARE * band.w * band.h);
  return bars.sort((a, b) => a.w * a.h - b.w * b.h)[0] ?? band;
}

/** The layout part with its title on its master's place, when the title crosses the edge of the master's title band. */
function onBand(layout: string, band: Box, place: Box): string {
  if (/<p:sldLayout\b[^>]*\bshowMasterSp="0"/.test(layout)) return layout;
  const title = [...layout.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].find((m) => isTitle(m[0]));
  const box = title && boxOf(title[0]);
  if (!title || !box || !meet(box, band) || within(box, band)) return layout;
  // The same title set higher or lower, not a title of another shape (a narrow one beside art).
  if (place.w < 0.8 * box.w) return layout;
  const sp = title[0].replace(XFRM, '');
  return bodiesBelow(layout.slice(0, title.index) + sp + layout.slice(title.index + title[0].length), band);
}

const isBody = (sp: string) => /<p:ph\b/.test(sp) && !/<p:ph\b[^>]*\btype="(?!body|obj)[^"]*"/.test(sp);
const emu = (inches: number) => Math.round(inches * EMU_PER_INCH);

/** The layout's body places starting 0.1 in below the band where they reached into it (their foot kept). */
function bodiesBelow(layout: string, band: Box): string {
  const foot = band.y + band.h + 0.1;
  return layout.replace(/<p:sp>[\s\S]*?<\/p:sp>/g, (sp) => {
    const box = isBody(sp) ? boxOf(sp) : undefined;
    if (!box || box.y >= foot || box.y + box.h <= foot + 1) return sp;
    return sp.replace(XFRM, (xfrm) =>
      xfrm
        .replace(/(<a:off\b[^>]*\by=")-?\d+"/, `$1${emu(foot)}"`)
        .replace(/(<a:ext\b[^>]*\bcy=")\d+"/, `$1${emu(box.y + box.h - foot)}"`),
    );
  });
}

/** The parts with each layout's title moved onto its master's title band where it crossed the band's edge. */
export function withTitlesOnBands(parts: PartMap, masters: string[], slide: { w: number; h: number }): PartMap {
  const out = new Map(parts);
  for (const master of masters) {
    const found = titleBand(partText(parts, master), slide);
    if (!found) continue;
    for (const layout of targets(parts, master, '/slideLayout')) {
      const xml = partText(out, layout);
      const moved = onBand(xml, found.band, found.place);
      if (moved !== xml) out.set(layout, strToU8(moved));
    }
  }
  return out;
}

/** How far (inches) a title on a band stays in from the band's ends: its letters stand on the band, not at its edge. */
const BAND_MARGIN = 0.15;

/**
 * The place of a title that lies in the title band of the layout's master (`title`, inches),
 * within the bar the eye sees on it (`visibleBar`) and kept BAND_MARGIN in from its ends (Piano's grey starts 0.12 in inside its bar, where the
 * master's title place starts); undefined when the title lies on no such band.
 */
export function titleOnBand(set: MasterSet, layout: LayoutInfo, title: Box | undefined): Box | undefined {
  const master = targets(set.parts, layout.part, '/slideMaster')[0];
  const found = master ? titleBand(partText(set.parts, master), set.size) : undefined;
  if (!found || !title || !within(title, found.band)) return undefined;
  const { bar } = found;
  const x = Math.max(title.x, bar.x + BAND_MARGIN);
  const right = Math.min(title.x + title.w, bar.x + bar.w - BAND_MARGIN);
  // The letters stay on the bar's height too: a title that takes two lines is set to fit it.
  const y = Math.max(title.y, bar.y);
  const foot = Math.min(title.y + title.h, bar.y + bar.h);
  return { x, y, w: right - x, h: foot - y };
}
