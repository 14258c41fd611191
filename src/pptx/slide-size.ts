/**
 * The slide and notes page sizes presentation.xml declares, in exact EMU. Layout works in
 * inches to three decimals, so 16:9's 13⅓ in arrives as 13.333 in: 12 191 695 EMU, 305 EMU
 * short of PowerPoint's 12 192 000. A length within a thousandth of an inch of a whole number
 * of thirds of an inch is that number of thirds (16:9 → 12 192 000, 4:3 → 9 144 000; 7.5 in
 * is exact already). The notes page is PowerPoint's standard portrait 7.5 × 10 in, which
 * pptxgenjs writes as the slide's size turned on its side.
 */
import { EMU_PER_INCH, inchToEmu } from '../units.js';

const THIRD_OF_AN_INCH = EMU_PER_INCH / 3;

export function slideLengthEmu(inches: number): number {
  const thirds = Math.round(inches * 3);
  return Math.abs(inches * 3 - thirds) < 0.003 ? thirds * THIRD_OF_AN_INCH : inchToEmu(inches);
}

export function slideSizeXml(size: { w: number; h: number }): string {
  return `<p:sldSz cx="${slideLengthEmu(size.w)}" cy="${slideLengthEmu(size.h)}"/>`;
}

/** PowerPoint's notes page: 7.5 × 10 in, portrait. */
export const NOTES_SIZE_XML = '<p:notesSz cx="6858000" cy="9144000"/>';
