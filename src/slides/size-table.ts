/**
 * The action plan's table size and pages: the font size, the column widths at that size,
 * each row's height, and which rows go on which slide.
 */
import { CellMeasure, leastRowHeight, type MeasuredCell, measureTableRows } from '../layout/fit-table.js';
import type { Words } from '../layout/least-height.js';
import { evenChunks } from '../layout/fit-text.js';
import { evenPages } from '../layout/even-pages.js';
import { comfortOnPage, type Page, READABLE } from '../layout/page.js';
import { WIDTH_SAFETY } from '../layout/measure-text.js';
import { textStyle } from '../layout/text-box.js';
import type { Insets, TextStyle } from '../layout/types.js';
import { CELL_INSETS, textWeights, widestWords, widthsAt } from './column-widths.js';
import type { PlanContent } from './plan-content.js';

/** Sums of floats: keeps an exact fit a fit (as fit-table.ts does). */
const EPSILON = 1e-6;

/**
 * Greedy pages [start, end) of body rows below a repeated header; a page's room depends on
 * its first row (the legend takes room on pages that start with marked rows). A row too
 * tall for an empty page gets a page of its own. `rowHeight` is called once per row, in
 * order; undefined as soon as more than `maxPages` pages are needed.
 */
function paginate(
  count: number,
  rowHeight: (i: number) => number,
  headerHeight: number,
  room: (start: number) => number,
  maxPages = Infinity,
): Array<[number, number]> | undefined {
  const pages: Array<[number, number]> = [];
  let start = 0;
  let used = headerHeight;
  for (let i = 0; i < count; i++) {
    const h = rowHeight(i);
    if (i > start && used + h > room(start) + EPSILON) {
      pages.push([start, i]);
      if (pages.length >= maxPages) return undefined;
      [start, used] = [i, headerHeight];
    }
    used += h;
  }
  pages.push([start, count]);
  return pages;
}

/** Every column holds its widest word (points at 1 pt) on a line at `size`. */
function holdsWords(widths: readonly number[], widest: readonly number[], size: number): boolean {
  const insets = CELL_INSETS.left + CELL_INSETS.right;
  return widths.every((w, c) => ((widest[c] ?? 0) * size * WIDTH_SAFETY) / 72 <= w - insets + EPSILON);
}

export interface Sized {
  style: TextStyle;
  /** Column widths at this size, in inches. */
  widths: number[];
  /** The header's height, then each body row's. */
  heights: number[];
  pages: Array<[number, number]>;
}

/**
 * The table's size and pages: as few pages as the theme's floor allows, then the
 * largest size that needs no more pages than that (one page when it fits at all).
 * Sizes that need too many pages are given up as soon as that shows, so a long plan
 * is measured in full only at the size it gets. Column widths follow each size.
 * `room` never shrinks for a later start (a legend only on the first pages).
 */
export function sizeTable(
  page: Page,
  content: PlanContent,
  width: number,
  room: (start: number) => number,
  cellInsets: Insets = CELL_INSETS,
): Sized {
  const { sizes, fonts } = page.theme;
  const widest = widestWords(content, fonts.body);
  const weights = textWeights(content, fonts.body);
  // Every size below measures the same cells again: each is split into words once.
  const measure = new CellMeasure();
  /** Each row's cells' words, summed once for every size tried (CellMeasure.words). */
  let rowWords: Words[][] | undefined;
  // A stacked cell's lower lines are drawn italic (plan-columns.ts), so they are measured so.
  const cell = (text: string, bold: boolean | undefined, italicFrom: number | undefined): MeasuredCell =>
    italicFrom !== undefined ? { text, bold, italicFrom } : bold === undefined ? text : { text, bold };
  const at = (size: number, maxPages = Infinity): Sized | undefined => {
    const style = textStyle(page, { size, insets: cellInsets });
    const widths = widthsAt(width, widest, weights, size);
    // A size at which a column cannot hold its widest word would break it between letters.
    if (size > sizes.minTable && !holdsWords(widths, widest, size)) return undefined;
    const [headerHeight = 0] = measureTableRows(
      widths,
      [content.header.map((text, c) => cell(text, undefined, content.headerItalicFrom?.[c]))],
      { ...style, bold: true },
      cellInsets,
      measure,
    );
    // The audience's own rows are drawn bold, so they are measured bold.
    const cells = (i: number): MeasuredCell[] => {
      const row = content.rows[i]!;
      return row.cells.map((text, c) => cell(text, row.own, row.italicFrom?.[c]));
    };
    // Greedy pages at heights no row can come in under need no more pages than at the real
    // heights (as the room never shrinks for a later start): more than `maxPages` there rules
    // the size out before a row is wrapped. A long plan tries many sizes that need too many.
    if (maxPages !== Infinity) {
      rowWords ??= content.rows.map((_, i) => cells(i).map((cell) => measure.words(cell, style, cellInsets)));
      const empty = measure.height('', style, widths[0] ?? 0, cellInsets);
      const least = (i: number): number => leastRowHeight(widths, rowWords![i]!, size, empty);
      if (!paginate(content.rows.length, least, headerHeight, room, maxPages)) return undefined;
    }
    const heights = [headerHeight];
    const rowHeight = (i: number): number => {
      const [h = 0] = measureTableRows(widths, [cells(i)], style, cellInsets, measure);
      heights.push(h);
      return h;
    };
    const pages = paginate(content.rows.length, rowHeight, headerHeight, room, maxPages);
    return pages && { style, widths, heights, pages };
  };
  const floor = at(sizes.minTable)!;
  // A table may grow up to the body size on as many slides as it needs at the floor, so a
  // short plan, and each slide of a long one, uses its room rather than leaving it empty below.
  const largest = Math.max(sizes.table, sizes.body);
  let chosen = floor;
  for (let size = largest; size > sizes.minTable; size -= 0.5) {
    const sized = at(size, floor.pages.length);
    if (sized) {
      chosen = sized;
      break;
    }
  }
  // Small text on few slides reads worse than comfortable text on one slide more (floor + 3 pt).
  const comfort = comfortOnPage(page, Math.min(sizes.table, sizes.minTable + 3), sizes.minTable, READABLE.table);
  if (chosen.style.fontSize < comfort && floor.pages.length > 1) {
    for (let size = sizes.table; size >= comfort; size -= 0.5) {
      const sized = at(size, floor.pages.length + 1);
      if (sized) return balancePages(sized, room);
    }
  }
  return balancePages(chosen, room);
}

/**
 * The same number of pages with rows spread evenly, so the last slide is never a near-empty
 * remainder: page breaks at the rows nearest equal shares where every page then fits the
 * smallest page's room, else page by page (even-pages.ts).
 */
function balancePages(sized: Sized, room: (start: number) => number): Sized {
  const count = sized.pages.length;
  if (count < 2) return sized;
  const [header = 0, ...rows] = sized.heights;
  // First choice: each page break at the row nearest an equal share (within the smallest page's room).
  const rooms = sized.pages.map(([start]) => room(start) - header);
  const even = evenChunks(
    rows,
    rows.map((_, i) => ({ start: i, end: i + 1 })),
    Math.min(...rooms),
    count,
  );
  if (even) return { ...sized, pages: even.map((c): [number, number] => [c.start, c.end]) };
  // Else each page as near an equal share of the rows left as its room allows (even-pages.ts).
  return { ...sized, pages: evenPages(rows, header, room, count) ?? sized.pages };
}
