/**
 * One slide's shape tree → elements back to front: shapes (with text), pictures, tables.
 * Positions come from each element's own `a:xfrm`; elements inside a group keep their
 * child coordinates (Trappa writes no groups; other tools' groups are read, not placed).
 */
import { type Outline, readOutline } from './outline.js';
import type { Box } from '../layout/types.js';
import { attr, child, children, descendant, isOn, numberAttr, path, type XmlElement } from '../ooxml/xml.js';
import { EMU_PER_INCH } from '../units.js';
import { colorIn, fillIn, type ColorScheme } from '../ooxml/colors.js';
import { blipPaint, paintIn } from '../ooxml/paint.js';
import { readInsets, readTextFrame } from './read-text.js';
import type { Paint } from '../ooxml/paint.js';
import type { CellModel, ElementModel, PictureModel, ShapeModel, TableModel } from './types.js';

const TABLE_URI = 'http://schemas.openxmlformats.org/drawingml/2006/table';

/** The elements of a slide (or layout, master) part's root, in document order. */
export function readSlideElements(root: XmlElement | undefined, scheme: ColorScheme): ElementModel[] {
  const found: ElementModel[] = [];
  collect(path(root, 'p:cSld', 'p:spTree'), scheme, found);
  return found;
}

function collect(tree: XmlElement | undefined, scheme: ColorScheme, found: ElementModel[]): void {
  for (const node of children(tree)) {
    if (node.name === 'p:sp') found.push(readShape(node, scheme));
    else if (node.name === 'p:pic') found.push(readPicture(node));
    else if (node.name === 'p:graphicFrame') {
      const table = readTable(node, scheme);
      if (table) found.push(table);
    } else if (node.name === 'p:grpSp') collect(node, scheme, found);
    else if (node.name === 'mc:AlternateContent') {
      // What a reader that knows no extension draws: the fallback, else the first choice.
      collect(child(node, 'mc:Fallback') ?? child(node, 'mc:Choice'), scheme, found);
    }
  }
}

/** `a:off`/`a:ext` of a transform, in inches. */
function readBox(xfrm: XmlElement | undefined): Box | undefined {
  if (!xfrm) return undefined;
  const off = child(xfrm, 'a:off');
  const ext = child(xfrm, 'a:ext');
  const inch = (e: XmlElement | undefined, name: string): number => (numberAttr(e, name) ?? 0) / EMU_PER_INCH;
  return { x: inch(off, 'x'), y: inch(off, 'y'), w: inch(ext, 'cx'), h: inch(ext, 'cy') };
}

/** `p:nvSpPr`, `p:nvPicPr` or `p:nvGraphicFramePr`: the element's non-visual properties. */
function nonVisual(element: XmlElement): XmlElement | undefined {
  return children(element).find((c) => c.name.startsWith('p:nv'));
}

function identity(element: XmlElement): { id: string; name: string; descr?: string; decorative: boolean } {
  const cNvPr = child(nonVisual(element), 'p:cNvPr');
  const descr = attr(cNvPr, 'descr');
  const mark = children(child(cNvPr, 'a:extLst'), 'a:ext')
    .flatMap((ext) => children(ext))
    .find((e) => e.name === 'decorative' || e.name.endsWith(':decorative'));
  return {
    id: attr(cNvPr, 'id') ?? '',
    name: attr(cNvPr, 'name') ?? '',
    decorative: isOn(mark, 'val'),
    ...(descr !== undefined ? { descr } : {}),
  };
}

function readShape(sp: XmlElement, scheme: ColorScheme): ShapeModel {
  const { id, name } = identity(sp);
  const spPr = child(sp, 'p:spPr');
  const geometry = child(spPr, 'a:prstGeom');
  const adjust = children(child(geometry, 'a:avLst'), 'a:gd').find((gd) => /^adj1?$/.test(attr(gd, 'name') ?? ''));
  const ph = path(nonVisual(sp), 'p:nvPr', 'p:ph');
  const txBody = child(sp, 'p:txBody');
  const shape: ShapeModel = { kind: 'shape', id, name, fill: shapeFill(sp, spPr, scheme) };
  const paint = paintIn(spPr, scheme) ?? styleFill(sp, scheme);
  if (paint) shape.paint = paint;
  const box = readBox(child(spPr, 'a:xfrm'));
  if (box) shape.box = box;
  const prst = attr(geometry, 'prst');
  if (prst) shape.geometry = prst;
  const stroke = box ? strokeOf(spPr, scheme) : undefined;
  if (stroke) shape.stroke = stroke;
  const outline = box && (shape.paint || stroke) ? shapeOutline(spPr, box) : undefined;
  if (outline) shape.outline = outline;
  const xfrm = child(spPr, 'a:xfrm');
  if (isOn(xfrm, 'flipH')) shape.flipH = true;
  if (isOn(xfrm, 'flipV')) shape.flipV = true;
  const value = /^val\s+(-?\d+)/.exec(attr(adjust, 'fmla') ?? '');
  if (value) shape.adjust = Number(value[1]);
  if (ph) shape.placeholder = attr(ph, 'type') ?? 'obj';
  const idx = attr(ph, 'idx');
  if (idx !== undefined) shape.placeholderIdx = idx;
  if (txBody) shape.text = readTextFrame(txBody, scheme);
  return shape;
}

/** OOXML's width of a line that gives none (EMU). */
const DEFAULT_LINE_EMU = 9525;

/** The shape's own drawn outline (`a:ln` with a solid colour), width in inches; undefined for none. */
function strokeOf(spPr: XmlElement | undefined, scheme: ColorScheme): ShapeModel['stroke'] {
  const ln = child(spPr, 'a:ln');
  const color = ln ? fillIn(ln, scheme) : undefined;
  if (!color) return undefined;
  const width = Number(attr(ln, 'w') ?? DEFAULT_LINE_EMU) / EMU_PER_INCH;
  return width > 0 ? { color, width } : undefined;
}

/** A custom shape's outline (check/outline.ts), mirrored as its `a:xfrm` flips it. */
function shapeOutline(spPr: XmlElement | undefined, box: Box): Outline | undefined {
  const xfrm = child(spPr, 'a:xfrm');
  const size = { w: box.w * EMU_PER_INCH, h: box.h * EMU_PER_INCH };
  const outline = readOutline(child(spPr, 'a:custGeom'), size);
  const [flipH, flipV] = [isOn(xfrm, 'flipH'), isOn(xfrm, 'flipV')];
  if (!outline || (!flipH && !flipV)) return outline;
  return outline.map((points) => points.map(([u, v]) => [flipH ? 1 - u : u, flipV ? 1 - v : v]));
}

/** The shape's own fill, else the theme fill its style refers to (`p:style/a:fillRef`, idx > 0). */
function shapeFill(sp: XmlElement, spPr: XmlElement | undefined, scheme: ColorScheme): string | null | undefined {
  const own = fillIn(spPr, scheme);
  if (own !== null) return own;
  const fillRef = path(sp, 'p:style', 'a:fillRef');
  if (!fillRef || (numberAttr(fillRef, 'idx') ?? 0) === 0) return null;
  return colorIn(fillRef, scheme);
}

/** The theme fill a shape's style refers to, as a solid paint (`p:style/a:fillRef`, idx > 0). */
function styleFill(sp: XmlElement, scheme: ColorScheme): Paint | null {
  const fillRef = path(sp, 'p:style', 'a:fillRef');
  if (!fillRef || (numberAttr(fillRef, 'idx') ?? 0) === 0) return null;
  const color = colorIn(fillRef, scheme);
  return color ? { kind: 'solid', color, alpha: 1 } : { kind: 'unknown' };
}

function readPicture(pic: XmlElement): PictureModel {
  const { id, name, descr, decorative } = identity(pic);
  const picture: PictureModel = { kind: 'picture', id, name, decorative };
  if (descr !== undefined) picture.descr = descr;
  const box = readBox(path(pic, 'p:spPr', 'a:xfrm'));
  if (box) picture.box = box;
  const blipFill = child(pic, 'p:blipFill');
  if (blipFill) picture.paint = blipPaint(blipFill);
  return picture;
}

function readTable(frame: XmlElement, scheme: ColorScheme): TableModel | undefined {
  const graphicData = path(frame, 'a:graphic', 'a:graphicData');
  if (attr(graphicData, 'uri') !== TABLE_URI) return undefined;
  const { id, name } = identity(frame);
  const tbl = child(graphicData, 'a:tbl') ?? descendant(graphicData, 'a:tbl');
  const table: TableModel = {
    kind: 'table',
    id,
    name,
    firstRow: isOn(child(tbl, 'a:tblPr'), 'firstRow'),
    columnWidths: children(child(tbl, 'a:tblGrid'), 'a:gridCol').map((c) => (numberAttr(c, 'w') ?? 0) / EMU_PER_INCH),
    rows: children(tbl, 'a:tr').map((tr) => ({
      height: (numberAttr(tr, 'h') ?? 0) / EMU_PER_INCH,
      cells: children(tr, 'a:tc').map((tc) => readCell(tc, scheme)),
    })),
  };
  const box = readBox(child(frame, 'p:xfrm'));
  if (box) table.box = box;
  return table;
}

function readCell(tc: XmlElement, scheme: ColorScheme): CellModel {
  const tcPr = child(tc, 'a:tcPr');
  const insets = readInsets(tcPr, ['marL', 'marR', 'marT', 'marB']);
  return {
    text: readTextFrame(child(tc, 'a:txBody'), scheme, insets),
    fill: fillIn(tcPr, scheme),
    span: numberAttr(tc, 'gridSpan') ?? 1,
    merged: isOn(tc, 'hMerge') || isOn(tc, 'vMerge'),
  };
}
