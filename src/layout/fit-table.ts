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
import { layoutPrepared, prepareText, type PreparedText } from './measure-text.js';
import type { Insets, TableCell, TextStyle } from './types.js';

const EPSILON = 1e-6;

/** A cell's text, or a cell with its own weight (a bold row is wider than a regular one). */
export type MeasuredCell = string | Pick<TableCell, 'text' | 'bold'>;

/**
 * Cells split into break units once and their heights kept, for a table measured at many
 * sizes and column widths (size-table.ts tries several sizes over every row). Splitting is
 * most of measuring, and it does not depend on the size or the width, only on the text,
 * its weight and the face; one measure serves every row and size of one table.
 */
export class CellMeasure {
  /** By style and text: the split cell, and its heights by size, width, insets and spacing. */
  readonly #cells = new Map<string, { prepared: PreparedText; heights: Map<string, number> }>();

  /** The cell's height in inches, as `layoutParagraphs` gives it in a frame `width` wide. */
  height(cell: MeasuredCell, style: TextStyle, width: number, styleKey = splitKey(style)): number {
    const run = typeof cell === 'string' ? { text: cell } : { text: cell.text, bold: cell.bold };
    const textKey = `${styleKey}\u0000${run.bold}\u0000${run.text}`;
    let known = this.#cells.get(textKey);
    if (!known) {
      known = { prepared: prepareText([{ runs: [run] }], style), heights: new Map() };
      this.#cells.set(textKey, known);
    }
    const { insets, lineSpacing } = style;
    const key = `${style.fontSize} ${width} ${insets.left} ${insets.right} ${insets.top} ${insets.bottom} ${lineSpacing}`;
    let height = known.heights.get(key);
    if (height === undefined) {
      // The same units, laid out with this style's size, insets and spacing.
      height = layoutPrepared({ ...known.prepared, style }, style.fontSize, width).height;
      known.heights.set(key, height);
    }
    return height;
  }
}

/** The style as splitting sees it: everything but what only laying out uses (size, insets, spacing). */
function splitKey(style: TextStyle): string {
  return JSON.stringify({ ...style, fontSize: 0, insets: 0, lineSpacing: 0 });
}

/**
 * Height of each row: every cell wrapped in its column's width inside `cellInsets`,
 * the tallest cell wins. `style` gives the font (set `bold` for a header row); a cell's
 * own `bold` wins over it. `measure` keeps split cells between calls (see CellMeasure).
 */
export function measureTableRows(
  columnWidths: readonly number[],
  rows: readonly (readonly MeasuredCell[])[],
  style: TextStyle,
  cellInsets: Insets,
  measure = new CellMeasure(),
): number[] {
  const cellStyle: TextStyle = { ...style, insets: cellInsets };
  const key = splitKey(cellStyle);
  const cellHeight = (cell: MeasuredCell, column: number): number =>
    measure.height(cell, cellStyle, columnWidths[column] ?? 0, key);
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
