import type { Metadata } from 'sharp';
import { loadSharp } from './load-sharp.js';
import type { Box } from '../layout/types.js';
import { encodeImage, type EncodedImage } from './encode-image.js';
import { planPlacement, type ImageFit } from './image-geometry.js';

export interface RenderParams {
  /** Box the image is meant for, in inches. */
  box: Box;
  fit: ImageFit;
  /** Pixels per inch of the box. */
  dpi: number;
  /** Largest source image accepted, in pixels (width × height). */
  pixelLimit: number;
}

/** An encoded image with its pixel size and its placed size in inches. */
export interface RenderedImage extends EncodedImage {
  pixelWidth: number;
  pixelHeight: number;
  w: number;
  h: number;
}

export type RenderOutcome = { ok: true; image: RenderedImage } | { ok: false; message: string };

/** Decoders Trappa accepts. sharp's prebuilt libvips reads AVIF but not HEIC (patents). */
const READABLE = new Set(['jpeg', 'png', 'webp', 'gif', 'svg', 'tiff', 'heif']);

/**
 * Source bytes → an image sized for its box, with no metadata left in it.
 * Every failure is returned as a plain message naming `display` (e.g. `assets/photos/x.jpg`).
 */
export async function renderImage(source: Buffer, display: string, params: RenderParams): Promise<RenderOutcome> {
  const fail = (message: string): RenderOutcome => ({ ok: false, message });
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    // Reading the header decodes no pixels, so no pixel limit yet: we check it below with a clearer message.
    meta = await sharp(source, { limitInputPixels: false }).metadata();
  } catch {
    return fail(`${display} is not an image Trappa can read; use PNG, JPEG or SVG`);
  }
  if (meta.format === 'heif' && meta.compression === 'hevc') {
    return fail(`${display} is a HEIC photo, which Trappa cannot read; export it as JPEG`);
  }
  if (!READABLE.has(meta.format)) {
    return fail(`${display} is a ${meta.format.toUpperCase()} file, which Trappa does not use; save it as PNG or JPEG`);
  }
  const vector = meta.format === 'svg';
  const [width, height] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
  if (!width || !height) return fail(`${display} has no width or height`);
  if (!vector && width * height > params.pixelLimit) {
    const mp = (n: number) => Math.round(n / 1e6);
    return fail(
      `${display} is ${width} × ${height} pixels (${mp(width * height)} megapixels), over the limit of ` +
        `${mp(params.pixelLimit)} megapixels; scale it down (3000 pixels wide is plenty for a slide)`,
    );
  }

  const plan = planPlacement({ width, height }, params.box, params.dpi, params.fit, vector);
  // An SVG is rendered at the density that gives the target size directly (72 dpi = its own size).
  const density = vector
    ? Math.min(100_000, Math.max(1, (72 * plan.width) / width, (72 * plan.height) / height))
    : undefined;
  try {
    const { data, info } = await sharp(source, { failOn: 'error', limitInputPixels: params.pixelLimit, density })
      .autoOrient()
      .resize(plan.width, plan.height, { fit: params.fit === 'cover' ? 'cover' : 'fill' })
      .toColourspace('srgb')
      .ensureAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4) return fail(`${display} has an unusual colour format (${info.channels} channels)`);
    // Raw pixels carry no EXIF, GPS, XMP or ICC data: nothing from the source file survives but the picture.
    const encoded = await encodeImage({ data, width: info.width, height: info.height }, meta.format);
    return {
      ok: true,
      image: { ...encoded, pixelWidth: info.width, pixelHeight: info.height, w: plan.box.w, h: plan.box.h },
    };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      return fail(
        `${display} is too large to process (over ${Math.round(params.pixelLimit / 1e6)} megapixels); scale it down`,
      );
    }
    return fail(`${display} is not a readable image (truncated or corrupt)`);
  }
}
