/**
 * Line breaking as LibreOffice does it for Latin text (checked in
 * test/measure-text-libreoffice.test.ts), on the safe side where it is unsure:
 * - lines break at spaces; the spaces at a break hang past the margin and take no room;
 * - and after a hyphen or en/em dash between letters ("Nord-|Trøndelag"), as LibreOffice does;
 * - at a soft hyphen (U+00AD, put in by hyphenate.ts), drawn as a hyphen when the line
 *   breaks there: a word that does not fit the rest of a line puts as much of itself as
 *   fits up to a soft hyphen on it, as LibreOffice does;
 * - a word that fits no line moves to a new line and breaks after its last hyphen, dash
 *   or slash that fits, else between characters: the line records that word as `broken`. LibreOffice breaks after a slash only
 *   in such words at the start of a paragraph, and between characters elsewhere;
 *   breaking at the slash leaves more text for later lines, so we never count fewer
 *   lines than either. A slash is no break opportunity otherwise ("og/eller" moves whole);
 * - "\n" ends the line (pptxgenjs writes it as a new paragraph, see measure-text.ts).
 */
import { fontMetrics, type FontMetrics } from '../fonts/fonts.js';
import { SOFT_HYPHEN } from './hyphenate.js';
import type { Paragraph, TextStyle } from './types.js';

/** Part of a unit in one font. Width in points = em × (size ?? the frame's size). */
interface Piece {
  text: string;
  em: number;
  /** The run's own size in points; undefined follows the frame's size. */
  size: number | undefined;
  font: FontMetrics;
}

/** Text between two break opportunities: a word, then the spaces after it. */
export interface Unit {
  word: Piece[];
  space: Piece[];
  /** A "\n" follows. */
  hardBreak: boolean;
}

export interface WrappedLine {
  /** Without the spaces it broke at. */
  text: string;
  /** Points, without the trailing spaces. */
  width: number;
  /** Largest font size on the line, points; sets the line's height. */
  maxSize: number;
  /** The line starts after a "\n". */
  afterHardBreak: boolean;
  /** The whole word this line ends inside of, where it had to break it between two letters (no soft hyphen, hyphen, dash or slash fitted). */
  broken?: string;
}

const SPACES = new Set([
  ' ',
  '\t',
  '\u200b',
  '\u3000',
  ...'\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a',
]);
/** Break after these between letters. */
const BREAK_AFTER = new Set(['-', '\u2010', '\u2013', '\u2014']);
/** Inside a word too long for a line, break after these first. */
const SOFT_BREAK_AFTER = new Set([...BREAK_AFTER, '/']);
const LETTER = /\p{L}/u;
/** Widths are sums of floats; this keeps an exact fit a fit. */
const EPSILON = 1e-6;

const SPACE_CODES = new Set([...SPACES].map((ch) => ch.codePointAt(0)!));
const BREAK_AFTER_CODES = new Set([...BREAK_AFTER].map((ch) => ch.codePointAt(0)!));
const SOFT_HYPHEN_CODE = SOFT_HYPHEN.codePointAt(0)!;
const CR = 0x0d;
const LF = 0x0a;
/** Before a paragraph's first character and after a "\n": no character, so no letter. */
const NONE = -1;

const isLetter = (code: number): boolean => code !== NONE && LETTER.test(String.fromCodePoint(code));

/**
 * Splits a paragraph into units once; `wrapUnits` then lays them out at any size. Goes
 * character by character but copies text a word (or a run of spaces) at a time: a piece's
 * text is a slice of its run, and its width grows by each character's advance in the
 * order they come, so the sums are the same as adding a character at a time.
 */
export function splitUnits(paragraph: Paragraph, style: TextStyle): Unit[] {
  const units: Unit[] = [];
  let unit = newUnit();
  let prev = NONE;
  let beforePrev = NONE;
  for (const run of paragraph.runs) {
    const font = fontMetrics(style.fontFace, run.bold ?? style.bold ?? false, run.italic ?? false);
    const text = run.text;
    /** The characters text[start, i) not yet added to `unit`, all spaces or all word, growing `piece`. */
    let start = 0;
    let inSpace = false;
    let piece: Piece | undefined;
    const take = (end: number): void => {
      if (piece && end > start) piece.text += text.slice(start, end);
      piece = undefined;
    };
    for (let i = 0; i < text.length; ) {
      const code = text.codePointAt(i)!;
      const next = i + (code > 0xffff ? 2 : 1);
      if (code === CR || code === LF) {
        take(i);
        start = next;
        if (code === LF) {
          unit.hardBreak = true;
          units.push(unit);
          unit = newUnit();
          inSpace = false;
          prev = beforePrev = NONE;
        }
        i = next;
        continue;
      }
      const space = SPACE_CODES.has(code);
      if (!space) {
        const afterDash = BREAK_AFTER_CODES.has(prev) && isLetter(beforePrev) && isLetter(code);
        if (unit.space.length > 0 || afterDash) {
          take(i);
          units.push(unit);
          unit = newUnit();
          start = i;
        }
      }
      if (space !== inSpace) {
        take(i);
        start = i;
        inSpace = space;
      }
      piece ??= pieceFor(space ? unit.space : unit.word, font, run.size);
      // A soft hyphen takes no room unless the line breaks there.
      piece.em += code === SOFT_HYPHEN_CODE ? 0 : font.advanceEm(code);
      beforePrev = prev;
      prev = code;
      i = next;
    }
    take(text.length);
  }
  units.push(unit);
  return units;
}

/**
 * `text` without the spaces it ends in. A loop from the end: the regex `[…]+$` tried every
 * position of every line from its start, and every line of every size and width a text is
 * tried at is made once.
 */
function withoutTrailingSpaces(text: string): string {
  let end = text.length;
  // Every space is in the BMP: one code unit each.
  while (end > 0 && SPACE_CODES.has(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

function newUnit(): Unit {
  return { word: [], space: [], hardBreak: false };
}

/** The piece a character in `font` at `size` goes into: the last one if it has both, else a new one. */
function pieceFor(pieces: Piece[], font: FontMetrics, size: number | undefined): Piece {
  const last = pieces.at(-1);
  if (last && last.font === font && last.size === size) return last;
  const piece: Piece = { text: '', em: 0, size, font };
  pieces.push(piece);
  return piece;
}

/** The line being filled. `x` includes trailing spaces, `width` does not. */
interface OpenLine {
  /** Kept only when the sink wants it (`LineSink.text`); else always ''. */
  text: string;
  keepText: boolean;
  x: number;
  width: number;
  maxSize: number;
  used: boolean;
  afterHardBreak: boolean;
  broken?: string;
}

/** One character of a word that does not fit where it is, with its advance in points. */
interface Char {
  ch: string;
  size: number;
  advance: number;
  /** Points of the hyphen drawn when the line breaks at this soft hyphen. */
  hyphen: number;
}

/**
 * Receives the lines of a wrap as they end, in order. Why: a size search (column-flow.ts) needs
 * only each text's height at each size it tries, its line sizes; making every line's text and
 * object for thousands of names at dozens of sizes was most of what that search allocated.
 */
export interface LineSink {
  /** Whether `line` is given the lines' text (and `broken`); else no string is made and `text` is ''. */
  readonly text: boolean;
  line(text: string, width: number, maxSize: number, afterHardBreak: boolean, broken: string | undefined): void;
}

/** Greedy line filling at font size `size` (points) in `width` points. */
export function wrapUnits(units: readonly Unit[], size: number, width: number): WrappedLine[] {
  const lines: WrappedLine[] = [];
  wrapInto(units, size, width, {
    text: true,
    line: (text, lineWidth, maxSize, afterHardBreak, broken) =>
      lines.push({ text, width: lineWidth, maxSize, afterHardBreak, ...(broken ? { broken } : {}) }),
  });
  return lines;
}

/** The lines `wrapUnits` makes, the same breaks, handed to `sink` one by one instead of kept. */
export function wrapInto(units: readonly Unit[], size: number, width: number, sink: LineSink): void {
  const filling = new Filling(size, sink);
  // Index loops: a wrap is made for every text at every size and width tried, and until V8
  // optimises this function (a cold build's first thousands of wraps) each `for…of` step
  // allocates an iterator result (~9 MB of a 1,000-row build's allocation in measurePrepared alone).
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    const line = filling.line;
    const wordWidth = widthOf(unit.word, size);
    if (wordWidth <= width - (line.used ? line.x : 0) + EPSILON) {
      addPieces(line, unit.word, size);
    } else if (sink.text || !placedWhole(unit.word, size, width, filling)) {
      placeLongWord(charsOf(unit.word, size, sink.text), width, filling);
    }
    const last = filling.line;
    last.width = last.x;
    addPieces(last, unit.space, size);
    if (unit.hardBreak) filling.end(true);
  }
  const line = filling.line;
  if (line.used || filling.ended === 0 || line.afterHardBreak) filling.end(false);
}

/**
 * A wrap in progress: the line being filled, and the lines ended so far (handed to the sink).
 * An object rather than closures over the open line: a wrap is made for every text at every size
 * and width tried, so what each one allocates counts.
 */
class Filling {
  line: OpenLine;
  ended = 0;
  readonly #size: number;
  readonly #sink: LineSink;

  constructor(size: number, sink: LineSink) {
    this.#size = size;
    this.#sink = sink;
    this.line = openLine(size, false, sink.text);
  }

  /** Ends the open line and opens the next one (`hard`: after a "\n"). */
  end(hard: boolean): void {
    const { line } = this;
    const keepText = this.#sink.text;
    this.#sink.line(
      keepText ? withoutTrailingSpaces(line.text) : '',
      line.width,
      line.maxSize,
      line.afterHardBreak,
      line.broken,
    );
    this.ended++;
    this.line = openLine(this.#size, hard, keepText);
  }
}

/**
 * A word's characters at `size`, by word and size: a word too long for the rest of a line is
 * placed a character at a time at every width and size a text is tried at (a template's narrow
 * columns hyphenate and try dozens), and its characters were made again each time. Units are kept
 * (measure-text.ts), so their words are the same arrays; the characters are only read.
 */
const charsMemo = new WeakMap<readonly Piece[], Map<number, readonly Char[]>>();

function charsOf(word: readonly Piece[], size: number, keep: boolean): readonly Char[] {
  if (!keep) return charsMemo.get(word)?.get(size) ?? splitChars(word, size);
  let bySize = charsMemo.get(word);
  if (!bySize) charsMemo.set(word, (bySize = new Map()));
  let chars = bySize.get(size);
  if (!chars) bySize.set(size, (chars = splitChars(word, size)));
  return chars;
}

function splitChars(word: readonly Piece[], size: number): Char[] {
  return word.flatMap((piece) =>
    [...piece.text].map((ch) => {
      const charSize = piece.size ?? size;
      return {
        ch,
        size: charSize,
        advance: piece.font.advanceEm(ch.codePointAt(0)!) * charSize * (ch === SOFT_HYPHEN ? 0 : 1),
        hyphen: ch === SOFT_HYPHEN ? piece.font.advanceEm(0x2d) * charSize : 0,
      };
    }),
  );
}

/**
 * A word that does not fit the rest of its line, as LibreOffice places it: up to its last
 * soft hyphen that fits (with the hyphen drawn) on this line; else on a new line; a word
 * wider than a whole line breaks there after its last soft hyphen, hyphen, dash or slash that
 * fits, and only when there is none, between characters (recorded as `broken`).
 */
function placeLongWord(chars: readonly Char[], width: number, filling: Filling): void {
  let start = 0;
  while (start < chars.length) {
    const line = filling.line;
    let rest = 0;
    for (let i = start; i < chars.length; i++) rest += chars[i]!.advance;
    if (line.x + rest <= width + EPSILON) {
      addChars(line, chars, start, chars.length);
      return;
    }
    const cut = softHyphenCut(chars, start, width - line.x);
    if (cut > start) {
      addChars(line, chars, start, cut);
      addText(line, '-', chars[cut - 1]!.hyphen, chars[cut - 1]!.size);
      line.width = line.x;
      filling.end(false);
      start = cut;
      continue;
    }
    if (line.used) {
      filling.end(false);
      continue;
    }
    start = breakWord(chars, start, width, line);
    filling.end(false);
  }
}

/**
 * `placeLongWord` for a word of no soft hyphen that fits a line: on this line, else on the next one,
 * without its characters made. Why: a height search (measurePrepared) keeps no characters (they would
 * outlive its wraps), and every word that ends a line at each size and width it tries went through
 * `placeLongWord`, an object per character each time (a template's narrow columns). The same sums in the
 * same order, a character at a time, as `placeLongWord` and `addChars` make them: the same line, the same
 * number. False where `placeLongWord` must place the word (a soft hyphen, or wider than a line), with
 * the line ended where `placeLongWord` would have ended it before breaking the word (it then finds the
 * word too wide for the new line, and breaks it). No text is kept: for sinks that want none.
 */
function placedWhole(word: readonly Piece[], size: number, width: number, filling: Filling): boolean {
  let rest = 0;
  let chars = 0;
  for (let p = 0; p < word.length; p++) {
    const piece = word[p]!;
    if (piece.text.includes(SOFT_HYPHEN)) return false;
    const charSize = piece.size ?? size;
    for (const ch of piece.text) {
      rest += piece.font.advanceEm(ch.codePointAt(0)!) * charSize;
      chars++;
    }
  }
  if (chars === 0) return true;
  let line = filling.line;
  if (!(line.x + rest <= width + EPSILON)) {
    if (!line.used) return false;
    filling.end(false);
    line = filling.line;
    if (!(line.x + rest <= width + EPSILON)) return false;
  }
  for (let p = 0; p < word.length; p++) {
    const piece = word[p]!;
    const charSize = piece.size ?? size;
    for (const ch of piece.text) addText(line, '', piece.font.advanceEm(ch.codePointAt(0)!) * charSize, charSize);
  }
  return true;
}

/** End (after the soft hyphen) of the longest start of chars[start…] that fits `room` with its hyphen, or -1. */
function softHyphenCut(chars: readonly Char[], start: number, room: number): number {
  let x = 0;
  let cut = -1;
  for (let i = start; i < chars.length - 1; i++) {
    const c = chars[i]!;
    if (c.ch === SOFT_HYPHEN && i > start && x + c.hyphen <= room + EPSILON) cut = i + 1;
    x += c.advance;
    if (x > room + EPSILON) break;
  }
  return cut;
}

/**
 * Fills an empty line with a word wider than it: up to the last hyphen, dash or slash that
 * fits, else as many characters as fit (at least one), marking the word broken. Returns where the next line starts.
 */
function breakWord(chars: readonly Char[], start: number, width: number, line: OpenLine): number {
  let end = start;
  let x = 0;
  let softEnd = -1;
  while (end < chars.length && (end === start || x + chars[end]!.advance <= width + EPSILON)) {
    x += chars[end]!.advance;
    end++;
    if (SOFT_BREAK_AFTER.has(chars[end - 1]!.ch) && end < chars.length) softEnd = end;
  }
  if (end < chars.length && softEnd > start) end = softEnd;
  else if (end < chars.length && line.keepText)
    line.broken = chars
      .map((c) => c.ch)
      .join('')
      .replaceAll(SOFT_HYPHEN, '');
  addChars(line, chars, start, end);
  line.width = line.x;
  return end;
}

function addChars(line: OpenLine, chars: readonly Char[], start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const c = chars[i]!;
    addText(line, c.ch === SOFT_HYPHEN ? '' : c.ch, c.advance, c.size);
  }
}

function openLine(size: number, afterHardBreak: boolean, keepText: boolean): OpenLine {
  return { text: '', keepText, x: 0, width: 0, maxSize: size, used: false, afterHardBreak };
}

function addText(line: OpenLine, text: string, advance: number, size: number): void {
  if (!line.used) line.maxSize = size;
  else line.maxSize = Math.max(line.maxSize, size);
  if (line.keepText) line.text += text.includes(SOFT_HYPHEN) ? text.replaceAll(SOFT_HYPHEN, '') : text;
  line.x += advance;
  line.used = true;
}

function addPieces(line: OpenLine, pieces: readonly Piece[], size: number): void {
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    addText(line, piece.text, piece.em * (piece.size ?? size), piece.size ?? size);
  }
}

function widthOf(pieces: readonly Piece[], size: number): number {
  let width = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    width += piece.em * (piece.size ?? size);
  }
  return width;
}
