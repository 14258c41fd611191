import { loadSharp } from './load-sharp.js';

/**
 * Encoder settings. They are part of the cache key, so changing any of them
 * re-encodes every cached image on the next build.
 */
export const ENCODER_SETTINGS = {
  rule: 'trappa-format-rule-1',
  // The `mozjpeg: true` preset minus its progressive scans: trellis quantisation and table 3
  // make the placeholder photos a third smaller than plain libjpeg at the same quality number.
  // Baseline, because every viewer decodes it; progressive would save only ~4 % more.
  jpeg: {
    quality: 82,
    progressive: false,
    mozjpeg: false,
    trellisQuantisation: true,
    overshootDeringing: true,
    optimiseScans: false,
    optimiseCoding: true,
    quantisationTable: 3,
  },
  png: { compressionLevel: 9, adaptiveFiltering: false, palette: false },
  // Palette PNG only when the image has at most 256 colours, so it is lossless.
  palettePng: { compressionLevel: 9, adaptiveFiltering: false, palette: true, quality: 100, dither: 0, effort: 10 },
  /** An opaque, many-coloured bitmap stays PNG while PNG is at most this many times the JPEG's size. */
  pngOverJpegRatio: 2,
} as const;

/** Decoded pixels: 8-bit RGBA, sRGB, already at the target size. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
}

export interface EncodedImage {
  data: Buffer;
  mime: 'image/png' | 'image/jpeg';
}

/** Source formats that are photographs already stored lossily; they stay JPEG. */
const PHOTO_FORMATS = new Set(['jpeg', 'heif']);

/**
 * The format rule, in order:
 * 1. ≤ 256 colours (flat art, icons, simple diagrams) → palette PNG, exact.
 * 2. Any transparency, or an SVG source → truecolour PNG (edges and text stay sharp).
 * 3. An opaque JPEG/HEIF/AVIF source → JPEG (a photo; PNG would be 5–10× larger).
 * 4. Other opaque bitmaps (PNG, WebP, GIF, TIFF) → both are encoded; PNG wins unless it is
 *    more than twice the JPEG's size, which tells a photograph saved as PNG from a
 *    screenshot or chart (those compress well losslessly and blur as JPEG).
 */
export async function encodeImage(raw: RawImage, sourceFormat: string): Promise<EncodedImage> {
  const { opaque, fewColours } = scanPixels(raw.data);
  const sharp = await loadSharp();
  // An opaque image drops its alpha channel: a quarter fewer bytes to compress, and JPEG needs it gone.
  const pixels = () => {
    const image = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } });
    return opaque ? image.removeAlpha() : image;
  };

  if (fewColours) return png(await pixels().png(ENCODER_SETTINGS.palettePng).toBuffer());
  if (!opaque || sourceFormat === 'svg') return png(await pixels().png(ENCODER_SETTINGS.png).toBuffer());
  const jpeg: EncodedImage = { data: await pixels().jpeg(ENCODER_SETTINGS.jpeg).toBuffer(), mime: 'image/jpeg' };
  if (PHOTO_FORMATS.has(sourceFormat)) return jpeg;
  const pngData = await pixels().png(ENCODER_SETTINGS.png).toBuffer();
  return pngData.length <= jpeg.data.length * ENCODER_SETTINGS.pngOverJpegRatio ? png(pngData) : jpeg;
}

const png = (data: Buffer): EncodedImage => ({ data, mime: 'image/png' });

/**
 * One pass over RGBA pixels: is every pixel opaque, and are there at most 256 colours?
 * Fully transparent pixels are set to transparent black first: their colour is
 * invisible, and leaving it varied would defeat the palette and the compressor.
 */
function scanPixels(data: Buffer): { opaque: boolean; fewColours: boolean } {
  let opaque = true;
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3];
    if (alpha !== 255) {
      opaque = false;
      if (alpha === 0) data.writeUInt32LE(0, i);
    }
    if (colours.size <= 256) colours.add(data.readUInt32LE(i));
  }
  return { opaque, fewColours: colours.size <= 256 };
}
