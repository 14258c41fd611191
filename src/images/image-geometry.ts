import type { Box } from '../layout/types.js';

export type ImageFit = 'contain' | 'cover';

/** Where an image goes on the slide (inches) and how many pixels it gets. */
export interface Placement {
  /** Box to place the picture in: `contain` shrinks it to the image's aspect ratio, centred. */
  box: Box;
  /** Target size of the encoded picture, in pixels. */
  width: number;
  height: number;
}

/**
 * Plans an image's size: `box × dpi` pixels, keeping the aspect ratio.
 * - `contain`: the whole image, as large as fits inside the box, centred in it.
 * - `cover`: fills the box; the overflowing edges are cropped (centre kept).
 * Bitmaps are never enlarged beyond their source pixels (PowerPoint scales them
 * for display; upscaling here would only add bytes). Vectors are rendered at the
 * placed size, so they stay crisp at any size.
 *
 * @param source pixel size of the source after EXIF rotation (for SVG: its size at 72 dpi)
 */
export function planPlacement(
  source: { width: number; height: number },
  box: Box,
  dpi: number,
  fit: ImageFit,
  vector: boolean,
): Placement {
  const aspect = source.width / source.height;
  if (fit === 'cover') {
    // The part of the source that shows: the largest centred region with the box's aspect ratio.
    const boxAspect = box.w / box.h;
    const shown = aspect > boxAspect ? source.height * boxAspect : source.width;
    const scale = limitScale((box.w * dpi) / shown, vector);
    return { box: { ...box }, width: toPixels(shown * scale), height: toPixels((shown * scale) / boxAspect) };
  }
  const w = Math.min(box.w, box.h * aspect);
  const h = Math.min(box.h, box.w / aspect);
  const placed = placeAt(box, { w, h });
  const scale = limitScale((w * dpi) / source.width, vector);
  return { box: placed, width: toPixels(source.width * scale), height: toPixels(source.height * scale) };
}

/** A box of the given size centred in `box` (inches), rounded to 10⁻⁶ in (an EMU is 1.1 × 10⁻⁶ in). */
export function placeAt(box: Box, size: { w: number; h: number }): Box {
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    x: round(box.x + (box.w - size.w) / 2),
    y: round(box.y + (box.h - size.h) / 2),
    w: round(size.w),
    h: round(size.h),
  };
}

const limitScale = (scale: number, vector: boolean): number => (vector ? scale : Math.min(scale, 1));
const toPixels = (n: number): number => Math.max(1, Math.round(n));

/** True when a box can hold a picture: finite, positive width and height. */
export function hasArea(box: Box): boolean {
  return [box.x, box.y, box.w, box.h].every(Number.isFinite) && box.w > 0 && box.h > 0;
}
