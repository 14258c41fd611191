/**
 * A height prepared text cannot come in under, from its words' total width alone, without
 * wrapping it: for ruling out a table size that needs too many pages before its rows are
 * measured (size-table.ts). Always at most what `layoutPrepared` gives for the same size and
 * width; checked against it in test/least-height.test.ts.
 *
 * Why it holds (break-lines.ts): when every word fits an empty line, no line holds more word
 * width than the line is wide (a word that does not fit the rest of a line goes to the next
 * one, or up to a soft hyphen whose drawn hyphen also fits); spaces at a break take no room,
 * so they are left out of the total. A paragraph therefore needs at least ⌈words ÷ width⌉
 * lines, each as tall as the frame's size makes it, and its space before once.
 */
import { inchToPt, ptToInch } from '../units.js';
import { LINE_HEIGHT_EM, type PreparedText, WIDTH_SAFETY } from './measure-text.js';

/** As break-lines.ts compares widths. */
const EPSILON = 1e-6;
/**
 * Room for the order in which widths are summed: wrapping adds a word's characters one by
 * one, the bound its pieces' sums. Far below any difference a layout can show.
 */
const ROUNDING = 1e-9;

/** A paragraph's words summed at 1 pt, in points (spaces left out), with its indent and space before. */
interface ParagraphWords {
  total: number;
  /** The widest word's width. */
  widest: number;
  indentPt: number;
  spaceBefore: number;
}

/**
 * A prepared text's words, summed once: its least height at any size and width is then a few
 * sums (a table tries many sizes over every cell). A paragraph with a run of its own size is
 * undefined (its lines are not the frame's size) and counts nothing.
 */
export interface Words {
  paragraphs: (ParagraphWords | undefined)[];
  insets: PreparedText['style']['insets'];
  lineSpacing: number;
}

export function wordsOf(prepared: PreparedText): Words {
  const { insets, lineSpacing = 1 } = prepared.style;
  return { paragraphs: prepared.paragraphs.map(paragraphWords), insets, lineSpacing };
}

function paragraphWords(p: PreparedText['paragraphs'][number]): ParagraphWords | undefined {
  let total = 0;
  let widest = 0;
  for (const unit of p.units) {
    let width = 0;
    for (const piece of unit.word) {
      if (piece.size !== undefined) return undefined;
      width += piece.em;
    }
    for (const piece of unit.space) if (piece.size !== undefined) return undefined;
    total += width;
    widest = Math.max(widest, width);
  }
  return { total, widest, indentPt: p.indentPt, spaceBefore: p.spaceBefore };
}

/** Inches: at most `layoutPrepared(prepared, fontSize, widthInches).height`. */
export function leastHeight(prepared: PreparedText, fontSize: number, widthInches: number): number {
  return leastHeightOf(wordsOf(prepared), fontSize, widthInches);
}

/** `leastHeight` of the prepared text these words were summed from. */
export function leastHeightOf(words: Words, fontSize: number, widthInches: number): number {
  const { insets, lineSpacing } = words;
  const innerPt = inchToPt(widthInches - insets.left - insets.right);
  const lineHeight = LINE_HEIGHT_EM * fontSize * lineSpacing;
  let heightPt = 0;
  for (const p of words.paragraphs) {
    if (!p) continue;
    const wrapWidth = (innerPt - p.indentPt) / WIDTH_SAFETY;
    // A word wider than a line is broken between characters, and a single character may be wider still.
    if (p.widest * fontSize > wrapWidth - EPSILON) continue;
    const lines = Math.max(1, Math.ceil((p.total * fontSize) / (wrapWidth + EPSILON) - ROUNDING));
    heightPt += p.spaceBefore + lines * lineHeight;
  }
  return Math.max(0, insets.top + insets.bottom + ptToInch(heightPt) - ROUNDING);
}
