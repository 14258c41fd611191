/**
 * Arbeidet med kommunikasjonsplan: the action plan as a native table.
 * The audience's rows are marked and come first ("mark"), or are the only rows
 * ("only"). Rows are measured; the table shrinks to the theme's floor and then
 * continues on further slides with the header row repeated.
 */
import type { PlanRow } from '../data/schema.js';
import type { PlanMode } from '../deck/resolve-deck.js';
import { measureTableRows, paginateRows } from '../layout/fit-table.js';
import { below, type Page } from '../layout/page.js';
import { continuedTitle, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, SlideElement, TableCell, TableElement, TextStyle } from '../layout/types.js';
import { formatShortDate } from '../render/dates.js';
import type { SlideInput, SlideKind } from './types.js';

interface PlanContent {
  title: string;
  /** Said instead of a table when no row is shown. */
  empty: string;
  header: string[];
  rows: { cells: string[]; own: boolean }[];
  legend?: string;
}

/** Relative column widths: Målgruppe, Aktivitet, Hensikt, Ansvar, Tid. */
const WEIGHTS = [22, 30, 23, 14, 11];
const LEGEND_H = 0.4;
export const CELL_INSETS = { left: 0.08, right: 0.08, top: 0.05, bottom: 0.05 };

export function whenText(row: PlanRow): string {
  if (row.when) return row.when;
  if (row.dates) return row.dates.map(formatShortDate).join(' / ');
  return row.date ? formatShortDate(row.date) : '';
}

function orderRows(rows: PlanContent['rows'], mode: PlanMode): PlanContent['rows'] {
  if (mode === 'only') return rows.filter((r) => r.own);
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
  return {
    title: input.title('plan.title'),
    empty: input.text('plan.empty'),
    header: ['audience', 'activity', 'purpose', 'responsible', 'when'].map((k) => input.text(`plan.${k}`)),
    rows: ordered,
    legend: mode === 'mark' && ordered.some((r) => r.own) ? input.text('plan.marked') : undefined,
  };
}

function columnWidths(width: number): number[] {
  const total = WEIGHTS.reduce((a, b) => a + b, 0);
  return WEIGHTS.map((w) => (width * w) / total);
}

interface Sized {
  style: TextStyle;
  heights: number[];
  pages: Array<[number, number]>;
}

/**
 * The table's size and pages: as few pages as the theme's floor allows, then the
 * largest size that needs no more pages than that (one page when it fits at all).
 * Sizes that need too many pages are given up as soon as that shows, so a long plan
 * is measured in full only at the size it gets.
 */
function sizeTable(page: Page, content: PlanContent, widths: number[], area: Box): Sized {
  const { sizes } = page.theme;
  const at = (size: number, maxPages = Infinity): Sized | undefined => {
    const style = textStyle(page, { size, insets: CELL_INSETS });
    const [headerHeight = 0] = measureTableRows(widths, [content.header], { ...style, bold: true }, CELL_INSETS);
    const heights = [headerHeight];
    let pages = 1;
    let used = headerHeight;
    for (const row of content.rows) {
      // The audience's own rows are drawn bold, so they are measured bold.
      const [h = 0] = measureTableRows(widths, [row.cells.map((text) => ({ text, bold: row.own }))], style, CELL_INSETS);
      if (used + h > area.h && used > headerHeight) [pages, used] = [pages + 1, headerHeight];
      if (pages > maxPages) return undefined;
      used += h;
      heights.push(h);
    }
    return { style, heights, pages: paginateRows(heights.slice(1), headerHeight, area.h) };
  };
  const floor = at(sizes.minTable)!;
  for (let size = sizes.table; size > sizes.minTable; size -= 0.5) {
    const sized = at(size, floor.pages.length);
    if (sized && sized.pages.length <= floor.pages.length) return sized;
  }
  return floor;
}

function tableElement(page: Page, content: PlanContent, widths: number[], box: Box, sized: Sized, [start, end]: [number, number]): TableElement {
  const { colors } = page.theme;
  const header: TableCell[] = content.header.map((text) => ({ text, bold: true }));
  const rows = content.rows.slice(start, end).map((row) =>
    row.cells.map((text): TableCell => (row.own ? { text, bold: true, fill: colors.highlight ?? colors.secondary } : { text })),
  );
  const rowHeights = [sized.heights[0] ?? 0.4, ...sized.heights.slice(1 + start, 1 + end)];
  return {
    type: 'table', name: 'Action plan', box: { ...box, h: rowHeights.reduce((a, b) => a + b, 0) },
    columnWidths: widths, header, rows, rowHeights, style: sized.style,
    headerFill: colors.primary, headerColor: colors.onPrimary, bandFill: 'F4F6F9', borderColor: 'BFC7D1',
  };
}

function layout(page: Page, content: PlanContent): LaidOutSlide[] {
  const { colors, sizes } = page.theme;
  if (content.rows.length === 0) {
    const elements: SlideElement[] = [...titleElements(page, content.title)];
    elements.push({ type: 'text', name: 'No activities', box: page.body, paragraphs: [{ runs: [{ text: content.empty }] }], style: textStyle(page, { color: colors.muted }) });
    return [{ title: content.title, background: colors.background, elements }];
  }
  const legendStyle = textStyle(page, { size: Math.max(sizes.minBody, 14), bold: true });
  const legendH = content.legend ? Math.max(LEGEND_H, textHeight([{ runs: [{ text: content.legend }] }], legendStyle, page.body.w)) : 0;
  const area = content.legend ? below(page.body, legendH, 0.1) : page.body;
  const widths = columnWidths(area.w);
  const sized = sizeTable(page, content, widths, area);
  const pages = sized.pages.length > 0 ? sized.pages : [[0, 0] as [number, number]];
  return pages.map((range, i): LaidOutSlide => {
    const title = continuedTitle(page, content.title, i);
    const elements: SlideElement[] = [...titleElements(page, title)];
    if (content.legend) {
      elements.push({
        type: 'text', name: 'Legend', box: { ...page.body, h: legendH },
        paragraphs: [{ runs: [{ text: content.legend, highlight: colors.highlight }] }], style: legendStyle,
      });
    }
    elements.push(tableElement(page, content, widths, area, sized, range));
    return { title, background: colors.background, elements };
  });
}

export const planSlide: SlideKind = {
  build: (input) => layout(input.page, compose(input)),
};
