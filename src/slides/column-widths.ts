/**
 * The action plan's column widths: measured from the words and texts of each column, so no
 * word is split and a column of long texts gets the width it needs.
 */
import { hyphenateWord } from '../layout/hyphenate.js';
import { measureWidth, WIDTH_SAFETY } from '../layout/measure-text.js';
import type { Insets } from '../layout/types.js';
import { EMU_PER_INCH, ptToInch } from '../units.js';
import type { PlanContent } from './plan-content.js';

/** Relative column widths: Målgruppe, Aktivitet, Hensikt, Ansvar, Tid. */
const WEIGHTS = [22, 30, 23, 14, 11];
export const CELL_INSETS = { left: 0.08, right: 0.08, top: 0.05, bottom: 0.05 };
/** Where a line may break, as in break-lines.ts: at spaces, and after a hyphen or dash between letters. */
const BREAKS = /[\s\u200b]+|(?<=\p{L}[-\u2010\u2013\u2014])(?=\p{L})/u;

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Per column, its widest unbreakable word in points at 1 pt (it scales with the size).
 * The header is drawn bold, and so are the audience's own rows.
 */
export function widestWords(content: PlanContent, face: string): number[] {
  return cellLines(content).map((cells) => {
    let widest = 0;
    for (const lines of cells)
      for (const { text, bold, italic } of lines)
        for (const word of text.split(BREAKS))
          widest = Math.max(widest, measureWidth(word, { face, size: 1, bold, italic }));
    return widest;
  });
}

interface CellLine {
  text: string;
  bold: boolean;
  italic: boolean;
}

/**
 * Per column, each cell's lines with their look: the header is drawn bold, and so are the
 * audience's own rows; a stacked cell's lines from its `italicFrom` on are italic (plan-columns.ts).
 */
function cellLines(content: PlanContent): CellLine[][][] {
  const rows = [
    { cells: content.header, bold: true, italicFrom: content.headerItalicFrom },
    ...content.rows.map((r) => ({ cells: r.cells, bold: r.own, italicFrom: r.italicFrom })),
  ];
  return content.header.map((_, column) =>
    rows.map(({ cells, bold, italicFrom }) => {
      const from = italicFrom?.[column] ?? Number.POSITIVE_INFINITY;
      return (cells[column] ?? '').split('\n').map((text, i) => ({ text, bold, italic: i >= from }));
    }),
  );
}

/**
 * Per column, how much text it holds: the mean width of its cells on one line, in points
 * at 1 pt. Used as the columns' weights, so a column of long texts gets the width its
 * text needs and a column of dates does not take room from it (rows wrap less).
 */
export function textWeights(content: PlanContent, face: string): { mean: number[]; longest: number[] } {
  // A cell of two lines (plan-columns.ts) holds the text of both and is as wide as its wider line.
  const lines = cellLines(content).map((cells) =>
    cells.map((cell) => cell.map(({ text, bold, italic }) => measureWidth(text, { face, size: 1, bold, italic }))),
  );
  return {
    mean: lines.map((cells) => Math.max(1, sum(cells.map(sum)) / cells.length)),
    longest: lines.map((cells) => Math.max(1, ...cells.map((l) => Math.max(...l)))),
  };
}

/** Width in inches that a text `pt` wide at 1 pt needs on one line at `size`. */
const oneLine = (pt: number, size: number, insets: Insets): number =>
  ptToInch(pt * size * WIDTH_SAFETY) + insets.left + insets.right + 0.01;

/**
 * Width no cell of a column uses (every cell fits on one line with room to spare) goes to
 * the columns that wrap, smallest shortfall first, while it lasts: a column of short dates
 * does not keep width that would put a two-line name on one line. Never causes a new wrap.
 */
function lendSlack(widths: number[], need: readonly number[]): number[] {
  const out = [...widths];
  let slack = sum(out.map((w, i) => Math.max(0, w - need[i]!)));
  const short = out
    .map((w, i) => ({ i, gap: need[i]! - w }))
    .filter((c) => c.gap > 0)
    .sort((a, b) => a.gap - b.gap);
  const lenders = out.map((w, i) => Math.max(0, w - need[i]!));
  for (const { i, gap } of short) {
    if (gap > slack) break;
    // Each lender gives in proportion to what it can spare.
    const spare = sum(lenders);
    lenders.forEach((l, j) => {
      const give = (gap * l) / spare;
      out[j] = out[j]! - give;
      lenders[j] = l - give;
    });
    out[i] = out[i]! + gap;
    slack -= gap;
  }
  return out;
}

/**
 * When every cell fits on one line, each column gets its longest cell plus a share of
 * what is left, so no row wraps; otherwise the columns share by how much text they hold.
 */
function oneLineWidths(
  total: number,
  longestPt: readonly number[],
  size: number,
  insets: Insets,
): number[] | undefined {
  const need = longestPt.map((pt) => oneLine(pt, size, insets));
  const spare = total - sum(need);
  if (spare < 0) return undefined;
  const widths = need.map((w) => w + (spare * w) / sum(need));
  widths[widths.length - 1] = total - sum(widths.slice(0, -1));
  return widths;
}

/**
 * Column widths in inches that sum to `total`. Each column gets at least its widest word
 * at `size` (with the layout's WIDTH_SAFETY and the cell insets), so no word is split.
 * The rest goes by WEIGHTS: a column whose weighted share is below its minimum gets the
 * minimum and the others share what is left by weight, until every share is enough; so a
 * plan whose words fit keeps the weighted layout. When the minimums alone are wider than
 * the table, columns get it in proportion to them and long words break, as they must.
 */
export function columnWidths(
  total: number,
  widestPt: readonly number[],
  size: number,
  insets: Insets,
  weights: readonly number[] = WEIGHTS,
): number[] {
  // Rounded up to whole EMU, as the writer rounds widths, so a written column is never narrower.
  const minimums = widestPt.map(
    (pt) => Math.ceil((ptToInch(pt * size * WIDTH_SAFETY) + insets.left + insets.right) * EMU_PER_INCH) / EMU_PER_INCH,
  );
  const needed = sum(minimums);
  let widths: number[];
  if (needed >= total) {
    widths = minimums.map((m) => (total * m) / needed);
  } else {
    const weightOf = (i: number): number => weights[i] ?? 1;
    const fixed = new Set<number>();
    const shares = (): number[] => {
      const free = total - sum(minimums.filter((_, i) => fixed.has(i)));
      const weight = sum(minimums.map((_, i) => (fixed.has(i) ? 0 : weightOf(i))));
      return minimums.map((m, i) => (fixed.has(i) ? m : (free * weightOf(i)) / weight));
    };
    // Fixing a column at its minimum shrinks the others' shares, so look again.
    let short: number[];
    do {
      const current = shares();
      short = minimums.flatMap((m, i) => (!fixed.has(i) && current[i]! < m ? [i] : []));
      short.forEach((i) => fixed.add(i));
    } while (short.length > 0);
    widths = shares();
  }
  // The last column takes what rounding left, so the widths add up to the table's width.
  widths[widths.length - 1] = total - sum(widths.slice(0, -1));
  return widths;
}

/**
 * Column widths in inches at `size` for a table `total` wide: one line per cell when every
 * cell fits so; otherwise shared by how much text each column holds, slack lent to the
 * columns that wrap.
 */
export function widthsAt(
  total: number,
  widest: readonly number[],
  weights: { mean: number[]; longest: number[] },
  size: number,
): number[] {
  return (
    oneLineWidths(total, weights.longest, size, CELL_INSETS) ??
    lendSlack(
      columnWidths(total, widest, size, CELL_INSETS, weights.mean),
      weights.longest.map((pt) => oneLine(pt, size, CELL_INSETS)),
    )
  );
}

/** Each column's room for a word at `size`, in points at 1 pt (inside the insets, less the safety), as the layout measures it. */
function wordRoom(
  content: PlanContent,
  widest: readonly number[],
  total: number,
  size: number,
  face: string,
): number[] {
  const widths = widthsAt(total, widest, textWeights(content, face), size);
  return widths.map((w) => ((w - CELL_INSETS.left - CELL_INSETS.right) * 72) / (size * WIDTH_SAFETY));
}

/** Every column of the plan holds its widest word whole at `size` in a table `total` inches wide. */
export function wordsHeld(content: PlanContent, total: number, size: number, face: string): boolean {
  const widest = widestWords(content, face);
  const room = wordRoom(content, widest, total, size, face);
  return widest.every((pt, c) => pt <= (room[c] ?? 0) + 1e-6);
}

/**
 * The plan with every word that no column holds whole at the theme's floor `size` given soft
 * hyphens where its language allows (layout/hyphenate.ts), as a text box hyphenates a word too
 * long for its line. A narrow body place (Yellow_Idea) left «kommunikasjonsstrategien» broken
 * between two letters at 10 pt, and the check refused the deck. The plan as it is when every
 * column holds its widest word. (plan-columns.ts first tries fewer, wider columns.)
 */
export function hyphenatedAtFloor(
  content: PlanContent,
  total: number,
  size: number,
  face: string,
  language: string,
): PlanContent {
  const widest = widestWords(content, face);
  const room = wordRoom(content, widest, total, size, face);
  if (widest.every((pt, c) => pt <= (room[c] ?? 0) + 1e-6)) return content;
  const hyphenated = (text: string, column: number, bold: boolean): string =>
    text.replace(/[^\s\-\u2010\u2013\u2014]+/gu, (word) =>
      measureWidth(word, { face, size: 1, bold }) > (room[column] ?? 0) ? hyphenateWord(word, language) : word,
    );
  return {
    ...content,
    header: content.header.map((text, c) => hyphenated(text, c, true)),
    rows: content.rows.map((row) => ({ ...row, cells: row.cells.map((text, c) => hyphenated(text, c, row.own)) })),
  };
}
