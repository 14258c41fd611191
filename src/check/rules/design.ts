/**
 * Design rules: what a communication adviser would not send, though every text fits.
 * - `near-empty-continuation` (error): a "… (forts.)" slide whose content spans less than
 *   a quarter of the content area; the layout should have rebalanced instead.
 * - `sparse-shrunk` (warning): a slide whose content spans less than 40 % of its area
 *   while its text was shrunk below the theme's body size.
 * - `overlap` (error): two elements that overlap without one holding the other.
 * - `edge` (error): text closer to the slide's edge than the 0.3 in margin (footers exempt).
 * - `row-height` (warning): a table row drawn taller than its text needs (by 0.1 in or more).
 */
import type { Box } from '../../layout/types.js';
import { said } from '../../messages/catalogue.js';
import type { DeckModel, Finding, RuleOptions, SlideModel, TextFrame } from '../types.js';
import { elementName, finding, hasText, inches, isFooter, points, textShapes, visibleRuns } from './elements.js';
import { fieldOf } from './fields.js';
import { measureRowContent } from './overflow.js';
import { contentShare, continues, drawnBox, isChrome, largestGap, slideTitle } from './slide-geometry.js';

/** The least share of the content area a continuation slide must span. */
const MIN_CONTINUATION_SHARE = 0.25;
const SPARSE_SHARE = 0.4;
/** More of the content area than this empty in one stretch, and a slide is reported as left empty. */
const SPARSE_GAP = 2 / 3;
/** On a cover, of the whole slide: its title block stands around the middle, not at the top. */
const SPARSE_COVER = 0.55;
const EDGE_MARGIN = 0.3;
const ROW_SLACK = 0.1;
/** Overlaps smaller than this (square inches, or 0.02 in on a side) are hairlines, not design faults. */
const TOUCH = 0.02;

const located = (f: Finding): Finding => {
  const field = fieldOf(f.element);
  return field ? { ...f, field } : f;
};

export function checkDesign(deck: DeckModel, options: RuleOptions): Finding[] {
  return deck.slides
    .flatMap((slide, i) => [
      ...continuation(deck, slide, deck.slides.slice(0, i), options),
      ...sparse(deck, slide),
      ...overlaps(slide),
      ...edges(deck, slide),
      ...rowHeights(slide),
    ])
    .map(located);
}

function continuation(deck: DeckModel, slide: SlideModel, before: SlideModel[], { bodySize }: RuleOptions): Finding[] {
  const title = slideTitle(slide);
  // Measured only for the slides that need it: continuations, and slides with shrunk text.
  let measuredShare: number | undefined;
  const share = (): number => (measuredShare ??= contentShare(slide, deck.size));
  const found: Finding[] = [];
  const base = before.map(slideTitle).find((t) => continues(title, t));
  if (base && share() < MIN_CONTINUATION_SHARE) {
    found.push(
      finding(
        'error',
        'near-empty-continuation',
        slide.number,
        firstContent(slide),
        said('find.continuation', {
          base,
          share: Math.round(share() * 100),
          min: MIN_CONTINUATION_SHARE * 100,
        }),
      ),
    );
  }
  // The slide's main text: its largest plain text frame (labels and legends are small by design).
  const main = textShapes(slide)
    .filter((s) => !isChrome(s) && s.fill === null && s.box && !/^legend$/i.test(s.name))
    .sort((a, b) => b.box!.w * b.box!.h - a.box!.w * a.box!.h)[0];
  const shrunk = bodySize !== undefined && main && maxSize(main) < bodySize - 0.25 ? main : undefined;
  if (shrunk && share() < SPARSE_SHARE) {
    found.push(
      finding(
        'warning',
        'sparse-shrunk',
        slide.number,
        elementName(shrunk),
        said('find.sparseShrunk', {
          size: points(maxSize(shrunk)),
          body: points(bodySize!),
          share: Math.round(share() * 100),
        }),
      ),
    );
  }
  return found;
}

/**
 * A content slide with more than two thirds of the area between title and footer empty in
 * one stretch: a one-line statement or a two-row table left at the top of an empty slide.
 * A short text set large and centred leaves two smaller gaps, and is not reported.
 */
function sparse(deck: DeckModel, slide: SlideModel): Finding[] {
  if (slide.elements.some((e) => e.kind === 'shape' && e.placeholder === 'ctrTitle')) return [];
  if (!slide.elements.some((e) => !isChrome(e))) return [];
  // A cover (a title over a subtitle place) is judged on the whole slide: its title and lines
  // left at the top of an empty slide are what makes it weak (LibreOffice's Blue Curve as exported).
  const cover = slide.elements.some((e) => e.kind === 'shape' && e.placeholder === 'subTitle');
  const gap = largestGap(slide, deck.size, cover);
  if (gap <= (cover ? SPARSE_COVER : SPARSE_GAP)) return [];
  return [
    finding(
      'warning',
      'sparse',
      slide.number,
      firstContent(slide),
      said(cover ? 'find.sparseCover' : 'find.sparse', { share: Math.round(gap * 100) }),
    ),
  ];
}

const maxSize = (s: { text: TextFrame }): number =>
  Math.max(...visibleRuns(s.text).map((r) => r.size ?? 18)) * s.text.fontScale;

function firstContent(slide: SlideModel): string {
  const e = slide.elements.find((x) => !isChrome(x));
  return e ? elementName(e) : '(slide)';
}

function area(a: Box, b: Box): { w: number; h: number } {
  return {
    w: Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x),
    h: Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y),
  };
}

const inside = (a: Box, b: Box): boolean =>
  a.x >= b.x - TOUCH && a.y >= b.y - TOUCH && a.x + a.w <= b.x + b.w + TOUCH && a.y + a.h <= b.y + b.h + TOUCH;

function overlaps(slide: SlideModel): Finding[] {
  const drawn = slide.elements.flatMap((e) => {
    const box = drawnBox(e);
    return box && box.w > 0 && box.h > 0 ? [{ e, box }] : [];
  });
  const found: Finding[] = [];
  drawn.forEach((a, i) => {
    for (const b of drawn.slice(i + 1)) {
      const { w, h } = area(a.box, b.box);
      if (w <= TOUCH || h <= TOUCH) continue;
      // A shape that holds another (the joint body and its services, a band and its logos) is meant.
      if (inside(a.box, b.box) || inside(b.box, a.box)) continue;
      found.push(
        finding(
          'error',
          'overlap',
          slide.number,
          elementName(b.e),
          said('find.overlap', { other: elementName(a.e), w: inches(w), h: inches(h) }),
        ),
      );
    }
  });
  return found;
}

function edges(deck: DeckModel, slide: SlideModel): Finding[] {
  const found: Finding[] = [];
  for (const shape of textShapes(slide)) {
    // The template's own geometry is its designer's: a placeholder where its layout puts it is exempt.
    if (isFooter(shape) || !shape.box || shape.inheritedBox || !hasText(shape.text)) continue;
    const box = drawnBox(shape) ?? shape.box;
    const { insets } = shape.text;
    const text = {
      x: box.x + insets.left,
      y: box.y + insets.top,
      r: box.x + box.w - insets.right,
      b: box.y + box.h - insets.bottom,
    };
    const gaps = { left: text.x, top: text.y, right: deck.size.w - text.r, bottom: deck.size.h - text.b };
    // Trappa's text may come as close to an edge as the template's own placeholders do.
    const allowed = (side: keyof typeof gaps) => Math.min(EDGE_MARGIN, slide.templateMargins?.[side] ?? EDGE_MARGIN);
    const short = (Object.entries(gaps) as [keyof typeof gaps, number][]).map(([side, gap]) => ({
      side,
      gap,
      need: allowed(side),
    }));
    const { side, gap, need } = short.sort((p, q) => p.gap - p.need - (q.gap - q.need))[0]!;
    if (gap < need - 0.005) {
      found.push(
        finding(
          'error',
          'edge',
          slide.number,
          elementName(shape),
          said('find.edge', { gap: inches(Math.max(0, gap)), side: said(`word.edge.${side}`), need: inches(need) }),
        ),
      );
    }
  }
  return found;
}

function rowHeights(slide: SlideModel): Finding[] {
  const found: Finding[] = [];
  for (const table of slide.elements) {
    if (table.kind !== 'table') continue;
    const need = measureRowContent(table);
    const tall = table.rows
      .map((row, i) => ({ i, row, need: need[i] ?? 0 }))
      .filter(({ row, need: n }) => row.height > n + ROW_SLACK);
    if (tall.length > 0) {
      const { i, row, need: n } = tall[0]!;
      found.push(
        finding(
          'warning',
          'row-height',
          slide.number,
          elementName(table),
          said('find.rowHeight', { n: tall.length, row: i + 1, height: inches(row.height), need: inches(n) }),
        ),
      );
    }
  }
  return found;
}
