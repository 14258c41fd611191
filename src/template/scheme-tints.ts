/**
 * Theme colours made lighter or darker the way PowerPoint's colour picker writes them
 * ("Lighter 40 %" is lumMod 60 % + lumOff 40 %, "Darker 25 %" is lumMod 75 %), so a template
 * accent moved until it reads on a dark picture is still named by its slot and follows the
 * theme. The colour is computed with the transform code the check reads slides with
 * (ooxml/color-transforms.ts): what the contrast rules measure is what PowerPoint draws.
 */
import { applyTransforms } from '../ooxml/color-transforms.js';

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

/** The hex of `slot`'s colour `base` with the tint applied (the transforms colorIn reads back). */
export function tintedHex(base: string, { lumMod, lumOff }: SchemeTint): string {
  return applyTransforms(base, [
    ...(lumMod === 100000 ? [] : [{ name: 'lumMod', val: lumMod }]),
    ...(lumOff === 0 ? [] : [{ name: 'lumOff', val: lumOff }]),
  ]);
}

/** `slot` moved `share` (0–1) of the way to white (`lighter`) or black, in HSL luminance. */
export function towards(slot: string, lighter: boolean, share: number): SchemeTint {
  const part = Math.round(share * 100) * 1000;
  return { slot, lumMod: 100000 - part, lumOff: lighter ? part : 0 };
}
