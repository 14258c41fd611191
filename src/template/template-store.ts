/**
 * The project's store of read templates (`.cache/templates/`), beside its deflated parts and
 * decoded backdrops: reading a template — unzipping its parts, checking and parsing every master
 * and layout, renaming them into a deck's places — gives the same master set in every build
 * (Candy: 11 masters, 132 layouts, ~0.8 MB of XML, ~100 ms of CPU per build), so a later build
 * takes it from here. An entry is the set as `v8.serialize` writes it (its maps, byte arrays and
 * shared objects as they were), behind an HMAC-SHA256 of those bytes under a key of this user's
 * (`storeSecret`), kept outside every project.
 *
 * Why a key and not a checksum: a set's parts go into decks as they are, past the checks a
 * template from outside gets (no macros, no external or UNC links, no DTD). A project folder
 * handed over with its `.cache` could otherwise carry a crafted entry, keyed for the template it
 * also carries, that puts parts the template itself could never bring into every deck. An entry
 * this user's Trappa did not write fails the HMAC and is no entry, as a damaged one is; the other
 * stores hold nothing that could do this (`.cache/deflated` uses an entry only when it inflates
 * to exactly the part).
 *
 * The key is what decides the set: the template's bytes, the part limit they were read within,
 * V8's serialisation, and the code that read them (`TRAPPA_BUILD_ID`, a hash of Trappa's sources
 * and package files that scripts/build-dist.mjs writes into the bundle; run from source there is
 * none, and no store). An entry that does not read back whole — cut short, an HMAC that is not
 * this user's, bytes V8 cannot deserialise, a shape that is not a master set — is no entry: the
 * template is read again and the entry written anew. Writes are atomic (temporary file + rename) and best effort, as the other
 * caches' are; the folder keeps the MAX_ENTRIES newest. Deleting it is always safe.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LayoutInfo, LayoutRole, MasterSet } from '../pptx/master-set.js';
import { storeSecret } from '../io/store-secret.js';
import type { Raster } from '../images/decode-raster.js';
import type { PictureArtStore } from '../check/ground-art.js';
import type { LogoBand, LogoRows, Page } from '../layout/page.js';
import type { Box } from '../layout/types.js';
import { readRegularFile } from '../io/read-bounded.js';
import { writeFileWholeSync } from '../io/save-file.js';

/** The store's folder in a project. */
export const templateStoreDir = (projectRoot: string): string => path.join(projectRoot, '.cache', 'templates');

const FORMAT = 'trappa-template-store-1';
/** A project uses one template, or a few while its owner tries some: the newest 8 are kept (Candy's is 1.9 MB). */
const MAX_ENTRIES = 8;
const ENTRY = /^[0-9a-f]{64}\.set$/;

/** The entry's key, or undefined when this Trappa cannot say which code reads templates (run from source). */
export function templateStoreKey(
  bytes: Uint8Array,
  limit: number,
  build = process.env.TRAPPA_BUILD_ID,
): string | undefined {
  if (!build) return undefined;
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ FORMAT, build, v8: process.versions.v8, limit }));
  hash.update('\0');
  hash.update(bytes);
  return hash.digest('hex');
}

const entryPath = (dir: string, key: string): string => path.join(dir, `${key}.set`);

const MAC_BYTES = 32;

/** The HMAC of an entry: its store key too, so that an entry renamed to another key is no entry. */
const macOf = (secretKey: Buffer, key: string, payload: Uint8Array): Buffer =>
  createHmac('sha256', secretKey).update(`${key}\0`).update(payload).digest();

/** An entry's bytes as the store writes them under `key`: the HMAC under this user's key, then the payload. */
export function entryOf(key: string, payload: Uint8Array): Buffer | undefined {
  const secretKey = storeSecret();
  return secretKey ? Buffer.concat([macOf(secretKey, key, payload), payload]) : undefined;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isBox = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  ['x', 'y', 'w', 'h'].every((k) => Number.isFinite((v as Record<string, unknown>)[k]));

function isPlaces(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  return v.every(
    (p: Record<string, unknown>) =>
      typeof p === 'object' &&
      p !== null &&
      typeof p.type === 'string' &&
      typeof p.name === 'string' &&
      (p.idx === undefined || typeof p.idx === 'string') &&
      (p.box === undefined || isBox(p.box)),
  );
}

/** What `readTemplate` returns, as far as a reader relies on it: anything else is a damaged entry. */
function isMasterSet(v: unknown): v is MasterSet {
  if (typeof v !== 'object' || v === null) return false;
  const set = v as Record<string, unknown>;
  const { parts, masters, layouts, size, scheme, fonts, contentTypes, shown } = set;
  if (!(parts instanceof Map) || !(scheme instanceof Map)) return false;
  for (const [name, bytes] of parts) if (typeof name !== 'string' || !(bytes instanceof Uint8Array)) return false;
  if (!isStringArray(masters) || !masters.every((m) => parts.has(m))) return false;
  if (!Array.isArray(layouts)) return false;
  const layoutsOk = layouts.every(
    (l: Record<string, unknown>) =>
      typeof l === 'object' &&
      l !== null &&
      typeof l.name === 'string' &&
      typeof l.type === 'string' &&
      typeof l.part === 'string' &&
      parts.has(l.part) &&
      isPlaces(l.placeholders) &&
      (l.masterPlaces === undefined || isPlaces(l.masterPlaces)),
  );
  const sizeOk =
    typeof size === 'object' &&
    size !== null &&
    Number.isFinite((size as { w: unknown }).w) &&
    Number.isFinite((size as { h: unknown }).h);
  const fontsOk =
    typeof fonts === 'object' &&
    fonts !== null &&
    typeof (fonts as { major: unknown }).major === 'string' &&
    typeof (fonts as { minor: unknown }).minor === 'string';
  const typesOk =
    contentTypes === undefined ||
    (typeof contentTypes === 'object' &&
      contentTypes !== null &&
      (contentTypes as { overrides: unknown }).overrides instanceof Map &&
      (contentTypes as { defaults: unknown }).defaults instanceof Map);
  return layoutsOk && sizeOk && fontsOk && typesOk && (shown === undefined || isStringArray(shown));
}

/**
 * The set stored under `key`, or undefined when there is none or it does not read back whole. An
 * entry over `maxBytes` is not read at all: a set holds at most what the reading's budget let in
 * (twice the template part limit), so a larger file is not one this store wrote.
 */
export function storedTemplate(dir: string, key: string, maxBytes = Number.POSITIVE_INFINITY): MasterSet | undefined {
  const set = storedValue(dir, key, maxBytes);
  return isMasterSet(set) ? set : undefined;
}

/**
 * The store of built-in designs (`.cache/built-in/`): the master set Trappa's own design makes from
 * theme.yaml, the page and a deck's footer and date, with the layouts chosen on it. Writing its
 * parts, parsing them back and choosing the layouts was ~10 ms of a cold build's first deck, every
 * build, for the same set. Its entries are signed and read as a template's are (its parts go into
 * decks as they are); a set whose layouts are not the set's own is no entry.
 */
export const builtInStoreDir = (projectRoot: string): string => path.join(projectRoot, '.cache', 'built-in');

/** The key of a built-in set made from `design` (what it is made of, as text), or undefined run from source. */
export function builtInStoreKey(design: string, build = process.env.TRAPPA_BUILD_ID): string | undefined {
  if (!build) return undefined;
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ FORMAT, kind: 'built-in', build, v8: process.versions.v8 }));
  hash.update('\0');
  hash.update(design);
  return hash.digest('hex');
}

/** A built-in set and the layout chosen on it for each role. */
export interface StoredDesign {
  set: MasterSet;
  layouts: Record<LayoutRole, LayoutInfo>;
}

/** A built-in design's set is at most tens of KB; a larger entry is not one this store wrote. */
const BUILT_IN_MAX_BYTES = 4 * 1024 * 1024;

/** The built-in design stored under `key`, or undefined when there is none or it does not read back whole. */
export function storedDesign(dir: string, key: string, roles: readonly LayoutRole[]): StoredDesign | undefined {
  const value = storedValue(dir, key, BUILT_IN_MAX_BYTES) as Partial<StoredDesign> | undefined;
  if (typeof value !== 'object' || value === null || !isMasterSet(value.set)) return undefined;
  const { set, layouts } = value;
  if (typeof layouts !== 'object' || layouts === null) return undefined;
  // The very layout objects of the set (V8's serialisation keeps shared objects shared), one for every role.
  const chosen = Object.keys(layouts);
  const whole = chosen.length === roles.length && roles.every((role) => set.layouts.includes(layouts[role]));
  return whole ? { set, layouts } : undefined;
}

/** Keeps a built-in design under `key` (before a deck adds anything to it), and the newest BUILT_IN_ENTRIES. */
export function storeDesign(dir: string, key: string, design: StoredDesign): void {
  storeValue(dir, key, design, BUILT_IN_ENTRIES);
}

/** A project's decks have a design each only when their footers or dates differ: 16 is several builds' worth. */
const BUILT_IN_ENTRIES = 16;

/** Something worked out from a template's set alone and kept beside it: what an earlier build found, and keeping it. */
export interface Kept<T> {
  get(): T | undefined;
  keep(value: T): void;
}

/**
 * A value kept in `templateDir/folder/` under the set's key and `inputs` (all else it depends on),
 * signed as every entry is; an entry that `isValue` refuses is no entry. Each folder keeps its
 * `entries` newest: a few templates' and theme.yaml's worth.
 */
function keptBeside<T>(
  templateDir: string,
  folder: string,
  templateKey: string,
  inputs: unknown,
  isValue: (v: unknown) => v is T,
  { entries, maxBytes } = { entries: KEPT_ENTRIES, maxBytes: KEPT_MAX_BYTES },
): Kept<T> {
  const dir = path.join(templateDir, folder);
  const key = createHash('sha256').update(JSON.stringify({ FORMAT, folder, templateKey, inputs })).digest('hex');
  return {
    get() {
      const value = storedValue(dir, key, maxBytes);
      return isValue(value) ? value : undefined;
    },
    keep: (value) => storeValue(dir, key, value, entries),
  };
}

/** A few boxes or part names; a larger entry is not one this store wrote. */
const KEPT_MAX_BYTES = 64 * 1024;
const KEPT_ENTRIES = 16;

/**
 * The layouts chosen on a template (choose-layouts.ts), kept beside its set (`layouts/`) under
 * theme.yaml's layout names and the wish for numbers: the choice is a function of those and the set
 * alone. An entry is the chosen layouts' part names, one for every role; one naming parts that are not
 * the set's layouts is ignored by the chooser.
 */
export function keptChoice(
  templateDir: string,
  templateKey: string,
  names: Partial<Record<LayoutRole, string>>,
  numbers: boolean,
  roles: readonly LayoutRole[],
): Kept<Record<LayoutRole, string>> {
  const isChoice = (v: unknown): v is Record<LayoutRole, string> =>
    typeof v === 'object' &&
    v !== null &&
    Object.keys(v).length === roles.length &&
    roles.every((r) => typeof (v as Record<string, unknown>)[r] === 'string');
  return keptBeside(templateDir, 'layouts', templateKey, { names, numbers }, isChoice);
}

const isBand = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && isBox((v as LogoBand).band) && typeof (v as LogoBand).backing === 'boolean';
const isLogoRows = (v: unknown): v is LogoRows =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as LogoRows).rows) &&
  (v as LogoRows).rows.every(isBand) &&
  isBand((v as LogoRows).fallback) &&
  typeof (v as LogoRows).fallback.onArt === 'boolean';

/** picturesHash's answers by picture map: a deck's looks, logo rows and content ground ask of the same map. */
const picturesHashes = new WeakMap<ReadonlyMap<string, Raster>, string>();

/** The decoded pictures' content (media part, size, pixels): what a look samples besides the set's parts. */
function picturesHash(pictures: ReadonlyMap<string, Raster> | undefined): string {
  const known = pictures && picturesHashes.get(pictures);
  if (known) return known;
  const hash = createHash('sha256');
  for (const media of [...(pictures?.keys() ?? [])].sort()) {
    const { width, height, data } = pictures!.get(media)!;
    hash.update(`${media}\0${width}x${height}\0`).update(data);
  }
  const hex = hash.digest('hex');
  if (pictures) picturesHashes.set(pictures, hex);
  return hex;
}

/**
 * Where the cover may put the logos (logo-band.ts), kept beside the set (`logos/`) under the cover
 * layout, its title's box and the decoded pictures (their pixels, hashed: a picture decoded otherwise,
 * or not at all, is another entry). Finding them samples ~170,000 points of Candy's photo.
 */
export function keptRows(
  templateDir: string,
  templateKey: string,
  cover: string,
  title: Box,
  pictures: ReadonlyMap<string, Raster> | undefined,
): Kept<LogoRows> {
  const inputs = { cover, title: [title.x, title.y, title.w, title.h], pictures: picturesHash(pictures) };
  return keptBeside(templateDir, 'logos', templateKey, inputs, isLogoRows);
}

/**
 * The art found in a template's picture at a placing (check/ground-art.ts), kept in `.cache/templates/art/`
 * under the picture's pixels (hashed), the placing (its box, crop and shape, as JSON) and the code that
 * finds it: Candy's photos are searched for art point by point (~30 ms of a build). Signed as every
 * entry; an entry that is not boxes is no entry. None run from source.
 */
export function keptPictureArt(projectRoot: string, build = process.env.TRAPPA_BUILD_ID): PictureArtStore | undefined {
  if (!build) return undefined;
  const dir = path.join(templateStoreDir(projectRoot), 'art');
  const pixels = new WeakMap<Raster, string>();
  const keyOf = (raster: Raster, placing: string) => {
    let hash = pixels.get(raster);
    if (!hash) {
      const { width, height, data } = raster;
      pixels.set(raster, (hash = createHash('sha256').update(`${width}x${height}\0`).update(data).digest('hex')));
    }
    return createHash('sha256')
      .update(JSON.stringify({ FORMAT, kind: 'art', build, v8: process.versions.v8, hash, placing }))
      .digest('hex');
  };
  const isBoxes = (v: unknown): v is Box[] => Array.isArray(v) && v.every(isBox);
  return {
    get(raster, placing) {
      const value = storedValue(dir, keyOf(raster, placing), KEPT_MAX_BYTES);
      return isBoxes(value) ? value : undefined;
    },
    keep: (raster, placing, boxes) => storeValue(dir, keyOf(raster, placing), boxes, KEPT_ENTRIES),
  };
}

/** The colours most of the content layout's content area lies on (deck-design.ts contentGround); null: not known. */
export interface ContentGround {
  behind: string[] | null;
}

const isGround = (v: unknown): v is ContentGround =>
  typeof v === 'object' &&
  v !== null &&
  ((v as ContentGround).behind === null || isStringArray((v as ContentGround).behind));

/**
 * What the content layout's text lies on (deck-design.ts contentGround), kept beside the set (`grounds/`)
 * under the layout and the decoded pictures. Working it out reads the layout's whole look (its master
 * and theme parsed, its art and background read): Yellow_Idea's ~80 ms and Forestbird's ~120 ms of CPU
 * in a build whose decks are all reused, which needs nothing else of the look.
 */
export function keptGround(
  templateDir: string,
  templateKey: string,
  layout: string,
  pictures: ReadonlyMap<string, Raster> | undefined,
): Kept<ContentGround> {
  return keptBeside(templateDir, 'grounds', templateKey, { layout, pictures: picturesHash(pictures) }, isGround);
}

/** What a template decides of a deck's page (template-design.ts templatePage): everything else is the page's own. */
export type TemplatePlaces = Pick<Page, 'size' | 'title' | 'body' | 'footer' | 'template'>;

/** Numbers, strings, booleans, and arrays and plain objects of them: what the template's places are made of. */
function isPlainData(v: unknown, depth = 0): boolean {
  if (depth > 12) return false;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string' || typeof v === 'boolean' || v === undefined) return true;
  if (Array.isArray(v)) return v.every((e) => isPlainData(e, depth + 1));
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.values(v).every((e) => isPlainData(e, depth + 1));
}

const isTemplatePlaces = (v: unknown): v is TemplatePlaces => {
  if (typeof v !== 'object' || v === null || !isPlainData(v)) return false;
  const { size, title, body, footer, template, ...rest } = v as Record<string, unknown>;
  const cover = (template as { cover?: { title?: unknown; subtitle?: unknown } } | undefined)?.cover;
  return (
    Object.keys(rest).length === 0 &&
    typeof size === 'object' &&
    size !== null &&
    Number.isFinite((size as { w: unknown }).w) &&
    Number.isFinite((size as { h: unknown }).h) &&
    [title, body, footer].every(isBox) &&
    typeof template === 'object' &&
    template !== null &&
    isBox(cover?.title) &&
    isBox(cover?.subtitle)
  );
};

/**
 * The template's places on a deck's page (template-design.ts templatePage), kept beside the set (`places/`)
 * under `inputs` (the layouts and the page's own boxes, as JSON) and the decoded pictures: working them out
 * reads the content and cover layouts' looks (their masters parsed, art read), which a build after an
 * edit, its texts' looks kept (`looks/`), needs for nothing else.
 */
export function keptPlaces(
  templateDir: string,
  templateKey: string,
  inputs: string,
  pictures: ReadonlyMap<string, Raster> | undefined,
): Kept<TemplatePlaces> {
  const key = { inputs, pictures: picturesHash(pictures) };
  return keptBeside(templateDir, 'places', templateKey, key, isTemplatePlaces, PLACES_ENTRIES);
}

/** A page's places hold the template's art boxes: a few KB, up to some hundreds for busy art. */
const PLACES_ENTRIES = { entries: 16, maxBytes: 1024 * 1024 };

/** A text's look on a layout (legible-colors.ts textSlot): its question (JSON) and the answer, null for none. */
export type SlotAnswers = Array<[string, TextSlotLook | null]>;
interface TextSlotLook {
  color?: string;
  panel?: string;
  panelAlpha?: number;
  highlight?: { slot: string; bullet: string };
}

const optional = (v: unknown, type: string) => v === undefined || typeof v === type;
const isSlotLook = (v: unknown): v is TextSlotLook => {
  if (typeof v !== 'object' || v === null) return false;
  const { color, panel, panelAlpha, highlight, ...rest } = v as Record<string, unknown>;
  const h = highlight as { slot?: unknown; bullet?: unknown } | undefined;
  return (
    Object.keys(rest).length === 0 &&
    optional(color, 'string') &&
    optional(panel, 'string') &&
    optional(panelAlpha, 'number') &&
    (h === undefined ||
      (typeof h === 'object' && h !== null && typeof h.slot === 'string' && typeof h.bullet === 'string'))
  );
};
const isSlotAnswers = (v: unknown): v is SlotAnswers =>
  Array.isArray(v) &&
  v.every((a) => Array.isArray(a) && a.length === 2 && typeof a[0] === 'string' && (a[1] === null || isSlotLook(a[1])));

/**
 * The text looks a layout of the template gave (layout-looks.ts), kept beside the set (`looks/`) under
 * the layout and the decoded pictures: each answer samples what lies under the text (thousands of
 * points over Candy's photo) for a question that says all else it depends on. A build keeps the
 * answers it asked for, so texts no longer there drop out.
 */
export function keptSlotAnswers(
  templateDir: string,
  templateKey: string,
  layout: string,
  pictures: ReadonlyMap<string, Raster> | undefined,
): Kept<SlotAnswers> {
  const inputs = { layout, pictures: picturesHash(pictures) };
  return keptBeside(templateDir, 'looks', templateKey, inputs, isSlotAnswers, LOOK_ENTRIES);
}

/** A few templates' layouts; a build's answers for one layout are tens of KB. */
const LOOK_ENTRIES = { entries: 64, maxBytes: 8 * 1024 * 1024 };

/** What is stored under `key` as V8 wrote it, when this user's Trappa wrote it whole; else undefined. */
function storedValue(dir: string, key: string, maxBytes: number): unknown {
  try {
    // Synchronous: read on every build, and one call costs less CPU than libuv's pool.
    const secretKey = storeSecret();
    if (!secretKey) return undefined;
    // A regular file within the limit only: `.cache` may hold a link to /dev/zero or a FIFO (io/read-bounded.ts).
    const file = readRegularFile(entryPath(dir, key), maxBytes);
    if (!file || file.length < MAC_BYTES) return undefined;
    const payload = file.subarray(MAC_BYTES);
    // Before deserialising: bytes this user's Trappa did not write are never handed to V8.
    if (!timingSafeEqual(file.subarray(0, MAC_BYTES), macOf(secretKey, key, payload))) return undefined;
    return deserialize(payload);
  } catch {
    return undefined;
  }
}

/** Keeps `set` under `key` (before anything is added to it: pictures and tints are a deck's), and the newest MAX_ENTRIES. */
export function storeTemplate(dir: string, key: string, set: MasterSet): void {
  storeValue(dir, key, set, MAX_ENTRIES);
}

/** Writes `value` under `key`, signed, and keeps the `entries` newest. */
function storeValue(dir: string, key: string, value: unknown, entries: number): void {
  const target = entryPath(dir, key);
  try {
    const entry = entryOf(key, serialize(value));
    if (!entry) return;
    writeFileWholeSync(target, entry);
    keepNewest(dir, key, entries);
  } catch {
    // A project folder the user may not write to costs the next build the reading, never this one.
  }
}

/** Removes `file` if it is there; a path that cannot hold it (a file where a folder should be) holds nothing to remove. */
function forget(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // ENOTDIR, EACCES: nothing of ours is there, or nothing can be done about it.
  }
}

/** Removes all but the `entries` newest entries (the one just written always stays). */
function keepNewest(dir: string, kept: string, entries: number): void {
  const names = readdirSync(dir);
  const older = names
    .filter((n) => ENTRY.test(n) && n !== `${kept}.set`)
    .map((n) => ({ n, at: statSync(path.join(dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.at - a.at);
  for (const { n } of older.slice(entries - 1)) forget(path.join(dir, n));
}
