/**
 * The laid-out deck: what the layout stage hands to the writer.
 * Plain data, positions in inches from the slide's top-left corner,
 * font sizes in points, colours as 6-digit hex without '#'.
 * Every text here is final: measured, fitted and split across slides already.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A run of text with one formatting. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Overrides the frame's colour. */
  color?: string;
  /** Overrides the frame's size, in points. */
  size?: number;
  /** Background highlight of the run (marks the audience's own items). */
  highlight?: string;
}

export interface Paragraph {
  runs: TextRun[];
  /** A bulleted list item; level 0 is the first indent. */
  bullet?: boolean;
  level?: number;
  align?: 'left' | 'center' | 'right';
  /** Extra space before the paragraph, in points. */
  spaceBefore?: number;
  /**
   * A heading inside the text (a column's or a statement's heading as its first line, where an
   * organisation's layout place holds heading and text in one): declared on the shape, so the
   * tagged PDF makes it an H2 (pptx/source-tags.ts, check/pdf/deck-regions.ts).
   */
  heading?: boolean;
}

/** Inner margins of a text frame, in inches. */
export interface Insets {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface TextStyle {
  fontFace: string;
  /** Point size, already fitted to the box. */
  fontSize: number;
  color: string;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  /** Line spacing as a multiple of the font's natural line height. */
  lineSpacing?: number;
  insets: Insets;
}

export interface TextElement {
  type: 'text';
  /** Shape name shown in PowerPoint's selection pane; also used by `trappa check`. */
  name: string;
  /** A title element; each slide has exactly one. Footers are exempt from the body-size minimum. */
  role?: 'title' | 'body' | 'footer';
  box: Box;
  paragraphs: Paragraph[];
  style: TextStyle;
  /** Background fill of the frame; none when absent. */
  fill?: string;
  /** The data field the text came from (YAML file + field path); recorded on the shape so edits can be traced back. */
  source?: import('../errors.js').SourceLocation;
}

type ShapeKind =
  | 'rect'
  | 'roundRect'
  | 'ellipse'
  | 'rightArrow'
  | 'downArrow'
  | 'upArrow'
  | 'chevron'
  | 'homePlate'
  | 'triangle'
  | 'line';

/** A drawn shape, optionally with text inside it (a diagram node). */
export interface ShapeElement {
  type: 'shape';
  name: string;
  shape: ShapeKind;
  box: Box;
  fill?: string;
  line?: { color: string; width: number; dash?: 'solid' | 'dash' };
  /** Corner radius for roundRect, in inches (written as pptxgenjs rectRadius: adj = radius / shorter side). */
  radius?: number;
  /** Rotation in degrees. */
  rotate?: number;
  paragraphs?: Paragraph[];
  style?: TextStyle;
  /** The data field the text came from (YAML file + field path); recorded on the shape so edits can be traced back. */
  source?: import('../errors.js').SourceLocation;
}

export interface TableCell {
  text: string;
  bold?: boolean;
  /**
   * The first of the lines set in italic (0-based): another column's text shown under this one's
   * (slides/plan-columns.ts). A count of lines, not "after the first": the upper text may be empty or
   * of several lines itself.
   */
  italicFrom?: number;
  color?: string;
  fill?: string;
}

export interface TableElement {
  type: 'table';
  name: string;
  box: Box;
  /** Column widths in inches; they sum to box.w. */
  columnWidths: number[];
  header: TableCell[];
  rows: TableCell[][];
  /** Measured height of each body row, in inches (the header's comes first). */
  rowHeights: number[];
  style: TextStyle;
  headerFill: string;
  headerColor: string;
  /** Fill of every other body row, for readability. */
  bandFill?: string;
  /** Fill of the other body rows; on a template, a panel between the text and the template's art. */
  rowFill?: string;
  borderColor: string;
  /** The data field the text came from (YAML file + field path); recorded on the shape so edits can be traced back. */
  source?: import('../errors.js').SourceLocation;
}

export interface ImageElement {
  type: 'image';
  name: string;
  box: Box;
  /** Encoded image bytes (PNG or JPEG), already sized for the box. */
  data: Buffer;
  mime: 'image/png' | 'image/jpeg';
  /** What the picture shows; required unless decorative. */
  altText: string;
  decorative?: boolean;
}

/**
 * A picture the layout has placed but not yet prepared: the image stage (sharp, async)
 * turns it into an ImageElement sized for `box`, so layout itself stays pure and synchronous.
 */
export interface PendingImageElement {
  type: 'pending-image';
  name: string;
  box: Box;
  ref: { file: string; alt?: string; decorative?: boolean };
  /** Where the image was named in the data, for located errors. */
  location: import('../errors.js').SourceLocation;
  /** contain: the whole picture inside the box; cover: fill the box, cropping. @default "contain" */
  fit?: 'contain' | 'cover';
}

export type SlideElement = TextElement | ShapeElement | TableElement | ImageElement | PendingImageElement;

export interface LaidOutSlide {
  /** The slide's title as plain text (also set as the title element's text). */
  title: string;
  /** Slide background colour. */
  background: string;
  /** In reading order: the writer emits elements in this order. */
  elements: SlideElement[];
  /** Speaker notes, plain text; paragraphs separated by blank lines. */
  notes?: string;
  /** The slide kind it was laid out by (`title`, `plan` …); the title kind gets the title-slide layout. */
  kind?: string;
  /** Index of the deck's planned slide this one comes from (the studio shows messages on it). */
  planned?: number;
  /**
   * How the layout adapted text too long for a template's smaller boxes ("the statements continue
   * on a slide each"): the build warns once per deck and slide.
   */
  adapted?: string;
}

/** The deck's document properties are decided when the deck is planned (plan/deck-properties.ts). */
export type { DeckProperties } from '../plan/deck-properties.js';
import type { DeckProperties } from '../plan/deck-properties.js';

export interface LaidOutDeck {
  properties: DeckProperties;
  /** One warning line per slide whose text was adapted to a template ("deck …, slide …: …"). */
  notes?: string[];
  /** Slide size in inches. */
  size: { w: number; h: number };
  slides: LaidOutSlide[];
}
