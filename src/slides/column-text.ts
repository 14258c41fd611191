/**
 * Target groups on a template whose body place is small: the lists in two to four text columns of
 * Trappa's own over the body or the free room below it (headings as bold lines, as in the template's
 * two places, column-slots.ts), where that saves a slide at a comfortable size; of layouts with as
 * many slides the one with the fewest texts, each of which carries a position of its own.
 */
import { columns, comfortOnPage, type Page, READABLE } from '../layout/page.js';
import { textHeight, textStyle } from '../layout/text-box.js';
import type { Box, LaidOutSlide } from '../layout/types.js';
import { type Flow, type FlowContent, flowInPlaces, noteParagraphs, type Places } from './column-slots.js';

/**
 * The lists with no space between their items beyond the line's own leading: one object per content, so the
 * flows of it (the template's places, compact or not, and the text columns here) share its words and its
 * columns' tree (column-slots.ts `itemWords`, `columnTrees`), which are kept by content.
 */
export function withoutSpacing(content: FlowContent): FlowContent {
  let closer = closerKept.get(content);
  if (!closer) {
    closer = {
      ...content,
      lists: content.lists.map((l) => ({ ...l, items: l.items.map(({ spaceBefore: _, ...item }) => item) })),
    };
    closerKept.set(content, closer);
  }
  return closer;
}

const closerKept = new WeakMap<FlowContent, FlowContent>();

/**
 * On a template whose body place is small, heading bands and a 14-pt legend line take a third of it: the
 * lists in two to four text columns (headings as bold lines, as in the template's own places) over the body,
 * or over the free room below it, where that saves a slide at a comfortable size (column-slots.ts).
 */
export function fewerInTextColumns(page: Page, content: FlowContent, chosen: LaidOutSlide[]): LaidOutSlide[] {
  const room = page.template?.slots?.room;
  const texts = (slides: LaidOutSlide[]) => slides.reduce((n, s) => n + s.elements.length, 0);
  let best = chosen;
  const flows = [content, withoutSpacing(content)];
  // Fewest slides, then fewest texts (each has a position of its own): few columns first.
  for (const count of [2, 3, 4]) {
    for (const area of [page.body, ...(room ? [room] : [])]) {
      for (const flow of flows) {
        // Only a layout of no more slides than the best so far can win (fewer than the chosen one's): one
        // sure to need more is not poured (flowInPlaces `mostSlides`).
        const most = best === chosen ? best.length - 1 : best.length;
        const found = flowInTextColumns(page, flow, count, area, most);
        if (!found) continue;
        // Balancing keeps the slides' count and costs 16 flows more: only a layout that can win is balanced.
        const n = found.flowed.slides.length;
        if (n > most) continue;
        const flowed = balance(page, flow, found.flowed, found.how);
        if (flowed.length < best.length || (best !== chosen && texts(flowed) < texts(best))) best = flowed;
      }
    }
  }
  return best;
}

/**
 * On a template whose body place is small: the lists in `count` columns of Trappa's own over the body
 * (`area`), each column one text with its headings as bold lines as in the template's places, and the legend
 * one line at the comfortable size across the foot, not yet balanced (see `balance`); undefined where a
 * column would be narrower than 2 in.
 */
function flowInTextColumns(
  page: Page,
  content: FlowContent,
  count: number,
  area: Box,
  mostSlides = Infinity,
): { flowed: Flow; how: Places } | undefined {
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
  const flowed = flowInPlaces(page, content, how, Infinity, mostSlides);
  return flowed && { flowed, how };
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
