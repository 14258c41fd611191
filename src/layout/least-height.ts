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
import type { Unit } from './break-lines.js';
import { LINE_HEIGHT_EM, type PreparedText, WIDTH_SAFETY } from './measure-text.js';

/** As break-lines.ts compares widths. */
const EPSILON = 1e-6;
/**
 * Room for the order in which widths are summed: wrapping adds a word's characters one by
 * one, the bound its pieces' sums. Far below any difference a layout can show.
 */
const ROUNDING = 1e-9;

interface WordWidths {
  /** Sum of every word's width at 1 pt, in points (spaces left out). */
  total: number;
  /** The widest word's, at 1 pt. */
  widest: number;
}

const wordsMemo = new WeakMap<readonly Unit[], WordWidths | undefined>();

/** Word widths at 1 pt; undefined when a run has a size of its own (its lines are not the frame's size). */
function wordWidths(units: readonly Unit[]): WordWidths | undefined {
  if (wordsMemo.has(units)) return wordsMemo.get(units);
  let total = 0;
  let widest = 0;
  let own = false;
  for (const unit of units) {
    let width = 0;
    for (const piece of unit.word) {
      own ||= piece.size !== undefined;
      width += piece.em;
    }
    for (const piece of unit.space) own ||= piece.size !== undefined;
    total += width;
    widest = Math.max(widest, width);
  }
  const widths = own ? undefined : { total, widest };
  wordsMemo.set(units, widths);
  return widths;
}

/** Inches: at most `layoutPrepared(prepared, fontSize, widthInches).height`. */
export function leastHeight(prepared: PreparedText, fontSize: number, widthInches: number): number {
  const { insets, lineSpacing = 1 } = prepared.style;
  const innerPt = inchToPt(widthInches - insets.left - insets.right);
  const lineHeight = LINE_HEIGHT_EM * fontSize * lineSpacing;
  let heightPt = 0;
  for (const p of prepared.paragraphs) {
    const wrapWidth = (innerPt - p.indentPt) / WIDTH_SAFETY;
    const words = wordWidths(p.units);
    // A word wider than a line is broken between characters, and a single character may be wider still.
    const fits = words !== undefined && words.widest * fontSize <= wrapWidth - EPSILON;
    const lines = fits ? Math.max(1, Math.ceil((words.total * fontSize) / (wrapWidth + EPSILON) - ROUNDING)) : 0;
    heightPt += lines === 0 ? 0 : p.spaceBefore + lines * lineHeight;
  }
  return Math.max(0, insets.top + insets.bottom + ptToInch(heightPt) - ROUNDING);
}
