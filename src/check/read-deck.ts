/**
 * A .pptx's bytes → the model the rules check: slides in presentation order with their
 * elements and backgrounds, plus the package's XML parts. Media are listed, never inflated.
 */
import {
  firstTarget,
  officeDocument,
  type OpcPackage,
  type PartReader,
  partRoot,
  readPackage,
  relationships,
} from '../ooxml/package.js';
import { attr, child, children, numberAttr, path, textContent, type XmlElement } from '../ooxml/xml.js';
import { EMU_PER_INCH } from '../units.js';
import { colorIn, fillIn, readColorScheme, type ColorScheme } from '../ooxml/colors.js';
import { readSlideElements } from './read-slide.js';
import { backgroundLayer, layersOf } from './backdrop.js';
import { backgroundPaint, type Paint } from '../ooxml/paint.js';
import { inheritance } from './inherit-placeholders.js';
import type { BodyPlaces } from '../layout/content-area.js';
import type { DeckModel, ElementModel, PackageModel, ShapeModel, SlideModel } from './types.js';
import type { KeptReading, SlideOwn, StoredReadings } from './reading-store.js';
import { hashOfTexts } from '../io/hashed-store.js';
import { serialize } from 'node:v8';

/** pptxgenjs's default and PowerPoint's: 16:9 at 13.333 × 7.5 in. */
const DEFAULT_SIZE = { w: 13.333, h: 7.5 };

/** The model of a .pptx's bytes, or of a package the build hands over already read and parsed. */
export function readDeck(source: Uint8Array | OpcPackage): DeckModel {
  const pkg = source instanceof Uint8Array ? readPackage(source) : source;
  const presentationPart = officeDocument(pkg);
  const presentation = partRoot(pkg, presentationPart);
  const sldSz = child(presentation, 'p:sldSz');
  const cx = numberAttr(sldSz, 'cx');
  const cy = numberAttr(sldSz, 'cy');
  const size = cx && cy ? { w: cx / EMU_PER_INCH, h: cy / EMU_PER_INCH } : DEFAULT_SIZE;
  const targets = relationships(pkg, presentationPart);
  const slideParts = children(child(presentation, 'p:sldIdLst'), 'p:sldId')
    .map((s) => targets.get(attr(s, 'r:id') ?? '')?.target)
    .filter((part): part is string => part !== undefined && pkg.xml.has(part));
  const read: ReadParts = { schemes: new Map(), art: new Map(), own: readAsParsed.get(pkg)?.own ?? new Map() };
  const slides = slideParts.map((part, i) => readSlide(pkg, part, i + 1, read, size));
  contentPlaces(slides);
  const language = textContent(child(partRoot(pkg, 'docProps/core.xml'), 'dc:language')).trim();
  return { size, slides, package: pkg, ...(language ? { language } : {}) };
}

/** What the slides of a deck share, read once: each master's colour scheme, and each layout's and master's art. */
interface ReadParts {
  schemes: Map<string, ColorScheme>;
  /** Why: a template's master (Yellow Idea's: 80 KB of shapes) was read again for every slide on it. */
  art: Map<string, ElementModel[]>;
  /** What was read of slides' own trees as they were parsed (`slideReader`), each taken once. */
  own: Map<string, SlideOwn>;
}

/** What `slideReader` read of each package, kept with it for `readDeck`. */
const readAsParsed = new WeakMap<OpcPackage, ReadParts>();

function readAsParsedOf(pkg: OpcPackage): ReadParts {
  let read = readAsParsed.get(pkg);
  if (!read) readAsParsed.set(pkg, (read = { schemes: new Map(), art: new Map(), own: new Map() }));
  return read;
}

const SLIDE_PART = /^ppt\/slides\/slide\d+\.xml$/;

/**
 * Reads each slide of a package as the finishing stage parses it (ooxml/package.ts readPartsOnce),
 * for `readDeck` after; the slide's tree is then let go. A 1,000-row deck's slide trees were all
 * held from the finishing stage to the end of the check, the most the build held at once.
 */
export const slideReader: PartReader = {
  wants: (part) => SLIDE_PART.test(part),
  read: (pkg, part) => {
    const read = readAsParsedOf(pkg);
    read.own.set(part, readOwn(pkg, part, read));
  },
};

/**
 * `slideReader` that recalls the slides earlier builds read (reading-store.ts) and keeps those it
 * reads. A reading is kept serialised at once: `readDeck` changes the elements it takes
 * (inherit-placeholders.ts), and the next build must find them as read.
 */
export function slideReaderKeeping(
  readings: StoredReadings,
  { readsAgain = false } = {},
): PartReader & { stats: { recalled: number; read: number } } {
  const keys = new WeakMap<OpcPackage, Map<string, string>>();
  const stats = { recalled: 0, read: 0 };
  return {
    stats,
    wants: slideReader.wants,
    readsAgain,
    recall: (pkg, part) => {
      const key = readingKey(pkg, part);
      if (key === undefined) return undefined;
      const kept = readings.find(key);
      if (kept) {
        stats.recalled++;
        readAsParsedOf(pkg).own.set(part, kept.own);
        return kept.facts;
      }
      let ofPackage = keys.get(pkg);
      if (!ofPackage) keys.set(pkg, (ofPackage = new Map()));
      ofPackage.set(part, key);
      return undefined;
    },
    read: (pkg, part, facts) => {
      const read = readAsParsedOf(pkg);
      const own = readOwn(pkg, part, read);
      read.own.set(part, own);
      stats.read++;
      const key = keys.get(pkg)?.get(part);
      if (key !== undefined) readings.keep(key, serialize({ own, facts } satisfies KeptReading));
    },
  };
}

/** Each context part's hash, by package and part name: a deck's slides share a few layouts, masters and themes. */
const contextHashes = new WeakMap<OpcPackage, Map<string, string | undefined>>();

/**
 * What a slide's reading (`readOwn`) depends on, hashed: its text, and the texts of its layout,
 * master and theme (the reading takes the master's colour map and the theme's colours and
 * background fills; the layout is not read, but names the master). Undefined when a text holds a
 * lone surrogate (io/hashed-store.ts `hashOfTexts`): that slide is read anew.
 */
function readingKey(pkg: OpcPackage, part: string): string | undefined {
  const text = pkg.xml.get(part);
  if (!text) return undefined;
  const layout = firstTarget(pkg, part, '/slideLayout');
  const master = layout ? firstTarget(pkg, layout, '/slideMaster') : undefined;
  const theme = master ? firstTarget(pkg, master, '/theme') : undefined;
  let hashes = contextHashes.get(pkg);
  if (!hashes) contextHashes.set(pkg, (hashes = new Map()));
  const context: string[] = [];
  for (const p of [layout, master, theme]) {
    if (p === undefined) {
      context.push('none');
      continue;
    }
    if (!hashes.has(p)) hashes.set(p, hashOfTexts(pkg.xml.get(p) ?? ''));
    const hash = hashes.get(p);
    if (hash === undefined) return undefined;
    context.push(hash);
  }
  return hashOfTexts('slide reading', text, ...context);
}

/** A slide's elements as `slideReader` read them, before `readDeck` takes them; undefined when not read so. */
export function elementsReadAsParsed(pkg: OpcPackage, part: string): readonly ElementModel[] | undefined {
  return readAsParsed.get(pkg)?.own.get(part)?.elements;
}

/** The slide's layout, master and scheme, and the master's theme. */
function slideContext(pkg: PackageModel, part: string, { schemes }: ReadParts) {
  const layout = firstTarget(pkg, part, '/slideLayout');
  const master = layout ? firstTarget(pkg, layout, '/slideMaster') : undefined;
  const theme = master ? firstTarget(pkg, master, '/theme') : undefined;
  let scheme = schemes.get(master ?? '');
  if (!scheme) {
    scheme = readColorScheme(partRoot(pkg, theme ?? ''), partRoot(pkg, master ?? ''));
    schemes.set(master ?? '', scheme);
  }
  return { layout, master, scheme, themeRoot: partRoot(pkg, theme ?? '') };
}

function readOwn(pkg: PackageModel, part: string, read: ReadParts): SlideOwn {
  const { scheme, themeRoot } = slideContext(pkg, part, read);
  const root = partRoot(pkg, part);
  return {
    elements: readSlideElements(root, scheme),
    background: backgroundOf(root, scheme),
    paint: backgroundPaint(root, scheme, themeRoot),
  };
}

/** The slide's own reading: the one taken as it was parsed, once (its elements are the model's, changed by it), else read now. */
function slideOwn(pkg: PackageModel, part: string, read: ReadParts): SlideOwn {
  const own = read.own.get(part);
  if (!own) return readOwn(pkg, part, read);
  read.own.delete(part);
  return own;
}

function readSlide(
  pkg: PackageModel,
  part: string,
  number: number,
  read: ReadParts,
  size: { w: number; h: number },
): SlideModel & { layoutPlaces: LayoutPlaces } {
  const { layout, master, scheme, themeRoot } = slideContext(pkg, part, read);
  const { elements, background: ownBackground, paint: ownPaint } = slideOwn(pkg, part, read);
  const own = [ownBackground, ...[layout, master].map((p) => backgroundOf(partRoot(pkg, p ?? ''), scheme))].find(
    (c) => c !== undefined,
  );
  const background = (own === null ? undefined : own) ?? scheme.get('bg1') ?? 'FFFFFF';
  // A layout's (and so its master's) scheme is the same for every slide on it: its art is read once.
  const art = (p: string | undefined) => {
    let found = read.art.get(p ?? '');
    if (!found) {
      found = readSlideElements(partRoot(pkg, p ?? ''), scheme).filter((e) => e.kind !== 'shape' || !e.placeholder);
      read.art.set(p ?? '', found);
    }
    return found;
  };
  const layoutRoot = partRoot(pkg, layout ?? '');
  // showMasterSp="0" on the layout (or slide) hides the master's art.
  const masterArt = attr(layoutRoot, 'showMasterSp') === '0' ? [] : art(master);
  const layoutArt = art(layout);
  const paints: Array<[string | undefined, Paint | null | undefined]> = [
    [part, ownPaint],
    ...[layout, master].map((p): [string | undefined, Paint | null | undefined] => [
      p,
      backgroundPaint(partRoot(pkg, p ?? ''), scheme, themeRoot),
    ]),
  ];
  const [bgPart, paint] = paints.find(([, p]) => p !== undefined) ?? [undefined, undefined];
  const backdrop = [
    backgroundLayer(size, paint, scheme.get('bg1') ?? 'FFFFFF', mediaOf(pkg, bgPart)),
    ...layersOf(masterArt, mediaOf(pkg, master)),
    ...layersOf(layoutArt, mediaOf(pkg, layout)),
  ];
  const inherited = inheritance(layoutRoot, partRoot(pkg, master ?? ''), scheme, size);
  inherited.apply(elements.filter((e): e is ShapeModel => e.kind === 'shape'));
  const { places, bodies, cover } = inherited.places();
  const masterBody = inherited.places(true).places;
  return {
    number,
    part,
    background,
    textColor: scheme.get('tx1') ?? '000000',
    elements,
    behind: [...masterArt, ...layoutArt],
    backdrop,
    ...(own === null ? { backgroundUnknown: true } : {}),
    templateMargins: inherited.margins,
    layoutPlaces: { bodies, cover, ...(places ? { places } : {}), ...(masterBody ? { master: masterBody } : {}) },
  };
}

/**
 * Slides on a layout without a body place (title only, blank) take the content layout's places:
 * placement lays every content slide out in that layout's body (template/template-design.ts
 * `templateContentArea`). It is the layout of one body place most of the deck's slides use, else
 * the master's body place (a deck whose slides all hold diagrams; Piano's master has a smaller one).
 */
function contentPlaces(slides: (SlideModel & { layoutPlaces?: LayoutPlaces })[]): void {
  const count = new Map<string, { places: BodyPlaces; n: number }>();
  for (const s of slides) {
    const own = s.layoutPlaces;
    if (own?.bodies !== 1 || !own.places) continue;
    const key = JSON.stringify(own.places);
    count.set(key, { places: own.places, n: (count.get(key)?.n ?? 0) + 1 });
  }
  const content = [...count.values()].reduce<{ places: BodyPlaces; n: number } | undefined>(
    (a, b) => (!a || b.n > a.n ? b : a),
    undefined,
  )?.places;
  for (const s of slides) {
    const own = s.layoutPlaces;
    delete s.layoutPlaces;
    const places = own?.bodies === 0 && !own.cover ? (content ?? own.master) : own?.places;
    if (places) s.places = places;
  }
}

/** A slide's layout's places as read (inherit-placeholders.ts `places`), until contentPlaces decides. */
interface LayoutPlaces {
  bodies: number;
  cover: boolean;
  places?: BodyPlaces;
  master?: BodyPlaces;
}

/** A picture's relationship id in `source` → its media part (internal targets only). */
export function mediaOf(pkg: PackageModel, source: string | undefined): (embed: string) => string | undefined {
  return (embed) => {
    const rel = source ? relationships(pkg, source).get(embed) : undefined;
    return rel && !rel.external ? rel.target : undefined;
  };
}

/**
 * `p:cSld/p:bg`: a solid `p:bgPr` fill or the colour of a `p:bgRef` (whose index ≥ 1001 names a
 * picture or gradient of the theme); null for a picture or gradient; undefined when the part has none.
 */
function backgroundOf(root: XmlElement | undefined, scheme: ColorScheme): string | null | undefined {
  const bg = path(root, 'p:cSld', 'p:bg');
  if (!bg) return undefined;
  const bgPr = child(bg, 'p:bgPr');
  if (bgPr) return fillIn(bgPr, scheme) ?? null;
  const ref = child(bg, 'p:bgRef');
  if ((numberAttr(ref, 'idx') ?? 0) > 1001) return null;
  return colorIn(ref, scheme);
}
