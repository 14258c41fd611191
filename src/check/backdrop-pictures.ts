/**
 * The pictures a deck's masters and layouts paint (backgrounds and art), decoded for the
 * backdrop model (backdrop.ts) before the synchronous rules run, and the logos on its slides (their ink
 * measured against that backdrop). Only those media parts are
 * inflated, and each is decoded small and within limits (images/decode-raster.ts).
 */
import { unzipSync } from 'fflate';
import { decodeRaster, type Raster } from '../images/decode-raster.js';
import { type OpcPackage, readPackage, relationships } from '../ooxml/package.js';
import { elementsReadAsParsed } from './read-deck.js';
import type { RasterOf } from './types.js';

const TEMPLATE_PART = /^ppt\/(slideMasters|slideLayouts)\/[^/]+\.xml$/;

/** The media parts the deck's masters and layouts refer to as images. */
function templateMedia(pkg: OpcPackage): Set<string> {
  const media = new Set<string>();
  for (const part of pkg.parts.filter((p) => TEMPLATE_PART.test(p)))
    for (const rel of relationships(pkg, part).values())
      if (!rel.external && rel.type.endsWith('/image')) media.add(rel.target);
  return media;
}

const SLIDE_PART = /^ppt\/slides\/slide\d+\.xml$/;
/** A logo Trappa placed (`Logo {owner}`, kinds/common-parts.ts) and its picture's relationship. */
const LOGO_PICTURE = /<p:pic>(?:(?!<\/p:pic>)[\s\S])*?name="Logo (?:(?!<\/p:pic>)[\s\S])*?r:embed="([^"]+)"/g;

/** The relationship ids of the logos on a slide: from its text, or from what was read of it as it was parsed. */
function logoEmbeds(pkg: OpcPackage, part: string): string[] {
  const text = pkg.xml.get(part) ?? '';
  if (text !== '') return [...text.matchAll(LOGO_PICTURE)].map((m) => m[1]!);
  // The build's package: its slides' texts were let go once read (ooxml/package.ts readPartsOnce).
  return (elementsReadAsParsed(pkg, part) ?? []).flatMap((e) =>
    e.kind === 'picture' && e.name.startsWith('Logo ') && e.paint?.kind === 'picture' ? [e.paint.embed] : [],
  );
}

/** The media parts of the logos on the deck's slides: the contrast rule measures them on their ground. */
function logoMedia(pkg: OpcPackage): Set<string> {
  const media = new Set<string>();
  for (const part of pkg.parts.filter((p) => SLIDE_PART.test(p))) {
    const rels = relationships(pkg, part);
    for (const embed of logoEmbeds(pkg, part)) {
      const rel = rels.get(embed);
      if (rel && !rel.external) media.add(rel.target);
    }
  }
  return media;
}

/** The wanted parts' bytes: from `media` (the finishing stage's, the zip's very arrays) or unzipped. */
function wantedParts(bytes: Uint8Array, wanted: Set<string>, media?: ReadonlyMap<string, Uint8Array>) {
  if (!media) return unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  return Object.fromEntries([...wanted].flatMap((name) => (media.has(name) ? [[name, media.get(name)!]] : [])));
}

/**
 * The decoded pictures of a deck's masters and layouts, by media part; `cacheDir` (the
 * project's, decode-raster.ts) keeps them between runs. `media`: the deck's binary parts as
 * finishing gave them (pptx/finish-package.ts), when the caller has them.
 */
export async function backdropPictures(
  bytes: Uint8Array,
  {
    pkg = readPackage(bytes),
    cacheDir,
    media,
  }: { pkg?: OpcPackage; cacheDir?: string; media?: ReadonlyMap<string, Uint8Array> } = {},
): Promise<RasterOf> {
  const wanted = new Set([...templateMedia(pkg), ...logoMedia(pkg)]);
  if (wanted.size === 0) return () => undefined;
  const files = wantedParts(bytes, wanted, media);
  const rasters = new Map<string, Raster>();
  for (const [name, data] of Object.entries(files)) {
    const raster = await decodeRaster(data, cacheDir);
    if (raster) rasters.set(name, raster);
  }
  return (media) => rasters.get(media);
}
