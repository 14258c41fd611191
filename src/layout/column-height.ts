/**
 * A column's height as its paragraphs are added one by one, the very number `textHeight` gives for
 * the whole column (text-box.ts): the lines' points summed in the same order, and where a word is
 * broken between letters, the column hyphenated at every such word and measured again. Why: a column
 * filled an item at a time (column-slots.ts) measured, and hyphenated, the whole column again for each
 * item it tried, at each size.
 */
import { hyphenateWords } from './hyphenate.js';
import { extendHeight, NO_HEIGHT, type RunningHeight } from './measure-text.js';
import type { Paragraph, TextStyle } from './types.js';

export interface ColumnHeight {
  /** Inches: what `textHeight` gives for the column's paragraphs. */
  height: number;
  /** The paragraphs as they are. */
  plain: RunningHeight;
  /** The paragraphs hyphenated at `plain`'s broken words, where there are any and the language hyphenates. */
  hyphenated?: RunningHeight;
}

export const EMPTY_COLUMN: ColumnHeight = { height: 0, plain: NO_HEIGHT };

/**
 * The column `paragraphs` (its last one added to those `so` measured) in a frame `width` wide.
 * Hyphenating a word changes every paragraph it stands in, so the hyphenated column is measured
 * a paragraph at a time only while the new paragraph breaks no word the column had not broken yet.
 */
export function growColumn(
  so: ColumnHeight,
  paragraphs: readonly Paragraph[],
  style: TextStyle,
  width: number,
  language?: string,
): ColumnHeight {
  const plain = extendHeight(so.plain, paragraphs.at(-1)!, style, width);
  if (!language || plain.broken.length === 0) return { height: plain.height, plain };
  const hyphenate = (ps: readonly Paragraph[]) => hyphenateWords(ps, plain.broken, language);
  const known = new Set(so.plain.broken);
  const hyphenated =
    so.hyphenated && plain.broken.every((word) => known.has(word))
      ? extendHeight(so.hyphenated, hyphenate(paragraphs.slice(-1))[0]!, style, width)
      : hyphenate(paragraphs).reduce((h, p) => extendHeight(h, p, style, width), NO_HEIGHT);
  return { height: hyphenated.height, plain, hyphenated };
}

/**
 * A column's height and, by the paragraph added next, the columns it grows into: a column filled in order
 * is a path from the empty column, so two fills that start a column alike and add the same paragraphs meet
 * the same nodes. Why: `pour` (column-slots.ts) fills the same columns again at each room height balancing
 * bisects, in the body and the free room below it, and beside a template's art; every one of those heights
 * (and hyphenations) was measured anew.
 */
export interface GrownColumn {
  height: ColumnHeight;
  next: Map<unknown, GrownColumn>;
}

export const emptyColumn = (): GrownColumn => ({ height: EMPTY_COLUMN, next: new Map() });

/**
 * `so`'s column with `paragraphs().at(-1)` added (made only when not kept), known by `key` (the same key for the same paragraph): kept
 * in `so`, so asked again it is the same node. Exact: `growColumn` is a function of the column's paragraphs
 * (a node's path), style, width and language, which the caller keeps one tree for (and of the measuring
 * fonts, which it keeps one tree for too).
 */
export function growOnce(
  so: GrownColumn,
  key: unknown,
  paragraphs: () => readonly Paragraph[],
  style: TextStyle,
  width: number,
  language?: string,
): GrownColumn {
  let grown = so.next.get(key);
  if (!grown) {
    grown = { height: growColumn(so.height, paragraphs(), style, width, language), next: new Map() };
    so.next.set(key, grown);
  }
  return grown;
}
