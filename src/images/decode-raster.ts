/**
 * A template's picture (a background or art picture) decoded small enough to sample what
 * lies under a text box: at most RASTER_SIDE pixels on its longer side, so one pixel is about
 * a letter's size on a slide-wide picture (the image is averaged over that area, as the eye
 * does behind a letter). Untrusted input: pictures larger than MAX_PICTURE_BYTES or
 * MAX_PICTURE_PIXELS are not decoded, nor is anything sharp cannot read (EMF, WMF, …); such
 * a picture stays "unknown" and text over it gets a panel or a warning.
 */
import { BoundedCache } from '../bounded-cache.js';
import { sha256Hex } from '../sha256.js';
import { loadSharp } from './load-sharp.js';

export interface Raster {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, rows top to bottom. */
  data: Uint8Array;
}

const RASTER_SIDE = 128;
const MAX_PICTURE_BYTES = 20 * 1024 * 1024;
const MAX_PICTURE_PIXELS = 40_000_000;

/** Decoded rasters by the picture bytes' hash (a template's pictures are decoded once per process). */
const decoded = new BoundedCache<string, Raster | null>(64);

/** The picture as a small RGBA raster, or undefined when it cannot or may not be decoded. */
export async function decodeRaster(bytes: Uint8Array): Promise<Raster | undefined> {
  if (bytes.length === 0 || bytes.length > MAX_PICTURE_BYTES) return undefined;
  const key = sha256Hex(bytes);
  const known = decoded.get(key);
  if (known !== undefined) return known ?? undefined;
  let raster: Raster | null = null;
  try {
    const sharp = await loadSharp();
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PICTURE_PIXELS, failOn: 'error' })
      .resize(RASTER_SIDE, RASTER_SIDE, { fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    raster = { width: info.width, height: info.height, data: new Uint8Array(data) };
  } catch {
    raster = null;
  }
  decoded.set(key, raster);
  return raster ?? undefined;
}
