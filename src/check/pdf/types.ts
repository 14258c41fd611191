/** What the PDF check reads out of a PDF (read-pdf.ts) and what it expects from the deck (expect-pdf.ts). */

/** One element of the structure tree, with the text of the marked content it tags (its own and its children's). */
export interface PdfStructNode {
  /** Standard role after the role map: `H`, `P`, `L`, `LI`, `Table`, `Figure`, …; `Root` for the tree's root. */
  role: string;
  alt?: string;
  lang?: string;
  text: string;
  children: PdfStructNode[];
}

interface PdfFont {
  name: string;
  /** The font program is in the file (FontFile, FontFile2 or FontFile3). */
  embedded: boolean;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  /** The text a reader extracts, in content order; line ends as `\n`. */
  text: string;
  /** Text-showing operators (Tj, TJ, ', "). A page drawn as one picture has none. */
  textOps: number;
  /** Image-painting operators. */
  imageOps: number;
  /** Pieces of text inside no marked content: neither tagged nor an artifact (PDF/UA forbids them). */
  untaggedText: number;
  /** Page size in points (the crop of its view). */
  size: { width: number; height: number };
  /** Painting outside marked content, and where tagged content is painted. */
  painting: PagePainting;
  fonts: PdfFont[];
  /** The page's part of the structure tree; absent when the PDF has none. */
  structure?: PdfStructNode;
}

export interface PdfModel {
  /** The header's version, e.g. `1.6`. */
  version: string;
  /** Info dictionary /Title. */
  title?: string;
  /** Catalog /Lang: the language every element without its own /Lang has. */
  lang?: string;
  /** /ViewerPreferences /DisplayDocTitle: viewers show the title, not the file name. */
  displayDocTitle: boolean;
  /** /MarkInfo /Marked. */
  marked: boolean;
  /** Claims in the XMP packet. */
  xmp: {
    pdfaPart?: string;
    pdfaConformance?: string;
    pdfuaPart?: string;
    language?: string;
    title?: string;
    /** The packet as written. */
    raw?: string;
  };
  pages: PdfPage[];
}

/** What a slide must look like in the PDF. */
export interface SlideExpectation {
  /** Every paragraph and table cell with text, whitespace collapsed, in the slide's reading order. */
  texts: string[];
  /** The title's text; undefined when the slide has none. */
  title?: string;
  /** Text of each shape whose paragraphs are bulleted or numbered. */
  lists: string[];
  /** Text of each table (its cells, row by row). */
  tables: string[];
  /** Alt text of each picture that is not decorative. */
  pictures: string[];
  /** Where the footer and the headings are on the page (filled in once the page size is known). */
  regions?: SlideRegions;
}

export interface PdfExpectation {
  /** BCP 47 tag, e.g. `nb-NO`. */
  language: string;
  /** Tags of the deck's text runs besides `language` (a quote in English): elements may carry these too. */
  otherLanguages: string[];
  /** The deck's title (docProps dc:title). */
  title?: string;
  slides: SlideExpectation[];
}

/** A rectangle on a PDF page in points, y upwards (PDF user space). */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where a slide's page furniture and headings are on its PDF page. */
export interface SlideRegions {
  /** Footer text, date, slide number, footer logo: pagination artifacts. */
  footers: Rect[];
  /**
   * Panel, column and list headings (not the title), with their text; `paragraph`: a heading that is a paragraph of a text, its place among the text's paragraphs that hold text.
   */
  headings: { box: Rect; text: string; paragraph?: number }[];
}

export interface PagePainting {
  /** Painting operators (paths, text, images, shadings) inside no marked content. */
  untagged: number;
  /** Tagged marked content (with an MCID): where each paints, in page space. */
  tagged: { tag: string; mcid: number; box: Rect }[];
}
