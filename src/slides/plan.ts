/**
 * Arbeidet med kommunikasjonsplan: the action plan as a native table.
 * The audience's rows are marked and come first ("mark"), or are the only rows
 * ("only"). Rows are measured; the table shrinks to the theme's floor and then
 * continues on further slides with the header row repeated. The legend that explains
 * the marking sits above the table only on slides that show marked rows.
 */
import type { PlanRow } from '../data/schema.js';
import type { PlanMode } from '../plan/resolve-deck.js';
import { measureTableRows } from '../layout/fit-table.js';
import { evenChunks } from '../layout/fit-text.js';
import { measureWidth, WIDTH_SAFETY } from '../layout/measure-text.js';
import { below, type Page } from '../layout/page.js';
import { continuedTitle, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, Insets, LaidOutSlide, SlideElement, TableCell, TableElement, TextStyle } from '../layout/types.js';
import { EMU_PER_INCH, ptToInch } from '../units.js';
import { formatShortDate } from '../render/dates.js';
import type { SlideInput, SlideKind } from './types.js';

interface PlanContent {
  title: string;
  /** Said instead of a table when no row is shown ('' when rows are shown). */
  empty: string;
  header: string[];
  rows: { cells: string[]; own: boolean }[];
  legend?: string;
}

/** Relative column widths: Målgruppe, Aktivitet, Hensikt, Ansvar, Tid. */
const WEIGHTS = [22, 30, 23, 14, 11];
const LEGEND_H = 0.4;
export const CELL_INSETS = { left: 0.08, right: 0.08, top: 0.05, bottom: 0.05 };
/** Where a line may break, as in break-lines.ts: at spaces, and after a hyphen or dash between letters. */
const BREAKS = /[\s\u200b]+|(?<=\p{L}[-\u2010\u2013\u2014])(?=\p{L})/u;
/** Sums of floats: keeps an exact fit a fit (as fit-table.ts does). */
const EPSILON = 1e-6;

export function whenText(row: PlanRow): string {
  if (row.when) return row.when;
  if (row.dates) return row.dates.map(formatShortDate).join(' / ');
  return row.date ? formatShortDate(row.date) : '';
}

function orderRows(rows: PlanContent['rows'], mode: PlanMode): PlanContent['rows'] {
  // Only the audience's rows: all of them would be marked, so none is.
  if (mode === 'only') return rows.filter((r) => r.own).map((r) => ({ ...r, own: false }));
  if (mode === 'mark') return [...rows.filter((r) => r.own), ...rows.filter((r) => !r.own)];
  return rows.map((r) => ({ ...r, own: false }));
}

function compose(input: SlideInput): PlanContent {
  const { strategy, audienceRows } = input.plan;
  const rows = strategy.actionPlan.map((row, i) => ({
    cells: [row.audience, row.activity, row.purpose ?? '', row.responsible ?? '', whenText(row)],
    own: audienceRows.has(row.id ?? i),
  }));
  const mode = input.slide.planMode;
  const ordered = orderRows(rows, mode);
  // Only 'only' drops rows: a plan with rows shows none when none concerns the audience.
  const emptyKey = rows.length > 0 ? 'plan.noneForAudience' : 'plan.empty';
  return {
    title: input.title('plan.title'),
    empty: ordered.length === 0 ? input.text(emptyKey) : '',
    header: ['audience', 'activity', 'purpose', 'responsible', 'when'].map((k) => input.text(`plan.${k}`)),
    rows: ordered,
    legend: mode === 'mark' && ordered.some((r) => r.own) ? input.text('plan.marked') : undefined,
  };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Per column, its widest unbreakable word in points at 1 pt (it scales with the size).
 * The header is drawn bold, and so are the audience's own rows.
 */
function widestWords(content: PlanContent, face: string): number[] {
  const rows = [
    content.header.map((text) => ({ text, bold: true })),
    ...content.rows.map((r) => r.cells.map((text) => ({ text, bold: r.own }))),
  ];
  return content.header.map((_, column) => {
    let widest = 0;
    for (const row of rows) {
      const cell = row[column];
      for (const word of cell ? cell.text.split(BREAKS) : [])
        widest = Math.max(widest, measureWidth(word, { face, size: 1, bold: cell?.bold }));
    }
    return widest;
  });
}

/**
 * Per column, how much text it holds: the mean width of its cells on one line, in points
 * at 1 pt. Used as the columns' weights, so a column of long texts gets the width its
 * text needs and a column of dates does not take room from it (rows wrap less).
 */
function textWeights(content: PlanContent, face: string): { mean: number[]; longest: number[] } {
  const rows = [
    content.header.map((text) => ({ text, bold: true })),
    ...content.rows.map((r) => r.cells.map((text) => ({ text, bold: r.own }))),
  ];
  const widths = content.header.map((_, column) =>
    rows.map((row) => (row[column] ? measureWidth(row[column].text, { face, size: 1, bold: row[column].bold }) : 0)),
  );
  return { mean: widths.map((w) => Math.max(1, sum(w) / w.length)), longest: widths.map((w) => Math.max(1, ...w)) };
}

/**
 * When every cell fits on one line, each column gets its longest cell plus a share of
 * what is left, so no row wraps; otherwise the columns share by how much text they hold.
 */
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

interface Sized {
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
 */
function sizeTable(page: Page, content: PlanContent, width: number, room: (start: number) => number): Sized {
  const { sizes, fonts } = page.theme;
  const widest = widestWords(content, fonts.body);
  const weights = textWeights(content, fonts.body);
  const at = (size: number, maxPages = Infinity): Sized | undefined => {
    const style = textStyle(page, { size, insets: CELL_INSETS });
    const widths =
      oneLineWidths(width, weights.longest, size, CELL_INSETS) ??
      lendSlack(
        columnWidths(width, widest, size, CELL_INSETS, weights.mean),
        weights.longest.map((pt) => oneLine(pt, size, CELL_INSETS)),
      );
    const [headerHeight = 0] = measureTableRows(widths, [content.header], { ...style, bold: true }, CELL_INSETS);
    const heights = [headerHeight];
    const rowHeight = (i: number): number => {
      const row = content.rows[i]!;
      // The audience's own rows are drawn bold, so they are measured bold.
      const [h = 0] = measureTableRows(
        widths,
        [row.cells.map((text) => ({ text, bold: row.own }))],
        style,
        CELL_INSETS,
      );
      heights.push(h);
      return h;
    };
    const pages = paginate(content.rows.length, rowHeight, headerHeight, room, maxPages);
    return pages && { style, widths, heights, pages };
  };
  const floor = at(sizes.minTable)!;
  // A table that fits one slide may grow up to the body size, so a short plan uses its room.
  const largest = floor.pages.length === 1 ? Math.max(sizes.table, sizes.body) : sizes.table;
  let chosen = floor;
  for (let size = largest; size > sizes.minTable; size -= 0.5) {
    const sized = at(size, floor.pages.length);
    if (sized) {
      chosen = sized;
      break;
    }
  }
  // Small text on few slides reads worse than comfortable text on one slide more (floor + 3 pt).
  const comfort = Math.min(sizes.table, sizes.minTable + 3);
  if (chosen.style.fontSize < comfort && floor.pages.length > 1) {
    for (let size = sizes.table; size >= comfort; size -= 0.5) {
      const sized = at(size, floor.pages.length + 1);
      if (sized) return balancePages(sized, room);
    }
  }
  return balancePages(chosen, room);
}

/**
 * The same number of pages with rows spread evenly: the smallest share of each page's
 * room that still needs no more pages, so the last slide is never a near-empty remainder.
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
  const with_ = (share: number) =>
    paginate(
      rows.length,
      (i) => rows[i]!,
      header,
      (start) => header + (room(start) - header) * share,
      count,
    );
  let [low, high] = [0, 1];
  for (let i = 0; i < 20; i++) {
    const mid = (low + high) / 2;
    if (with_(mid)) high = mid;
    else low = mid;
  }
  return { ...sized, pages: with_(high) ?? sized.pages };
}

function tableElement(
  page: Page,
  content: PlanContent,
  box: Box,
  sized: Sized,
  [start, end]: [number, number],
): TableElement {
  const { colors } = page.theme;
  const header: TableCell[] = content.header.map((text) => ({ text, bold: true }));
  const rows = content.rows
    .slice(start, end)
    .map((row) =>
      row.cells.map(
        (text): TableCell => (row.own ? { text, bold: true, fill: colors.highlight ?? colors.secondary } : { text }),
      ),
    );
  const rowHeights = [sized.heights[0] ?? 0.4, ...sized.heights.slice(1 + start, 1 + end)];
  return {
    type: 'table',
    name: 'Action plan',
    box: { ...box, h: rowHeights.reduce((a, b) => a + b, 0) },
    columnWidths: sized.widths,
    header,
    rows,
    rowHeights,
    style: sized.style,
    headerFill: colors.primary,
    headerColor: colors.onPrimary,
    bandFill: page.template ? colors.secondary : 'F4F6F9',
    borderColor: 'BFC7D1',
  };
}

function layout(page: Page, content: PlanContent): LaidOutSlide[] {
  const { colors, sizes } = page.theme;
  if (content.rows.length === 0) {
    const elements: SlideElement[] = [...titleElements(page, content.title)];
    elements.push({
      type: 'text',
      name: 'No activities',
      box: page.body,
      paragraphs: [{ runs: [{ text: content.empty }] }],
      style: textStyle(page, { color: colors.muted }),
    });
    return [{ title: content.title, background: colors.background, elements }];
  }
  const legendStyle = textStyle(page, { size: Math.max(sizes.minBody, 14), bold: true });
  const legendH = content.legend
    ? Math.max(LEGEND_H, textHeight([{ runs: [{ text: content.legend }] }], legendStyle, page.body.w))
    : 0;
  // Marked rows come first, so a slide shows some exactly when its first row is one of them.
  const marked = content.legend ? content.rows.filter((r) => r.own).length : 0;
  const belowLegend = below(page.body, legendH, 0.1);
  const areaAt = (start: number): Box => (start < marked ? belowLegend : page.body);
  const sized = sizeTable(page, content, page.body.w, (start) => areaAt(start).h);
  return sized.pages.map((range, i): LaidOutSlide => {
    const title = continuedTitle(page, content.title, i);
    const elements: SlideElement[] = [...titleElements(page, title)];
    if (content.legend && range[0] < marked) {
      elements.push({
        type: 'text',
        name: 'Legend',
        box: { ...page.body, h: legendH },
        paragraphs: [{ runs: [{ text: content.legend, highlight: colors.highlight }] }],
        style: legendStyle,
      });
    }
    elements.push(tableElement(page, content, areaAt(range[0]), sized, range));
    return { title, background: colors.background, elements };
  });
}

export const planSlide: SlideKind = {
  build: (input) => layout(input.page, compose(input)),
};
