/**
 * Lists under headings (target groups) in an organisation's two-content layout: each column
 * one text in exactly its slot's box, the headings as its bold lines and the items under
 * them, so the slide inherits both boxes. The flow fills the columns in order (a list that
 * goes on in the next column repeats its heading, continued), at the largest size that needs
 * no more slides than the floor does. The legend stands at the foot of the last column's box,
 * where the columns' text leaves room for it.
 */
import { measuringFonts } from '../fonts/fonts.js';
import { commonParts } from '../kinds/common-parts.js';
import { sizesFrom } from '../layout/fit-text.js';
import { emptyColumn, type GrownColumn, growOnce } from '../layout/column-height.js';
import { leastHeightOf, type Words, wordsOf } from '../layout/least-height.js';
import { LINE_HEIGHT_EM, prepareText } from '../layout/measure-text.js';
import { comfortOnPage, type Page, READABLE } from '../layout/page.js';
import { continuedTitle, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, Paragraph, SlideElement, TextStyle } from '../layout/types.js';
import { ptToInch } from '../units.js';

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

/**
 * The lists poured into columns `room` high at `style`'s size, each as wide as its place (`widths`, in
 * turn: the template's two places beside its art may differ); undefined when an item alone does not fit a
 * column, or when they take more than `most` columns (a size that needs more is not taken, so pouring stops).
 */
export function pour(
  page: Page,
  content: FlowContent,
  style: TextStyle,
  room: Box,
  widths: readonly number[],
  most = Infinity,
): Flowed[] | undefined {
  const heading = (text: string, first: boolean): Paragraph => ({
    runs: [{ text, bold: true }],
    heading: true,
    ...(first ? {} : { spaceBefore: 10 }),
  });
  // The column's height so far, its paragraphs measured one by one (the whole column again for each item was
  // quadratic), through the content's tree of columns (`columnTrees`): a column filled as before is not measured again.
  const cols: Paragraph[][] = [[]];
  // The place the current column goes in (a first column left empty by its heading moving on is not shown).
  const width = () => widths[(cols.length - (cols[0]!.length === 0 ? 2 : 1)) % widths.length] ?? room.w;
  const trees = columnTrees(content, style, page.language);
  // A column's tree is that of its width, which holds from the moment the column is pushed (and its first
  // heading with it) until the next is: only a new column, or a first one's heading moving on, changes it.
  const empty = () => {
    const w = width();
    let tree = trees.get(w);
    if (!tree) trees.set(w, (tree = emptyColumn()));
    return tree;
  };
  const headingKey = (p: Paragraph) => `${p.runs[0]!.text}\u0000${p.spaceBefore ?? 0}`;
  const grow = (so: GrownColumn, paragraphs: () => Paragraph[], key: unknown) =>
    growOnce(so, key, paragraphs, style, width(), page.language);
  // The items' least heights, where they are in this frame (insets, line spacing): a column started at an item
  // whose rest cannot fill the columns left (`overfills`) means no flow, told before those are poured.
  const words = itemWords(page, content);
  const sameFrame = words[0]?.insets === style.insets && words[0]?.lineSpacing === (style.lineSpacing ?? 1);
  let index = 0;
  let height: GrownColumn | undefined;
  for (const list of content.lists.filter((l) => l.items.length > 0)) {
    let col = cols.at(-1)!;
    const head = heading(list.heading, col.length === 0);
    col.push(head);
    height = grow(height ?? empty(), () => col, headingKey(head));
    for (const item of list.items) {
      const itemIndex = index++;
      const grown = grow(height, () => [...col, item], item);
      if (grown.height.height <= room.h) {
        col.push(item);
        height = grown;
        continue;
      }
      // A heading left alone at a column's foot goes with the items to the next column.
      const alone = col.at(-1)?.runs[0]?.text === list.heading && col.at(-1)?.bullet !== true;
      if (alone) col.pop();
      const started = list.items.indexOf(item) > 0;
      col = [heading(started ? `${list.heading} ${page.continued}` : list.heading, true), item];
      cols.push(col);
      height = grow(
        grow(empty(), () => col.slice(0, 1), headingKey(col[0]!)),
        () => col,
        item,
      );
      if (height.height.height > room.h) return undefined;
      const shown = cols.length - (cols[0]!.length === 0 ? 1 : 0);
      if (shown > most) return undefined;
      // Exact, as `overfills` is for all the items: every column from this one on starts with a heading and
      // holds the items from this one on, whole and in order, in at most the columns still allowed.
      if (sameFrame && overfills(words, style.fontSize, widths, room, most - shown + 1, itemIndex)) return undefined;
    }
  }
  // The headings are bold too: only items are marked.
  const marked = (p: Paragraph) => p.bullet === true && (content.marked?.(p) ?? false);
  return cols.filter((c) => c.length > 0).map((paragraphs) => ({ paragraphs, marked: paragraphs.some(marked) }));
}

/**
 * The trees of columns (column-height.ts `GrownColumn`) `pour` fills `content`'s columns through, one per style,
 * language and column width, under the fonts that measure them: kept by content, as balancing pours the same
 * content into each room height it bisects, and the body, the free room and the part beside a template's art
 * each pour it again at the same sizes and widths.
 */
function columnTrees(content: FlowContent, style: TextStyle, language?: string): Map<number, GrownColumn> {
  const fonts = measuringFonts();
  let kept = treesKept.get(content);
  if (kept?.fonts !== fonts) treesKept.set(content, (kept = { fonts, byStyle: new Map() }));
  const key = `${language ?? ''}\u0000${JSON.stringify(style)}`;
  let trees = kept.byStyle.get(key);
  if (!trees) kept.byStyle.set(key, (trees = new Map()));
  return trees;
}

const treesKept = new WeakMap<FlowContent, { fonts: object; byStyle: Map<string, Map<number, GrownColumn>> }>();

/**
 * Each item's words summed once (least-height.ts), for `overfills` at every size and room tried; kept by
 * content, as balancing flows the same content into each room height it bisects.
 */
export function itemWords(page: Page, content: FlowContent): Words[] {
  const kept = wordsKept.get(content);
  if (kept?.page === page) return kept.words;
  const words = content.lists.flatMap((list) =>
    list.items.map((item) => wordsOf(prepareText([item], textStyle(page)))),
  );
  wordsKept.set(content, { page, words });
  return words;
}

const wordsKept = new WeakMap<FlowContent, { page: Page; words: Words[] }>();

/** Inches: room for the order in which a column's heights are summed, far below any height a layout can show. */
const ROUNDING = 1e-6;

/**
 * True when `pour` could not flow the items into `most` columns `room` high at `size`, told from their least
 * heights alone (least-height.ts: never more than an item takes in a column, hyphenated or not, in whichever
 * of `widths` it goes). Every column `pour` makes is at most `room.h` high, starts with a heading of at least
 * one line and holds its items whole and in order; so its items fit the room less that line, and the fewest
 * columns in order that hold them all (filled greedily, which gives the fewest) can only be fewer for heights
 * that are less. Why: the size search poured every size above the one it takes, each as far as its `most`
 * columns held; and balancing pours every room height it bisects, most of them too low. `from`: the items
 * from that one on only (the rest of a pour, from a column's first item).
 */
export function overfills(
  words: readonly Words[],
  size: number,
  widths: readonly number[],
  room: Box,
  most: number,
  from = 0,
): boolean {
  if (!Number.isFinite(most) || words.length <= from) return false;
  const { insets, lineSpacing } = words[0]!;
  const capacity = room.h - insets.top - insets.bottom - ptToInch(LINE_HEIGHT_EM * size * lineSpacing);
  let columns = 1;
  let filled = 0;
  for (let i = from; i < words.length; i++) {
    const item = words[i]!;
    let height = Number.POSITIVE_INFINITY;
    for (const width of widths) height = Math.min(height, leastHeightOf(item, size, width));
    height -= insets.top + insets.bottom;
    if (height > capacity + ROUNDING) return true;
    if (filled + height <= capacity + ROUNDING) filled += height;
    else if (++columns > most) return true;
    else filled = height;
  }
  return false;
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
  // Measured in the narrower place: the legend stands in the last column shown, the first where one column holds all.
  const noteW = Math.min(columns[0].w, columns[1].w);
  const text = content.note ? textHeight(noteParagraphs(page, content), noteStyle, noteW) : 0;
  const noteH = content.note ? (compact ? text : Math.max(NOTE_H, text)) : 0;
  const gap = compact ? 0.05 : 0.1;
  const room = { ...columns[0], h: columns[0].h - noteH - gap };
  // Inside the last column's box, under its text: on the column's panel, if it has one.
  const legendBox = (shown: number): Box => ({ ...columns[shown - 1]!, y: room.y + room.h + gap, h: noteH });
  return flowInPlaces(page, content, { places: columns, room, noteStyle, legendBox, listPerPlace: true })?.slides;
}

export interface Flow {
  slides: LaidOutSlide[];
  size: number;
}

export interface Places {
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
  /** Each list in a place of its own where the flow would leave a place of the slide empty (`listsApart`). */
  listPerPlace?: boolean;
}

export const noteParagraphs = (page: Page, content: FlowContent): Paragraph[] =>
  content.note ? [{ runs: [{ text: content.note, highlight: page.theme.colors.highlight, bold: true }] }] : [];

/**
 * The lists poured into `how`'s places at the largest size that needs no more slides than the floor does.
 * `mostSlides`: the caller takes no flow of more slides, so where every size the search may take is sure to
 * need more (`overfills` the columns of that many slides), there is none (undefined) and nothing is poured.
 * Exact: the flow's size is one of those sizes, its columns all poured (at most `most`), and a size that
 * overfills `mostSlides × places` columns cannot be poured into so many (`overfills`), so its slides
 * would have been more than `mostSlides`.
 */
export function flowInPlaces(
  page: Page,
  content: FlowContent,
  how: Places,
  maxColumns = Infinity,
  mostSlides = Infinity,
): Flow | undefined {
  const { sizes } = page.theme;
  const { places, room } = how;
  const tried = sizesFrom(how.maxSize ?? sizes.body, how.minSize ?? sizes.minBody, 0.5);
  // Each size poured once (balancing asks for the floor's size three times), and only as far as a
  // size that can be taken goes: no more columns than the floor's slides hold.
  const poured = new Map<number, Flowed[] | undefined>();
  const widths = places.map((p) => p.w);
  const words = itemWords(page, content);
  const surelyMore = (size: number) => overfills(words, size, widths, room, mostSlides * places.length);
  if (Number.isFinite(mostSlides) && tried.every(surelyMore)) return undefined;
  const at = (size: number, most: number) => {
    if (!poured.has(size))
      poured.set(
        size,
        overfills(words, size, widths, room, most)
          ? undefined
          : pour(page, content, textStyle(page, { size }), room, widths, most),
      );
    return poured.get(size);
  };
  const floor = at(how.minSize ?? sizes.minBody, maxColumns);
  if (!floor || floor.length > maxColumns) return undefined;
  const slides = (cols: Flowed[]) => Math.ceil(cols.length / places.length);
  const most = Math.min(maxColumns, slides(floor) * places.length);
  const size = tried.find((s) => {
    const cols = at(s, most);
    return cols !== undefined && slides(cols) <= slides(floor) && cols.length <= maxColumns;
  })!;
  const apart = how.listPerPlace ? listsApart(page, content, how, at(size, most)!, size) : undefined;
  const cols = apart?.cols ?? at(size, most)!;
  const shown = flowedSlides(page, content, how, cols, apart?.size ?? size, apart !== undefined);
  return { slides: shown, size: apart?.size ?? size };
}

/**
 * Each list in a place of its own, where the flow leaves one of the slide's places empty: a short
 * strategy's two target-group lists poured into the first of a template's two places, the second
 * blank beside them, read as a slide half made. Taken at the largest size at which every list fits
 * its own place, never smaller than the flow's; where one does not fit, the flow stands.
 */
function listsApart(
  page: Page,
  content: FlowContent,
  how: Places,
  flowed: readonly Flowed[],
  flowSize: number,
): { cols: Flowed[]; size: number } | undefined {
  const lists = content.lists.filter((l) => l.items.length > 0);
  const { places, room } = how;
  if (flowed.length >= places.length || lists.length < 2 || lists.length > places.length) return undefined;
  for (const size of sizesFrom(how.maxSize ?? page.theme.sizes.body, flowSize, 0.5)) {
    const style = textStyle(page, { size });
    const cols = lists.map((list, i) => pour(page, { ...content, lists: [list] }, style, room, [places[i]!.w], 1));
    if (cols.every((c) => c?.length === 1)) return { cols: cols.map((c) => c![0]!), size };
  }
  return undefined;
}

/**
 * The slides of columns poured at `size`: each slide as many columns as it has places, the legend
 * where it shows a marked item: at the foot of the last column, or with lists apart (`underMarked`)
 * under the first list with a marked item, not under another list beside it.
 */
function flowedSlides(
  page: Page,
  content: FlowContent,
  how: Places,
  cols: Flowed[],
  size: number,
  underMarked: boolean,
): LaidOutSlide[] {
  const { colors } = page.theme;
  const { places } = how;
  const note = noteParagraphs(page, content);
  const slides = Math.ceil(cols.length / places.length);
  const out: LaidOutSlide[] = [];
  for (let s = 0; s < slides; s++) {
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
        box: how.legendBox(underMarked ? shown.findIndex((c) => c.marked) + 1 : shown.length),
        paragraphs: note,
        style: how.noteStyle,
      });
    }
    out.push({ title, background: colors.background, elements });
  }
  return out;
}
