/**
 * What `trappa check` reads out of a .pptx, and what it reports.
 * Lengths are inches from the slide's top-left corner, font sizes points,
 * colours 6-digit upper-case hex without '#'.
 */
import type { Outline } from './outline.js';
import type { Box, Insets } from '../layout/types.js';
import type { BodyPlaces } from '../layout/content-area.js';
import type { Said } from '../messages/catalogue.js';
import type { Paint } from '../ooxml/paint.js';
import type { Raster } from '../images/decode-raster.js';

/** One painted area, back to front. `media`: the picture's part, for `picture` paints. */
export interface Layer {
  box: Box;
  paint: Paint;
  /** Drawn as an ellipse inside its box (`prst="ellipse"`). */
  ellipse?: boolean;
  /** Drawn as these polygons inside its box (a custom geometry, check/outline.ts). */
  outline?: Outline;
  media?: string;
}

/** The decoded picture of a media part, when it was decoded. */
export type RasterOf = (media: string) => Raster | undefined;

/** One problem in a built deck. */
export interface Finding {
  severity: 'error' | 'warning';
  /** The rule's id, e.g. `overflow`, `contrast` (see rules/index.ts). */
  rule: string;
  /** 1-based slide number in presentation order; 0 for problems of the package as a whole. */
  slide: number;
  /** The shape's name as PowerPoint's selection pane shows it, or a part name for package problems. */
  element: string;
  /** In English: what scripts, tests and `--json` read. */
  message: string;
  /** The same message as a key and values, which the reader's catalogue words (messages/check-text.ts). */
  said?: Said;
  /** The data field the element was made from, e.g. `strategy.yaml staircase.explanation`, where one is known. */
  field?: string;
}

export interface CheckOptions {
  /** The decoded pictures under the text (check/backdrop-pictures.ts); without them, text over a picture is unknown. */
  pictures?: RasterOf;
  /** Smallest body text in points (theme `sizes.minBody`). */
  minBodySize: number;
  /** Smallest table text in points (theme `sizes.minTable`). @default minBodySize */
  minTableSize?: number;
  /** Expected language tag, e.g. `nb-NO`; a run tagged otherwise is a warning. @default the deck's dc:language */
  language?: string;
  /** Inches a text may exceed its frame by before it counts as overflow. @default 0.01 */
  tolerance?: number;
  /** The theme's body size in points: text below it counts as shrunk (design rule `sparse-shrunk`). */
  bodySize?: number;
  /**
   * Only what can be an error: the rules whose findings are all warnings are not run (rules/index.ts
   * WARNING_ONLY), and warnings of the others may still come back. For the build, which drops warnings.
   */
  errorsOnly?: boolean;
}

export interface RunModel {
  text: string;
  /** Points; undefined when the run does not say (OOXML default 18 pt). */
  size?: number;
  bold: boolean;
  italic: boolean;
  /** `lang` attribute; undefined when absent. */
  lang?: string;
  color?: string;
  highlight?: string;
  font?: string;
}

export interface ParagraphModel {
  runs: RunModel[];
  /** Left margin of the text (`marL`), points. */
  marginLeft: number;
  /** Multiple of the single line (`a:lnSpc/a:spcPct`). */
  lineSpacing: number;
  /** `a:lnSpc/a:spcPts`, points; wins over lineSpacing. */
  lineHeight?: number;
  spaceBefore: number;
  spaceAfter: number;
  /** Size of the paragraph mark (`a:endParaRPr/@sz`), points: an empty paragraph is this tall. */
  endSize?: number;
  /**
   * Its `a:pPr/@algn` (l, ctr, r), or for a placeholder's paragraph that writes none the one it
   * inherits (inherit-placeholders.ts); undefined when it justifies or the alignment is not known.
   */
  align?: 'left' | 'center' | 'right';
  /** It writes no `algn` of its own (a first-level paragraph then takes its placeholder's). */
  inheritsAlign?: boolean;
}

export interface TextFrame {
  insets: Insets;
  paragraphs: ParagraphModel[];
  /** `wrap="none"`: lines do not wrap. */
  noWrap: boolean;
  /** `a:normAutofit`: PowerPoint draws sizes × fontScale and line spacing × (1 − lineReduction). */
  fontScale: number;
  lineReduction: number;
  /** `a:spAutoFit`: the shape grows to fit its text, so the text cannot overflow it. */
  growsShape: boolean;
  /** `bodyPr/@anchor`: where the text sits in a taller frame (top unless written; placeholders may inherit). */
  anchor?: 't' | 'ctr' | 'b';
}

interface ElementBase {
  /** `p:cNvPr/@id`. */
  id: string;
  name: string;
  /** Undefined when the element inherits its position (a placeholder without `a:xfrm`). */
  box?: Box;
}

export interface ShapeModel extends ElementBase {
  kind: 'shape';
  /** Preset geometry (`rect`, `roundRect`, …); undefined for custom geometry. */
  geometry?: string;
  /** First adjust value of the geometry (`adj`), in its 1/100 000 units. */
  adjust?: number;
  /** A custom geometry's outline in its box (check/outline.ts); absent: the shape covers its box (or its preset). */
  outline?: Outline;
  /** Solid fill; `null` for none; undefined when the fill is not a solid colour (gradient, picture). */
  fill: string | null | undefined;
  /** Its own drawn outline (`a:ln` in a solid colour; width in inches): a line shape is only this. */
  stroke?: { color: string; width: number };
  /** `a:xfrm` mirrors it (a line runs from the box's top-right or bottom-left corner). */
  flipH?: boolean;
  flipV?: boolean;
  /** What the shape is painted with (gradient, picture, alpha); absent for no fill. */
  paint?: Paint;
  /** `p:ph/@type` (`title`, `ctrTitle`, `body`, …; `obj` for a placeholder without a type). */
  placeholder?: string;
  /** `p:ph/@idx`. */
  placeholderIdx?: string;
  /** The box is the layout's (or master's): the slide inherits the template's geometry. */
  inheritedBox?: boolean;
  /** Colour of runs that name none, inherited from the layout, master or the master's text styles. */
  textColor?: string;
  text?: TextFrame;
}

export interface PictureModel extends ElementBase {
  kind: 'picture';
  /** The picture's paint (its relationship id and crop). */
  paint?: Paint;
  descr?: string;
  decorative: boolean;
}

export interface CellModel {
  text: TextFrame;
  fill: string | null | undefined;
  /** Columns this cell spans. */
  span: number;
  /** Covered by a merged neighbour (`hMerge`/`vMerge`): draws nothing. */
  merged: boolean;
}

export interface TableModel extends ElementBase {
  kind: 'table';
  firstRow: boolean;
  columnWidths: number[];
  rows: Array<{ height: number; cells: CellModel[] }>;
}

export type ElementModel = ShapeModel | PictureModel | TableModel;

export interface SlideModel {
  /** 1-based, presentation order. */
  number: number;
  part: string;
  background: string;
  /** Colour of text that names none: the theme's tx1. */
  textColor: string;
  /**
   * The template's art under the slide's shapes, back to front: the master's and the layout's
   * shapes and pictures that are not placeholders.
   */
  behind?: ElementModel[];
  /**
   * What is painted under the slide's own shapes, back to front: the background, then the
   * master's and layout's art (check/backdrop.ts samples it under a text's box).
   */
  backdrop?: Layer[];
  /** The background is a picture or gradient (`background` is then its first colour, if any). */
  backgroundUnknown?: boolean;
  /** How close the layout's own title and body placeholders come to each edge (inches). */
  templateMargins?: { left: number; top: number; right: number; bottom: number };
  /** The layout's body, title and footer places (inherit-placeholders.ts `places`); absent without a body place. */
  places?: BodyPlaces;
  /** Back to front (document order). */
  elements: ElementModel[];
}

/** The package as read: part names and the decoded XML parts (see ooxml/package.ts). */
export type { OpcPackage as PackageModel } from '../ooxml/package.js';
import type { OpcPackage as PackageModel } from '../ooxml/package.js';

export interface DeckModel {
  size: { w: number; h: number };
  slides: SlideModel[];
  /** `dc:language` of the core properties, when set. */
  language?: string;
  package: PackageModel;
}

/** Options with their defaults filled in. */
export interface RuleOptions {
  /** The decoded pictures of the template's backgrounds and art (check/backdrop-pictures.ts). */
  pictures?: RasterOf;
  minBodySize: number;
  minTableSize: number;
  language?: string;
  tolerance: number;
  bodySize?: number;
}

/** One check: a pure function of the deck. */
export type Rule = (deck: DeckModel, options: RuleOptions) => Finding[];
