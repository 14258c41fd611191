/**
 * Where a text is really drawn, and the panels behind texts on a template deck.
 *
 * A text's box is often taller than its lines (a subtitle in the title slide's tall slot, a
 * short list in the content slot): legibility is judged where the lines are, as `trappa
 * check` measures it (check/rules/contrast.ts), and a panel a text needs covers those lines,
 * not the empty rest of its box (Lights' title slide had a white box over half the slide).
 *
 * On a busy picture, texts side by side, some on panels and some on the picture, read
 * patchy (Candy): one panel then lies behind the body's texts that stand together (and
 * Trappa's own shapes among them), and each is judged on that panel (slide-structure.ts). A
 * caption at a column's foot, apart from the column's lines, takes a panel of its own: one
 * panel over both covered the empty picture between them (Piano's keys).
 */
import { lineSpan, sharedAlignment } from '../layout/line-span.js';
import { bulletMarginPt, layoutParagraphs, WIDTH_SAFETY } from '../layout/measure-text.js';
import { textHeight } from '../layout/text-box.js';
import type { Box, SlideElement, TextElement } from '../layout/types.js';
import { ptToInch } from '../units.js';

/** The part of the box the text takes, insets included, placed by its anchor. */
export function textArea(e: TextElement): Box {
  const { box, style } = e;
  const needed = Math.min(box.h, textHeight(e.paragraphs, style, box.w));
  const free = box.h - needed;
  const y = style.valign === 'middle' ? box.y + free / 2 : style.valign === 'bottom' ? box.y + free : box.y;
  return { x: box.x, y, w: box.w, h: needed };
}

/**
 * The widest of the text's lines, in inches (bullet indent included), as the layout wraps them;
 * undefined when a paragraph takes more than one line: a renderer may wrap it otherwise, its
 * lines then reaching anywhere across the frame.
 */
function widestLine(e: TextElement): number | undefined {
  const { lines } = layoutParagraphs(e.paragraphs, e.style, e.box.w);
  if (new Set(lines.map((l) => l.paragraph)).size < lines.length) return undefined;
  const indent = (i: number) => (e.paragraphs[i]?.bullet ? bulletMarginPt(e.paragraphs[i]!.level ?? 0) : 0);
  return ptToInch(Math.max(0, ...lines.map((l) => l.width * WIDTH_SAFETY + indent(l.paragraph))));
}

/** Where the lines are: the text's area inside its insets, as wide as its lines where they share an alignment and none wraps. */
export function drawnArea(e: TextElement): Box {
  const area = textArea(e);
  const { left, right, top, bottom } = e.style.insets;
  const inner = {
    x: area.x + left,
    y: area.y + top,
    w: Math.max(0.01, area.w - left - right),
    h: Math.max(0.01, area.h - top - bottom),
  };
  const widest = widestLine(e);
  const align = sharedAlignment(e.paragraphs.map((p) => p.align ?? e.style.align ?? 'left'));
  return widest === undefined ? inner : lineSpan(inner, widest, align);
}

/** What a panel behind the text covers: its lines with the text's insets around them. */
export function panelArea(e: TextElement): Box {
  const lines = drawnArea(e);
  const { left, right, top, bottom } = e.style.insets;
  return { x: lines.x - left, y: lines.y - top, w: lines.w + left + right, h: lines.h + top + bottom };
}

function union(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { x, y, w: right - x, h: bottom - y };
}

const meets = (a: Box, b: Box) =>
  Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.02 &&
  Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.02;
const holds = (a: Box, b: Box) =>
  b.x >= a.x - 0.02 && b.y >= a.y - 0.02 && b.x + b.w <= a.x + a.w + 0.02 && b.y + b.h <= a.y + a.h + 0.02;

/** A body element: neither the title nor a footer (slide number, date). */
const isBodyElement = (e: SlideElement): boolean => e.type !== 'text' || e.role === undefined || e.role === 'body';

/** As `trappa check` sees a body element drawn (rules/slide-geometry.ts): a text with a fill of its own is its whole box, one without only as tall as its lines. */
const drawnBox = (e: SlideElement): Box => (e.type === 'text' && !e.fill ? textArea(e) : e.box);

/**
 * How far apart two body elements may stand and still share a panel: the layout's own spacing
 * (what-why's rows stand 0.5 in apart), not the slack of a column whose caption stands at its
 * foot (Piano's «Målgrupper»: one dark panel ran on 1.0 in over the piano keys, empty, from
 * the list to its caption).
 */
const ADJACENT = 0.5;

/** The gap between two boxes, the larger of the two ways; 0 where they meet. */
function gapBetween(a: Box, b: Box): number {
  const dx = Math.max(a.x - (b.x + b.w), b.x - (a.x + a.w), 0);
  const dy = Math.max(a.y - (b.y + b.h), b.y - (a.y + a.h), 0);
  return Math.max(dx, dy);
}

/**
 * The panels behind a slide's body: its elements (the indices into `elements`) in groups that
 * stand within ADJACENT of one another, each group with what its members take (every body
 * text's lines' area, and Trappa's own shapes, tables and pictures among them). Groups whose
 * panels would meet are one group, so no panel lies over another group's content.
 */
export function bodyPanelGroups(
  elements: SlideElement[],
  dropped: (e: SlideElement) => boolean,
): Array<{ members: number[]; box: Box }> {
  const body = elements.flatMap((e, i) => (isBodyElement(e) && !dropped(e) ? [{ at: i, box: drawnBox(e) }] : []));
  let groups = body.map((m) => ({ members: [m], box: m.box }));
  const near = (a: (typeof groups)[number], b: (typeof groups)[number]) =>
    meets(a.box, b.box) || a.members.some((m) => b.members.some((n) => gapBetween(m.box, n.box) <= ADJACENT + 0.005));
  // Joined pair by pair until no two groups are near: a handful of elements a slide.
  for (let pair = findPair(groups, near); pair; pair = findPair(groups, near)) {
    const [a, b] = pair;
    const joined = {
      members: [...groups[a]!.members, ...groups[b]!.members],
      box: union([groups[a]!.box, groups[b]!.box]),
    };
    groups = [...groups.filter((_, i) => i !== a && i !== b), joined];
  }
  return groups
    .map((g) => ({ members: g.members.map((m) => m.at).sort((x, y) => x - y), box: g.box }))
    .sort((x, y) => x.members[0]! - y.members[0]!);
}

/** The first two items that are `near`, by their indices. */
function findPair<T>(items: T[], near: (a: T, b: T) => boolean): [number, number] | undefined {
  for (let a = 0; a < items.length; a++)
    for (let b = a + 1; b < items.length; b++) if (near(items[a]!, items[b]!)) return [a, b];
  return undefined;
}

/**
 * Whether a panel at `p` lies on the slide and clear of everything else on it (`others`): each
 * either apart from it, or wholly on it, or holding it, as `trappa check`'s overlap rule wants.
 */
export function panelClear(p: Box, others: Box[], size: { w: number; h: number }): boolean {
  return (
    p.x >= 0 &&
    p.y >= 0 &&
    p.x + p.w <= size.w &&
    p.y + p.h <= size.h &&
    others.every((o) => !meets(p, o) || holds(p, o) || holds(o, p))
  );
}

/** How far a panel reaches past the text's lines on each side, where nothing else is there. */
const PANEL_MARGIN = 0.1;

/**
 * The panel grown by a margin on each side where that side keeps clear of everything else on
 * the slide (`others`: its texts, shapes and panels, the panel's own text too): each either
 * apart from the panel, or wholly on it, or holding it, as `trappa check`'s overlap rule wants;
 * and on the slide. Text set on a panel then stands off its edges instead of touching them
 * (the templates' own zero insets, a renderer setting the lines a little taller than measured).
 */
export function withMargin(panel: Box, others: Box[], size: { w: number; h: number }): Box {
  const fine = (p: Box) => panelClear(p, others, size);
  const sides: Array<(b: Box) => Box> = [
    (b) => ({ ...b, x: b.x - PANEL_MARGIN, w: b.w + PANEL_MARGIN }),
    (b) => ({ ...b, w: b.w + PANEL_MARGIN }),
    (b) => ({ ...b, y: b.y - PANEL_MARGIN, h: b.h + PANEL_MARGIN }),
    (b) => ({ ...b, h: b.h + PANEL_MARGIN }),
  ];
  // One side at a time, so a panel hemmed in above still gains its margin below.
  return sides.reduce((out, grow) => (fine(grow(out)) ? grow(out) : out), panel);
}
