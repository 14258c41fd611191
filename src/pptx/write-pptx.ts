/**
 * Write: the laid-out deck → the parts of a .pptx through pptxgenjs. No files, no layout
 * decisions: every position, size and colour arrives decided. The package is
 * repaired and made deterministic afterwards by finishPackage.
 */
import PptxGenJSModule from 'pptxgenjs';
import type {
  ImageElement,
  LaidOutDeck,
  LaidOutSlide,
  Paragraph,
  ShapeElement,
  TableCell,
  TableElement,
  TextElement,
  TextStyle,
} from '../layout/types.js';
import { pptxTextRuns, tableCellMargin, textBoxOptions } from '../layout/pptx-text-options.js';
import { escapeXml } from '../ooxml/escape.js';
import { PackageParts } from './package-parts.js';
import { PARTS_TYPE, type RawParts } from './pptx-parts.js';
import { type PendingTable, TABLE_BORDER_PT } from './table-xml.js';

// Under module nodenext the default import is typed as the module namespace; the runtime value is the class.
const PptxGenJS = PptxGenJSModule as unknown as typeof PptxGenJSModule.default;
type Pptx = InstanceType<typeof PptxGenJS>;
type Slide = ReturnType<Pptx['addSlide']>;
type TextProps = PptxGenJSModule.default.TextPropsOptions;
type TextRun = PptxGenJSModule.default.TextProps;
type TableCellRun = PptxGenJSModule.default.TableCell;

const LAYOUT = 'TRAPPA_16x9';

/**
 * The runs as pptxgenjs wants them (pptxTextRuns keeps the measured options), plus
 * the language tag and highlight, which do not change metrics.
 */
function runsOf(paragraphs: Paragraph[], style: TextStyle, language: string): TextRun[] {
  const highlights = paragraphs.flatMap((p) =>
    (p.runs.length > 0 ? p.runs : [{ highlight: undefined }]).map((r) => r.highlight),
  );
  return pptxTextRuns(paragraphs, style).map((run, i) => {
    const highlight = highlights[i];
    return {
      text: run.text,
      options: { ...run.options, lang: language, ...(highlight ? { highlight } : {}) } as TextProps,
    };
  });
}

/** Bold is set per run by pptxTextRuns: a box-level bold would override a run's bold: false. */
function frameOptions(style: TextStyle): TextProps {
  return textBoxOptions(style) as TextProps;
}

function addText(slide: Slide, e: TextElement, language: string): void {
  slide.addText(runsOf(e.paragraphs, e.style, language), {
    ...frameOptions(e.style),
    ...e.box,
    objectName: e.name,
    ...(e.fill ? { fill: { color: e.fill } } : {}),
  });
}

function addShape(pptx: Pptx, slide: Slide, e: ShapeElement, language: string): void {
  const options: TextProps = {
    ...e.box,
    shape: pptx.ShapeType[e.shape],
    objectName: e.name,
    fill: e.fill ? { color: e.fill } : { type: 'none' },
    line: e.line
      ? { color: e.line.color, width: e.line.width, dashType: e.line.dash === 'dash' ? 'dash' : 'solid' }
      : { type: 'none' },
    ...(e.radius !== undefined ? { rectRadius: e.radius } : {}),
    ...(e.rotate ? { rotate: e.rotate } : {}),
  };
  if (e.paragraphs && e.style) {
    slide.addText(runsOf(e.paragraphs, e.style, language), { ...frameOptions(e.style), ...options });
  } else {
    slide.addShape(pptx.ShapeType[e.shape], options as PptxGenJSModule.default.ShapeProps);
  }
}

/** The options pptxgenjs writes a laid-out table from (table-xml.ts writes the same `a:tbl` itself). */
function addTableByPptxgenjs(slide: Slide, e: TableElement, language: string): void {
  const border = { type: 'solid' as const, pt: TABLE_BORDER_PT, color: e.borderColor };
  const cell = (c: TableCell, options: TextProps) => ({ text: cellText(c), options: { ...options, lang: language } });
  const header = e.header.map((c) => cell(c, { bold: true, color: e.headerColor, fill: { color: e.headerFill } }));
  const rows = e.rows.map((row, r) =>
    row.map((c) => {
      const fill = c.fill ?? (e.bandFill && r % 2 === 1 ? e.bandFill : e.rowFill);
      return cell(c, {
        bold: c.bold ?? false,
        color: c.color ?? e.style.color,
        ...(fill ? { fill: { color: fill } } : {}),
      });
    }),
  );
  slide.addTable([header, ...rows], {
    ...tableFrame(e),
    colW: e.columnWidths,
    rowH: e.rowHeights,
    fontFace: escapeXml(e.style.fontFace),
    fontSize: e.style.fontSize,
    color: e.style.color,
    valign: 'top',
    margin: tableCellMargin(e.style.insets),
    border,
  });
}

/**
 * A cell's text for pptxgenjs: as it is, or, with lines in italic (a stacked column's, `italicFrom`),
 * a run a line (pptxgenjs's own split of a text at its line ends), italic from that line on.
 */
function cellText({ text, italicFrom }: TableCell): string | TableCellRun[] {
  if (italicFrom === undefined) return text;
  return text.split(/\r*\n/).map((line, i) => ({ text: line, options: { italic: i >= italicFrom, breakLine: true } }));
}

/** What of a table's options its graphic frame is written from: place, width, name. */
function tableFrame(e: TableElement) {
  return { x: e.box.x, y: e.box.y, w: e.box.w, autoPage: false, objectName: e.name };
}

/**
 * A one-cell table in the table's frame: pptxgenjs writes the frame (its id, name and place), and
 * the finishing stage replaces the stand-in's `a:tbl` with the table's own (finish-package.ts).
 */
function addTableStandIn(slide: Slide, e: TableElement): void {
  slide.addTable([[{ text: '' }]], { ...tableFrame(e), colW: [e.box.w] });
}

function addImage(slide: Slide, e: ImageElement): void {
  slide.addImage({
    data: `${e.mime};base64,${e.data.toString('base64')}`,
    ...e.box,
    altText: e.decorative ? '' : e.altText,
    objectName: e.decorative ? `decorative:${e.name}` : e.name,
  });
}

/**
 * How a table's cells are written: by table-xml.ts when the slide is finished (the build), or by
 * pptxgenjs's own table code, the reference test/table-xml.test.ts compares the first against.
 */
export type TableWriting = 'own' | 'pptxgenjs';

function addSlide(
  pptx: Pptx,
  laid: LaidOutSlide,
  number: number,
  language: string,
  tables: TableWriting,
  pending: PendingTable[],
): void {
  const slide = pptx.addSlide();
  slide.background = { color: laid.background };
  for (const [element, e] of laid.elements.entries()) {
    if (e.type === 'text') addText(slide, e, language);
    else if (e.type === 'shape') addShape(pptx, slide, e, language);
    else if (e.type === 'table' && tables === 'pptxgenjs') addTableByPptxgenjs(slide, e, language);
    else if (e.type === 'table') {
      addTableStandIn(slide, e);
      pending.push({ slide: number, element, table: e, language });
    } else if (e.type === 'image') addImage(slide, e);
    else throw new Error(`image ${e.name} reached the writer unprepared`);
  }
  if (laid.notes) slide.addNotes(laid.notes);
}

/** The deck's parts as pptxgenjs writes them, unzipped (pptx-parts.ts): what `finishDeck` takes. */
export async function writePptx(
  deck: LaidOutDeck,
  { tables = 'own' }: { tables?: TableWriting } = {},
): Promise<PackageParts> {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: LAYOUT, width: deck.size.w, height: deck.size.h });
  pptx.layout = LAYOUT;
  pptx.title = deck.properties.title;
  pptx.subject = deck.properties.subject;
  pptx.author = deck.properties.author;
  pptx.company = deck.properties.company;
  pptx.revision = String(deck.properties.revision);
  pptx.theme = { headFontFace: deck.slides[0] ? fontOf(deck.slides[0]) : 'Calibri', bodyFontFace: 'Calibri' };
  const pending: PendingTable[] = [];
  for (const [i, slide] of deck.slides.entries())
    addSlide(pptx, slide, i + 1, deck.properties.language, tables, pending);
  const raw = (await pptx.write({ outputType: PARTS_TYPE as 'nodebuffer' })) as unknown as RawParts;
  return PackageParts.fromRaw(raw, pending);
}

function fontOf(slide: LaidOutSlide): string {
  for (const e of slide.elements) if (e.type === 'text') return e.style.fontFace;
  return 'Calibri';
}
