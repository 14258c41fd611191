/**
 * The page: the geometry every content slide shares (title band, body area, footer),
 * derived from the theme. Slide kinds place their content inside `body`.
 * 16:9 at 13.333 × 7.5 in, PowerPoint's default widescreen size.
 */
import type { Segment } from './segments.js';
import type { Theme } from '../data/schema.js';
import type { Alignment } from './line-span.js';
import type { Box, Insets } from './types.js';

const SLIDE = { w: 13.333, h: 7.5 } as const;
const MARGIN_X = 0.6;

export interface Page {
  theme: Theme;
  size: { w: number; h: number };
  title: Box;
  /** The short accent rule under the title. */
  rule: Box;
  body: Box;
  footer: Box;
  /** Default insets of text frames, in inches. */
  insets: Insets;
  /** Vertical gap between stacked blocks, in inches. */
  gap: number;
  /** Language tag of the deck's text. */
  language: string;
  /** "(forts.)" in the deck's language. */
  continued: string;
  /** "(forts. {n})" for the third and later slides, so no two slides share a title. */
  continuedNumbered: string;
  /**
   * Set on an organisation's template: the places of its title slide's texts and of its footer and slide number;
   * `art`: the template's art on its content layout (shapes and pictures that are not a background), kept off;
   * `slots`: its own places for slides of two texts; `cover.logos`: where the title slide's logos may go on it
   * (rows inside the slide, off its art, of several heights; the band at its foot when none is free under
   * the texts) and whether they need a light backing there (template/logo-band.ts, slides/cover-plan.ts);
   * `free`: the free area under the title where it is much larger than `body` (a small body place),
   * which a slide takes instead of `body` only when that saves slides or keeps its content whole;
   * `beside`: where the template's art leaves an L-shaped body (Forestbird's trees at the right
   * foot), the tall part of the L beside the art, `body` being the full-width part above it: a
   * slide takes it when its text is larger there (deck/free-area.ts);
   * `titleOnBand`, `cover.onBand`: the title is set in a band the master draws for it, centred there (template/title-band.ts);
   * `align`, `cover.align`: how the template aligns the texts of those places (template-design.ts `alignOf`).
   */
  template?: {
    cover: {
      title: Box;
      subtitle: Box;
      logos?: LogoRows;
      /** How far the title block may rise above its place to leave the logos room (template-design.ts liftRoom). */
      lift?: number;
      onBand?: boolean;
      align: { title: Alignment; subtitle: Alignment };
    };
    align: { title: Alignment; footer: Alignment; number: Alignment };
    footer?: Box;
    number?: Box;
    art?: Box[];
    /** The template's line art that crosses the title's place (Yellow_Idea's tick marks): a title's lines keep off it where they can. */
    titleStrokes?: Segment[];
    slots?: TemplateSlots;
    free?: Box;
    beside?: Box;
    /** The template's places for two texts inside `beside` (the one the art cuts into narrower). */
    besideSlots?: TemplateSlots;
    titleOnBand?: boolean;
    /** The title's place widened clear of the art beside it, for a title the place would break into three lines (content-area.ts titleAcrossArt). */
    titleAcross?: Box;
  };
}

/** A row for the cover's logos on a template (template/logo-band.ts). */
export interface LogoBand {
  /** Where the logo row goes: inside the slide, off the template's art, on an even ground. */
  band: Box;
  /** The logos need a light backing of their own: the ground there is not light, or not known. */
  backing: boolean;
}

/** Where a template's cover may put its logos: the cover's texts decide which (slides/cover-plan.ts). */
export interface LogoRows {
  /** The lowest free row of each band height that has one, tallest first. */
  rows: LogoBand[];
  /** The band across the slide's foot, for a cover whose texts leave no row free; backed where it is on art. */
  fallback: LogoBand & { onArt: boolean };
}

/**
 * The template's own places for slides of two texts (template/template-slots.ts): a slide
 * that puts its texts exactly there inherits them, so PowerPoint's *Reset slide* keeps it.
 */
export interface TemplateSlots {
  /** A two-content layout's two bodies, left to right. */
  columns?: [Box, Box];
  /** A comparison layout's heading and body pairs, left to right. */
  pairs?: [{ heading: Box; body: Box }, { heading: Box; body: Box }];
  /** The body grown down to the footer places where nothing of the template lies between (a small body place). */
  room?: Box;
}

export function createPage(
  theme: Theme,
  language: string,
  continued: string,
  continuedNumbered = `${continued} {n}`,
): Page {
  const width = SLIDE.w - 2 * MARGIN_X;
  return {
    theme,
    size: { ...SLIDE },
    title: { x: MARGIN_X, y: 0.35, w: width, h: 0.95 },
    rule: { x: MARGIN_X + 0.08, y: 1.33, w: 1.4, h: 0.06 },
    body: { x: MARGIN_X, y: 1.6, w: width, h: 5.15 },
    footer: { x: MARGIN_X, y: 6.98, w: width, h: 0.34 },
    insets: { left: 0.08, right: 0.08, top: 0.05, bottom: 0.05 },
    gap: 0.2,
    language,
    continued,
    continuedNumbered,
  };
}

/** The height of the page the theme's sizes are written for (PowerPoint's default 16:9 slide). */
const THEME_PAGE_H = SLIDE.h;

/**
 * A comfortable size (the size below which a list rather takes one slide more) on this page:
 * the theme's points are meant for a 7.5-in-high slide, and a template's smaller slide (28 ×
 * 15.75 cm, 6.2 in) is shown on the same screen, its points larger by 7.5 / 6.2. So there the
 * same look takes fewer points, never fewer than the theme's floor `minSize`; never more
 * points than given (a taller slide keeps them). `readable`: on an organisation's template,
 * whose body place is often much smaller than Trappa's own, a list is kept on fewer slides
 * down to this size (as on a 7.5-in slide) rather than the theme's more generous comfort.
 */
export function comfortOnPage(page: Page, points: number, minSize: number, readable = points): number {
  if (!page.template) return points;
  const scale = Math.min(1, page.size.h / THEME_PAGE_H);
  const scaled = Math.round(Math.min(points, readable) * scale * 2) / 2;
  return Math.min(points, Math.max(minSize, scaled));
}

/** Points, as on a 7.5-in-high slide, that body text and table text on a template keep before continuing. */
export const READABLE = { body: 14, table: 11 } as const;

/** Splits a box into columns with a gap between them; `weights` give relative widths. */
export function columns(box: Box, weights: number[], gap: number): Box[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const free = box.w - gap * (weights.length - 1);
  let x = box.x;
  return weights.map((weight) => {
    const w = (free * weight) / total;
    const column = { x, y: box.y, w, h: box.h };
    x += w + gap;
    return column;
  });
}

/** The part of `box` below `height` inches plus a gap. */
export function below(box: Box, height: number, gap: number): Box {
  return { x: box.x, y: box.y + height + gap, w: box.w, h: Math.max(0, box.h - height - gap) };
}

/**
 * Content shorter than this share of its box is balanced in it rather than left at the top:
 * a three-row plan or a list of three decisions at the top leaves the lower half of the slide
 * empty, which reads as unfinished on a meeting room's screen.
 */
export const SHORT_SHARE = 2 / 3;

/**
 * Where content `height` inches tall starts in `box`: at the top when it fills two thirds or
 * more of it, else centred, so a short table or column is composed on its slide instead of
 * sitting at the top of an empty one (design rule `sparse`, issue #23).
 */
export function balancedTop(box: Box, height: number): number {
  return height >= box.h * SHORT_SHARE ? box.y : box.y + (box.h - height) / 2;
}
