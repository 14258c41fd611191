/**
 * Arbeidet med kommunikasjonsplan: the action plan as a native table.
 * The audience's rows are marked and come first ("mark"), or are the only rows
 * ("only"). Rows are measured; the table shrinks to the theme's floor and then
 * continues on further slides with the header row repeated. The legend that explains
 * the marking sits above the table only on slides that show marked rows.
 */
import { plan } from '../kinds/plan.js';
import { commonParts } from '../kinds/common-parts.js';
import { balancedTop, below, type Page } from '../layout/page.js';
import { continuedTitle, fitBox, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, SlideElement, TableCell, TableElement } from '../layout/types.js';
import { composed } from './bullets.js';
import { type PlanContent, planContent } from './plan-content.js';
import { type Sized, sizeTable } from './size-table.js';
import type { SlideKind } from './types.js';

export { CELL_INSETS, columnWidths } from './column-widths.js';

const LEGEND_H = 0.4;

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

function layout(page: Page, content: PlanContent): LaidOutSlide[] {
  const { colors, sizes } = page.theme;
  if (content.rows.length === 0) {
    const elements: SlideElement[] = [...titleElements(page, content.title)];
    // "No activities" is the slide's one statement: set large and centred, not a line at the top.
    const fitted = fitBox(page, {
      name: plan.parts.empty.name(),
      box: page.body,
      paragraphs: [{ runs: [{ text: content.empty }] }],
      style: textStyle(page, { color: colors.muted, align: 'center' }),
    });
    elements.push(composed(page, fitted));
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
        style: legendStyle,
      });
    }
    elements.push({ ...table, box: { ...table.box, y: table.box.y + shift } });
    return { title, background: colors.background, elements };
  });
}

export const planSlide: SlideKind = {
  build: (input) => layout(input.page, planContent(input)),
};
