/**
 * Theme colours made lighter or darker the way PowerPoint's colour picker writes them
 * ("Lighter 40 %" is lumMod 60 % + lumOff 40 %, "Darker 25 %" is lumMod 75 %), so a template
 * accent moved until it reads on a dark picture is still named by its slot and follows the
 * theme. The colour is computed with the transform code the check reads slides with
 * (ooxml/color-transforms.ts): what the contrast rules measure is what PowerPoint draws.
 */
import { withTransforms } from '../ooxml/color-transforms.js';
import { parseXml } from '../ooxml/xml.js';

/** A scheme colour with PowerPoint's luminance transforms, in thousandths of a percent. */
export interface SchemeTint {
  slot: string;
  lumMod: number;
  lumOff: number;
}

/** The colour's element as a slide writes it. */
export function schemeTintXml({ slot, lumMod, lumOff }: SchemeTint): string {
  const mod = lumMod === 100000 ? '' : `<a:lumMod val="${lumMod}"/>`;
  const off = lumOff === 0 ? '' : `<a:lumOff val="${lumOff}"/>`;
  return `<a:schemeClr val="${slot}">${mod}${off}</a:schemeClr>`;
}

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/** The hex of `slot`'s colour `base` with the tint applied (as colorIn reads it). */
export function tintedHex(base: string, tint: SchemeTint): string {
  return withTransforms(base, parseXml(schemeTintXml(tint).replace('<a:schemeClr ', `<a:schemeClr xmlns:a="${A}" `)));
}

/** `slot` moved `share` (0–1) of the way to white (`lighter`) or black, in HSL luminance. */
export function towards(slot: string, lighter: boolean, share: number): SchemeTint {
  const part = Math.round(share * 100) * 1000;
  return { slot, lumMod: 100000 - part, lumOff: lighter ? part : 0 };
}
