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
import type { Page } from '../layout/page.js';
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

export function flowInSlots(page: Page, content: FlowContent): LaidOutSlide[] | undefined {
  const columns = page.template?.slots?.columns;
  if (!columns) return undefined;
  const { colors, sizes } = page.theme;
  const noteStyle = textStyle(page, { size: Math.max(sizes.minBody, 14), color: colors.text, valign: 'bottom' });
  const note: Paragraph[] = content.note
    ? [{ runs: [{ text: content.note, highlight: colors.highlight, bold: true }] }]
    : [];
  const noteH = content.note ? Math.max(NOTE_H, textHeight(note, noteStyle, columns[1].w)) : 0;
  const room = { ...columns[0], h: columns[0].h - noteH - 0.1 };
  const at = (size: number) => pour(page, content, textStyle(page, { size }), room);
  const floor = at(sizes.minBody);
  if (!floor) return undefined;
  const slides = (cols: Flowed[]) => Math.ceil(cols.length / 2);
  const size = sizesFrom(sizes.body, sizes.minBody, 0.5).find((s) => {
    const cols = at(s);
    return cols !== undefined && slides(cols) <= slides(floor);
  })!;
  const cols = at(size)!;
  const out: LaidOutSlide[] = [];
  for (let s = 0; s < slides(cols); s++) {
    const title = continuedTitle(page, content.title, s);
    const shown = cols.slice(2 * s, 2 * s + 2);
    const elements: SlideElement[] = [...titleElements(page, title)];
    const legend = note.length > 0 && shown.some((c) => c.marked);
    shown.forEach((col, c) => {
      const name = col.paragraphs[0]!.runs[0]!.text.replace(` ${page.continued}`, '');
      elements.push({
        type: 'text',
        name: commonParts.columnList.name(name),
        role: 'body',
        box: columns[c]!,
        paragraphs: col.paragraphs,
        style: textStyle(page, { size }),
      });
    });
    if (legend) {
      elements.push({
        type: 'text',
        name: commonParts.legend.name(),
        role: 'body',
        // Inside the last column's box, under its text: on the column's panel, if it has one.
        box: { ...columns[shown.length - 1]!, y: room.y + room.h + 0.1, h: noteH },
        paragraphs: note,
        style: noteStyle,
      });
    }
    out.push({ title, background: colors.background, elements });
  }
  return out;
}
