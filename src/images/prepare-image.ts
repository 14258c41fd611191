import { readFileSync } from 'node:fs';
import type { Issue, SourceLocation } from '../errors.js';
import type { Box, ImageElement } from '../layout/types.js';
import { oncePerBuildSync } from '../io/once-per-build.js';
import { resolveAssetPath } from './asset-path.js';
import { imageCacheKey, readCachedImage, writeCachedImage } from './image-cache.js';
import { hasArea, placeAt, type ImageFit } from './image-geometry.js';
import type { ImageRef } from '../data/image-ref.js';
import { renderImage, type RenderedImage, type RenderOutcome } from './render-image.js';

/** One image to place: what the user wrote, where it goes, and where they wrote it. */
export interface ImageRequest {
  ref: ImageRef;
  /** Box on the slide, in inches. */
  box: Box;
  /** The YAML field of the image (ideally its `file`), for error messages. */
  location: SourceLocation;
  /** @default 'contain' */
  fit?: ImageFit;
}

/** Counters a caller can pass in to see how much image work a build did. */
export interface ImageStats {
  /** Images decoded and encoded by sharp. */
  processed: number;
  /** Requests served without sharp: from the cache directory, or an identical request earlier in the same run. */
  cacheHits: number;
}

export interface PrepareImagesOptions {
  /** Folder holding `assets/`; image paths are confined to it. */
  projectRoot: string;
  /**
   * Pixels per inch of the placed box. 200 looks sharp on a projector and on a
   * laptop at 1:1, and keeps a full-slide photo (13.3 × 7.5 in) near 2700 × 1500 px.
   * @default 200
   */
  dpi?: number;
  /** Content-hash cache folder, e.g. `<projectRoot>/.cache/images`. No cache when absent. */
  cacheDir?: string;
  /**
   * Largest source image accepted, in pixels (width × height). 50 MP takes any camera
   * (a 48 MP phone, a 45 MP full-frame) and still bounds memory: decoding holds about
   * 4 bytes a pixel, ~200 MB. Bigger files are scans, posters or a "decompression bomb"
   * (a tiny file claiming huge dimensions) and are refused before any pixel is decoded.
   * @default 50_000_000
   */
  pixelLimit?: number;
  stats?: ImageStats;
  /**
   * Called when a picture is not in the cache and sharp starts on it (on its own threads): the
   * caller may do other work while it waits (build-deck.ts builds the next deck meanwhile).
   */
  onRender?: () => void;
}

export interface PreparedImage {
  request: ImageRequest;
  /** Encoded bytes, metadata-free, sized for `box`. */
  data: Buffer;
  mime: 'image/png' | 'image/jpeg';
  pixelWidth: number;
  pixelHeight: number;
  bytes: number;
  /** As the user sees it, e.g. `assets/photos/fjord.jpg`. */
  sourceFile: string;
  /** Where to place it (inches): for `contain`, the request's box shrunk to the image's aspect ratio, centred. */
  box: Box;
}

const DEFAULT_DPI = 200;
const DEFAULT_PIXEL_LIMIT = 50_000_000;
/** Images prepared at the same time; each may hold a decoded camera photo in memory. */
const PARALLEL = 4;

/**
 * Resolves, decodes, sizes and re-encodes every requested image.
 * Never throws for bad input: each failing request gives one Issue at its location.
 * Same inputs → same bytes, whether from sharp or from the cache.
 */
export async function prepareImages(
  requests: readonly ImageRequest[],
  options: PrepareImagesOptions,
): Promise<{ images: PreparedImage[]; issues: Issue[] }> {
  const settings = { dpi: options.dpi ?? DEFAULT_DPI, pixelLimit: options.pixelLimit ?? DEFAULT_PIXEL_LIMIT };
  const stats = options.stats ?? { processed: 0, cacheHits: 0 };
  const inFlight = new Map<string, Promise<RenderOutcome>>();
  // The same logo on every slide is one file: read (and hashed) once per call, not once per slide.
  const sources = new Map<string, Promise<{ source: Buffer; key: string }>>();
  const readSource = (file: string, params: Record<string, unknown>) => {
    const id = `${file}\0${JSON.stringify(params)}`;
    let read = sources.get(id);
    if (!read) {
      // Read in one synchronous call (libuv's pool costs more CPU than reading a picture); a failure still rejects.
      read = new Promise<Buffer>((resolve) => resolve(readFileSync(file))).then((source) => ({
        source,
        key: imageCacheKey(source, params),
      }));
      sources.set(id, read);
    }
    return read;
  };

  const prepareOne = async (request: ImageRequest): Promise<PreparedImage | Issue> => {
    const issue = (message: string): Issue => ({ ...request.location, message, severity: 'error' });
    const asset = resolveAssetPath(options.projectRoot, request.ref.file);
    if (!asset.ok) return issue(asset.message);
    if (!hasArea(request.box))
      return issue(`${asset.display} has no room on the slide (box ${JSON.stringify(request.box)})`);
    const params = { ...settings, fit: request.fit ?? 'contain', box: request.box };
    let source: Buffer;
    let key: string;
    try {
      ({ source, key } = await readSource(asset.path, {
        ...settings,
        fit: params.fit,
        w: params.box.w,
        h: params.box.h,
      }));
    } catch (error) {
      return issue(`${asset.display} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
    }
    // Failure messages name the file, so identical bytes under two names are two jobs.
    const job = `${key} ${asset.display}`;
    const earlier = inFlight.get(job);
    const outcome =
      earlier ??
      lookUpOrRender(
        key,
        job,
        () => {
          options.onRender?.();
          return renderImage(source, asset.display, params);
        },
        options.cacheDir,
        stats,
      );
    inFlight.set(job, outcome);
    const result = await outcome;
    if (!result.ok) return issue(result.message);
    if (earlier) stats.cacheHits++;
    return toPrepared(request, result.image, asset.display);
  };

  const results = await mapLimit(requests, PARALLEL, async (request) => {
    try {
      return await prepareOne(request);
    } catch (error) {
      // Not expected (bad input is handled above); still one located issue rather than a crash.
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ...request.location,
        message: `${request.ref.file} could not be prepared: ${reason}`,
        severity: 'error',
      } satisfies Issue;
    }
  });
  const images = results.filter((r): r is PreparedImage => 'data' in r);
  const issues = results.filter((r): r is Issue => !('data' in r));
  return { images, issues };
}

async function lookUpOrRender(
  key: string,
  job: string,
  render: () => Promise<RenderOutcome>,
  cacheDir: string | undefined,
  stats: ImageStats,
): Promise<RenderOutcome> {
  const cached = cacheDir === undefined ? undefined : await readCachedImage(cacheDir, key);
  if (cached) {
    stats.cacheHits++;
    return { ok: true, image: cached };
  }
  const underWay = rendersUnderWay();
  const other = underWay.get(job);
  if (other) {
    // Another deck of this build is rendering it: as good as the cache entry it is about to write.
    const outcome = await other;
    if (outcome.ok) stats.cacheHits++;
    return outcome;
  }
  const rendering = renderAndKeep(key, render, cacheDir, stats);
  underWay.set(job, rendering);
  try {
    return await rendering;
  } finally {
    underWay.delete(job);
  }
}

async function renderAndKeep(
  key: string,
  render: () => Promise<RenderOutcome>,
  cacheDir: string | undefined,
  stats: ImageStats,
): Promise<RenderOutcome> {
  const outcome = await render();
  if (outcome.ok) {
    stats.processed++;
    // A cache that cannot be written (read-only checkout, full disk) only costs speed.
    if (cacheDir !== undefined) await writeCachedImage(cacheDir, key, outcome.image).catch(() => undefined);
  }
  return outcome;
}

/**
 * The pictures being rendered in this build, by job (key and file), until their cache entry is
 * written: a deck built while another waits for sharp (io/in-turn.ts) waits for the
 * same render rather than starting a second one. Outside a build, each call has its own.
 */
const rendersUnderWay = (): Map<string, Promise<RenderOutcome>> =>
  oncePerBuildSync('images: renders under way', () => new Map<string, Promise<RenderOutcome>>());

function toPrepared(request: ImageRequest, image: RenderedImage, sourceFile: string): PreparedImage {
  const { data, mime, pixelWidth, pixelHeight } = image;
  const box = placeAt(request.box, { w: image.w, h: image.h });
  return { request, data, mime, pixelWidth, pixelHeight, bytes: data.length, sourceFile, box };
}

/** The slide element for a prepared image; `name` shows in PowerPoint's selection pane. */
export function toImageElement(image: PreparedImage, name: string): ImageElement {
  const { ref } = image.request;
  const decorative = ref.decorative === true;
  const altText = decorative ? '' : (ref.alt ?? '');
  return {
    type: 'image',
    name,
    box: image.box,
    data: image.data,
    mime: image.mime,
    altText,
    ...(decorative && { decorative }),
  };
}

/** `Promise.all(items.map(fn))` with at most `limit` calls running; results keep the input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
