/**
 * XML snippets for placeholders, fields and theme references, shared by the built-in
 * master (built-in-master.ts) and the slides (apply-structure.ts).
 */
import type { Box } from '../layout/types.js';
import { inchToEmu } from '../units.js';
import { escapeXml } from './xml-edit.js';

export const NS =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"' +
  ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' +
  ' xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** Fixed field ids: a field id only has to be a GUID, and a fixed one keeps rebuilds byte-identical. */
const SLIDE_NUMBER_FIELD_ID = '{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}';

export const DECORATIVE_URI = '{C183D7F6-B498-43B3-948B-1728B52AA6E4}';
export const DECORATIVE_EXT =
  `<a:extLst><a:ext uri="${DECORATIVE_URI}">` +
  '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>' +
  '</a:ext></a:extLst>';

function xfrm(box: Box): string {
  return (
    `<a:xfrm><a:off x="${inchToEmu(box.x)}" y="${inchToEmu(box.y)}"/>` +
    `<a:ext cx="${inchToEmu(box.w)}" cy="${inchToEmu(box.h)}"/></a:xfrm>`
  );
}

/**
 * A decorative panel in a theme colour behind a text whose placeholder keeps its layout's
 * box (taller than the text): the panel covers only where the text is, not the slot's foot.
 */
export function panelShape(id: number, box: Box, slot: string, alpha?: number): string {
  const color =
    alpha === undefined
      ? `<a:schemeClr val="${slot}"/>`
      : `<a:schemeClr val="${slot}"><a:alpha val="${Math.round(alpha * 100_000)}"/></a:schemeClr>`;
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Panel ${id}">${DECORATIVE_EXT}</p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr>${xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>` +
    `<a:solidFill>${color}</a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>`
  );
}

/** `<p:ph …/>` with attributes in the schema's order (type, orient, sz, idx, hasCustomPrompt). */
export function phTag(ph: { type?: string; idx?: string; sz?: string }): string {
  const type = ph.type && ph.type !== 'obj' ? ` type="${ph.type}"` : '';
  const sz = ph.sz ? ` sz="${ph.sz}"` : '';
  const idx = ph.idx !== undefined ? ` idx="${ph.idx}"` : '';
  return `<p:ph${type}${sz}${idx}/>`;
}

/** A slide-number field showing `number` until the application renumbers it. */
export function slideNumberField(number: string, runProperties: string): string {
  return `<a:fld id="${SLIDE_NUMBER_FIELD_ID}" type="slidenum">${runProperties}<a:t>${escapeXml(number)}</a:t></a:fld>`;
}

export interface PlaceholderShape {
  id: number;
  name: string;
  ph: { type?: string; idx?: string; sz?: string };
  box?: Box;
  /** `a:bodyPr` attributes, e.g. `anchor="b"`. */
  bodyPr?: string;
  lstStyle?: string;
  /** Paragraph XML; one empty paragraph when absent. */
  paragraphs?: string;
}

export function placeholderShape(shape: PlaceholderShape): string {
  const spPr = shape.box
    ? `<p:spPr>${xfrm(shape.box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>`
    : '<p:spPr/>';
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${shape.id}" name="${escapeXml(shape.name)}"/>` +
    `<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${phTag(shape.ph)}</p:nvPr></p:nvSpPr>${spPr}` +
    `<p:txBody><a:bodyPr${shape.bodyPr ? ` ${shape.bodyPr}` : ''}/>` +
    `<a:lstStyle>${shape.lstStyle ?? ''}</a:lstStyle>` +
    `${shape.paragraphs ?? '<a:p><a:endParaRPr/></a:p>'}</p:txBody></p:sp>`
  );
}

/** A paragraph of one plain run. */
export function textParagraph(text: string, language: string, pPr = ''): string {
  return `<a:p>${pPr}<a:r><a:rPr lang="${escapeXml(language)}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p>`;
}

export const GROUP_START =
  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>' +
  '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>' +
  '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';
