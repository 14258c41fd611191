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
import { leastHeightOf, type Words, wordsOf } from './least-height.js';
import { measurePrepared, prepareText, type PreparedText } from './measure-text.js';
import type { Insets, TableCell, TextRun, TextStyle } from './types.js';

const EPSILON = 1e-6;

/** A cell's text, or a cell with its own weight (a bold row is wider than a regular one) and italic lines. */
export type MeasuredCell = string | Pick<TableCell, 'text' | 'bold' | 'italicFrom'>;

/** Where line `n` (0-based) of `text` starts, or -1 when it has fewer lines. */
function lineStart(text: string, n: number): number {
  let at = 0;
  for (let line = 0; line < n; line++) {
    const end = text.indexOf('\n', at);
    if (end < 0) return -1;
    at = end + 1;
  }
  return at;
}

/** A cell's runs: one, or with `italicFrom` the lines above it and the italic rest (the "\n" kept, so lines break as written). */
export function cellRuns(cell: MeasuredCell): TextRun[] {
  if (typeof cell === 'string') return [{ text: cell }];
  const { text, bold } = cell;
  const start = cell.italicFrom === undefined ? -1 : lineStart(text, cell.italicFrom);
  if (start < 0) return [{ text, bold }];
  if (start === 0) return [{ text, bold, italic: true }];
  return [
    { text: text.slice(0, start), bold },
    { text: text.slice(start), bold, italic: true },
  ];
}

/** What besides the text and the style decides a cell's lines: its weight and its italic lines. */
const lookOf = (cell: MeasuredCell): string =>
  typeof cell === 'string'
    ? ''
    : `${cell.bold === undefined ? '' : cell.bold ? 'b' : 'r'}${cell.italicFrom === undefined ? '' : `i${cell.italicFrom}`}`;

/**
 * Cells split into break units once and their heights kept, for a table measured at many
 * sizes and column widths (size-table.ts tries several sizes over every row). Splitting is
 * most of measuring, and it does not depend on the size or the width, only on the text,
 * its weight and the face; one measure serves every row and size of one table.
 */
export class CellMeasure {
  /** Split cells by style (all but the size), look (lookOf) and text; each with its heights by size and width. */
  readonly #cells = new Map<string, Map<string, Map<string, MeasuredText>>>();
  /** The style key of each style object seen, with the insets it was measured in. */
  readonly #keys = new WeakMap<TextStyle, Map<Insets, string>>();

  /** The cell's height in inches, as `layoutParagraphs` gives it in a frame `width` wide. */
  height(cell: MeasuredCell, style: TextStyle, width: number, cellInsets: Insets = style.insets): number {
    const text = typeof cell === 'string' ? cell : cell.text;
    const measured = this.#measured(style, cellInsets, lookOf(cell), text);
    let bySize = measured.heights.get(style.fontSize);
    if (!bySize) measured.heights.set(style.fontSize, (bySize = new Map()));
    let height = bySize.get(width);
    if (height === undefined) {
      const cellStyle = { ...style, insets: cellInsets };
      if (!measured.prepared) measured.prepared = prepareText([{ runs: cellRuns(cell) }], cellStyle);
      // The same units, measured at this style's size: the height only, no line made or kept (a plan
      // tries every cell at several sizes; the lines are made for the size chosen, when drawn).
      height = measurePrepared({ ...measured.prepared, style: cellStyle }, style.fontSize, width).height;
      bySize.set(width, height);
    }
    return height;
  }

  /** The cell's words summed once, for its least height at any size and width (least-height.ts). */
  words(cell: MeasuredCell, style: TextStyle, cellInsets: Insets = style.insets): Words {
    const text = typeof cell === 'string' ? cell : cell.text;
    const measured = this.#measured(style, cellInsets, lookOf(cell), text);
    // Prepared with this style but another size is the same: all but the size is in the key.
    measured.prepared ??= prepareText([{ runs: cellRuns(cell) }], { ...style, insets: cellInsets });
    measured.words ??= wordsOf(measured.prepared);
    return measured.words;
  }

  #measured(style: TextStyle, insets: Insets, look: string, text: string): MeasuredText {
    let byInsets = this.#keys.get(style);
    if (!byInsets) this.#keys.set(style, (byInsets = new Map()));
    let key = byInsets.get(insets);
    // Everything but the size decides splitting and the height at a given size and width.
    if (key === undefined) byInsets.set(insets, (key = JSON.stringify({ ...style, fontSize: 0, insets })));
    let byWeight = this.#cells.get(key);
    if (!byWeight) this.#cells.set(key, (byWeight = new Map()));
    let byText = byWeight.get(look);
    if (!byText) byWeight.set(look, (byText = new Map()));
    let measured = byText.get(text);
    if (!measured) byText.set(text, (measured = { heights: new Map() }));
    return measured;
  }
}

interface MeasuredText {
  /** Split once, on the first size it is measured at (splitting does not depend on the size). */
  prepared?: PreparedText;
  /** Inches by font size, then by width. */
  heights: Map<number, Map<number, number>>;
  /** Summed on first use (least-height.ts). */
  words?: Words;
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
  const cellHeight = (cell: MeasuredCell, column: number): number =>
    measure.height(cell, style, columnWidths[column] ?? 0, cellInsets);
  return rows.map((row) =>
    row.reduce((tallest, cell, column) => Math.max(tallest, cellHeight(cell, column)), cellHeight('', 0)),
  );
}

/**
 * At most what `measureTableRows` gives for a row at `fontSize`: its cells' least heights
 * (CellMeasure.words), and never under `empty`, the height of an empty cell.
 */
export function leastRowHeight(
  columnWidths: readonly number[],
  row: readonly Words[],
  fontSize: number,
  empty: number,
): number {
  let tallest = empty;
  for (let column = 0; column < row.length; column++)
    tallest = Math.max(tallest, leastHeightOf(row[column]!, fontSize, columnWidths[column] ?? 0));
  return tallest;
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
