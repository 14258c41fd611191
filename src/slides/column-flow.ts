/**
 * Lists under headings, flowing through the columns of a slide like a newspaper
 * (target groups: highest priority, then the others), two columns a slide or three (arrange). A list continues in the next
 * column under its heading marked as continued («… (forts.)»); a short list shares a column with the next one,
 * so no column stands half-empty beside a long one. Every column holds about the same
 * height (the flow is balanced across all columns it needs), the text is as large as
 * the fewest slides allow, and only what does not fit at the floor continues on a
 * following slide, where the columns are balanced again.
 */
import { commonParts } from '../kinds/common-parts.js';
import { layoutPrepared, measurePrepared, prepareText, type PreparedText } from '../layout/measure-text.js';
import { sizesFrom } from '../layout/fit-text.js';
import { balancedTop, columns, comfortOnPage, type Page, READABLE } from '../layout/page.js';
import { continuedTitle, fittedShape, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, Paragraph, SlideElement, TextStyle } from '../layout/types.js';
import { balanced, type Column, EPSILON, HEADING_GAP, HEADING_H, type Segment } from './column-pack.js';
import { type FlowContent, type FlowList, flowInSlots } from './column-slots.js';
import { fewerInTextColumns, withoutSpacing } from './column-text.js';
import { ownOrSlots } from './own-or-slots.js';

const NOTE_H = 0.4;

function headingStyle(page: Page, list: number): TextStyle {
  const { colors, sizes } = page.theme;
  return textStyle(page, {
    heading: true,
    size: Math.min(sizes.body - 2, 18),
    bold: true,
    align: 'center',
    valign: 'middle',
    color: list === 0 ? colors.onPrimary : colors.primary,
  });
}

/** A column's heading band; its text shrinks (to the floor) where a narrow column needs it. */
function headingShape(page: Page, box: Box, text: string, list: number): SlideElement {
  const { colors } = page.theme;
  return fittedShape(page, {
    name: commonParts.columnHeading.name(list + 1),
    shape: 'rect',
    box: { ...box, h: HEADING_H },
    fill: list === 0 ? colors.primary : colors.secondary,
    paragraphs: [{ runs: [{ text }] }],
    style: headingStyle(page, list),
  });
}

/** True when every heading, also as continued («… (forts.)»), fits its band in a column `width` wide. */
function headingsFit(page: Page, lists: FlowList[], width: number, size?: number): boolean {
  return lists.every((list, i) => {
    const style = headingStyle(page, i);
    const at = { ...style, fontSize: Math.min(style.fontSize, size ?? style.fontSize) };
    return [list.heading, `${list.heading} ${page.continued}`].every(
      (text) => textHeight([{ runs: [{ text }] }], at, width) <= HEADING_H + EPSILON,
    );
  });
}

interface Sized {
  size: number;
  cols: Column[];
  heights: number[][];
  /** Each list whole in a column of its own (wholeLists). */
  whole?: boolean;
}

/** The largest size whose balanced flow needs no more slides than the floor's. */
function sizeFlow(
  page: Page,
  prepared: PreparedText[][],
  style: TextStyle,
  width: number,
  height: number,
  perSlide: number,
): Sized {
  const { sizes } = page.theme;
  const insets = style.insets.top + style.insets.bottom;
  const heightsAt = itemHeights(prepared, insets, width);
  const at = (size: number): Sized => {
    const heights = heightsAt(size);
    return { size, heights, cols: balanced(heights, insets, height, perSlide) };
  };
  const floor = at(sizes.minBody);
  const slides = (s: Sized): number => Math.ceil(s.cols.length / perSlide);
  let flow = floor;
  for (const size of sizesFrom(sizes.body, sizes.minBody, 0.5)) {
    const sized = at(size);
    if (slides(sized) <= slides(floor)) {
      flow = sized;
      break;
    }
  }
  // Each list whole in a column of its own reads better than a list split beside another, if hardly smaller.
  const whole = wholeLists(prepared, heightsAt, insets, height, perSlide, sizesFrom(flow.size, sizes.minBody, 0.5));
  return whole && whole.size >= flow.size - WHOLE_LISTS_COST ? whole : flow;
}

/** Points smaller that keeping each list whole in its own column may make the text. */
const WHOLE_LISTS_COST = 2;

/**
 * Each item's height without its frame's insets at a size, in a column `width` wide, per list; each
 * size measured once. Only heights: the lines are made for the size chosen (flowOwn), not for the
 * ~25 sizes tried at each column count (measurePrepared says why).
 */
function itemHeights(prepared: PreparedText[][], insets: number, width: number): (size: number) => number[][] {
  const bySize = new Map<number, number[][]>();
  return (size) => {
    let heights = bySize.get(size);
    if (!heights) {
      heights = prepared.map((items) => items.map((p) => measurePrepared(p, size, width).height - insets));
      bySize.set(size, heights);
    }
    return heights;
  };
}

/** The largest of `sizes` at which every list fits a column of its own on one slide, if any. */
function wholeLists(
  prepared: PreparedText[][],
  heightsAt: (size: number) => number[][],
  insets: number,
  height: number,
  perSlide: number,
  sizes: number[],
): Sized | undefined {
  const lists = prepared.filter((items) => items.length > 0);
  if (lists.length < 2 || lists.length > perSlide) return undefined;
  for (const size of sizes.slice(0, 2 * WHOLE_LISTS_COST + 1)) {
    const heights = heightsAt(size);
    const fits = heights.every(
      (items) => items.reduce((a, b) => a + b, 0) + HEADING_H + HEADING_GAP + insets <= height + EPSILON,
    );
    if (fits) {
      const cols = heights.flatMap((items, list): Column[] =>
        items.length > 0 ? [[{ list, start: 0, end: items.length }]] : [],
      );
      return { size, heights, cols, whole: true };
    }
  }
  return undefined;
}

/** Columns per slide to try: two, the seed deck's; three when that is clearly better. */
const COLUMN_COUNTS = [2, 3, 4];
/** Points larger that three columns must make the text to be taken over two. */
const WORTH_MORE_COLUMNS = 2;
/** Inches: a column narrower than this wraps most group names, so it is not tried. */
const MIN_COLUMN_W = 2.8;
/** Inches: the narrowest column short items (most on one line) may take to save a slide. */
const MIN_NARROW_W = 2;
/** The share of a flow's items that must fit one line for narrow columns. */
const ONE_LINE_SHARE = 3 / 4;

/** True when at least ONE_LINE_SHARE of the items stand on one line in a column `width` wide at `size`. */
function mostOnOneLine(prepared: PreparedText[][], width: number, size: number): boolean {
  const items = prepared.flat();
  const short = items.filter((p) => measurePrepared(p, size, width).lines <= 1).length;
  return short >= ONE_LINE_SHARE * items.length;
}

interface Arrangement extends Sized {
  boxes: Box[];
  perSlide: number;
}

/**
 * Two columns per slide unless three make the text WORTH_MORE_COLUMNS larger on no more
 * slides: many short names (30 target groups) then fill one slide at a readable size
 * instead of two columns of short lines at the floor.
 */
function arrange(page: Page, lists: FlowList[], style: TextStyle, area: Box): Arrangement {
  const slides = (a: Arrangement): number => Math.ceil(a.cols.length / a.perSlide);
  // Split into words once, for every column count and size tried.
  const prepared = lists.map((l) => l.items.map((p) => prepareText([p], style)));
  let chosen: Arrangement | undefined;
  for (const perSlide of COLUMN_COUNTS) {
    const boxes = columns(
      area,
      Array.from({ length: perSlide }, () => 1),
      0.4,
    );
    const width = boxes[0]!.w;
    const comfort = comfortOnPage(page, READABLE.body, page.theme.sizes.minBody);
    // Columns narrower than MIN_COLUMN_W, or whose headings fit their bands only smaller (down to the
    // comfortable size; headingShape shrinks them), are taken only where they save a slide, and only
    // for short items (most on one line at the comfortable size) and headings that fit.
    const narrow = width < MIN_COLUMN_W || !headingsFit(page, lists, width);
    const fair = () =>
      width >= MIN_NARROW_W && headingsFit(page, lists, width, comfort) && mostOnOneLine(prepared, width, comfort);
    if (chosen && narrow && !fair()) continue;
    const option = { ...sizeFlow(page, prepared, style, boxes[0]!.w, area.h, perSlide), boxes, perSlide };
    // Narrower columns for clearly larger text on as many slides or fewer, never by splitting lists that
    // stood whole in their columns; or to keep the groups on fewer slides (a small body place) at a size
    // still comfortable on the page: one overview reads better than an overview and its «(forts.)».
    const better =
      !chosen ||
      (!narrow &&
        slides(option) <= slides(chosen) &&
        option.size >= chosen.size + WORTH_MORE_COLUMNS &&
        (option.whole === true || !chosen.whole)) ||
      (slides(option) < slides(chosen) && option.size >= comfort);
    if (better) chosen = option;
  }
  return chosen!;
}

export function layoutFlow(page: Page, content: FlowContent): LaidOutSlide[] {
  // On a template, its two columns first: the slide then inherits both boxes; unless the template's
  // two columns need more slides than Trappa's own columns over the whole body.
  let inSlots = flowInSlots(page, content);
  if (inSlots?.length === 1) return inSlots;
  // The template's places keep their inheritance: the items closer together there first, where that saves a slide.
  for (const compact of [false, true]) {
    const closer = inSlots && flowInSlots(page, withoutSpacing(content), compact);
    if (closer && inSlots && closer.length < inSlots.length) inSlots = closer;
  }
  if (inSlots?.length === 1) return inSlots;
  const chosen = inSlots ? ownOrSlots(flowOwn(page, content), inSlots) : flowOwn(page, content);
  return page.template && chosen.length > 1 ? fewerInTextColumns(page, content, chosen) : chosen;
}

function flowOwn(page: Page, content: FlowContent): LaidOutSlide[] {
  const { colors, sizes } = page.theme;
  const lists = content.lists.filter((l) => l.items.length > 0);
  const noteStyle = textStyle(page, { size: Math.max(sizes.minBody, 14), color: colors.text, valign: 'bottom' });
  const noteParagraphs: Paragraph[] = content.note
    ? [{ runs: [{ text: content.note, highlight: colors.highlight, bold: true }] }]
    : [];
  const noteH = content.note ? Math.max(NOTE_H, textHeight(noteParagraphs, noteStyle, page.body.w)) : 0;
  const area: Box = { ...page.body, h: page.body.h - noteH };
  const style = textStyle(page, { size: sizes.body });
  const { size, cols, boxes, perSlide } = arrange(page, lists, style, area);
  const listHeight = (seg: Segment): number =>
    layoutPrepared(prepareText(lists[seg.list]!.items.slice(seg.start, seg.end), style), size, boxes[0]!.w).height;
  /**
   * The slide's columns where they are drawn: a lone column in the middle of the slide rather
   * than in its left half, and short columns balanced on the slide rather than at its top.
   */
  const placeColumns = (room: Box, given: Box[], shown: Column[]): Box[] => {
    const height = Math.max(
      ...shown.map((col) => col.reduce((sum, seg) => sum + HEADING_H + HEADING_GAP + listHeight(seg), 0)),
    );
    const y = balancedTop(room, height);
    const across =
      shown.length === 1 && given.length > 1 ? [{ ...given[0]!, x: room.x + (room.w - given[0]!.w) / 2 }] : given;
    return across.map((b) => ({ ...b, y }));
  };
  const slides: LaidOutSlide[] = [];
  for (let s = 0; s * perSlide < Math.max(1, cols.length); s++) {
    const title = continuedTitle(page, content.title, s);
    const elements: SlideElement[] = [...titleElements(page, title)];
    let marked = false;
    const shown = cols.slice(s * perSlide, (s + 1) * perSlide);
    const placed = placeColumns(area, boxes, shown);
    shown.forEach((col, c) => {
      const box = placed[c]!;
      let y = box.y;
      col.forEach((seg) => {
        const list = lists[seg.list]!;
        const index = content.lists.indexOf(list);
        const items = list.items.slice(seg.start, seg.end);
        marked ||= items.some((p) => content.marked?.(p) ?? false);
        // A list that goes on from the column before says so, so it does not read as a second list.
        const heading = seg.start > 0 ? `${list.heading} ${page.continued}` : list.heading;
        elements.push(headingShape(page, { ...box, y }, heading, index));
        y += HEADING_H + HEADING_GAP;
        const h = listHeight(seg);
        elements.push({
          type: 'text',
          name: commonParts.columnList.name(list.heading),
          role: 'body',
          box: { ...box, y, h },
          paragraphs: items,
          style: { ...style, fontSize: size },
        });
        y += h;
      });
    });
    if (content.note && marked) {
      elements.push({
        type: 'text',
        name: commonParts.legend.name(),
        role: 'body',
        box: { x: page.body.x, y: area.y + area.h, w: page.body.w, h: noteH },
        paragraphs: noteParagraphs,
        style: noteStyle,
      });
    }
    slides.push({ title, background: colors.background, elements });
  }
  return slides;
}
