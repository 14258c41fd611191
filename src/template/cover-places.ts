/**
 * Where a template's cover sets the deck's title and the meeting lines under it. A cover layout
 * that places its title as a content slide does (at the top, where every slide's title is: most
 * of LibreOffice's templates as exported, whose "Title Slide" layouts carry another master's
 * geometry) gives the title no weight: the title at slide-title size over an empty slide. Such a
 * cover takes its master's own title and body places when those are a cover's (in LibreOffice an
 * autolayout takes its master's places: Blue Curve's title page sets its title at a third of the
 * slide, over the wave), else Trappa sets the title block in the middle of the cover's free area,
 * off the art. A centred title (ctrTitle) or a title elsewhere than the content slides' is the
 * designer's cover and stays.
 */
import type { Alignment } from '../layout/line-span.js';
import { clipped, type Segment } from '../layout/segments.js';
import { STRUCK } from '../layout/title-strokes.js';
import type { Box } from '../layout/types.js';
import type { LayoutInfo, PlaceholderInfo } from '../pptx/master-set.js';

export interface CoverPlaces {
  title: Box;
  /** The meeting lines' place, under the title. */
  subtitle: Box;
}

const boxIn = (places: readonly PlaceholderInfo[], ...types: string[]): Box | undefined =>
  types.map((t) => places.find((p) => p.type === t && p.box)?.box).find((b) => b !== undefined);

/** How much of the smaller of two spans (x or y) they share. */
function shared(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0)) / Math.max(1e-6, Math.min(a1 - a0, b1 - b0));
}

/**
 * A title place that is a content slide's: it shares most of its height and width with the
 * content layout's title, or (no content title known) it ends in the slide's top quarter.
 */
function likeContentTitle(title: Box, content: Box | undefined, size: { h: number }): boolean {
  if (!content) return title.y + title.h <= TOP * size.h;
  return (
    shared(title.y, title.y + title.h, content.y, content.y + content.h) >= 0.5 &&
    shared(title.x, title.x + title.w, content.x, content.x + content.w) >= 0.5
  );
}

/** The share of the slide's height a title ending above it counts as a content slide's title. */
const TOP = 0.25;
/**
 * A cover's title ending below this share of the slide's height is not at the top, even where
 * every slide sets its title there (Progress sets all its titles on its grey diagonal).
 */
const HIGH = 0.35;

/**
 * The master's title and body places when they are a cover's: the title not a content slide's
 * and the body below it.
 */
function masterCover(
  cover: LayoutInfo,
  content: Box | undefined,
  size: { w: number; h: number },
  free: (area: Box) => Box,
): CoverPlaces | undefined {
  const places = cover.masterPlaces ?? [];
  const title = boxIn(places, 'ctrTitle', 'title');
  const body = boxIn(places, 'subTitle', 'body', 'obj');
  if (!title || !body || likeContentTitle(title, content, size)) return undefined;
  // The lines go under the title (Portfolio's title page sets its title on a rule near the foot,
  // under a picture place: not a place for the lines), its body place reaching down to the foot.
  if (body.y < title.y + title.h - 0.05) return undefined;
  // Moved there, the title is Trappa's to place: the edge rule's 0.3 in applies (Blue Curve's title page starts at the slide's edge).
  const lines = free(insideEdges({ ...body, h: size.h - body.y }, size));
  // Room for three lines and, under them, the logos' band (Progress's title page ends in its footer places).
  return lines.h >= LINES_MIN ? { title: insideEdges(title, size), subtitle: lines } : undefined;
}

/** Height (inches) the lines under a master's title need at least to be taken there. */
const LINES_MIN = 1.3;

/** What Trappa places keeps this far (inches) from the slide's sides (check/rules/slide-geometry.ts). */
const EDGE = 0.3;

function insideEdges(box: Box, size: { w: number }): Box {
  const x = Math.max(EDGE, box.x);
  return { ...box, x, w: Math.min(box.x + box.w, size.w - EDGE) - x };
}

/** Height of the cover's title box at most, and of the meeting lines' box, in inches. */
const TITLE_H = 2.2;
const LINES_H = 1.6;
/** Gap between the title's box and the lines' box, in inches. */
const GAP = 0.1;

/**
 * The title block around the middle of `area`: the title's box ends just above it (its text set
 * at the bottom), the lines' box starts just below it. The area's middle sits a little higher
 * than the slide's, as a page's optical centre does.
 */
function middleOf(area: Box): CoverPlaces {
  const join = area.y + area.h * 0.48;
  const titleTop = Math.max(area.y, join - GAP - TITLE_H);
  const linesBottom = Math.min(area.y + area.h, join + GAP + LINES_H);
  return {
    title: { x: area.x, y: titleTop, w: area.w, h: join - GAP - titleTop },
    subtitle: { x: area.x, y: join + GAP, w: area.w, h: linesBottom - join - GAP },
  };
}

/**
 * The cover's places. `free` is the cover's area for text (the title and subtitle places
 * together, inside the slide, above its footers and off its art), asked only for a weak cover.
 */
export function coverPlaces(
  cover: LayoutInfo,
  own: CoverPlaces,
  contentTitle: Box | undefined,
  size: { w: number; h: number },
  free: (area: Box) => Box,
): CoverPlaces {
  const centred = cover.placeholders.some((p) => p.type === 'ctrTitle');
  const atTop = own.title.y + own.title.h <= HIGH * size.h;
  if (centred || !atTop || !likeContentTitle(own.title, contentTitle, size)) return own;
  const master = masterCover(cover, contentTitle, size, free);
  if (master) return master;
  // From the title's top to the subtitle's foot, as wide as the subtitle's place (Yellow Idea's
  // stands beside its bulb).
  const { x, w } = own.subtitle;
  const top = Math.min(own.title.y, own.subtitle.y);
  const bottom = Math.max(own.title.y + own.title.h, own.subtitle.y + own.subtitle.h);
  return middleOf(free({ x, y: top, w, h: bottom - top }));
}

/** A cover text's place and how its lines are aligned there. */
export interface PlacedText {
  box: Box;
  align: Alignment;
}

/** The cover's art the meeting lines are judged against (linesOnTitleAxis). */
export interface CoverArt {
  /** Its shapes' boxes, the art inside its backdrop picture and its footer places. */
  boxes: readonly Box[];
  /** Its line art (Yellow_Idea's tick marks and bulb). */
  strokes: readonly Segment[];
}

/**
 * How far (inches) the lines' axis may stand from the title's and still be on it: under half a
 * letter's width at the lines' 20 pt, so Piano's lines, 0.16 in wider on each side of one centre,
 * keep the template's width.
 */
const ON_AXIS = 0.1;

/**
 * The least share of their own place's width the lines take on the title's axis: the 60 % a title
 * keeps beside art (titleBesideArt). Midnightblue's lines get 74 % (5.12 of 6.89 in), one line more.
 */
const NARROWEST = 0.6;

/** Where a text's lines line up in `box`: its left or right edge, or its centre. */
function axisOf({ box, align }: PlacedText): number {
  if (align === 'left') return box.x;
  return align === 'right' ? box.x + box.w : box.x + box.w / 2;
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;

/** The art `place` meets: the boxes that reach into it and the strokes that cross it as they would a title's line. */
function artMet(place: Box, art: CoverArt): Set<Box | Segment> {
  const crosses = (s: Segment) => (clipped(s, place)?.length ?? 0) >= STRUCK;
  return new Set<Box | Segment>([...art.boxes.filter((b) => overlaps(b, place)), ...art.strokes.filter(crosses)]);
}

/**
 * The meeting lines on the title's axis: a title block whose lines keep two axes reads as
 * misaligned, not designed. LibreOffice's templates as exported give many "Title Slide" layouts
 * places from another master's geometry: Midnightblue centres its title at 5.5 in over lines
 * centred at 7.2 in, which then hang 1.7 in off to the right under the name. Off the axis, the
 * lines take the title's span (inside the slide's edges, as wide on either side of a centred
 * axis) and its alignment, where that place meets no art and no title their own place does
 * not: else they keep their place. Moved before the cover's places were settled, Yellow_Idea's lines went onto
 * its tick marks (round 18); its settled places share one span and stay.
 */
export function linesOnTitleAxis(
  title: PlacedText,
  lines: PlacedText,
  art: () => CoverArt,
  size: { w: number },
): PlacedText {
  if (title.align === lines.align && Math.abs(axisOf(title) - axisOf(lines)) <= ON_AXIS) return lines;
  const span = insideEdges(title.box, size);
  const axis = axisOf(title);
  const half = Math.min(axis - span.x, span.x + span.w - axis);
  const x = title.align === 'center' ? axis - half : span.x;
  const w = title.align === 'center' ? 2 * half : span.w;
  // A title much narrower than the lines' place would crowd them into more, shorter lines.
  if (w < NARROWEST * lines.box.w) return lines;
  const box = { ...lines.box, x, w };
  // Lines set beside the title, not under it (a title at the left, its lines at the right on the
  // same rows), moved onto its span, ran into it: every deck refused ("Subtitle overlaps Title").
  if (overlaps(box, title.box) && !overlaps(lines.box, title.box)) return lines;
  const cover = art();
  const own = artMet(lines.box, cover);
  const clear = [...artMet(box, cover)].every((a) => own.has(a));
  return clear ? { box, align: title.align } : lines;
}
