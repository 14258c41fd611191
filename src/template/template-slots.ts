/**
 * The template's places for slides of two texts side by side, as the layout stage sees
 * them: a two-content layout's two bodies (columns), and a comparison layout's heading and
 * body pairs. Only places inside the content area count (a slot reaching into footer art
 * or past the slide would make the slide's text move there on *Reset slide*).
 */
import type { TemplateSlots } from '../layout/page.js';
import type { Box } from '../layout/types.js';
import type { LayoutInfo } from '../pptx/master-set.js';

const TOLERANCE = 0.05;

const inside = (b: Box, area: Box) =>
  b.x >= area.x - TOLERANCE &&
  b.y >= area.y - TOLERANCE &&
  b.x + b.w <= area.x + area.w + TOLERANCE &&
  b.y + b.h <= area.y + area.h + TOLERANCE;

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

function columnsOf(layout: LayoutInfo, area: Box): [Box, Box] | undefined {
  const found = bodies(layout, 2);
  const pair = found && sideBySide(found[0]!, found[1]!);
  return pair && pair.every((b) => inside(b, area)) ? pair : undefined;
}

function pairsOf(layout: LayoutInfo, area: Box): TemplateSlots['pairs'] {
  const found = bodies(layout, 4);
  if (!found || !found.every((b) => inside(b, area))) return undefined;
  // Headings are the two upper boxes, shorter than the bodies under them.
  const [h1, h2, b1, b2] = [...found].sort((a, b) => a.y - b.y);
  const headings = sideBySide(h1!, h2!);
  const bodyBoxes = sideBySide(b1!, b2!);
  if (!headings || !bodyBoxes) return undefined;
  const pairs = headings.map((heading, i) => ({ heading, body: bodyBoxes[i]! }));
  const stacked = pairs.every(
    ({ heading, body }) =>
      heading.h < body.h && heading.y + heading.h <= body.y + TOLERANCE && Math.abs(heading.x - body.x) < 0.2,
  );
  return stacked ? (pairs as TemplateSlots['pairs']) : undefined;
}

export function templateSlots(two: LayoutInfo, comparison: LayoutInfo, area: Box): TemplateSlots {
  const columns = columnsOf(two, area);
  const pairs = pairsOf(comparison, area);
  return { ...(columns ? { columns } : {}), ...(pairs ? { pairs } : {}) };
}
