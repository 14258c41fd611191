/**
 * A .pptx's bytes → the model the rules check: slides in presentation order with their
 * elements and backgrounds, plus the package's XML parts. Media are listed, never inflated.
 */
import { strFromU8, unzipSync } from 'fflate';
import { EMU_PER_INCH } from '../units.js';
import { colorIn, fillIn, readColorScheme, type ColorScheme } from './colors.js';
import { readSlideElements } from './read-slide.js';
import type { DeckModel, PackageModel, SlideModel } from './types.js';
import { attr, element, elements, numberAttr, unescapeXml } from './xml.js';

const XML_PART = /(?:\.xml|\.rels)$/i;
/** pptxgenjs's default and PowerPoint's: 16:9 at 13.333 × 7.5 in. */
const DEFAULT_SIZE = { w: 13.333, h: 7.5 };

/** @throws Error when the bytes are not a zip. */
export function readPackage(bytes: Uint8Array): PackageModel {
  const parts: string[] = [];
  const inflated = unzipSync(bytes, {
    filter: (file) => {
      if (!file.name.endsWith('/')) parts.push(file.name);
      return XML_PART.test(file.name);
    },
  });
  const xml = new Map<string, string>();
  for (const [name, data] of Object.entries(inflated)) if (!name.endsWith('/')) xml.set(name, strFromU8(data));
  return { parts, xml };
}

export function readDeck(bytes: Uint8Array): DeckModel {
  const pkg = readPackage(bytes);
  const presentationPart = officeDocument(pkg);
  const presentation = pkg.xml.get(presentationPart) ?? '';
  const sldSz = element(presentation, 'p:sldSz')?.attributes ?? '';
  const cx = numberAttr(sldSz, 'cx');
  const cy = numberAttr(sldSz, 'cy');
  const size = cx && cy ? { w: cx / EMU_PER_INCH, h: cy / EMU_PER_INCH } : DEFAULT_SIZE;
  const targets = relationshipTargets(pkg, presentationPart);
  const slideParts = elements(element(presentation, 'p:sldIdLst')?.inner ?? '', 'p:sldId')
    .map((s) => targets.get(attr(s.attributes, 'r:id') ?? '')?.target)
    .filter((part): part is string => part !== undefined && pkg.xml.has(part));
  const schemes = new Map<string, ColorScheme>();
  const slides = slideParts.map((part, i) => readSlide(pkg, part, i + 1, schemes));
  const language = element(pkg.xml.get('docProps/core.xml') ?? '', 'dc:language')?.inner.trim();
  return { size, slides, package: pkg, ...(language ? { language: unescapeXml(language) } : {}) };
}

/** `schemes` caches each master's colour scheme across slides. */
function readSlide(pkg: PackageModel, part: string, number: number, schemes: Map<string, ColorScheme>): SlideModel {
  const xml = pkg.xml.get(part) ?? '';
  const layout = firstTarget(pkg, part, '/slideLayout');
  const master = layout ? firstTarget(pkg, layout, '/slideMaster') : undefined;
  let scheme = schemes.get(master ?? '');
  if (!scheme) {
    const theme = master ? firstTarget(pkg, master, '/theme') : undefined;
    scheme = readColorScheme(pkg.xml.get(theme ?? '') ?? '', pkg.xml.get(master ?? '') ?? '');
    schemes.set(master ?? '', scheme);
  }
  const background =
    [part, layout, master].map((p) => backgroundOf(pkg.xml.get(p ?? '') ?? '', scheme)).find((c) => c !== undefined) ??
    scheme.get('bg1') ??
    'FFFFFF';
  return { number, part, background, textColor: scheme.get('tx1') ?? '000000', elements: readSlideElements(xml, scheme) };
}

/** `p:cSld/p:bg`: a solid `p:bgPr` fill or the colour of a `p:bgRef`. */
function backgroundOf(xml: string, scheme: ColorScheme): string | undefined {
  const bg = element(xml, 'p:bg')?.inner;
  if (!bg) return undefined;
  const bgPr = element(bg, 'p:bgPr');
  if (bgPr) return fillIn(bgPr.inner, scheme) ?? undefined;
  const bgRef = element(bg, 'p:bgRef');
  return bgRef ? colorIn(bgRef.inner, scheme) : undefined;
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name (no leading slash); the raw target for external ones. */
  target: string;
  external: boolean;
}

/** The `.rels` part that holds the relationships of `source` (`''` for the package's own). */
export function relsPartOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** The part a `.rels` part describes: `ppt/slides/_rels/slide1.xml.rels` → `ppt/slides/slide1.xml`. */
export function sourceOfRels(rels: string): string {
  return rels.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
}

const relationshipCache = new WeakMap<PackageModel, Map<string, Map<string, Relationship>>>();

/** Relationships of `source` by id (read once per package). */
export function relationshipTargets(pkg: PackageModel, source: string): Map<string, Relationship> {
  let cache = relationshipCache.get(pkg);
  if (!cache) relationshipCache.set(pkg, (cache = new Map()));
  let found = cache.get(source);
  if (!found) cache.set(source, (found = readRelationships(pkg, source)));
  return found;
}

function readRelationships(pkg: PackageModel, source: string): Map<string, Relationship> {
  const slash = source.lastIndexOf('/');
  const folder = source.slice(0, slash + 1);
  const found = new Map<string, Relationship>();
  for (const rel of elements(pkg.xml.get(relsPartOf(source)) ?? '', 'Relationship')) {
    const id = attr(rel.attributes, 'Id') ?? '';
    const raw = attr(rel.attributes, 'Target') ?? '';
    const external = attr(rel.attributes, 'TargetMode') === 'External';
    found.set(id, { id, type: attr(rel.attributes, 'Type') ?? '', target: external ? raw : resolvePart(folder, raw), external });
  }
  return found;
}

function firstTarget(pkg: PackageModel, source: string, typeSuffix: string): string | undefined {
  for (const rel of relationshipTargets(pkg, source).values()) if (!rel.external && rel.type.endsWith(typeSuffix)) return rel.target;
  return undefined;
}

function officeDocument(pkg: PackageModel): string {
  return firstTarget(pkg, '', '/officeDocument') ?? 'ppt/presentation.xml';
}

/** A relationship target relative to `folder` → part name; `%20` and friends decoded. */
export function resolvePart(folder: string, target: string): string {
  const path = target.split('#')[0] ?? '';
  const segments = (path.startsWith('/') ? path.slice(1) : folder + path).split('/');
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === '..') resolved.pop();
    else if (segment !== '.' && segment !== '') resolved.push(safeDecode(segment));
  }
  return resolved.join('/');
}

function safeDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
