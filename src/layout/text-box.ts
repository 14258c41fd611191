/**
 * Text frames with measured fitting: the one place where slide kinds turn words
 * into TextElements. Sizes shrink from the theme's size to its floor; what does
 * not fit at the floor is reported (fits: false) so the kind can continue on a new slide.
 */
import { debugLog } from '../debug-log.js';
import { commonParts } from '../kinds/common-parts.js';
import { fitText, splitParagraphs } from './fit-text.js';
import { hyphenateWords } from './hyphenate.js';
import { layoutParagraphs, WIDTH_SAFETY } from './measure-text.js';
import { BoundedCache } from '../bounded-cache.js';
import { fontMetrics, type FontMetrics, measuringFonts } from '../fonts/fonts.js';
import type { Issue, SourceLocation } from '../errors.js';
import type { Page } from './page.js';
import type { Box, Paragraph, ShapeElement, SlideElement, TextElement, TextStyle } from './types.js';

const log = debugLog('layout');

type TextRole = 'title' | 'body' | 'footer';

export interface StyleOptions {
  size?: number;
  color?: string;
  bold?: boolean;
  align?: TextStyle['align'];
  valign?: TextStyle['valign'];
  heading?: boolean;
  lineSpacing?: number;
  insets?: TextStyle['insets'];
}

export function textStyle(page: Page, options: StyleOptions = {}): TextStyle {
  const { theme } = page;
  return {
    fontFace: options.heading ? theme.fonts.heading : theme.fonts.body,
    fontSize: options.size ?? theme.sizes.body,
    color: options.color ?? theme.colors.text,
    bold: options.bold,
    align: options.align ?? 'left',
    valign: options.valign ?? 'top',
    lineSpacing: options.lineSpacing ?? 1,
    insets: options.insets ?? page.insets,
  };
}

/**
 * Text in a frame of fixed size (a statement, a panel) that does not fit even at the
 * theme's smallest size: there is no following slide for it, so the user shortens it.
 * Thrown by fitBox when the request names its source; layoutDeck reports it as an issue.
 */
export class LayoutIssue extends Error {
  constructor(readonly issue: Issue) {
    super(issue.message);
  }
}

export interface FitRequest {
  name: string;
  role?: TextRole;
  box: Box;
  paragraphs: Paragraph[];
  style: TextStyle;
  /** Largest size in points. @default style.fontSize */
  maxSize?: number;
  /** Smallest size in points. @default the theme's minBody */
  minSize?: number;
  fill?: string;
  /** Where the text was written; when given, text that cannot fit is a LayoutIssue there. */
  source?: SourceLocation;
  /** A shape's text keeps to its shape: its box never grows towards the footer. @default false */
  fixed?: boolean;
}

export interface Fitted {
  element: TextElement;
  fits: boolean;
  /** Height the text needs at the chosen size, in inches (insets included). */
  height: number;
}

/** True when every word fits on a line at `size`, so no word would be broken in two. */
export function wordsFit(paragraphs: readonly Paragraph[], style: TextStyle, width: number, size: number): boolean {
  const inner = (width - style.insets.left - style.insets.right) * 72;
  // A run with its own size keeps it when the frame shrinks (as in fitText).
  return paragraphs.every((p) =>
    p.runs.every((run) => {
      const widest = widestWordEm(run.text, fontMetrics(style.fontFace, run.bold ?? style.bold, run.italic));
      // The widest word decides: a larger advance never rounds to a smaller width (IEEE rounding is monotonic).
      return widest * (run.size ?? size) * WIDTH_SAFETY <= inner;
    }),
  );
}

/**
 * The advance (em) of the widest word of `text` in `font` (-Infinity for none: no word, nothing
 * too wide), kept by font and text: a text is fitted at size after size (fitWholeWords), and
 * every size split and measured each of its words again.
 */
export function widestWordEm(text: string, font: FontMetrics): number {
  let byText = widestWords.get(font);
  if (!byText) widestWords.set(font, (byText = new BoundedCache(1_000_000, (key) => key.length)));
  let widest = byText.get(text);
  if (widest === undefined) {
    widest = -Infinity;
    for (const word of text.split(/\s+/)) if (word.length > 0) widest = Math.max(widest, font.textEm(word));
    byText.set(text, widest);
  }
  return widest;
}

const widestWords = new WeakMap<FontMetrics, BoundedCache<string, number>>();

/**
 * The largest size ≤ maxSize at which the text fits and no word is split mid-word. When
 * some word is wider than the frame even at minSize, those words are hyphenated for the
 * page's language (soft hyphens) and the text is fitted again, never split at a random letter.
 */
function fitWholeWords(page: Page, request: FitRequest, maxSize: number, minSize: number) {
  const input = { paragraphs: request.paragraphs, style: request.style, box: request.box, minSize };
  const result = fitText({ ...input, maxSize });
  for (let size = result.fontSize; result.fits && size >= minSize; size -= 0.5) {
    if (wordsFit(request.paragraphs, request.style, request.box.w, size)) {
      return {
        paragraphs: request.paragraphs,
        ...(size === result.fontSize ? result : fitText({ ...input, maxSize: size })),
      };
    }
  }
  const atFloor = fitText({ ...input, maxSize: minSize });
  if (atFloor.broken.length === 0) return { paragraphs: request.paragraphs, ...result };
  const paragraphs = hyphenateWords(request.paragraphs, atFloor.broken, page.language);
  let hyphenated = fitText({ ...input, paragraphs, maxSize });
  // The largest size at which the hyphenated text fits with no word broken between letters.
  while (hyphenated.fits && hyphenated.broken.length > 0 && hyphenated.fontSize > minSize)
    hyphenated = fitText({ ...input, paragraphs, maxSize: Math.max(minSize, hyphenated.fontSize - 0.5) });
  // A word that breaks between letters even hyphenated at the floor does not fit: the caller tries another place.
  return { paragraphs, ...hyphenated, fits: hyphenated.fits && hyphenated.broken.length === 0 };
}

export function fitBox(page: Page, given: FitRequest): Fitted {
  let request = given;
  const maxSize = request.maxSize ?? request.style.fontSize;
  const minSize = Math.min(request.minSize ?? page.theme.sizes.minBody, maxSize);
  let fitted = fitWholeWords(page, request, maxSize, minSize);
  // An organisation's template may give a text a smaller box than Trappa's design does: the
  // box then grows down towards the footer (the slide writes its own size), before anything is refused.
  // Only the lowest block of the content area grows (nothing of the slide's own lies below it).
  const lowest = request.box.y + request.box.h >= page.body.y + page.body.h - 0.05;
  const above = request.box.y + request.box.h <= page.body.y + 0.05;
  if (!fitted.fits && page.template && !request.fixed && (lowest || above)) {
    // A box above the content area (a title) grows only up to it, never into the slide's content.
    // It stops above the template's art below it too (trees along the bottom): text keeps off the art.
    const { x, y, w } = request.box;
    const artTops = (page.template.art ?? [])
      .filter((a) => a.x < x + w && a.x + a.w > x && a.y > y + 0.05)
      .map((a) => a.y);
    const floor = (above ? page.body.y : Math.min(page.footer.y, page.size.h - 0.3, ...artTops)) - 0.05;
    if (floor > request.box.y + request.box.h + 0.05) {
      const box = { ...request.box, h: floor - request.box.y };
      const grown = fitWholeWords(page, { ...request, box }, maxSize, minSize);
      const needed = grown.fits ? Math.min(box.h, Math.max(request.box.h, grown.height)) : box.h;
      request = { ...request, box: { ...box, h: needed } };
      fitted = grown.fits ? fitWholeWords(page, request, maxSize, minSize) : grown;
    }
  }
  const { paragraphs, ...result } = fitted;
  if (log.enabled && result.fontSize < maxSize)
    log(
      '"%s": %d → %d pt to fit its box%s',
      request.name,
      maxSize,
      result.fontSize,
      result.fits ? '' : ' (still too long)',
    );
  if (!result.fits && request.source) {
    const shorter = Math.max(5, Math.ceil(((1 - request.box.h / result.height) * 100) / 5) * 5);
    throw new LayoutIssue({
      ...request.source,
      message:
        `the text is too long for its place on the slide: even at ${minSize} pt it needs ` +
        `${result.height.toFixed(1)} in of ${request.box.h.toFixed(1)} in; shorten it by about ${shorter} %`,
    });
  }
  const element: TextElement = {
    type: 'text',
    name: request.name,
    role: request.role ?? 'body',
    box: request.box,
    paragraphs,
    style: { ...request.style, fontSize: result.fontSize },
    ...(request.fill ? { fill: request.fill } : {}),
    ...(request.source ? { source: request.source } : {}),
  };
  return { element, fits: result.fits, height: result.height };
}

/**
 * Height in inches that paragraphs need at the style's size in a frame `width` wide. With
 * `language`, a word too wide for the frame is measured hyphenated, as fitBox will set it.
 */
export function textHeight(paragraphs: Paragraph[], style: TextStyle, width: number, language?: string): number {
  const layout = layoutParagraphs(paragraphs, style, width);
  if (!language || layout.broken.length === 0) return layout.height;
  return layoutParagraphs(hyphenateWords(paragraphs, layout.broken, language), style, width).height;
}

/**
 * Splits a list into chunks that each fit `box` at no less than `minSize`.
 * One chunk when everything fits; the kind makes a continuation slide per further chunk.
 * Sub-points (level > 0) stay on the slide of their point (see splitParagraphs).
 */
export function splitToFit(
  page: Page,
  items: Paragraph[],
  style: TextStyle,
  box: Box,
  minSize?: number,
  comfortSize?: number,
): Paragraph[][] {
  if (items.length === 0) return [[]];
  const floor = minSize ?? page.theme.sizes.minBody;
  const fonts = measuringFonts();
  let splits = splitsKept.get(fonts);
  if (!splits) splitsKept.set(fonts, (splits = new BoundedCache(1_000_000, (key) => key.length)));
  const key = JSON.stringify([items, style, box, floor, comfortSize ?? null]);
  let ranges = splits.get(key);
  if (ranges === undefined) {
    const whole = fitText({ paragraphs: items, style, box, maxSize: style.fontSize, minSize: floor });
    ranges = whole.fits
      ? WHOLE
      : splitParagraphs(items, style, box, floor, 0.5, comfortSize).map((c) => [c.start, c.end]);
    splits.set(key, ranges);
  }
  return ranges === WHOLE ? [items] : ranges.map(([start, end]) => items.slice(start, end));
}

/**
 * Where each list was split ([start, end) of its items, WHOLE where it fits as it is), by what decides it: the
 * items, style, box and sizes, under the fonts measuring them. Why: a kind lays its list out again for each
 * layout and place it tries (Progress's bundled decks: 79 splits, 22 different), and the split is a function of
 * these alone. The items returned are always the caller's own.
 */
const splitsKept = new WeakMap<object, BoundedCache<string, readonly (readonly [number, number])[]>>();
const WHOLE: readonly (readonly [number, number])[] = [];

/** What a slide title is fitted from: the template's or Trappa's title place and style, the text on one or two lines. */
export function titleRequest(page: Page, title: string): FitRequest {
  const { theme } = page;
  const style = textStyle(page, {
    heading: true,
    size: theme.sizes.title,
    color: theme.colors.primary,
    bold: true,
    valign: page.template?.titleOnBand ? 'middle' : 'bottom',
    // The template's alignment (mostly centred), which its title placeholder then gives it.
    ...(page.template ? { align: page.template.align.title } : {}),
  });
  return {
    name: commonParts.title.name(),
    role: 'title' as const,
    box: page.title,
    paragraphs: [{ runs: [{ text: title }] }],
    style,
    minSize: Math.min(theme.sizes.minBody + 6, theme.sizes.title),
  };
}

/** The slide title (a real title, fitted on one or two lines) and the accent rule under it. */
export function titleElements(page: Page, title: string): SlideElement[] {
  const { theme } = page;
  const request = titleRequest(page, title);
  let fitted = fitBox(page, request);
  // A template's title box may be narrower than Trappa's: the title may then go down to the body's floor.
  if (!fitted.fits && page.template) fitted = fitBox(page, { ...request, minSize: theme.sizes.minBody });
  const across = page.template?.titleAcross;
  if (across && lineCount(fitted.element) > TITLE_LINES) fitted = acrossArt(page, request, across) ?? fitted;
  const rule: SlideElement = {
    type: 'shape',
    name: commonParts.titleRule.name(),
    shape: 'rect',
    box: page.rule,
    fill: theme.colors.accent,
  };
  return [fitted.element, rule];
}

/** A title takes one or two lines: three short ones in a narrow place read as a list, not a title. */
const TITLE_LINES = 2;

const lineCount = (e: TextElement): number => layoutParagraphs(e.paragraphs, e.style, e.box.w).lines.length;

/**
 * The title in the wider place clear of the template's art beside its own (Sunset's 3.9-in place between
 * two pairs of rules took «Arbeidet med / kommunikasjonsplan – / nærmeste tid» at 17.5 pt): where it fits
 * there on at most two lines, at no less than the titles' floor; else undefined.
 */
function acrossArt(page: Page, request: FitRequest, across: Box): Fitted | undefined {
  const wide = fitBox(page, { ...request, box: across });
  return wide.fits && lineCount(wide.element) <= TITLE_LINES ? wide : undefined;
}

/** "Title", then "Title (forts.)", "Title (forts. 2)", … for the slides of a continued list. */
export function continuedTitle(page: Page, title: string, index: number): string {
  if (index === 0) return title;
  if (index === 1) return `${title} ${page.continued}`;
  return `${title} ${page.continuedNumbered.replace('{n}', String(index))}`;
}

export interface ShapeRequest extends Omit<FitRequest, 'role' | 'fill'> {
  shape: ShapeElement['shape'];
  fill?: string;
  line?: ShapeElement['line'];
  radius?: number;
}

/** A diagram node: a shape whose text is fitted like a text frame's. */
/**
 * The part of a shape PowerPoint puts text in (its preset's text rectangle): an arrow's
 * point and a rounded corner take width away, so text is measured in what is left.
 */
function textArea(shape: ShapeElement['shape'], box: Box, radius?: number): Box {
  if (shape === 'homePlate') return { ...box, w: Math.max(0.1, box.w - box.h / 2) };
  if (shape === 'chevron') return { ...box, x: box.x + box.h / 2, w: Math.max(0.1, box.w - box.h) };
  if (shape === 'roundRect') {
    // OOXML's roundRect text rect is inset by 29.3 % of the corner radius on every side.
    // pptxgenjs writes `rectRadius` as inches (adj = radius / shorter side); without one, OOXML's default is 1/6 of the
    // shorter side.
    const inset = 0.29289 * (radius ?? Math.min(box.w, box.h) / 6);
    return { x: box.x + inset, y: box.y + inset, w: box.w - 2 * inset, h: box.h - 2 * inset };
  }
  if (shape === 'ellipse') {
    // The square inscribed in the ellipse: side √½ ≈ 0.7071, inset (1 − √½)/2 ≈ 0.1464. Kept rounded as the
    // layouts were tuned with these values.
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: the rounded value is the tuned geometry
    const side = 0.7071;
    return { x: box.x + box.w * 0.1464, y: box.y + box.h * 0.1464, w: box.w * side, h: box.h * side };
  }
  return box;
}

export function fittedShape(page: Page, request: ShapeRequest): ShapeElement {
  const measured = textArea(request.shape, request.box, request.radius);
  const { element } = fitBox(page, { ...request, box: measured, role: 'body', fill: undefined, fixed: true });
  return {
    type: 'shape',
    name: request.name,
    shape: request.shape,
    box: request.box,
    ...(request.fill ? { fill: request.fill } : {}),
    ...(request.line ? { line: request.line } : {}),
    ...(request.radius !== undefined ? { radius: request.radius } : {}),
    paragraphs: element.paragraphs,
    style: element.style,
    ...(request.source ? { source: request.source } : {}),
  };
}
