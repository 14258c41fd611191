/**
 * Measures text with real font metrics: how wide a string is, and how paragraphs wrap
 * in a frame and how tall they get. The model, checked against LibreOffice in
 * test/measure-text-libreoffice.test.ts:
 *
 * - Width is the sum of advance widths, **without kerning**. Both renderers kern by
 *   default (pptxgenjs's master sets `kern="1200"`; LibreOffice set "Kommunikasjonsstrategi"
 *   1 % narrower than its advances), but Carlito's kerning pairs come from Lato, not
 *   Calibri, so PowerPoint's kerning is unknown here. Latin kerning almost only tightens
 *   text, so unkerned advances are an upper bound: LibreOffice drew the 75 calibration
 *   lines at 0.981–1.0002 of their unkerned width (median 0.994).
 * - On top of that, lines are filled to `WIDTH_SAFETY` (1 %) less than the frame's inner
 *   width, for the renderers' rounding of glyph positions (LibreOffice: up to 0.02 % over)
 *   and the rare kerning pair that widens. Both margins can only make us break a line
 *   earlier than the renderer does, never later.
 * - A single-spaced line is 1.2 × the font size, for every face. That is neither Carlito's
 *   hhea nor its OS/2 line (ascender 1536 + descender 512 + lineGap 452 = 2500 of 2048
 *   units = 1.2207 em, and Calibri's are the same): PowerPoint ignores them and uses a
 *   flat 1.2 em (probed against native PowerPoint in
 *   https://github.com/developer0hye/office2pdf/issues/1071), and LibreOffice drew
 *   Carlito at exactly 1.2 em from 10 pt to 40 pt. `lineSpacing` multiplies it, and every
 *   line, the first one too, takes the multiplied height.
 * - A line is as tall as the largest run size on it; `spaceBefore` (points) comes before
 *   each paragraph, the first one too (LibreOffice skips it on the first paragraph of a
 *   frame; counting it is the safe side).
 */
import { ptToInch, inchToPt } from '../units.js';
import { type FontMetrics, fontMetrics, measuringFonts, resolveFontFace, type FontSpec } from '../fonts/fonts.js';
import { type LineSink, splitUnits, wrapInto, wrapUnits, type Unit, type WrappedLine } from './break-lines.js';
import type { Paragraph, TextStyle } from './types.js';

/** Lines are filled to the inner width divided by this. */
export const WIDTH_SAFETY = 1.01;
/** Height of a single-spaced line, in font sizes. */
export const LINE_HEIGHT_EM = 1.2;
/**
 * Hanging indent of a bullet, in points: the bullet of level n sits at n × 18 pt and its
 * text starts at (n + 1) × 18 pt, which is what pptxgenjs writes for
 * `bullet: { indent: BULLET_INDENT_PT }, indentLevel: n` (marL = indent × (n + 1)).
 * Carlito's bullet is 0.5 em wide, so it fits the indent up to 36 pt text.
 */
export const BULLET_INDENT_PT = 18;

/** Left edge of a bulleted paragraph's text, in points from the frame's inner edge. */
export const bulletMarginPt = (level: number): number => BULLET_INDENT_PT * (level + 1);

/** Advance width of `text` in points (no kerning, no safety margin). */
export function measureWidth(text: string, font: FontSpec): number {
  return fontMetrics(font.face, font.bold, font.italic).textEm(text) * font.size;
}

export interface Line {
  /** The line's text, without the spaces it broke at. */
  text: string;
  /** Index of its paragraph. */
  paragraph: number;
  /** Points, without trailing spaces or the safety margin. */
  width: number;
  /** Points: 1.2 × largest size on the line × lineSpacing. */
  height: number;
  /** Points of paragraph spacing above the line (only on a paragraph's first line, or after "\n"). */
  spaceBefore: number;
}

export interface TextLayout {
  lines: Line[];
  /** Inches, including the top and bottom insets. */
  height: number;
  /** Plain-language warnings for the caller to report (unknown font faces). */
  warnings: string[];
  /** Words broken between two letters because no line could hold them (see break-lines.ts). */
  broken: string[];
}

/** Paragraphs split into break units once, to lay out at many sizes. */
export interface PreparedText {
  style: TextStyle;
  paragraphs: Array<{ units: Unit[]; indentPt: number; spaceBefore: number }>;
  warnings: string[];
}

/**
 * Wraps `paragraphs` in a frame `widthInches` wide at `style.fontSize`.
 * `widthSafety` 1 gives the bare model (calibration only).
 */
export function layoutParagraphs(
  paragraphs: readonly Paragraph[],
  style: TextStyle,
  widthInches: number,
  widthSafety = WIDTH_SAFETY,
): TextLayout {
  return layoutPrepared(prepareText(paragraphs, style), style.fontSize, widthInches, widthSafety);
}

/**
 * Why memos: fitting a text tries it at size after size, and the slide kinds measure the same
 * paragraphs again (the whole list, each item, the list grown towards the footer on a
 * template's smaller box); a template deck wrapped the same paragraph at the same size and
 * width up to 4 times. Paragraphs are plain data nobody changes once made, so a paragraph's
 * break units (per measuring faces, face and weight) and its lines at a size and width are
 * kept as long as the paragraph lives: the same numbers, computed once.
 */
let unitsMemo = new WeakMap<object, WeakMap<Paragraph, Map<string, Unit[][]>>>();
/** Lines by size, then width: numbers as keys (a float turned into a string key cost more than the wrap it saved). */
let linesMemo = new WeakMap<readonly Unit[], Map<number, Map<number, WrappedLine[]>>>();

/**
 * Forgets the units and lines kept by paragraph (those kept by content stay, `keepUnitsOf`).
 * The Studio's worker does so after each slide it lays out or draws, and after each job: it
 * keeps its laid-out slides whole, paragraphs included (studio/slide-memo.ts), and with them
 * their memos, the lines of every size a text was tried at. For a 2 MB strategy's 520 slides
 * that was ~35 MB of the first render's live heap, read by no other slide nor later job (a kept
 * slide is reused and so is its SVG; an edited slide is made of new paragraphs). Its drawing
 * wraps each paragraph once more, at its one size; the render's CPU went down, not up (less
 * live heap for its collections to mark).
 */
export function forgetParagraphMeasures(): void {
  unitsMemo = new WeakMap();
  forgetLines();
}

/** Wraps (a paragraph's lines at one size and width) kept in `linesMemo` before it is let go. */
let linesKept = Number.POSITIVE_INFINITY;
/** Wraps kept in `linesMemo` since it was last let go. */
let linesHeld = 0;

function forgetLines(): void {
  linesMemo = new WeakMap();
  linesHeld = 0;
}

/**
 * From now on, `linesMemo` is let go once it holds `wraps` wraps. The Studio's worker bounds it:
 * one slide's build can try thousands of paragraphs at every size and width (the target groups'
 * column flow of a 2 MB strategy: 3 column counts, ~25 sizes, 179 slides), and every line tried
 * stayed live until that slide was done (forgetParagraphMeasures is called between slides). On
 * Node 24 that held the worker's heap at ~145 MB through the first render (~70 MB live), the
 * studio's peak. A wrap let go is computed again when asked for: the same lines, from the same
 * units. @default all, as long as their paragraph lives (the CLI builds a deck once)
 */
export function keepLinesOf(wraps: number): void {
  linesKept = wraps;
  forgetLines();
}

/**
 * Lets go of the kept lines when there are more than `wraps` of them. A build calls it once a deck
 * is laid out (build-deck.ts): a 1,000-row plan keeps ~18,000 wraps (the tables' cells at every
 * size tried), read by nothing after the layout, yet marked by every full collection while the
 * deck is written, finished and checked. A small deck's few hundred stay for the next deck.
 */
export function forgetLinesBeyond(wraps: number): void {
  if (linesHeld > wraps) forgetLines();
}

/**
 * Units by what they are made of: each run's text, own size and the metrics that measure it
 * (splitUnits reads nothing else). A paragraph made again with the same text — a table cell
 * tried in another row split, the next build in watch mode, another deck of the same build —
 * gets the units, and with them the lines (`linesMemo`), already computed. Metrics are named by
 * identity, so two projects' own faces never share an entry. Bounded by the runs' characters:
 * all are let go at once when more would be kept.
 *
 * A paragraph of one run (nearly every one) is looked up by its metrics, size and text in turn,
 * with no key made: the kinds make their paragraphs anew at every size and place they try (a
 * template's places many times over), and a key joined from the run's parts was a new string
 * each time, built and hashed whole for every lookup. The run's text is the strategy's own
 * string, whose hash is kept with it.
 */
class UnitsByContent {
  readonly #oneRun = new Map<FontMetrics, Map<number | undefined, Map<string, Unit[]>>>();
  readonly #keyed = new Map<string, Unit[]>();
  #weight = 0;

  constructor(readonly limit: number) {}

  units(paragraph: Paragraph, style: TextStyle): Unit[] {
    const { runs } = paragraph;
    if (runs.length !== 1) return this.#byKey(paragraph, style);
    const run = runs[0]!;
    const font = fontMetrics(style.fontFace, run.bold ?? style.bold ?? false, run.italic ?? false);
    const kept = this.#oneRun.get(font)?.get(run.size)?.get(run.text);
    if (kept) return kept;
    const units = splitUnits(paragraph, style);
    this.#weigh(run.text.length + 8);
    let bySize = this.#oneRun.get(font);
    if (!bySize) this.#oneRun.set(font, (bySize = new Map()));
    let byText = bySize.get(run.size);
    if (!byText) bySize.set(run.size, (byText = new Map()));
    byText.set(run.text, units);
    return units;
  }

  #byKey(paragraph: Paragraph, style: TextStyle): Unit[] {
    const key = contentKey(paragraph, style);
    const kept = this.#keyed.get(key);
    if (kept) return kept;
    const units = splitUnits(paragraph, style);
    this.#weigh(key.length);
    this.#keyed.set(key, units);
    return units;
  }

  /** Makes room for an entry of `weight`: everything is let go when it would weigh more than the limit. */
  #weigh(weight: number): void {
    if (this.#weight + weight > this.limit) {
      this.#oneRun.clear();
      this.#keyed.clear();
      this.#weight = 0;
    }
    this.#weight += weight;
  }
}

let unitsByContent = new UnitsByContent(1_000_000);

/**
 * From now on, units (and with them their lines, `linesMemo`) of at most `chars` characters of
 * runs are kept by content. The Studio's worker keeps fewer: its laid-out slides are kept whole
 * (studio/slide-memo.ts), and a million characters there held ~50 MB of units and lines of a
 * 2 MB strategy, a sixth of the Studio's memory.
 */
export function keepUnitsOf(chars: number): void {
  unitsByContent = new UnitsByContent(chars);
}
const metricsIds = new WeakMap<FontMetrics, number>();
let nextMetricsId = 0;

function contentKey(paragraph: Paragraph, style: TextStyle): string {
  let key = '';
  for (const run of paragraph.runs) {
    const font = fontMetrics(style.fontFace, run.bold ?? style.bold ?? false, run.italic ?? false);
    let id = metricsIds.get(font);
    if (id === undefined) metricsIds.set(font, (id = nextMetricsId++));
    key += `${id}\u0001${run.size ?? ''}\u0001${run.text}\u0002`;
  }
  return key;
}

/**
 * A paragraph's units under the measuring faces, by paragraph, then face and weight (a map and a
 * pair: no key string made per call), then by content (`unitsByContent`).
 */
function unitsOf(paragraph: Paragraph, style: TextStyle): Unit[] {
  const fonts = measuringFonts();
  let byParagraph = unitsMemo.get(fonts);
  if (!byParagraph) unitsMemo.set(fonts, (byParagraph = new WeakMap()));
  let byFace = byParagraph.get(paragraph);
  if (!byFace) byParagraph.set(paragraph, (byFace = new Map()));
  let byWeight = byFace.get(style.fontFace);
  if (!byWeight) byFace.set(style.fontFace, (byWeight = []));
  const weight = style.bold === true ? 1 : 0;
  let units = byWeight[weight];
  if (!units) byWeight[weight] = units = unitsByContent.units(paragraph, style);
  return units;
}

function linesOf(units: readonly Unit[], size: number, width: number): WrappedLine[] {
  let bySize = linesMemo.get(units);
  if (!bySize) linesMemo.set(units, (bySize = new Map()));
  let byWidth = bySize.get(size);
  if (!byWidth) bySize.set(size, (byWidth = new Map()));
  let lines = byWidth.get(width);
  if (!lines) {
    byWidth.set(width, (lines = wrapUnits(units, size, width)));
    if (++linesHeld >= linesKept) forgetLines();
  }
  return lines;
}

const preparedParagraph = (p: Paragraph, style: TextStyle): PreparedText['paragraphs'][number] => ({
  units: unitsOf(p, style),
  indentPt: p.bullet ? bulletMarginPt(p.level ?? 0) : 0,
  spaceBefore: p.spaceBefore ?? 0,
});

export function prepareText(paragraphs: readonly Paragraph[], style: TextStyle): PreparedText {
  const warning = resolveFontFace(style.fontFace).warning;
  return {
    style,
    paragraphs: paragraphs.map((p) => preparedParagraph(p, style)),
    warnings: warning ? [warning] : [],
  };
}

/** The width (pt) a paragraph's lines wrap at in a box `widthInches` wide: inside the insets and its indent, less the safety. */
function wrapWidthOf(style: TextStyle, widthInches: number, widthSafety: number): (p: { indentPt: number }) => number {
  const innerPt = inchToPt(widthInches - style.insets.left - style.insets.right);
  return (p) => (innerPt - p.indentPt) / widthSafety;
}

/** Lays prepared text out at `fontSize` (runs with their own size keep it). */
export function layoutPrepared(
  prepared: PreparedText,
  fontSize: number,
  widthInches: number,
  widthSafety = WIDTH_SAFETY,
): TextLayout {
  const { insets, lineSpacing = 1 } = prepared.style;
  const wrapWidth = wrapWidthOf(prepared.style, widthInches, widthSafety);
  const lines: Line[] = [];
  const broken: string[] = [];
  let heightPt = 0;
  prepared.paragraphs.forEach((p, index) => {
    const wrapped = linesOf(p.units, fontSize, wrapWidth(p));
    wrapped.forEach((w, i) => {
      if (w.broken && broken.at(-1) !== w.broken) broken.push(w.broken);
      const spaceBefore = i === 0 || w.afterHardBreak ? p.spaceBefore : 0;
      const height = LINE_HEIGHT_EM * w.maxSize * lineSpacing;
      lines.push({ text: w.text, paragraph: index, width: w.width, height, spaceBefore });
      heightPt += spaceBefore + height;
    });
  });
  return { lines, height: insets.top + insets.bottom + ptToInch(heightPt), warnings: prepared.warnings, broken };
}

/** The height of prepared text at a size and width, and its number of lines (`measurePrepared`). */
export interface TextMeasure {
  /** Inches, including the top and bottom insets: `layoutPrepared`'s height, the very same number. */
  height: number;
  lines: number;
}

/** Sums a paragraph's lines as `layoutPrepared` does, from their sizes alone (no text is made). */
class LineHeights implements LineSink {
  readonly text = false;
  heightPt = 0;
  lines = 0;
  #first = true;
  #spaceBefore = 0;
  #lineSpacing = 1;

  paragraph(spaceBefore: number, lineSpacing: number): void {
    this.#first = true;
    this.#spaceBefore = spaceBefore;
    this.#lineSpacing = lineSpacing;
  }

  line(_text: string, _width: number, maxSize: number, afterHardBreak: boolean): void {
    const spaceBefore = this.#first || afterHardBreak ? this.#spaceBefore : 0;
    const height = LINE_HEIGHT_EM * maxSize * this.#lineSpacing;
    this.heightPt += spaceBefore + height;
    this.#first = false;
    this.lines++;
  }
}

/**
 * `layoutPrepared`'s height and line count without its lines: the same breaks and the same sums
 * in the same order, so the same number. Nothing is kept: a wrap the memo holds is read, none is
 * added to it. Why: a size search (column-flow.ts) tries thousands of names at ~25 sizes and 3
 * widths and needs their heights only; every line it made was kept by the memo until its slide
 * was done (in the Studio's worker until 10,000 wraps, `keepLinesOf`), so it outlived the worker's
 * young generation and piled up as old garbage: on Node 24 the studio's peak RSS.
 */
export function measurePrepared(
  prepared: PreparedText,
  fontSize: number,
  widthInches: number,
  widthSafety = WIDTH_SAFETY,
): TextMeasure {
  const { insets, lineSpacing = 1 } = prepared.style;
  const wrapWidth = wrapWidthOf(prepared.style, widthInches, widthSafety);
  const sum = new LineHeights();
  // Index loops, as in wrapInto (break-lines.ts): no iterator results before V8 optimises this.
  for (let i = 0; i < prepared.paragraphs.length; i++) {
    const p = prepared.paragraphs[i]!;
    const width = wrapWidth(p);
    sum.paragraph(p.spaceBefore, lineSpacing);
    const kept = linesMemo.get(p.units)?.get(fontSize)?.get(width);
    if (!kept) wrapInto(p.units, fontSize, width, sum);
    else
      for (let k = 0; k < kept.length; k++) {
        const w = kept[k]!;
        sum.line(w.text, w.width, w.maxSize, w.afterHardBreak);
      }
  }
  return { height: insets.top + insets.bottom + ptToInch(sum.heightPt), lines: sum.lines };
}

/** Paragraphs laid out so far, a paragraph at a time (`extendHeight`). */
export interface RunningHeight {
  /** Points of the lines so far, summed line by line in order as `layoutPrepared` sums them. */
  heightPt: number;
  /** Inches, as `layoutPrepared` gives for the same paragraphs at the style's size. */
  height: number;
  /** The words broken between letters so far, as `layoutPrepared` lists them. */
  broken: readonly string[];
}

export const NO_HEIGHT: RunningHeight = { heightPt: 0, height: 0, broken: [] };

/**
 * `so` with `paragraph` laid out under it at `style`'s size in a frame `widthInches` wide: the
 * same sums, in the same order, as `layoutPrepared` of all of them, so the height is the very
 * same number. Why: a column filled an item at a time (column-slots.ts) measured the whole
 * column again for every item it tried.
 */
export function extendHeight(
  so: RunningHeight,
  paragraph: Paragraph,
  style: TextStyle,
  widthInches: number,
): RunningHeight {
  const { insets, lineSpacing = 1 } = style;
  const innerPt = inchToPt(widthInches - insets.left - insets.right);
  const p = preparedParagraph(paragraph, style);
  let { heightPt, broken } = so;
  // As layoutPrepared sums a line (kept inline there: it is the hottest loop of every build).
  linesOf(p.units, style.fontSize, (innerPt - p.indentPt) / WIDTH_SAFETY).forEach((w, i) => {
    if (w.broken && broken.at(-1) !== w.broken) broken = [...broken, w.broken];
    heightPt += (i === 0 || w.afterHardBreak ? p.spaceBefore : 0) + LINE_HEIGHT_EM * w.maxSize * lineSpacing;
  });
  return { heightPt, height: insets.top + insets.bottom + ptToInch(heightPt), broken };
}
