/**
 * A master set: the slide master(s), their layouts, themes and media that a deck is
 * built on, either Trappa's built-in design (built-in-master.ts) or the parts of an
 * organisation's template (.potx/.pptx, src/template/). Plain data: part names → bytes,
 * plus what the finishing stage needs to know about the layouts.
 */
import type { Raster } from '../images/decode-raster.js';
import type { Box } from '../layout/types.js';

/** One placeholder of a layout: `<p:ph type idx>`, with its box when the layout (or master) gives one. */
export interface PlaceholderInfo {
  /** `obj` when the `p:ph` has no type (ECMA-376's default). */
  type: string;
  /** Absent for the title (PowerPoint writes no idx for it). */
  idx?: string;
  box?: Box;
  /** The shape name in the layout, for messages ("Content Placeholder 2"). */
  name: string;
  /** How its first-level text is aligned (read-master-set.ts `placeAlign`). */
  align?: PlaceAlign;
  /** `p:ph/@orient="vert"`: text runs top to bottom there (Title and Vertical Text), no place for a title or a list. */
  vertical?: true;
}

/** An `a:pPr/@algn` value: `l`, `ctr`, `r`, `just`, `dist` … */
type ParagraphAlign = string;

/**
 * A place's paragraph alignment. `inherited`: what a slide's paragraph that writes none gets in
 * PowerPoint and LibreOffice (the layout's and master's list styles, the master's text styles;
 * `l` where none says). `shown`: how the template's designer set it: the inherited one where a
 * style says, else the alignment of the place's own prompt text, which is all LibreOffice's
 * export writes (its masters carry no text styles; Sunset's centred titles are `algn="ctr"` on
 * the master's prompt paragraph alone, which no viewer passes on to a slide).
 */
interface PlaceAlign {
  inherited: ParagraphAlign;
  shown: ParagraphAlign;
}

export interface LayoutInfo {
  /** `p:cSld/@name`, as PowerPoint shows it ("Title and Content", "Tittel og innhold"). */
  name: string;
  /** `p:sldLayout/@type` (title, obj, twoObj, titleOnly, secHead, twoTxTwoObj, …); `cust` when absent. */
  type: string;
  /** Part name, e.g. `ppt/slideLayouts/slideLayout2.xml`. */
  part: string;
  placeholders: PlaceholderInfo[];
  /** Its master's own placeholders (where a layout place without a box of its own would sit). */
  masterPlaces?: PlaceholderInfo[];
}

export interface MasterSet {
  /** Every part of the set (masters, layouts, themes, media, their .rels), by final part name. */
  parts: Map<string, Uint8Array>;
  /** The masters in order, by part name. */
  masters: string[];
  layouts: LayoutInfo[];
  /** Slide size in inches. */
  size: { w: number; h: number };
  /** The first master's theme colours by slot (`dk1`, `accent1`, and the mapped `tx1`, `bg1` …), hex. */
  scheme: Map<string, string>;
  /** Theme fonts (latin): headings (`+mj-lt`) and body (`+mn-lt`). */
  fonts: { major: string; minor: string };
  /** Content types the template declared for its parts (`/ppt/media/x.emf` → type) and extensions. */
  contentTypes?: { overrides: Map<string, string>; defaults: Map<string, string> };
  /** Where the set came from, for messages: "built-in" or the template's path. */
  origin: string;
  /** The template's background and art pictures, decoded (by media part), to sample what is behind text. */
  pictures?: ReadonlyMap<string, Raster>;
  /**
   * The layout (part name in the set) each of the template's own slides uses, in order: how its
   * designer used the masters (choose-layouts.ts). Absent for the built-in design.
   */
  shown?: string[];
  /** Theme colours the template's design made lighter or darker to read: hex → `a:schemeClr` with lumMod/lumOff. */
  tints?: ReadonlyMap<string, string>;
}

/** The layouts Trappa's slides need, by what they hold. */
export type LayoutRole = 'title' | 'content' | 'two' | 'comparison' | 'titleOnly' | 'section';

/** A placeholder on a slide: what its `p:ph` says. */
export interface PlaceholderRef {
  type?: string;
  idx?: string;
}
