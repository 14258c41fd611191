/**
 * A template's picture (a background or art picture) decoded small enough to sample what
 * lies under a text box: at most RASTER_SIDE pixels on its longer side, so one pixel is about
 * a letter's size on a slide-wide picture (the image is averaged over that area, as the eye
 * does behind a letter). Untrusted input: pictures larger than MAX_PICTURE_BYTES or
 * MAX_PICTURE_PIXELS are not decoded, nor is anything sharp cannot read (EMF, WMF, …); such
 * a picture stays "unknown" and text over it gets a panel or a warning.
 *
 * Decoded once per process, and kept in the project's cache folder by content hash (beside
 * the rendered images, image-cache.ts): a later build of a photo template then never loads
 * sharp (~250 ms of CPU for Candy's first picture, most of a template build's extra time).
 */
import path from 'node:path';
import { BoundedCache } from '../bounded-cache.js';
import { imageCacheKey } from './image-cache.js';
import { loadSharp } from './load-sharp.js';
import { readRegularFile } from '../io/read-bounded.js';
import { writeCacheFile } from '../io/save-file.js';

export interface Raster {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, rows top to bottom. */
  data: Uint8Array;
}

const RASTER_SIDE = 128;
const MAX_PICTURE_BYTES = 20 * 1024 * 1024;
const MAX_PICTURE_PIXELS = 40_000_000;
/** What decides a raster besides the picture's bytes (and sharp's version, in the key). */
const PARAMS = { raster: 'backdrop-rgba', side: RASTER_SIDE, maxPixels: MAX_PICTURE_PIXELS };

/** Decoded rasters by cache key (a template's pictures are decoded once per process). */
const decoded = new BoundedCache<string, Raster | null>(64);

/**
 * The content hash a raster is kept under (in memory and as `<key>.rgba` in the cache folder), once
 * per byte array: a template's pictures are the same arrays in the design and in every deck's check
 * (pptx/finish-package.ts), and arrays of parts are never changed in place.
 */
export function rasterKey(bytes: Uint8Array): string {
  let key = rasterKeys.get(bytes);
  if (key === undefined)
    rasterKeys.set(bytes, (key = imageCacheKey(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), PARAMS)));
  return key;
}

const rasterKeys = new WeakMap<Uint8Array, string>();

/**
 * The picture as a small RGBA raster, or undefined when it cannot or may not be decoded.
 * With `cacheDir`, the raster (or the fact that it cannot be decoded) is kept there.
 */
export async function decodeRaster(bytes: Uint8Array, cacheDir?: string): Promise<Raster | undefined> {
  if (bytes.length === 0 || bytes.length > MAX_PICTURE_BYTES) return undefined;
  const key = rasterKey(bytes);
  const inMemory = decoded.get(key);
  const known = inMemory !== undefined || cacheDir === undefined ? inMemory : await readCachedRaster(cacheDir, key);
  if (known !== undefined) {
    decoded.set(key, known);
    return known ?? undefined;
  }
  const raster = await decode(bytes);
  decoded.set(key, raster);
  if (cacheDir !== undefined) await writeCachedRaster(cacheDir, key, raster).catch(() => undefined);
  return raster ?? undefined;
}

async function decode(bytes: Uint8Array): Promise<Raster | null> {
  try {
    const sharp = await loadSharp();
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PICTURE_PIXELS, failOn: 'error' })
      .resize(RASTER_SIDE, RASTER_SIDE, { fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8Array(data) };
  } catch {
    return null;
  }
}

/** Where a project keeps its decoded template pictures. */
export const rasterCacheDir = (projectRoot: string): string => path.join(projectRoot, '.cache', 'backdrops');

const entryPath = (dir: string, key: string): string => path.join(dir, `${key}.rgba`);

/** A raster is at most 128 px a side, 4 bytes a pixel: a larger entry is not one Trappa wrote. */
const MAX_RASTER_ENTRY_BYTES = 1024 * 1024;

/** One JSON header line ({width, height}, both 0 for a picture that cannot be decoded), then the pixels. */
async function readCachedRaster(dir: string, key: string): Promise<Raster | null | undefined> {
  try {
    // Synchronous: read on every build, and one call costs less CPU than libuv's pool.
    // A regular file within the limit only: `.cache` may hold a link to /dev/zero or a FIFO (io/read-bounded.ts).
    const file = readRegularFile(entryPath(dir, key), MAX_RASTER_ENTRY_BYTES);
    const newline = file ? file.indexOf(0x0a) : -1;
    if (!file || newline < 0) return undefined;
    const header = JSON.parse(file.subarray(0, newline).toString('utf8')) as { width?: unknown; height?: unknown };
    const { width, height } = header;
    if (!Number.isInteger(width) || !Number.isInteger(height)) return undefined;
    const [w, h] = [width as number, height as number];
    const data = new Uint8Array(file.subarray(newline + 1));
    if (w === 0 && h === 0 && data.length === 0) return null;
    if (w < 1 || h < 1 || w > RASTER_SIDE || h > RASTER_SIDE || data.length !== w * h * 4) return undefined;
    return { width: w, height: h, data };
  } catch {
    return undefined;
  }
}

/** Written whole (io/save-file.ts), as image-cache.ts does. */
async function writeCachedRaster(dir: string, key: string, raster: Raster | null): Promise<void> {
  const header = Buffer.from(`${JSON.stringify({ width: raster?.width ?? 0, height: raster?.height ?? 0 })}\n`);
  await writeCacheFile(entryPath(dir, key), Buffer.concat([header, raster?.data ?? new Uint8Array()]));
}
