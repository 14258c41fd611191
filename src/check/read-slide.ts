/**
 * One slide's shape tree → elements back to front: shapes (with text), pictures, tables.
 * Positions come from each element's own `a:xfrm`; elements inside a group keep their
 * child coordinates (Trappa writes no groups).
 */
import type { Box } from '../layout/types.js';
import { EMU_PER_INCH } from '../units.js';
import { colorIn, fillIn, type ColorScheme } from './colors.js';
import { readInsets, readTextFrame } from './read-text.js';
import type { CellModel, ElementModel, PictureModel, ShapeModel, TableModel } from './types.js';
import { attr, element, elements, numberAttr } from './xml.js';

const ELEMENT = /<p:(sp|pic|graphicFrame)(?=[\s>])[^>]*>([\s\S]*?)<\/p:\1>/g;
const DECORATIVE = /<(?:\w+:)?decorative\b[^>]*\bval="(?:1|true)"/;

export function readSlideElements(xml: string, scheme: ColorScheme): ElementModel[] {
  const found: ElementModel[] = [];
  for (const m of xml.matchAll(ELEMENT)) {
    const inner = m[2] ?? '';
    if (m[1] === 'sp') found.push(readShape(inner, scheme));
    else if (m[1] === 'pic') found.push(readPicture(inner));
    else if (inner.includes('drawingml/2006/table')) found.push(readTable(inner, scheme));
  }
  return found;
}

/** `a:off`/`a:ext` of the first `a:xfrm` (or `p:xfrm` of a graphic frame), in inches. */
function readBox(xml: string, qname = 'a:xfrm'): Box | undefined {
  const xfrm = element(xml, qname);
  if (!xfrm) return undefined;
  const off = element(xfrm.inner, 'a:off')?.attributes ?? '';
  const ext = element(xfrm.inner, 'a:ext')?.attributes ?? '';
  const inch = (attributes: string, name: string): number => (numberAttr(attributes, name) ?? 0) / EMU_PER_INCH;
  return { x: inch(off, 'x'), y: inch(off, 'y'), w: inch(ext, 'cx'), h: inch(ext, 'cy') };
}

function identity(xml: string): { id: string; name: string; descr?: string; inner: string } {
  const cNvPr = element(xml, 'p:cNvPr');
  const attributes = cNvPr?.attributes ?? '';
  const descr = attr(attributes, 'descr');
  return { id: attr(attributes, 'id') ?? '', name: attr(attributes, 'name') ?? '', inner: cNvPr?.inner ?? '', ...(descr !== undefined ? { descr } : {}) };
}

function readShape(xml: string, scheme: ColorScheme): ShapeModel {
  const { id, name } = identity(xml);
  const spPr = element(xml, 'p:spPr')?.inner ?? '';
  const geometry = element(spPr, 'a:prstGeom');
  const adjust = elements(geometry?.inner ?? '', 'a:gd').find((gd) => /^adj1?$/.test(attr(gd.attributes, 'name') ?? ''));
  const ph = element(element(xml, 'p:nvPr')?.inner ?? '', 'p:ph');
  const txBody = element(xml, 'p:txBody');
  const shape: ShapeModel = { kind: 'shape', id, name, fill: shapeFill(xml, spPr, scheme) };
  const box = readBox(spPr);
  if (box) shape.box = box;
  const prst = attr(geometry?.attributes ?? '', 'prst');
  if (prst) shape.geometry = prst;
  const value = /^val\s+(-?\d+)/.exec(attr(adjust?.attributes ?? '', 'fmla') ?? '');
  if (value) shape.adjust = Number(value[1]);
  if (ph) shape.placeholder = attr(ph.attributes, 'type') ?? 'obj';
  if (txBody) shape.text = readTextFrame(txBody.inner, scheme);
  return shape;
}

/** The shape's own fill, else the theme fill its style refers to (`p:style/a:fillRef`, idx > 0). */
function shapeFill(xml: string, spPr: string, scheme: ColorScheme): string | null | undefined {
  const own = fillIn(spPr, scheme);
  if (own !== null) return own;
  const fillRef = element(element(xml, 'p:style')?.inner ?? '', 'a:fillRef');
  if (!fillRef || (numberAttr(fillRef.attributes, 'idx') ?? 0) === 0) return null;
  return colorIn(fillRef.inner, scheme);
}

function readPicture(xml: string): PictureModel {
  const { id, name, descr, inner } = identity(xml);
  const picture: PictureModel = { kind: 'picture', id, name, decorative: DECORATIVE.test(inner) };
  if (descr !== undefined) picture.descr = descr;
  const box = readBox(element(xml, 'p:spPr')?.inner ?? '');
  if (box) picture.box = box;
  return picture;
}

function readTable(xml: string, scheme: ColorScheme): TableModel {
  const { id, name } = identity(xml);
  const tbl = element(xml, 'a:tbl')?.inner ?? '';
  const tblPr = element(tbl, 'a:tblPr')?.attributes ?? '';
  const table: TableModel = {
    kind: 'table',
    id,
    name,
    firstRow: ['1', 'true'].includes(attr(tblPr, 'firstRow') ?? ''),
    columnWidths: elements(tbl, 'a:gridCol').map((c) => (numberAttr(c.attributes, 'w') ?? 0) / EMU_PER_INCH),
    rows: elements(tbl, 'a:tr').map((tr) => ({
      height: (numberAttr(tr.attributes, 'h') ?? 0) / EMU_PER_INCH,
      cells: elements(tr.inner, 'a:tc').map((tc) => readCell(tc.attributes, tc.inner, scheme)),
    })),
  };
  const box = readBox(xml, 'p:xfrm');
  if (box) table.box = box;
  return table;
}

function readCell(attributes: string, xml: string, scheme: ColorScheme): CellModel {
  const tcPr = element(xml, 'a:tcPr');
  const insets = readInsets(tcPr?.attributes ?? '', ['marL', 'marR', 'marT', 'marB']);
  const flag = (name: string): boolean => ['1', 'true'].includes(attr(attributes, name) ?? '');
  return {
    text: readTextFrame(element(xml, 'a:txBody')?.inner ?? '', scheme, insets),
    fill: fillIn(tcPr?.inner ?? '', scheme),
    span: numberAttr(attributes, 'gridSpan') ?? 1,
    merged: flag('hMerge') || flag('vMerge'),
  };
}
