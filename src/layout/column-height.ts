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
