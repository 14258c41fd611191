import { createHash } from 'node:crypto';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ENCODER_SETTINGS } from './encode-image.js';
import type { RenderedImage } from './render-image.js';
import { readRegularFile } from '../io/read-bounded.js';
import { writeCacheFile } from '../io/save-file.js';

/** A cache entry is a rendered image: bytes, mime, pixel size and placed size in inches. */
export type CachedImage = RenderedImage;

const FORMAT = 'trappa-image-cache-1';

/**
 * sharp's own version pins its libvips build, so it stands for both in the key. Read from
 * its package.json rather than `sharp.versions`, so a build with a warm cache never loads
 * sharp at all (about 75 ms of a cold start).
 */
let sharpVersion: string | undefined;
function sharpPackageVersion(): string {
  if (sharpVersion === undefined) {
    const require = createRequire(import.meta.url);
    const main = require.resolve('sharp');
    const pkg = path.join(
      main.slice(0, main.lastIndexOf(`${path.sep}node_modules${path.sep}sharp${path.sep}`)),
      'node_modules',
      'sharp',
      'package.json',
    );
    sharpVersion = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  }
  return sharpVersion;
}

/**
 * Content hash of everything that decides the output bytes: the source bytes,
 * the requested size and fit, the limits, the encoder settings and the sharp and
 * libvips versions. Not the file name or the box's position: the same logo at the
 * same size on ten slides is one entry.
 */
export function imageCacheKey(source: Buffer, params: Record<string, unknown>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ FORMAT, sharp: sharpPackageVersion(), encoder: ENCODER_SETTINGS, params }));
  hash.update('\0');
  hash.update(source);
  return hash.digest('hex');
}

const entryPath = (dir: string, key: string): string => path.join(dir, `${key}.img`);

/** An entry is one encoded picture (pictures are at most tens of MB): a larger file is not one Trappa wrote. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/**
 * Reads an entry: one JSON header line, then the encoded bytes.
 * Anything unreadable or inconsistent is a miss (the entry is then rewritten).
 */
export async function readCachedImage(dir: string, key: string): Promise<CachedImage | undefined> {
  try {
    // Synchronous: read on every build, and one call costs less CPU than libuv's pool.
    // A regular file within the limit only: `.cache` may hold a link to /dev/zero or a FIFO (io/read-bounded.ts).
    const file = readRegularFile(entryPath(dir, key), MAX_ENTRY_BYTES);
    const newline = file ? file.indexOf(0x0a) : -1;
    if (!file || newline < 0) return undefined;
    const header: unknown = JSON.parse(file.subarray(0, newline).toString('utf8'));
    const data = file.subarray(newline + 1);
    if (!isHeader(header) || data.length !== header.bytes) return undefined;
    const { mime, pixelWidth, pixelHeight, w, h } = header;
    return { data, mime, pixelWidth, pixelHeight, w, h };
  } catch {
    return undefined;
  }
}

type Header = Omit<CachedImage, 'data'> & { bytes: number };

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Record<string, unknown>;
  const numbers = ['pixelWidth', 'pixelHeight', 'w', 'h', 'bytes'].every((k) => typeof header[k] === 'number');
  return numbers && (header.mime === 'image/png' || header.mime === 'image/jpeg');
}

/** Writes an entry whole (io/save-file.ts), so a crash never leaves half an image. */
export async function writeCachedImage(dir: string, key: string, image: CachedImage): Promise<void> {
  const { data, ...rest } = image;
  const header = Buffer.from(`${JSON.stringify({ ...rest, bytes: data.length })}\n`, 'utf8');
  await writeCacheFile(entryPath(dir, key), Buffer.concat([header, data]));
}
