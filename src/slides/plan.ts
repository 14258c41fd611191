/**
 * Arbeidet med kommunikasjonsplan: the action plan as a native table.
 * The audience's rows are marked and come first ("mark"), or are the only rows
 * ("only"). Rows are measured; the table shrinks to the theme's floor and then
 * continues on further slides with the header row repeated. The legend that explains
 * the marking sits above the table only on slides that show marked rows.
 */
import { plan } from '../kinds/plan.js';
import { commonParts } from '../kinds/common-parts.js';
import { balancedTop, below, comfortOnPage, type Page, READABLE } from '../layout/page.js';
import { continuedTitle, fitBox, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, SlideElement, TableCell, TableElement } from '../layout/types.js';
import { composed } from './bullets.js';
import { CELL_INSETS } from './column-widths.js';
import { arrangedPlan } from './plan-columns.js';
import { type PlanContent, planContent } from './plan-content.js';
import { type Sized, sizeTable } from './size-table.js';
import type { SlideKind } from './types.js';

export { CELL_INSETS, columnWidths } from './column-widths.js';

const LEGEND_H = 0.4;
/**
 * A compact table's cell insets: 0.03 in above and below a line (PowerPoint's default is 0.05), where that
 * keeps a plan on one slide of a template's small body place; the line's own leading keeps the rows apart.
 */
const COMPACT_CELLS = { ...CELL_INSETS, top: 0.03, bottom: 0.03 };

function tableElement(
  page: Page,
  content: PlanContent,
  box: Box,
  sized: Sized,
  [start, end]: [number, number],
): TableElement {
  const { colors } = page.theme;
  // A stacked cell's lower text (plan-columns.ts) is italic, so it reads apart from an upper text that wraps.
  const stacked = (italicFrom: number | undefined): Pick<TableCell, 'italicFrom'> =>
    italicFrom === undefined ? {} : { italicFrom };
  const header: TableCell[] = content.header.map((text, c) => ({
    text,
    bold: true,
    ...stacked(content.headerItalicFrom?.[c]),
  }));
  const rows = content.rows
    .slice(start, end)
    .map((row) =>
      row.cells.map(
        (text, c): TableCell =>
          row.own
            ? { text, bold: true, fill: colors.highlight ?? colors.secondary, ...stacked(row.italicFrom?.[c]) }
            : { text, ...stacked(row.italicFrom?.[c]) },
      ),
    );
  const rowHeights = [sized.heights[0] ?? 0.4, ...sized.heights.slice(1 + start, 1 + end)];
  return {
    type: 'table',
    name: plan.parts.table.name(),
    box: { ...box, h: rowHeights.reduce((a, b) => a + b, 0) },
    columnWidths: sized.widths,
    header,
    rows,
    rowHeights,
    style: sized.style,
    headerFill: colors.primary,
    headerColor: colors.onPrimary,
    bandFill: page.template ? colors.secondary : 'F4F6F9',
    // A template's art may lie under the table: every row has a fill its text colour reads on.
    ...(page.template ? { rowFill: colors.background } : {}),
    borderColor: 'BFC7D1',
  };
}

/**
 * The legend's look: on Trappa's own page 14 pt bold in a 0.4-in line; `compact` (a template's small body
 * place, where that saves a slide) at the comfortable body size of the page in a line of its own height,
 * so the line above the table does not take a fifth of a 2.5-in place.
 */
function legendLook(page: Page, content: PlanContent, box: Box, compact: boolean) {
  const { sizes } = page.theme;
  const size = Math.max(sizes.minBody, 14);
  const style = textStyle(page, {
    size: compact ? comfortOnPage(page, size, sizes.minBody, READABLE.body) : size,
    bold: true,
  });
  const text = content.legend ? textHeight([{ runs: [{ text: content.legend }] }], style, box.w) : 0;
  const height = content.legend ? (compact ? text : Math.max(LEGEND_H, text)) : 0;
  return { style, height, gap: compact ? 0.05 : 0.1 };
}

function layout(page: Page, given: PlanContent): LaidOutSlide[] {
  if (given.rows.length === 0) return [emptyPlan(page, given)];
  const { sizes, fonts } = page.theme;
  // The columns as the width of each place tried holds them (one arrangement a width).
  const arranged = new Map<number, PlanContent>();
  const contentIn = (body: Box): PlanContent => {
    let content = arranged.get(body.w);
    if (!content)
      arranged.set(body.w, (content = arrangedPlan(given, body.w, sizes.minTable, fonts.body, page.language)));
    return content;
  };
  const slides = tableSlides(page, contentIn(page.body), false);
  if (!page.template || slides.length === 1) return slides;
  // On a template's small body place: a compact legend, then the free room below the place too (as lists take
  // it, bullets.ts), each only where it saves a slide.
  const room = page.template.slots?.room;
  const options = [
    tableSlides(page, contentIn(page.body), true),
    ...(room
      ? [
          tableSlides({ ...page, body: room }, contentIn(room), false),
          tableSlides({ ...page, body: room }, contentIn(room), true),
        ]
      : []),
  ];
  return options.reduce((best, option) => (option.length < best.length ? option : best), slides);
}

function emptyPlan(page: Page, content: PlanContent): LaidOutSlide {
  const elements: SlideElement[] = [...titleElements(page, content.title)];
  // "No activities" is the slide's one statement: set large and centred, not a line at the top.
  const fitted = fitBox(page, {
    name: plan.parts.empty.name(),
    box: page.body,
    paragraphs: [{ runs: [{ text: content.empty }] }],
    style: textStyle(page, { color: page.theme.colors.muted, align: 'center' }),
  });
  elements.push(composed(page, fitted));
  return { title: content.title, background: page.theme.colors.background, elements };
}

function tableSlides(page: Page, content: PlanContent, compact: boolean): LaidOutSlide[] {
  const { colors } = page.theme;
  const legendAt = legendLook(page, content, page.body, compact);
  const legendH = legendAt.height;
  // Marked rows come first, so a slide shows some exactly when its first row is one of them.
  const marked = content.legend ? content.rows.filter((r) => r.own).length : 0;
  const belowLegend = below(page.body, legendH, legendAt.gap);
  const areaAt = (start: number): Box => (start < marked ? belowLegend : page.body);
  const sized = sizeTable(
    page,
    content,
    page.body.w,
    (start) => areaAt(start).h,
    compact ? COMPACT_CELLS : CELL_INSETS,
  );
  return sized.pages.map((range, i): LaidOutSlide => {
    const title = continuedTitle(page, content.title, i);
    const elements: SlideElement[] = [...titleElements(page, title)];
    const legend = content.legend && range[0] < marked;
    const table = tableElement(page, content, areaAt(range[0]), sized, range);
    // A short plan (one or two rows) is balanced on its slide with its legend, not left at the top.
    const top = balancedTop(page.body, table.box.y + table.box.h - page.body.y);
    const shift = top - page.body.y;
    if (legend) {
      elements.push({
        type: 'text',
        name: commonParts.legend.name(),
        box: { ...page.body, y: page.body.y + shift, h: legendH },
        paragraphs: [{ runs: [{ text: content.legend!, highlight: colors.highlight }] }],
        style: legendAt.style,
      });
    }
    elements.push({ ...table, box: { ...table.box, y: table.box.y + shift } });
    return { title, background: colors.background, elements };
  });
}

export const planSlide: SlideKind = {
  build: (input) => layout(input.page, planContent(input)),
};
