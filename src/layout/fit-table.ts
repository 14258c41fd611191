/**
 * Table rows: how tall each row gets when its cells wrap, and which rows go on which
 * slide when a table continues on the next one with its header repeated.
 * Widths and heights in inches.
 *
 * Cells wrap like text boxes (measure-text.ts). LibreOffice draws table text at 1.0 em
 * per line where PowerPoint uses 1.2 em; we use 1.2 em, so LibreOffice's rows come out
 * shorter than measured, never taller. A row's height written to the .pptx is a minimum:
 * both programs grow a row whose text needs more, so measured heights must be written.
 */
import { layoutParagraphs } from './measure-text.js';
import type { Insets, TextStyle } from './types.js';

const EPSILON = 1e-6;

/**
 * Height of each row: every cell wrapped in its column's width inside `cellInsets`,
 * the tallest cell wins. `style` gives the font (set `bold` for a header row).
 */
export function measureTableRows(
  columnWidths: readonly number[],
  rows: readonly (readonly string[])[],
  style: TextStyle,
  cellInsets: Insets,
): number[] {
  const cellStyle: TextStyle = { ...style, insets: cellInsets };
  const cellHeight = (text: string, column: number): number =>
    layoutParagraphs([{ runs: [{ text }] }], cellStyle, columnWidths[column] ?? 0).height;
  return rows.map((row) => row.reduce((tallest, text, column) => Math.max(tallest, cellHeight(text, column)), cellHeight('', 0)));
}

/**
 * Splits body rows into pages [start, end) that fit `availableHeight` below a repeated
 * header. A row too tall for an empty page gets a page of its own (and overflows it).
 * No rows gives one page with the header only: [[0, 0]].
 */
export function paginateRows(
  rowHeights: readonly number[],
  headerHeight: number,
  availableHeight: number,
): Array<[number, number]> {
  const pages: Array<[number, number]> = [];
  let start = 0;
  let used = headerHeight;
  rowHeights.forEach((height, index) => {
    if (index > start && used + height > availableHeight + EPSILON) {
      pages.push([start, index]);
      start = index;
      used = headerHeight;
    }
    used += height;
  });
  pages.push([start, rowHeights.length]);
  return pages;
}
