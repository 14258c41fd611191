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
import type { Insets, TableCell, TextStyle } from './types.js';

const EPSILON = 1e-6;

/** A cell's text, or a cell with its own weight (a bold row is wider than a regular one). */
export type MeasuredCell = string | Pick<TableCell, 'text' | 'bold'>;

/**
 * Height of each row: every cell wrapped in its column's width inside `cellInsets`,
 * the tallest cell wins. `style` gives the font (set `bold` for a header row); a cell's
 * own `bold` wins over it.
 */
export function measureTableRows(
  columnWidths: readonly number[],
  rows: readonly (readonly MeasuredCell[])[],
  style: TextStyle,
  cellInsets: Insets,
): number[] {
  const cellStyle: TextStyle = { ...style, insets: cellInsets };
  const cellHeight = (cell: MeasuredCell, column: number): number => {
    const run = typeof cell === 'string' ? { text: cell } : { text: cell.text, bold: cell.bold };
    return layoutParagraphs([{ runs: [run] }], cellStyle, columnWidths[column] ?? 0).height;
  };
  return rows.map((row) =>
    row.reduce((tallest, cell, column) => Math.max(tallest, cellHeight(cell, column)), cellHeight('', 0)),
  );
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
