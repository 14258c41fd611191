/**
 * A laid-out table's `a:tbl` element, written here rather than by pptxgenjs: exactly the
 * characters pptxgenjs 4.0.1 writes for the options write-pptx.ts gave `slide.addTable` (a header
 * row, one border on every side, top-aligned, explicit widths and heights, no spans, no
 * hyperlinks), optionally as the finishing stage leaves them.
 *
 * Why: a 1,000-row plan has ~7,000 cells. pptxgenjs builds each from its generic cell code (eleven
 * option copies, a chain of `replace` for the anchor, `genXmlTextBody`), ~170 ms a deck, and the
 * finishing passes then walked the same ~9 MB again (theme fonts, scheme colours, the language of
 * every run, the header row), some more than once. A table's XML is a handful of distinct pieces
 * (a run's properties per bold and colour, a cell's properties per fill, the paragraph's end)
 * around escaped cell texts, so those passes now run once on each distinct piece (`finish`)
 * instead of on every cell. Each pass edits only its own tags, and a cell's text holds no markup
 * (`<`, `"` are escaped), so editing the pieces gives what editing the whole gave.
 *
 * test/table-xml.test.ts builds tables both ways, through pptxgenjs and the finishing stage and
 * through this, and compares the slides byte for byte.
 */
import { escapeXml } from '../ooxml/escape.js';
import type { TableCell, TableElement } from '../layout/types.js';
import { tableCellMargin } from '../layout/pptx-text-options.js';

/** A finishing edit of one piece of a table's XML (identity: pptxgenjs's own characters). */
export type PieceEdit = (piece: string) => string;

/** A table the writer handed pptxgenjs as a stand-in: its `a:tbl` is written when the slide is finished. */
export interface PendingTable {
  /** The slide's number (part `ppt/slides/slide<N>.xml`), from 1. */
  slide: number;
  /** The table's place among the slide's laid-out elements (its shape plan's). */
  element: number;
  table: TableElement;
  language: string;
}

// pptxgenjs 4.0.1's constants and unit conversions (pptxgen.cjs.js), as it applies them.
const EMU = 914400;
const ONE_PT = 12700;
const DEFAULT_FONT_SIZE = 12;
const DEFAULT_FONT_COLOR = '000000';
const DEFAULT_BORDER_COLOR = '666666';
const HEX_COLOR = /^[0-9a-fA-F]{6}$/;
/** pptxgenjs's `SchemeColor` names, which it writes as they are. */
const SCHEME_NAMES = new Set('bg1 bg2 tx1 tx2 accent1 accent2 accent3 accent4 accent5 accent6'.split(' '));

/** Line width of a table's cell borders, in points (write-pptx.ts). */
export const TABLE_BORDER_PT = 0.75;

const inchToEmu = (inches: number): number => (inches > 100 ? inches : Math.round(EMU * inches));
const pointsToEmu = (points: number): number => Math.round((Number(points) || 0) * ONE_PT);

/** `createColorElement`: a hex colour upper-cased, a scheme name kept, anything else black. */
function colorElement(color: string): string {
  let value = color.replace('#', '');
  if (!HEX_COLOR.test(value) && !SCHEME_NAMES.has(value)) value = DEFAULT_FONT_COLOR;
  return HEX_COLOR.test(value) ? `<a:srgbClr val="${value.toUpperCase()}"/>` : `<a:schemeClr val="${value}"/>`;
}

const solidFill = (color: string): string => `<a:solidFill>${colorElement(color)}</a:solidFill>`;

/** `encodeXmlEntities`. */
function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A cell's paragraphs as pptxgenjs splits its text: line ends become CRLF, and a text holding one
 * is split into a paragraph a line, unless it ends with a line end (then it stays one run).
 */
function linesOf(text: string): string[] {
  if (!text.includes('\n')) return [text];
  const crlf = text.replace(/\r*\n/g, '\r\n');
  return crlf.includes('\r\n') && !crlf.endsWith('\n') ? crlf.split('\r\n') : [crlf];
}

/** One cell's own options, before the table's options fill in what it lacks (its colour). */
interface CellLook {
  bold: boolean;
  color: string | undefined;
  fill: string | undefined;
}

/** What every cell of the table shares, and the pieces made from it, each finished once. */
class TableWriter {
  private readonly pieces = new Map<string, string>();
  private readonly looks = new Map<string, string>();
  private readonly fontSize: number;
  private readonly lang: string;
  private readonly paragraphStart: string;
  private readonly paragraphEnd: string;
  private readonly borders: string;
  private readonly margins: string;

  constructor(
    private readonly e: TableElement,
    private readonly language: string,
    private readonly finish: PieceEdit,
  ) {
    this.fontSize = e.style.fontSize || DEFAULT_FONT_SIZE;
    this.lang = language || 'en-US';
    const size = ` sz="${Math.round(this.fontSize * 100)}"`;
    // Escaped as pptxgenjs's writer gets it (pptx-text-options.ts): a legal name may hold & or ".
    const face = e.style.fontFace && escapeXml(e.style.fontFace);
    const end = face
      ? `<a:endParaRPr lang="${this.lang}"${size} dirty="0"><a:latin typeface="${face}" charset="0"/>` +
        `<a:ea typeface="${face}" charset="0"/><a:cs typeface="${face}" charset="0"/></a:endParaRPr>`
      : `<a:endParaRPr lang="${this.lang}"${size} dirty="0"/>`;
    this.paragraphStart = this.piece('<a:p><a:pPr indent="0" marL="0"><a:buNone/></a:pPr>');
    this.paragraphEnd = this.piece(`${end}</a:p>`);
    const m = tableCellMargin(e.style.insets);
    const unit = m[0] >= 1 ? pointsToEmu : inchToEmu;
    this.margins = ` marL="${unit(m[3])}" marR="${unit(m[1])}" marT="${unit(m[0])}" marB="${unit(m[2])}"`;
    const line = (name: string) =>
      `<a:${name} w="${pointsToEmu(TABLE_BORDER_PT)}" cap="flat" cmpd="sng" algn="ctr">` +
      `${solidFill(e.borderColor || DEFAULT_BORDER_COLOR)}<a:prstDash val="solid"/><a:round/>` +
      `<a:headEnd type="none" w="med" len="med"/><a:tailEnd type="none" w="med" len="med"/></a:${name}>`;
    this.borders = ['lnL', 'lnR', 'lnT', 'lnB'].map(line).join('');
  }

  /** `xml` as the finishing stage leaves it, worked out once per distinct piece. */
  private piece(xml: string): string {
    let done = this.pieces.get(xml);
    if (done === undefined) this.pieces.set(xml, (done = this.finish(xml)));
    return done;
  }

  /** `<a:tbl>` … `</a:tbl>`, appended to `out` in pieces. */
  write(out: string[]): void {
    const e = this.e;
    if (e.columnWidths.length !== e.header.length)
      throw new Error(`table ${e.name}: ${e.columnWidths.length} column widths for ${e.header.length} columns`);
    out.push(this.piece('<a:tbl><a:tblPr/>'), '<a:tblGrid>');
    for (const w of e.columnWidths) out.push(`<a:gridCol w="${Math.round(inchToEmu(w))}"/>`);
    out.push('</a:tblGrid>');
    const header = e.header.map(() => this.headerLook());
    const rows = [header, ...e.rows.map((row, r) => row.map((c) => this.bodyLook(c, r)))];
    const cells = [e.header, ...e.rows];
    rows.forEach((looks, r) => {
      out.push(`<a:tr h="${this.rowHeight(r)}">`);
      looks.forEach((look, i) => this.cell(out, cells[r]![i]!, look));
      out.push('</a:tr>');
    });
    out.push('      </a:tbl>');
  }

  /** The header's fill is passed even when empty (then pptxgenjs writes black), a body cell's only when set. */
  private headerLook(): CellLook {
    return { bold: true, color: this.e.headerColor, fill: this.e.headerFill };
  }

  private bodyLook(c: TableCell, r: number): CellLook {
    const e = this.e;
    const fill = c.fill ?? (e.bandFill && r % 2 === 1 ? e.bandFill : e.rowFill);
    return { bold: c.bold ?? false, color: c.color ?? e.style.color, fill: fill || undefined };
  }

  /** `<a:tr h>`: the row's height, or (pptxgenjs reads `rowH` as one number when it is one) 0. */
  private rowHeight(r: number): number {
    const heights = this.e.rowHeights;
    if (heights[r]) return inchToEmu(Number(heights[r]));
    const single = Number(heights);
    return Number.isNaN(single) ? 0 : inchToEmu(single);
  }

  private cell(out: string[], { text, italicFrom = Number.POSITIVE_INFINITY }: TableCell, look: CellLook): void {
    const color = look.color || this.e.style.color || DEFAULT_FONT_COLOR;
    const run = this.byLook(`${look.bold ? 'b' : ''}#${color}`, () => this.runProperties(look.bold, color));
    // Lines from `italicFrom` on in italic: another column's text under this one's (slides/plan-columns.ts).
    const below = Number.isFinite(italicFrom)
      ? this.byLook(`${look.bold ? 'b' : ''}i#${color}`, () => this.runProperties(look.bold, color, true))
      : run;
    out.push('<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>');
    // A stacked cell is a paragraph a line even when its text ends with a line end (linesOf's one run would
    // keep the lower column's line end in its text and set it upright).
    (Number.isFinite(italicFrom) ? text.split(/\r*\n/) : linesOf(text)).forEach((line, i) => {
      out.push(this.paragraphStart);
      if (line) out.push('<a:r>', i < italicFrom ? run : below, '<a:t>', escapeText(line), '</a:t></a:r>');
      out.push(this.paragraphEnd);
    });
    out.push(
      '</a:txBody>',
      this.byLook(look.fill === undefined ? 'unfilled' : `fill#${look.fill}`, () => this.cellProperties(look.fill)),
      ' </a:tc>',
    );
  }

  /** The finished piece for a look (bold and colour, or fill), made once: not rebuilt and hashed for every cell. */
  private byLook(look: string, make: () => string): string {
    let done = this.looks.get(look);
    if (done === undefined) this.looks.set(look, (done = this.piece(make())));
    return done;
  }

  /** `genXmlTextRunProperties` for a cell's run. */
  private runProperties(bold: boolean, color: string, italic = false): string {
    const face = this.e.style.fontFace && escapeXml(this.e.style.fontFace);
    const fonts = face
      ? `<a:latin typeface="${face}" pitchFamily="34" charset="0"/><a:ea typeface="${face}" pitchFamily="34" charset="-122"/>` +
        `<a:cs typeface="${face}" pitchFamily="34" charset="-120"/>`
      : '';
    const alt = this.language ? ' altLang="en-US"' : '';
    return (
      `<a:rPr lang="${this.lang}"${alt} sz="${Math.round(this.fontSize * 100)}"${bold ? ' b="1"' : ''}${italic ? ' i="1"' : ''} dirty="0">` +
      `${solidFill(color)}${fonts}</a:rPr>`
    );
  }

  /** `a:tcPr`: margins, top anchor, the four borders, the fill. */
  private cellProperties(fill: string | undefined): string {
    const ground = fill === undefined ? '' : solidFill(fill);
    return `<a:tcPr${this.margins} anchor="t">${this.borders}${ground}  </a:tcPr>`;
  }
}

/**
 * The table's `a:tbl` element appended to `out` in pieces, each distinct piece passed through
 * `finish` (none: as pptxgenjs writes it): the caller joins the slide around it once.
 */
export function writeTableXml(
  out: string[],
  e: TableElement,
  language: string,
  finish: PieceEdit = (piece) => piece,
): void {
  new TableWriter(e, language, finish).write(out);
}

/** The table's `a:tbl` element as one string (`writeTableXml`). */
export function tableXml(e: TableElement, language: string, finish?: PieceEdit): string {
  const out: string[] = [];
  writeTableXml(out, e, language, finish);
  return out.join('');
}
