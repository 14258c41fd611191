/**
 * Chooses font sizes so text fits its box, and splits lists that do not fit at the
 * smallest allowed size into chunks for continuation slides ("(forts.)").
 * Sizes are in points, boxes and heights in inches.
 */
import { leastHeightOf, type Words, wordsOf } from './least-height.js';
import { layoutPrepared, prepareText, type Line, type PreparedText } from './measure-text.js';
import type { Box, Paragraph, TextStyle } from './types.js';

/** Heights are sums of floats; this keeps an exact fit a fit. */
const EPSILON = 1e-6;
/** The least share of its box a chunk fills when a list takes a slide more for a comfortable size. */
const FAIR_SHARE = 0.45;

export interface FitTextInput {
  paragraphs: readonly Paragraph[];
  /** `style.fontSize` is ignored: the sizes tried run from maxSize down to minSize. */
  style: TextStyle;
  box: Box;
  maxSize: number;
  minSize: number;
  /** Points between sizes tried. @default 0.5 */
  step?: number;
}

export interface FitTextResult {
  /** The largest size tried that fits, or minSize when none does. */
  fontSize: number;
  fits: boolean;
  /** Inches, with insets. */
  height: number;
  lines: Line[];
  warnings: string[];
  /** Words broken between letters at the chosen size (none when every word fits a line). */
  broken: string[];
}

/** The largest size ≤ maxSize, in `step`s, at which the text fits the box. */
export function fitText({ paragraphs, style, box, maxSize, minSize, step = 0.5 }: FitTextInput): FitTextResult {
  const prepared = prepareText(paragraphs, style);
  // A size whose least height (its words' total width alone) is over the box cannot fit: it is not wrapped.
  // Why: a long text in a narrow box (a staircase's explanation beside it) was wrapped at every size above the one
  // that fits. Most texts fit at the first size: their words are summed only when it does not.
  let words: Words | undefined;
  for (const fontSize of sizesFrom(maxSize, minSize, step)) {
    if (words && leastHeightOf(words, fontSize, box.w) > box.h + EPSILON) continue;
    const layout = layoutPrepared(prepared, fontSize, box.w);
    if (layout.height <= box.h + EPSILON) return { fontSize, fits: true, ...layout };
    words ??= wordsOf(prepared);
  }
  return { fontSize: minSize, fits: false, ...layoutPrepared(prepared, minSize, box.w) };
}

/** Paragraphs [start, end) that go on one slide, all at the same size. */
export interface ParagraphChunk {
  start: number;
  end: number;
  paragraphs: Paragraph[];
  /** Points; the same for every chunk of a split. */
  fontSize: number;
  /** Inches, with insets. */
  height: number;
  /** A single paragraph too tall for the box even at minSize: it overflows its slide. */
  overflow: boolean;
}

/**
 * Splits a list at paragraph boundaries into as few chunks as fit the box at minSize,
 * then uses the largest size ≤ style.fontSize that needs no more chunks, so
 * continuation slides share one size. Each paragraph's spaceBefore counts in every
 * chunk, so a paragraph's height is the same wherever it lands.
 *
 * A point and its sub-points (see paragraphGroups) stay in one chunk, so a
 * continuation slide never starts with a sub-point whose point is on the slide
 * before; only a group too tall for the box on its own is split between its paragraphs.
 */
export function splitParagraphs(
  paragraphs: readonly Paragraph[],
  style: TextStyle,
  box: Box,
  minSize: number,
  step = 0.5,
  comfortSize?: number,
): ParagraphChunk[] {
  if (paragraphs.length === 0) return [];
  const prepared = paragraphs.map((p) => prepareText([p], style));
  const groups = paragraphGroups(paragraphs);
  const available = box.h - style.insets.top - style.insets.bottom;
  // Each size measured once: the comfortable search below tries again sizes the first one measured.
  const measured = new Map<number, number[]>();
  const heightsOf = (fontSize: number): number[] => {
    let heights = measured.get(fontSize);
    if (!heights) measured.set(fontSize, (heights = heightsAt(prepared, fontSize, box.w)));
    return heights;
  };
  const fewest = packChunks(heightsOf(minSize), groups, available).length;
  const sizes = sizesFrom(Math.max(style.fontSize, minSize), minSize, step);
  const at = (fontSize: number, most: number) => {
    const heights = heightsOf(fontSize);
    return packChunks(heights, groups, available).length > most
      ? undefined
      : { fontSize, chunks: balanceChunks(heights, groups, available) };
  };
  const first = (candidates: number[], most: number) => {
    for (const size of candidates) {
      const found = at(size, most);
      if (found) return found;
    }
    return undefined;
  };
  let chosen = first(sizes, fewest)!;
  // Small text on few slides reads worse than comfortable text on one slide more, as long as
  // every slide then carries a fair share (a slide more holding one paragraph is worse still).
  if (comfortSize !== undefined && chosen.fontSize < comfortSize && fewest > 1) {
    const comfortable = first(
      sizes.filter((size) => size >= comfortSize),
      fewest + 1,
    );
    if (comfortable?.chunks.every((c) => c.content >= FAIR_SHARE * available)) chosen = comfortable;
  }
  return chosen.chunks.map(({ start, end, content }) => ({
    start,
    end,
    paragraphs: paragraphs.slice(start, end),
    fontSize: chosen.fontSize,
    height: content + style.insets.top + style.insets.bottom,
    overflow: content > available + EPSILON,
  }));
}

/** Paragraphs [start, end) that a split keeps together. */
export interface ParagraphGroup {
  start: number;
  end: number;
}

/**
 * Groups a list into points: an indented paragraph (level > 0, a sub-point) belongs
 * to the paragraph before it, every other paragraph starts a group.
 */
export function paragraphGroups(paragraphs: readonly Paragraph[]): ParagraphGroup[] {
  const groups: ParagraphGroup[] = [];
  paragraphs.forEach((p, index) => {
    const last = groups.at(-1);
    if (last && (p.level ?? 0) > 0) last.end = index + 1;
    else groups.push({ start: index, end: index + 1 });
  });
  return groups;
}

/** Each paragraph's height at `fontSize` in inches, without the frame's insets. */
function heightsAt(prepared: readonly PreparedText[], fontSize: number, width: number): number[] {
  return prepared.map((p) => layoutPrepared(p, fontSize, width).height - p.style.insets.top - p.style.insets.bottom);
}

/**
 * Greedy packing of paragraph heights (inches, without insets) into chunks of at most
 * `cap`, a group at a time; a group taller than `available` is packed a paragraph at a
 * time instead. Greedy in order gives the fewest chunks for a fixed order.
 */
function packChunks(heights: readonly number[], groups: readonly ParagraphGroup[], available: number, cap = available) {
  const heightOf = (start: number, end: number): number => heights.slice(start, end).reduce((sum, h) => sum + h, 0);
  const chunks: Array<{ start: number; end: number; content: number }> = [];
  const place = (start: number, end: number): void => {
    const height = heightOf(start, end);
    const last = chunks.at(-1);
    if (last && last.content + height <= cap + EPSILON) {
      last.end = end;
      last.content += height;
    } else {
      chunks.push({ start, end, content: height });
    }
  };
  for (const { start, end } of groups) {
    if (heightOf(start, end) <= available + EPSILON) place(start, end);
    else for (let i = start; i < end; i++) place(i, i + 1);
  }
  return chunks;
}

/**
 * The fewest chunks, spread evenly: each boundary at the unit boundary nearest to an equal
 * share of the whole height, as long as every chunk still fits `available`; otherwise the
 * smallest cap that needs no more chunks. So a list that just spills over gives two
 * half-full slides, never a full one and a near-empty continuation.
 */
function balanceChunks(heights: readonly number[], groups: readonly ParagraphGroup[], available: number) {
  const fewest = packChunks(heights, groups, available);
  if (fewest.length < 2) return fewest;
  return (
    evenChunks(heights, groups, available, fewest.length) ?? cappedChunks(heights, groups, available, fewest.length)
  );
}

/** Units a split may not cut: a group, or a paragraph of a group too tall for one chunk. */
function units(heights: readonly number[], groups: readonly ParagraphGroup[], available: number): ParagraphGroup[] {
  return groups.flatMap((g) => {
    const h = heights.slice(g.start, g.end).reduce((a, b) => a + b, 0);
    return h <= available + EPSILON
      ? [g]
      : Array.from({ length: g.end - g.start }, (_, i) => ({ start: g.start + i, end: g.start + i + 1 }));
  });
}

export function evenChunks(
  heights: readonly number[],
  groups: readonly ParagraphGroup[],
  available: number,
  count: number,
) {
  const parts = units(heights, groups, available);
  const ends: number[] = [];
  let sum = 0;
  for (const u of parts) ends.push((sum += heights.slice(u.start, u.end).reduce((a, b) => a + b, 0)));
  const cuts: number[] = [];
  for (let k = 1; k < count; k++) {
    const target = (sum * k) / count;
    let best = -1;
    ends.forEach((e, i) => {
      if (i >= parts.length - 1 || i <= (cuts.at(-1) ?? -1)) return;
      if (best < 0 || Math.abs(e - target) < Math.abs(ends[best]! - target)) best = i;
    });
    if (best < 0) return undefined;
    cuts.push(best);
  }
  const chunks: Array<{ start: number; end: number; content: number }> = [];
  let from = 0;
  for (const cut of [...cuts, parts.length - 1]) {
    const content = ends[cut]! - (from > 0 ? ends[from - 1]! : 0);
    if (content > available + EPSILON) return undefined;
    chunks.push({ start: parts[from]!.start, end: parts[cut]!.end, content });
    from = cut + 1;
  }
  return chunks;
}

function cappedChunks(heights: readonly number[], groups: readonly ParagraphGroup[], available: number, count: number) {
  let [low, high] = [0, available];
  for (let i = 0; i < 24; i++) {
    const mid = (low + high) / 2;
    if (packChunks(heights, groups, available, mid).length <= count) high = mid;
    else low = mid;
  }
  return packChunks(heights, groups, available, high);
}

/** maxSize, maxSize − step, … down to minSize, which is always included. */
export function sizesFrom(maxSize: number, minSize: number, step: number): number[] {
  const sizes: number[] = [];
  for (let i = 0; ; i++) {
    const size = Math.round((maxSize - i * step) * 100) / 100;
    if (size < minSize + EPSILON) break;
    sizes.push(size);
  }
  sizes.push(minSize);
  return sizes;
}
