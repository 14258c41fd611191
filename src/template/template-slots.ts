/**
 * The template's places for slides of two texts side by side, as the layout stage sees
 * them: a two-content layout's two bodies (columns), and a comparison layout's heading and
 * body pairs. A slot whose foot reaches below the content area (over the template's footer
 * or bottom art) counts with its foot cut off there: a top-anchored text inside it still
 * inherits the slot's box (pptx/slot-plan.ts), and stays off what lies below.
 */
import type { TemplateSlots } from '../layout/page.js';
import type { Box } from '../layout/types.js';
import type { LayoutInfo } from '../pptx/master-set.js';

const TOLERANCE = 0.05;

/** Inches of a slot that must be left above the content area's foot for it to count. */
const MIN_H = 1;

/** The share of a slot's width and height that must be left inside the content area for it to count. */
const MIN_SHARE = 0.75;

/** A comparison's heading place is at most this share of its body place's height. */
const HEADING_SHARE = 0.5;

/**
 * The part of the slot inside the content area: its foot cut off at the area's, and what art
 * reaching in from a side or from above took off the area (a text there still inherits the
 * slot's box, standing in by its insets); undefined when too little of the slot is left.
 */
function clip(b: Box, area: Box, share: number): Box | undefined {
  const x = Math.max(b.x, area.x);
  const w = Math.min(b.x + b.w, area.x + area.w) - x;
  const y = Math.max(b.y, area.y);
  const h = Math.min(b.y + b.h, area.y + area.h) - y;
  if (w < b.w * share - TOLERANCE || y - b.y > b.h * (1 - share) + TOLERANCE) return undefined;
  const cut = (d: number) => (Math.abs(d) <= TOLERANCE ? 0 : d);
  const box = { x: b.x + cut(x - b.x), y: b.y + cut(y - b.y), w: 0, h: 0 };
  box.w = Math.min(b.x + b.w, area.x + area.w + TOLERANCE) - box.x;
  box.h = Math.min(b.y + b.h, area.y + area.h) - box.y;
  return box.h >= Math.min(MIN_H, b.h) && h > 0 ? box : undefined;
}

/** The layout's body placeholders' boxes, when it has exactly `n` and all have a box. */
function bodies(layout: LayoutInfo, n: number): Box[] | undefined {
  const boxes = layout.placeholders.filter((p) => p.type === 'obj' || p.type === 'body').map((p) => p.box);
  if (boxes.length !== n || boxes.some((b) => b === undefined)) return undefined;
  return boxes as Box[];
}

/** Two boxes side by side (one ends before the other starts), left one first. */
function sideBySide(a: Box, b: Box): [Box, Box] | undefined {
  const [left, right] = a.x <= b.x ? [a, b] : [b, a];
  if (left.x + left.w > right.x + TOLERANCE) return undefined;
  // Columns start at the same height and are of a size, else they are not a pair.
  if (Math.abs(left.y - right.y) > 0.1 || Math.abs(left.h - right.h) > 0.1) return undefined;
  return [left, right];
}

function columnsOf(layout: LayoutInfo, area: Box, share: number): [Box, Box] | undefined {
  const found = bodies(layout, 2)?.map((b) => clip(b, area, share));
  return found?.every((b) => b !== undefined) ? sideBySide(found[0]!, found[1]!) : undefined;
}

function pairsOf(layout: LayoutInfo, area: Box, share: number): TemplateSlots['pairs'] {
  const found = bodies(layout, 4)?.map((b) => clip(b, area, share));
  if (!found?.every((b) => b !== undefined)) return undefined;
  // Headings are the two upper boxes, at most half as tall as the bodies under them: four places
  // of a size (LibreOffice's "Title, 4 Content") are a grid of contents, and a heading at the top
  // of a place as tall as its text's would stand an empty place's height above that text.
  const [h1, h2, b1, b2] = [...found].sort((a, b) => a.y - b.y);
  const headings = sideBySide(h1!, h2!);
  const bodyBoxes = sideBySide(b1!, b2!);
  if (!headings || !bodyBoxes) return undefined;
  const pairs = headings.map((heading, i) => ({ heading, body: bodyBoxes[i]! }));
  const stacked = pairs.every(
    ({ heading, body }) =>
      heading.h <= body.h * HEADING_SHARE &&
      heading.y + heading.h <= body.y + TOLERANCE &&
      Math.abs(heading.x - body.x) < 0.2,
  );
  return stacked ? (pairs as TemplateSlots['pairs']) : undefined;
}

/**
 * The places inside `area`; `share`: of each place's width and height that must be left there
 * (less for the tall part of the body beside the template's art, template-design.ts `besideArt`:
 * a place cut off by the art there is as narrow as the content area's side cuts may leave it).
 */
export function templateSlots(two: LayoutInfo, comparison: LayoutInfo, area: Box, share = MIN_SHARE): TemplateSlots {
  const columns = columnsOf(two, area, share);
  const pairs = pairsOf(comparison, area, share);
  return { ...(columns ? { columns } : {}), ...(pairs ? { pairs } : {}) };
}

/**
 * The free room a list may also take on a template whose body place is small, or whose content
 * area ends above art: the content area grown down to the template's footer places (or near the
 * slide's foot), when no art of the template lies in between; else beside the art that ends the
 * area (Forestbird's trees in a corner), when at least three quarters of the area's width is left
 * there. Undefined when there is less than 0.25 in more.
 */
export function roomBelow(area: Box, size: { w: number; h: number }, footers: Box[], art: Box[]): Box | undefined {
  const below = roomUnder(area, size, footers, art);
  if (below) return below;
  const bottom = area.y + area.h;
  // Art that starts within an inch below the area blocks the room there; art lower down only ends it.
  const blocks = art.filter((a) => a.y < bottom + 1 && a.y + a.h > bottom && overlapX(a, area) > 0);
  if (blocks.length === 0) return undefined;
  const left = Math.min(...blocks.map((a) => a.x)) - 0.05;
  const right = Math.max(...blocks.map((a) => a.x + a.w)) + 0.05;
  const sides = [
    { ...area, w: left - area.x },
    { ...area, x: right, w: area.x + area.w - right },
  ].filter((s) => s.w >= 0.75 * area.w);
  for (const side of sides) {
    const room = roomUnder(side, size, footers, art);
    if (room) return room;
  }
  return undefined;
}

const overlapX = (a: Box, b: Box) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);

function roomUnder(area: Box, size: { w: number; h: number }, footers: Box[], art: Box[]): Box | undefined {
  const bottom = area.y + area.h;
  const across = (b: Box) => Math.min(area.x + area.w, b.x + b.w) - Math.max(area.x, b.x) > 0;
  let limit = size.h - 0.3;
  for (const f of footers) if (across(f) && f.y >= bottom - 0.01) limit = Math.min(limit, f.y - 0.05);
  for (const a of art) {
    if (!across(a) || a.y + a.h <= bottom || a.y >= limit) continue;
    // Art reaching up into the content area, or into the room: the room ends above it, or there is none.
    if (a.y < bottom + 0.01) return undefined;
    limit = Math.min(limit, a.y - 0.05);
  }
  return limit - bottom >= 0.25 ? { ...area, h: limit - area.y } : undefined;
}
