/**
 * The project's store of slides as the check read them (`.cache/read/slides.store`): for each
 * slide part of the last builds' decks, what the build's check took of it as the finishing stage
 * parsed it (read-deck.ts `slideReader`: its elements, background and paint) and the part's facts
 * (ooxml/part-facts.ts), kept by the SHA-256 of the slide's text and of its layout's, master's and
 * theme's (read-deck.ts `readingKey`). A rebuild after an edit of one sentence finishes most slides
 * to the very text of the last build, and parsing and reading them again was most of the
 * finishing stage and its garbage (issue #27: 267 ms of saxes and ~700 ms of collection in a
 * 1,000-row deck's 2.6 s); a slide found here is neither parsed nor read.
 *
 * What is kept is the check's claim about the deck, so the file is proven as the other stores of
 * Trappa's own work are (io/hashed-store.ts: this user's key, this build of Trappa, whose code read
 * them, and its V8); an entry that does not read as a reading is none. Each slide gets a reading of
 * its own (`readDeck` changes the elements it takes): two slides of the same XML, in one deck or in
 * two decks of one build, are each deserialised. Deleting the folder is always safe.
 */
import path from 'node:path';
import type { PartFacts } from '../ooxml/package.js';
import type { Aged } from '../io/proven-store.js';
import { HashedEntries, type HashedStoreFile, loadHashedStore, saveHashedStore } from '../io/hashed-store.js';
import type { ElementModel } from './types.js';
import type { Paint } from '../ooxml/paint.js';

/** What the model takes from a slide's own part: its elements and its background. */
export interface SlideOwn {
  elements: ElementModel[];
  /** `backgroundOf` the slide part. */
  background: string | null | undefined;
  /** `backgroundPaint` of the slide part. */
  paint: Paint | null | undefined;
}

/** A slide part's reading and its facts, as kept. */
export interface KeptReading {
  own: SlideOwn;
  facts: PartFacts;
}

export type StoredReadings = HashedEntries<KeptReading>;

/** The store's folder in a project. */
export const readingStoreDir = (projectRoot: string): string => path.join(projectRoot, '.cache', 'read');

/**
 * As the finished slides' store (template/finish-store.ts), whose slides these are: a 1,000-row
 * deck's 99 slides' readings are ~4 MB in V8's serialisation.
 */
const STORE = { file: 'slides.store', format: 'trappa-read-slides-1', maxAge: 8, maxBytes: 32 * 1024 * 1024 };
const storeIn = (dir: string): HashedStoreFile => ({ ...STORE, dir });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The shape of a kept reading (its parts are the check's plain data, written by this build of Trappa). */
function isKeptReading(v: unknown): v is KeptReading {
  if (!isObject(v) || !isObject(v.own) || !isObject(v.facts)) return false;
  const { elements, background } = v.own;
  const { relationshipIds, shapeProperties } = v.facts;
  return (
    Array.isArray(elements) &&
    elements.every((e) => isObject(e) && typeof e.kind === 'string') &&
    (background === undefined || background === null || typeof background === 'string') &&
    relationshipIds instanceof Set &&
    Array.isArray(shapeProperties)
  );
}

/** Readings to keep, starting from `earlier` entries of a store's file (each value as V8 serialised it). */
export const newReadings = (earlier: ReadonlyMap<string, Aged<Uint8Array>> = new Map()): StoredReadings =>
  new HashedEntries(earlier, isKeptReading, true);

/** The readings earlier builds kept; undefined when this process cannot keep a store (io/hashed-store.ts). */
export function loadReadingStore(dir: string, build = process.env.TRAPPA_BUILD_ID): StoredReadings | undefined {
  return loadHashedStore(storeIn(dir), isKeptReading, build, true);
}

/** Keeps the readings this build used or made, and the earlier ones within the store's bounds; best effort. */
export function saveReadingStore(dir: string, readings: StoredReadings, build = process.env.TRAPPA_BUILD_ID): void {
  saveHashedStore(storeIn(dir), readings, build);
}
