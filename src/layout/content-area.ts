/**
 * Where Trappa's content goes on a template's slide: the layout's body area kept inside the slide,
 * above its footer places, below its title, and off its art (template/template-design.ts), or over
 * the art where that is the area's backdrop. Here, below both, because placement and `trappa
 * check`'s `art` rule (check/rules/template-art.ts) take this one decision (`layoutContentPlan`).
 */
import type { Box } from './types.js';

/** `area` with the side cut off that keeps the most of it clear of `art`; unchanged when no cut keeps `min`. */
function avoid(area: Box, art: Box, min: { w: number; h: number }, margin: number, wide: number): Box {
  const right = area.x + area.w;
  const bottom = area.y + area.h;
  const overlaps = art.x < right && art.x + art.w > area.x && art.y < bottom && art.y + art.h > area.y;
  if (!overlaps) return area;
  const cuts: Box[] = [
    { ...area, h: art.y - margin - area.y },
    { ...area, y: art.y + art.h + margin, h: bottom - (art.y + art.h + margin) },
    { ...area, w: art.x - margin - area.x },
    { ...area, x: art.x + art.w + margin, w: right - (art.x + art.w + margin) },
  ].filter((c) => c.w >= min.w && c.h >= min.h);
  // A cut above or below keeps the full width that tables, diagrams and panels beside lists are
  // laid out for: it wins unless a side cut keeps a quarter more.
  const size = (c: Box) => c.w * c.h * (c.w === area.w ? wide : 1);
  return cuts.reduce<Box | undefined>((a, b) => (!a || size(b) > size(a) ? b : a), undefined) ?? area;
}

/**
 * The content area: the layout's body area, kept inside the slide, above the template's
 * footer places that reach into it (a body placeholder drawn over the footer, or past the
 * slide's bottom edge, is the template's; Trappa's shapes must not follow it there), and off
 * the template's art (trees along the bottom, a wave, a picture band): each piece of art that
 * reaches into the area cuts off the side that keeps most of it (a full-width cut preferred), as long as at least 60 % of
 * the area's width and height (and 1 in) is left; art that no such cut clears stays under the
 * content, where the legibility step gives text over it a colour that reads or a panel. Art
 * that would leave less than half of the area is the area's backdrop pattern: the area stays whole.
 */
/** The share of the body area below which art is a backdrop pattern rather than something to keep off. */
const PATTERN = 0.5;

/**
 * Art inside the backdrop picture (ink blots on paper, check/ground-art.ts) takes a small bite
 * off the area's side, at most this share of its width (the area keeps its height, which decides
 * how much a slide holds); art too wide for that is kept off by a full-width cut above or below
 * it, as the template's art shapes are (Nature_Illustration's trees along the foot of its body
 * place: lists set over them needed a panel). Art no such cut clears stays under the content,
 * which the legibility step then makes read on it (the picture is the design's ground there).
 */
const BITE = 0.9;

/** How much more a full-width cut counts than a side cut of the same area. */
const FULL_WIDTH = 1.25;

/**
 * Placement's decision on a body place: the content area, and the template's art it leaves under
 * that area on purpose (`under`): all art reaching into it where keeping off the art would leave
 * less than half the place (the art is the area's backdrop), else the art no cut clears. Content
 * over that art is the design (its shapes opaque, its text in a colour that reads or on a panel);
 * `trappa check`'s `art` rule asks the same function, so it reports only shapes placed off this plan.
 */
export interface ContentPlan {
  area: Box;
  under: Box[];
}

/** The content area of contentPlan's decision; `wide` as there. */
export const contentArea = (...plan: Parameters<typeof contentPlan>): Box => contentPlan(...plan).area;

/**
 * The content area and the art it leaves under it (ContentPlan).
 * @param wide how much more a full-width cut counts (1: the largest cut, the tall part beside the art where that is larger).
 */
function contentPlan(
  body: Box,
  size: { w: number; h: number },
  footers: Box[],
  art: Box[] = [],
  inPicture: Box[] = [],
  wide = FULL_WIDTH,
): ContentPlan {
  const margin = 0.05;
  const x = Math.max(margin, body.x);
  const y = Math.max(margin, body.y);
  let bottom = Math.min(body.y + body.h, size.h - margin);
  const across = (b: Box) => Math.min(x + body.w, b.x + b.w) - Math.max(x, b.x);
  for (const f of footers) if (across(f) > 0 && f.y > y && f.y < bottom) bottom = f.y - margin;
  let area: Box = { x, y, w: Math.min(body.x + body.w, size.w - margin) - x, h: bottom - y };
  const min = { w: Math.max(1, 0.6 * area.w), h: Math.max(1, 0.6 * area.h) };
  const whole = area;
  // The largest pieces first: a band decides the cut before a bird sitting on it.
  for (const a of [...art].sort((p, q) => q.w * q.h - p.w * p.h)) area = avoid(area, a, min, 0.1, wide);
  // Keeping off it all would leave less than half the place (Grey_Elegant's patchwork of blocks
  // under its whole body place): the art is the place's backdrop, not something beside the content.
  if (area.w * area.h < PATTERN * whole.w * whole.h) return planned(whole, [...art, ...inPicture]);
  return planned(offPictureArt(area, inPicture, min.h), [...art, ...inPicture]);
}

/** Whether `art` reaches REACH into `area` both ways (less: the text's insets and line gaps keep off it). */
function reaches(area: Box, art: Box): boolean {
  const across = Math.min(area.x + area.w, art.x + art.w) - Math.max(area.x, art.x);
  const down = Math.min(area.y + area.h, art.y + art.h) - Math.max(area.y, art.y);
  return across >= REACH && down >= REACH;
}

/** The plan of `area`: the art of `art` that reaches into it. */
function planned(area: Box, art: Box[]): ContentPlan {
  const into = (a: Box) => a.x < area.x + area.w && a.x + a.w > area.x && a.y < area.y + area.h && a.y + a.h > area.y;
  return { area, under: art.filter(into) };
}

/**
 * `area` clear of the art inside the backdrop picture: each piece, the largest first, bitten
 * off a side (keeping the area's height and at least BITE of its width), else cut off above or
 * below it, full width, keeping `minHeight` (a side cut wider than a bite would narrow the
 * columns and diagrams more than the art is worth keeping off). The cuts are kept only when they
 * clear all of it: where some art stays under the content anyway (Blueprint_Plans' pencil across
 * its body), the text there needs its colour or panel all the same and a cut would only cost room.
 */
function offPictureArt(area: Box, inPicture: readonly Box[], minHeight: number): Box {
  let bitten = area;
  for (const a of inPicture) if (reaches(bitten, a)) bitten = bite(bitten, a) ?? bitten;
  const pieces = [...inPicture].sort((p, q) => q.w * q.h - p.w * p.h);
  let cut = area;
  for (const a of pieces) if (reaches(cut, a)) cut = bite(cut, a) ?? avoid(cut, a, { w: cut.w, h: minHeight }, 0.1, 1);
  return pieces.some((a) => reaches(cut, a)) ? bitten : cut;
}

/** `area` with a side bitten off that clears `art`, keeping at least BITE of its width; undefined when none does. */
function bite(area: Box, art: Box): Box | undefined {
  const right = area.x + area.w;
  const bites = [
    { ...area, x: art.x + art.w + 0.1, w: right - (art.x + art.w + 0.1) },
    { ...area, w: art.x - 0.1 - area.x },
  ].filter((c) => c.w >= BITE * area.w);
  return bites.reduce<Box | undefined>((a, b) => (!a || b.w > a.w ? b : a), undefined);
}

/** How far (inches) art inside the backdrop picture must reach into the content area to be kept off. */
const REACH = 0.15;

/** The box around `boxes` (undefined ones left out); undefined when there are none. */
export function union(boxes: (Box | undefined)[]): Box | undefined {
  const present = boxes.filter((b): b is Box => b !== undefined);
  if (present.length === 0) return undefined;
  const x = Math.min(...present.map((b) => b.x));
  const y = Math.min(...present.map((b) => b.y));
  return { x, y, w: Math.max(...present.map((b) => b.x + b.w)) - x, h: Math.max(...present.map((b) => b.y + b.h)) - y };
}

/** A layout's places as placement reads them: its body places' union, its title's and its footer places' boxes. */
export interface BodyPlaces {
  body: Box;
  title?: Box;
  footers: Box[];
}

/**
 * The content plan of a layout (ContentPlan): its body place below its title (belowTitle), above
 * its footer places and off its art (contentPlan). Placement lays each slide's content in this
 * area (template/template-design.ts); `trappa check` asks it where content on art is the design.
 */
export function layoutContentPlan(
  places: BodyPlaces,
  size: { w: number; h: number },
  art: Box[],
  inPicture: Box[],
  wide?: number,
): ContentPlan {
  return contentPlan(belowTitle(places.body, places.title), size, places.footers, art, inPicture, wide);
}

/**
 * The free area under the layout's title where its body place is a strip (under 40 % of the
 * slide's height: Midnightblue's and Vintage's content layouts carry a title set in the middle of
 * the slide): from the title's foot down to the footer places, as wide as the body (its content
 * area `area`), title and footer places together, off the art (contentPlan). Undefined for a body
 * place of a reasonable height, or when the free area holds less than a sixth more. Placement
 * offers it to the slides (`page.template.free`), so the `art` rule asks for it too.
 */
export function freeUnderTitle(
  places: Pick<BodyPlaces, 'title' | 'footers'>,
  area: Box,
  size: { w: number; h: number },
  art: Box[],
  inPicture: Box[],
): ContentPlan | undefined {
  const { title, footers } = places;
  if (!title || area.h >= STRIP * size.h || title.y + title.h > area.y + 0.05) return undefined;
  // What Trappa places there is its own, so the edge rule's 0.3 in applies (check/rules/slide-geometry.ts).
  const edge = 0.3;
  const across = union([area, title, ...footers])!;
  const top = title.y + title.h + 0.05;
  const x = Math.max(edge, across.x);
  const w = Math.min(across.x + across.w, size.w - edge) - x;
  const free = contentPlan({ x, y: top, w, h: size.h - edge - top }, size, footers, art, inPicture);
  const { area: a } = free;
  return a.h * a.w >= FREE_GAIN * area.w * area.h && a.h >= area.h ? free : undefined;
}

/** A body place lower than this share of the slide's height is a strip. */
const STRIP = 0.4;

/** How much larger than the content area the free area must be to be offered to the slides. */
const FREE_GAIN = 7 / 6;

/**
 * `body` starting below `title` where the title reaches into its top (Piano's title, back in its
 * master's bar, ends 0.1 in under the top of the layout's body place): content never runs under
 * the title. Unchanged when the title lies elsewhere, or when that would leave under 60 % of it.
 */
export function belowTitle(body: Box, title: Box | undefined): Box {
  if (!title) return body;
  const across = Math.min(body.x + body.w, title.x + title.w) - Math.max(body.x, title.x);
  const foot = title.y + title.h + 0.1;
  if (across <= 0 || title.y >= body.y || title.y + title.h <= body.y + 0.02) return body;
  const h = body.y + body.h - foot;
  return h >= 0.6 * body.h ? { ...body, y: foot, h } : body;
}

/** Whether a piece of art reaches into a place, and whether it holds the whole place. */
function artOn(place: Box, a: Box): { meets: boolean; holds: boolean } {
  const right = place.x + place.w;
  const bottom = place.y + place.h;
  return {
    meets: a.x < right && a.x + a.w > place.x && a.y < bottom && a.y + a.h > place.y,
    holds: a.x <= place.x && a.x + a.w >= right && a.y <= place.y && a.y + a.h >= bottom,
  };
}

/**
 * The title's place ending before the template's art that crosses it (Inspiration's purple tab
 * stands over the right end of its title band): the title is set only beside the art, keeping its
 * start (a title is read from there) and at least 60 % of its width. Art that holds the whole place (the band the title is set on),
 * lies away from it or reaches only part of its height changes nothing.
 */
export function titleBesideArt(title: Box, art: readonly Box[]): Box {
  let place = title;
  for (const a of art) {
    const { meets, holds } = artOn(place, a);
    // Art across the title's whole height stands in its way (a tab); art that reaches only part
    // of it is the ground the title is set on (Grey_Elegant's blocks), judged for contrast instead.
    const across = a.y <= place.y + 0.02 && a.y + a.h >= place.y + place.h - 0.02;
    if (!meets || holds || !across) continue;
    const w = a.x - 0.1 - place.x;
    if (w >= 0.6 * title.w) place = { ...place, w };
  }
  return place;
}

/** A band across the slide: its top and foot, inches down. */
type Band = [number, number];

/** What is left of `band` above `top` and below `foot`. */
const bandWithout = ([y0, y1]: Band, top: number, foot: number): Band[] =>
  foot <= y0 || top >= y1
    ? [[y0, y1]]
    : (
        [
          [y0, top],
          [foot, y1],
        ] as Band[]
      ).filter(([p, q]) => q > p);

/** How far (inches) a widened title's band keeps from the art above or below it. */
const BAND_MARGIN = 0.05;

/**
 * The title's place widened to the content's width (`across`), in the tallest band of the place's
 * height that no art crosses there: where a template flanks a narrow title place with art (Sunset's
 * two pairs of rules beside its 3.9-in place), a long title takes this one instead of three short
 * lines in the place (text-box.ts titleElements). Art holding the whole widened place is its ground.
 * Undefined where the place already spans `across`.
 */
export function titleAcrossArt(title: Box, across: Box, art: readonly Box[]): Box | undefined {
  const x = Math.min(title.x, across.x);
  const w = Math.max(title.x + title.w, across.x + across.w) - x;
  if (w <= title.w + 0.01) return undefined;
  const wide = { ...title, x, w };
  let bands: Band[] = [[title.y, title.y + title.h]];
  for (const a of art) {
    const { meets, holds } = artOn(wide, a);
    if (meets && !holds) bands = bands.flatMap((b) => bandWithout(b, a.y - BAND_MARGIN, a.y + a.h + BAND_MARGIN));
  }
  const tallest = bands.reduce<Band | undefined>((a, b) => (!a || b[1] - b[0] > a[1] - a[0] ? b : a), undefined);
  return tallest && { x, y: tallest[0], w, h: tallest[1] - tallest[0] };
}

/** The least share of a footer's place left beside the art for the footer to move there. */
const FOOTER_KEPT = 0.6;
/** Art at most this share of a footer place's height is a mark in its line (Yellow_Idea's triangle: 0.22 of 0.43 in). */
const MARK_HEIGHT = 0.75;

/**
 * A footer's (or slide number's) place without the template's art that reaches into one of its
 * ends (Yellow_Idea's white triangle over the right end of its centred footer place: 37 of its
 * 48 `art` warnings, the triangle on the footer's last letters on every slide). The place ends
 * 0.1 in before art in its right half, or starts 0.1 in after art in its left half, keeping at
 * least 60 % of its width. Art wider than the 40 % that may go or taller than 3/4 of the place
 * (a shape of the band the footer is set on), art that holds the whole place, or a cut that would
 * leave less, changes nothing.
 */
export function footerBesideArt(place: Box, art: readonly Box[]): Box {
  let kept = place;
  for (const a of art) {
    const { meets, holds } = artOn(kept, a);
    // A mark in the footer's line at the place's end, not a shape of the ground the footer is set
    // on: Focus' polygons (wider than the 40 % that may go) and Beehive's hexagons (as tall as its
    // footer place, 0.77 in) keep their footers, which read there on one line; cut, they took two.
    if (!meets || holds || a.w > (1 - FOOTER_KEPT) * place.w || a.h > MARK_HEIGHT * place.h) continue;
    const atRight = a.x + a.w / 2 >= kept.x + kept.w / 2;
    const cut = atRight
      ? { ...kept, w: a.x - 0.1 - kept.x }
      : { ...kept, x: a.x + a.w + 0.1, w: kept.x + kept.w - (a.x + a.w + 0.1) };
    if (cut.w >= FOOTER_KEPT * place.w) kept = cut;
  }
  return kept;
}
