/**
 * Lists under headings (target groups) in an organisation's two-content layout: each column
 * one text in exactly its slot's box, the headings as its bold lines and the items under
 * them, so the slide inherits both boxes. The flow fills the columns in order (a list that
 * goes on in the next column repeats its heading, continued), at the largest size that needs
 * no more slides than the floor does. The legend stands at the foot of the last column's box,
 * where the columns' text leaves room for it.
 */
import { commonParts } from '../kinds/common-parts.js';
import { sizesFrom } from '../layout/fit-text.js';
import { columns, comfortOnPage, type Page, READABLE } from '../layout/page.js';
import { continuedTitle, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, Paragraph, SlideElement, TextStyle } from '../layout/types.js';

export interface FlowList {
  heading: string;
  items: Paragraph[];
}

export interface FlowContent {
  title: string;
  lists: FlowList[];
  /** A line under the columns on slides that show marked items (the legend). */
  note?: string;
  /** True for an item that the note explains (a marked item). */
  marked?: (item: Paragraph) => boolean;
}

const NOTE_H = 0.4;

interface Flowed {
  marked: boolean;
  paragraphs: Paragraph[];
}

/** The lists poured into columns `room` high at `style`'s size; undefined when an item alone does not fit a column. */
function pour(page: Page, content: FlowContent, style: TextStyle, room: Box): Flowed[] | undefined {
  const heading = (text: string, first: boolean): Paragraph => ({
    runs: [{ text, bold: true }],
    heading: true,
    ...(first ? {} : { spaceBefore: 10 }),
  });
  const fits = (paragraphs: Paragraph[]) => textHeight(paragraphs, style, room.w, page.language) <= room.h;
  const cols: Paragraph[][] = [[]];
  for (const list of content.lists.filter((l) => l.items.length > 0)) {
    let col = cols.at(-1)!;
    col.push(heading(list.heading, col.length === 0));
    for (const item of list.items) {
      if (fits([...col, item])) {
        col.push(item);
        continue;
      }
      // A heading left alone at a column's foot goes with the items to the next column.
      const alone = col.at(-1)?.runs[0]?.text === list.heading && col.at(-1)?.bullet !== true;
      if (alone) col.pop();
      const started = list.items.indexOf(item) > 0;
      col = [heading(started ? `${list.heading} ${page.continued}` : list.heading, true), item];
      if (!fits(col)) return undefined;
      cols.push(col);
    }
  }
  // The headings are bold too: only items are marked.
  const marked = (p: Paragraph) => p.bullet === true && (content.marked?.(p) ?? false);
  return cols.filter((c) => c.length > 0).map((paragraphs) => ({ paragraphs, marked: paragraphs.some(marked) }));
}

/**
 * `compact`: the legend at the page's comfortable size in a line of its own height (a small body place, where
 * that saves a slide), not 14 pt in at least 0.4 in.
 */
export function flowInSlots(page: Page, content: FlowContent, compact = false): LaidOutSlide[] | undefined {
  const columns = page.template?.slots?.columns;
  if (!columns) return undefined;
  const { colors, sizes } = page.theme;
  const size = Math.max(sizes.minBody, 14);
  const noteStyle = textStyle(page, {
    size: compact ? comfortOnPage(page, size, sizes.minBody, READABLE.body) : size,
    color: colors.text,
    valign: 'bottom',
  });
  const text = content.note ? textHeight(noteParagraphs(page, content), noteStyle, columns[1].w) : 0;
  const noteH = content.note ? (compact ? text : Math.max(NOTE_H, text)) : 0;
  const gap = compact ? 0.05 : 0.1;
  const room = { ...columns[0], h: columns[0].h - noteH - gap };
  // Inside the last column's box, under its text: on the column's panel, if it has one.
  const legendBox = (shown: number): Box => ({ ...columns[shown - 1]!, y: room.y + room.h + gap, h: noteH });
  return flowInPlaces(page, content, { places: columns, room, noteStyle, legendBox })?.slides;
}

/**
 * On a template whose body place is small: the lists in `count` columns of Trappa's own over the body
 * (`area`), each column one text with its headings as bold lines as in the template's places, and the legend
 * one line at the comfortable size across the foot; undefined where a column would be narrower than 2 in.
 */
export function flowInTextColumns(
  page: Page,
  content: FlowContent,
  count: number,
  area: Box,
): LaidOutSlide[] | undefined {
  const { colors, sizes } = page.theme;
  const comfort = comfortOnPage(page, READABLE.body, sizes.minBody);
  const noteStyle = textStyle(page, { size: comfort, color: colors.text, valign: 'bottom' });
  const note = noteParagraphs(page, content);
  const noteH = note.length > 0 ? textHeight(note, noteStyle, area.w) : 0;
  const gap = noteH > 0 ? 0.05 : 0;
  const ones = Array.from({ length: count }, () => 1);
  const places = columns({ ...area, h: area.h - noteH - gap }, ones, COLUMN_GAP);
  if (places[0]!.w < MIN_TEXT_COLUMN_W) return undefined;
  // The legend a line of its own across the foot (trappa check's legend rule reads it there).
  const legendBox = (): Box => ({ ...area, y: area.y + area.h - noteH, h: noteH });
  const how: Places = { places, room: places[0]!, noteStyle, legendBox, minSize: comfort };
  const flowed = flowInPlaces(page, content, how);
  return flowed && balance(page, content, flowed, how);
}

/** Inches between Trappa's own text columns, and the narrowest such a column may be. */
const COLUMN_GAP = 0.3;
const MIN_TEXT_COLUMN_W = 2;

/**
 * The same slides with the columns' text spread evenly: the lowest room that needs no more
 * columns than given, so the last column is not a short remainder beside full ones.
 */
function balance(page: Page, content: FlowContent, flowed: Flow, how: Places): LaidOutSlide[] {
  const count = flowed.slides.length * how.places.length;
  const sized = { ...how, minSize: flowed.size, maxSize: flowed.size };
  const at = (h: number) => flowInPlaces(page, content, { ...sized, room: { ...how.room, h } }, count);
  let [low, high] = [0, how.room.h];
  for (let i = 0; i < 16; i++) {
    const mid = (low + high) / 2;
    const fewer = at(mid);
    if (fewer && fewer.slides.length <= flowed.slides.length) high = mid;
    else low = mid;
  }
  return (at(high) ?? flowed).slides;
}

interface Flow {
  slides: LaidOutSlide[];
  size: number;
}

interface Places {
  /** The columns' boxes on a slide, left to right. */
  places: Box[];
  /** A column's room for its text (the place less the legend's line). */
  room: Box;
  noteStyle: TextStyle;
  /** Where the legend goes on a slide showing `shown` columns. */
  legendBox: (shown: number) => Box;
  /** The smallest and largest sizes the text may take (the floor and the body size unless given). */
  minSize?: number;
  maxSize?: number;
}

const noteParagraphs = (page: Page, content: FlowContent): Paragraph[] =>
  content.note ? [{ runs: [{ text: content.note, highlight: page.theme.colors.highlight, bold: true }] }] : [];

function flowInPlaces(page: Page, content: FlowContent, how: Places, maxColumns = Infinity): Flow | undefined {
  const { colors, sizes } = page.theme;
  const { places, room } = how;
  const note = noteParagraphs(page, content);
  const at = (size: number) => pour(page, content, textStyle(page, { size }), room);
  const floor = at(how.minSize ?? sizes.minBody);
  if (!floor || floor.length > maxColumns) return undefined;
  const slides = (cols: Flowed[]) => Math.ceil(cols.length / places.length);
  const size = sizesFrom(how.maxSize ?? sizes.body, how.minSize ?? sizes.minBody, 0.5).find((s) => {
    const cols = at(s);
    return cols !== undefined && slides(cols) <= slides(floor) && cols.length <= maxColumns;
  })!;
  const cols = at(size)!;
  const out: LaidOutSlide[] = [];
  for (let s = 0; s < slides(cols); s++) {
    const title = continuedTitle(page, content.title, s);
    const shown = cols.slice(places.length * s, places.length * (s + 1));
    const elements: SlideElement[] = [...titleElements(page, title)];
    const legend = note.length > 0 && shown.some((c) => c.marked);
    shown.forEach((col, c) => {
      const name = col.paragraphs[0]!.runs[0]!.text.replace(` ${page.continued}`, '');
      elements.push({
        type: 'text',
        name: commonParts.columnList.name(name),
        role: 'body',
        box: places[c]!,
        paragraphs: col.paragraphs,
        style: textStyle(page, { size }),
      });
    });
    if (legend) {
      elements.push({
        type: 'text',
        name: commonParts.legend.name(),
        role: 'body',
        box: how.legendBox(shown.length),
        paragraphs: note,
        style: how.noteStyle,
      });
    }
    out.push({ title, background: colors.background, elements });
  }
  return { slides: out, size };
}
