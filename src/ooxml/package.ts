/**
 * An OPC package (.pptx, .potx) as the readers see it: part names, the XML parts decoded
 * and parsed on demand, and relationships resolved to part names. One module for `trappa
 * check`, the finishing stage's checks and the tests, so they agree on what a package says.
 */
import { strFromU8, unzipSync } from 'fflate';
import { BoundedCache } from '../bounded-cache.js';
import { attr, children, parseXml, XmlSyntaxError, type XmlElement } from './xml.js';
import { FactsWatcher, type PartFacts } from './part-facts.js';

export type { PartFacts } from './part-facts.js';

export interface OpcPackage {
  /** Every part name in the zip (no leading slash), folders excluded. */
  parts: string[];
  /** Decoded text of the XML parts (`.xml`, `.rels`); media are listed, never inflated. */
  xml: Map<string, string>;
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name (no leading slash); the raw target for external ones. */
  target: string;
  external: boolean;
}

const XML_PART = /(?:\.xml|\.rels)$/i;

/** True for the parts read as XML (`.xml`, `.rels`); everything else is media or binary. */
export const isXmlPart = (name: string): boolean => XML_PART.test(name);

/** @throws Error when the bytes are not a zip. */
export function readPackage(bytes: Uint8Array): OpcPackage {
  const parts: string[] = [];
  const inflated = unzipSync(bytes, {
    filter: (file) => {
      if (!file.name.endsWith('/')) parts.push(file.name);
      return isXmlPart(file.name);
    },
  });
  const xml = new Map<string, string>();
  for (const [name, data] of Object.entries(inflated)) if (!name.endsWith('/')) xml.set(name, strFromU8(data));
  return { parts, xml };
}

const EMPTY: XmlElement = { name: '#empty', attributes: {}, children: [] };

/** A part whose tree was let go once it was read (`readPartsOnce`): it was well-formed, and these were its facts. */
class LetGo {
  constructor(readonly facts: PartFacts) {}
}

type Parsed = XmlElement | XmlSyntaxError | LetGo;
const parsed = new WeakMap<OpcPackage, Map<string, Parsed>>();

function parsedOf(pkg: OpcPackage): Map<string, Parsed> {
  let cache = parsed.get(pkg);
  if (!cache) parsed.set(pkg, (cache = new Map()));
  return cache;
}

function parsedPart(pkg: OpcPackage, part: string, share = true): Parsed | undefined {
  const cache = parsedOf(pkg);
  let found = cache.get(part);
  if (found === undefined) {
    const text = pkg.xml.get(part);
    if (text === undefined) return undefined;
    found = parsedText(text, share);
    cache.set(part, found);
  }
  return found;
}

/**
 * Parsed parts by their text, across packages: the decks of one build share their master,
 * layouts and theme, and a rebuild (watch mode, the studio) most of its slides. The trees
 * are only ever read, so one can serve every package that holds the same text. Large parts
 * are left out; up to 4 M characters of parts are kept: a tree weighs ~10 bytes per character
 * of its text, so ~40 MB, which holds every part of the bundled project's decks (watch mode,
 * the studio) but not a 1,000-row plan's slides after its deck is done.
 */
const SHARED_CHARACTERS = 4 * 1024 * 1024;
const shared = new BoundedCache<string, XmlElement | XmlSyntaxError>(SHARED_CHARACTERS, (text) => text.length);
const MAX_SHARED_PART = 256 * 1024;

/**
 * `text` parsed, or why it is not well-formed; shared with every other reader of the same
 * text (a template's parts are checked when read, then read again for each deck), unless `share` is false.
 */
export function parsedText(text: string, share = true): XmlElement | XmlSyntaxError {
  const hit = shared.get(text);
  if (hit) return hit;
  let found: XmlElement | XmlSyntaxError;
  let watcher: FactsWatcher | undefined;
  try {
    found = parseXml(text, () => (watcher = new FactsWatcher()));
    factsOf.set(found, watcher!.facts);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    found = error;
  }
  if (share && text.length <= MAX_SHARED_PART) shared.set(text, found);
  return found;
}

/** Each parsed tree's facts, gathered as it was built (part-facts.ts); shared as the trees are. */
const factsOf = new WeakMap<XmlElement, PartFacts>();
const NO_FACTS: PartFacts = { relationshipIds: new Set(), shapeProperties: [] };

/** What the package check needs of a part (part-facts.ts); none for a part missing or not well-formed. */
export function partFacts(pkg: OpcPackage, part: string): PartFacts {
  const found = parsedPart(pkg, part);
  if (found instanceof LetGo) return found.facts;
  return (found instanceof XmlSyntaxError ? undefined : found && factsOf.get(found)) ?? NO_FACTS;
}

/** Takes what a later reader needs of some parts while their trees are there (`readPartsOnce`). */
export interface PartReader {
  wants(part: string): boolean;
  /**
   * The same parts will be read again soon (watch mode builds the deck again after an edit, and
   * most of its slides come back unchanged): they are shared when they fit half the shared cache.
   */
  readsAgain?: boolean;
  /**
   * Recalls what an earlier reading of `part` took (check/reading-store.ts), before any part of
   * `pkg` is parsed and while every text is there: the part's facts when the reader holds its
   * reading again, and the part is then neither parsed nor read; undefined to parse and read it.
   * Only a part that parsed well-formed is ever recalled, so its text (the key) is well-formed.
   */
  recall?(pkg: OpcPackage, part: string): PartFacts | undefined;
  /** Reads `part` of `pkg` (`partRoot` gives its tree, and any other part's); `facts` are the part's. */
  read(pkg: OpcPackage, part: string, facts: PartFacts): void;
}

/**
 * Parses every XML part of `pkg` once, in order; `reader` reads the parts it wants as they come
 * and their trees are let go at once. Afterwards `partSyntaxError` and `partFacts` still answer for
 * every part, `partRoot` for the others. A 1,000-row deck's slides are ~600,000 elements: held
 * for a check that reads each once, every one of them lived through the garbage collector's young
 * generation into the old, and every full collection marked them all again.
 *
 * The parts `reader` wants are shared (`parsedText`) only when they fit in the shared cache
 * together, with room to spare (a quarter of it): a 1,000-row deck's slides (9 M characters)
 * filled that cache, which empties itself when full, again and again. A rebuild found none of
 * them, the cache held ~40 slides' trees at any time, and it lost the template's parts that the
 * next deck reads. A reader that `readsAgain` (watch mode) shares up to half of it: a watch session on
 * a plan of ~110–220 rows (1–2 M characters of slides) parsed every slide again on each rebuild.
 *
 * A part `reader` recalls (`PartReader.recall`: the same text read before in the same context)
 * is not parsed at all: a rebuilt 1,000-row deck's unchanged slides were most of its parsing.
 *
 * @param releaseTexts let go of each part's text too, once it parsed (`releaseParsedText`)
 * @returns the parts that are not well-formed, and why
 */
export function readPartsOnce(
  pkg: OpcPackage,
  reader?: PartReader,
  { releaseTexts = false } = {},
): Map<string, XmlSyntaxError> {
  const cache = parsedOf(pkg);
  const wanted = reader ? [...pkg.xml.keys()].filter((part) => reader.wants(part)) : [];
  for (const part of wanted) {
    const facts = cache.has(part) ? undefined : reader!.recall?.(pkg, part);
    if (facts) cache.set(part, new LetGo(facts));
  }
  const characters = wanted.reduce((sum, part) => sum + (cache.has(part) ? 0 : (pkg.xml.get(part)?.length ?? 0)), 0);
  const share = characters <= SHARED_CHARACTERS / (reader?.readsAgain ? 2 : 4);
  const bad = new Map<string, XmlSyntaxError>();
  for (const part of [...pkg.xml.keys()]) {
    const wants = reader?.wants(part) === true;
    const found = parsedPart(pkg, part, share || !wants);
    if (found instanceof XmlSyntaxError) {
      bad.set(part, found);
      continue;
    }
    if (wants && found && !(found instanceof LetGo)) {
      const facts = factsOf.get(found) ?? NO_FACTS;
      reader!.read(pkg, part, facts);
      cache.set(part, new LetGo(facts));
    }
    if (releaseTexts) releaseParsedText(pkg, part);
  }
  return bad;
}

/**
 * Lets go of a parsed part's text: readers of a parsed package read its trees (`partRoot`,
 * `partSyntaxError`, `relationships`), and a 5,000-row deck's slides are ~100 MB of text beside
 * them. The part's name stays in `xml`; its text reads as '' afterwards. For packages whose
 * texts nobody reads again (the finishing stage's, as it checks them). False if not parsed.
 */
function releaseParsedText(pkg: OpcPackage, part: string): boolean {
  if (!parsed.get(pkg)?.has(part)) return false;
  pkg.xml.set(part, '');
  return true;
}

/**
 * The root element of an XML part, parsed once per package. A part that is missing gives
 * undefined; one that is not well-formed reads as empty (`partSyntaxError` says why, and
 * the package rule reports it), so one broken part does not hide the others' problems.
 */
export function partRoot(pkg: OpcPackage, part: string): XmlElement | undefined {
  const found = parsedPart(pkg, part);
  if (found instanceof LetGo) throw new Error(`${part}: its tree was let go once it was read (readPartsOnce)`);
  return found instanceof XmlSyntaxError ? EMPTY : found;
}

export function partSyntaxError(pkg: OpcPackage, part: string): XmlSyntaxError | undefined {
  const found = parsedPart(pkg, part);
  return found instanceof XmlSyntaxError ? found : undefined;
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

const relationshipCache = new WeakMap<OpcPackage, Map<string, Map<string, Relationship>>>();

/** Relationships of `source` by id (read once per package). */
export function relationships(pkg: OpcPackage, source: string): Map<string, Relationship> {
  let cache = relationshipCache.get(pkg);
  if (!cache) relationshipCache.set(pkg, (cache = new Map()));
  let found = cache.get(source);
  if (!found) cache.set(source, (found = readRelationships(pkg, source)));
  return found;
}

function readRelationships(pkg: OpcPackage, source: string): Map<string, Relationship> {
  const folder = source.slice(0, source.lastIndexOf('/') + 1);
  const found = new Map<string, Relationship>();
  for (const rel of children(partRoot(pkg, relsPartOf(source)), 'Relationship')) {
    const id = attr(rel, 'Id') ?? '';
    const raw = attr(rel, 'Target') ?? '';
    const external = attr(rel, 'TargetMode') === 'External';
    found.set(id, { id, type: attr(rel, 'Type') ?? '', target: external ? raw : resolvePart(folder, raw), external });
  }
  return found;
}

/** The target of the first internal relationship of `source` whose type ends in `typeSuffix`. */
export function firstTarget(pkg: OpcPackage, source: string, typeSuffix: string): string | undefined {
  for (const rel of relationships(pkg, source).values()) {
    if (!rel.external && rel.type.endsWith(typeSuffix)) return rel.target;
  }
  return undefined;
}

/** The main part: `ppt/presentation.xml` unless the package's relationships say otherwise. */
export function officeDocument(pkg: OpcPackage): string {
  return firstTarget(pkg, '', '/officeDocument') ?? 'ppt/presentation.xml';
}

/** A relationship target relative to `folder` → part name; `%20` and friends decoded. */
export function resolvePart(folder: string, target: string): string {
  const raw = target.split('#')[0] ?? '';
  const segments = (raw.startsWith('/') ? raw.slice(1) : folder + raw).split('/');
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
