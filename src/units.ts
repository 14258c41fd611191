/**
 * Units, explained once.
 * - Layout works in inches, as pptxgenjs does (16:9 slide = 13.333 × 7.5 in).
 * - Font sizes are points: 72 pt = 1 inch.
 * - OOXML stores lengths in EMU: 914 400 EMU = 1 inch, 12 700 EMU = 1 pt.
 */
export const EMU_PER_INCH = 914_400;
export const EMU_PER_POINT = 12_700;
const POINTS_PER_INCH = 72;

export const inchToPt = (inch: number): number => inch * POINTS_PER_INCH;
export const ptToInch = (pt: number): number => pt / POINTS_PER_INCH;
export const inchToEmu = (inch: number): number => Math.round(inch * EMU_PER_INCH);
