/**
 * The project's store of finished slides (`.cache/finished/slides.store`): what the finishing
 * stage made of each slide and drawing part in the last builds (pptx/finish-memo.ts: a slide's
 * structure applied, a part's drawing repairs), for the next build's process. A one-off build
 * gets from pptxgenjs the very XML of every slide no edit touched, and finishing it again was a
 * third of the finishing stage (applyStructure and the drawing repairs, ~25 ms of the bundled
 * project's 4 decks, most of it in the first deck, whose code still runs in the interpreter).
 *
 * Keyed as the watch session's memo is, by everything each step reads (apply-structure.ts
 * `appliedSlide`, finish-package.ts `repairedDrawing`), here by the SHA-256 of that: the key
 * itself holds the slide's whole XML. The values go into decks as they are, so
 * the file is proven as the deflated parts' is (io/proven-store.ts: this user's key, this build of
 * Trappa, whose code made them); the finished XML is still checked well-formed with the rest of
 * the deck. Kept: what the last MAX_AGE builds that changed the file used, up to MAX_CHARACTERS,
 * newest first; not written when a build made nothing new and used only what the last write
 * recorded (io/proven-store.ts `keptAfter`). Deleting the folder is always safe.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { AppliedSlide, FinishingMemo } from '../pptx/finish-memo.js';
import { type Aged, keptAfter, readProven, writeProven } from '../io/proven-store.js';
import { storeSecret } from '../io/store-secret.js';

/** The store's folder in a project. */
export const finishStoreDir = (projectRoot: string): string => path.join(projectRoot, '.cache', 'finished');

const FORMAT = 'trappa-finished-slides-1';
const FILE = 'slides.store';
/** As the deflated parts' store (deflate-store.ts): a project's decks are built one at a time as often as all together. */
const MAX_AGE = 8;
/** Characters of finished XML kept: a 1,000-row deck's slides are ~9 M characters, applied and repaired. */
const MAX_CHARACTERS = 24 * 1024 * 1024;
/** A file over this is not one this store wrote (UTF-8 of at most MAX_CHARACTERS, and the tags). */
const MAX_FILE_BYTES = 4 * MAX_CHARACTERS;

/** A value of either step: a slide with its structure applied, or a part's repaired text. */
type Finished = AppliedSlide | string;

/** `String.prototype.isWellFormed` (ES2024, every Node Trappa runs on; not in this project's TypeScript lib). */
const wellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * The SHA-256 of `texts`, each as UTF-8 after its length (no two lists of texts give the same
 * bytes), or undefined when one holds a lone surrogate: UTF-8 would make it U+FFFD, the same bytes
 * as another text's. Such a slide is finished anew (and refused: XML allows no lone surrogate).
 */
function keyOf(...texts: string[]): string | undefined {
  const hash = createHash('sha256');
  for (const text of texts) {
    if (!wellFormed(text)) return undefined;
    hash.update(`${text.length}:`).update(text);
  }
  return hash.digest('hex');
}

/** A finishing memo of what earlier builds made (the store's file), noting what this build uses for the next. */
export class StoredFinishing implements FinishingMemo {
  /** Each process builds a deck once: nothing is kept by its text (write-zip.ts `again`). */
  readonly again = false;
  readonly #used = new Map<string, Finished>();

  constructor(readonly earlier: ReadonlyMap<string, Aged<Finished>> = new Map()) {}

  applied(key: string, apply: () => AppliedSlide): { done: AppliedSlide; reused: boolean } {
    const hash = keyOf('applied', key);
    const found = hash === undefined ? undefined : this.#found(hash);
    if (found !== undefined && typeof found !== 'string') return { done: found, reused: true };
    const done = apply();
    if (hash !== undefined) this.#used.set(hash, done);
    return { done, reused: false };
  }

  repaired(xml: string, language: string, repair: (xml: string) => string): string {
    const hash = keyOf('repaired', language, xml);
    const found = hash === undefined ? undefined : this.#found(hash);
    if (typeof found === 'string') return found;
    const done = repair(xml);
    if (hash !== undefined) this.#used.set(hash, done);
    return done;
  }

  #found(hash: string): Finished | undefined {
    const found = this.#used.get(hash) ?? this.earlier.get(hash)?.value;
    if (found !== undefined) this.#used.set(hash, found);
    return found;
  }

  /** What this build used or made, by key hash. */
  used(): ReadonlyMap<string, Finished> {
    return this.#used;
  }
}

/**
 * The build as this store names it: with V8's version, whose serialisation the file holds (an
 * older V8 may not read a newer one's): a project built on two Node lines rewrites it for each,
 * as another build of Trappa does.
 */
const withV8 = (build: string | undefined): string | undefined => build && `${build}/${process.versions.v8}`;

/**
 * A memo of what the project's earlier builds finished, empty when there is no proven store; or
 * undefined when this process could not keep one (no build id: run from source; no key of the
 * user's): then finishing works as it did without a memo, and hashes no key for nothing.
 */
export function loadFinishStore(dir: string, build = process.env.TRAPPA_BUILD_ID): StoredFinishing | undefined {
  if (!build || !storeSecret()) return undefined;
  const body = readProven(path.join(dir, FILE), FORMAT, withV8(build), MAX_FILE_BYTES);
  return new StoredFinishing((body && entriesOf(body)) ?? new Map());
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function isFinished(v: unknown): v is Finished {
  if (typeof v === 'string') return true;
  if (typeof v !== 'object' || v === null) return false;
  const { xml, tags, ids } = v as Record<string, unknown>;
  return (
    typeof xml === 'string' &&
    isStringArray(ids) &&
    Array.isArray(tags) &&
    tags.length === ids.length &&
    tags.every(
      (t: Record<string, unknown>) =>
        typeof t === 'object' &&
        t !== null &&
        (t.source === undefined || typeof t.source === 'string') &&
        (t.headings === undefined || (Array.isArray(t.headings) && t.headings.every(Number.isInteger))),
    )
  );
}

/** The entries of a proven body (V8's serialisation of [hash, value, age] triples); undefined when it is not that. */
function entriesOf(body: Buffer): Map<string, Aged<Finished>> | undefined {
  try {
    const read: unknown = deserialize(body);
    if (!Array.isArray(read)) return undefined;
    const entries = new Map<string, Aged<Finished>>();
    for (const entry of read) {
      if (!Array.isArray(entry) || entry.length !== 3) return undefined;
      const [hash, value, age] = entry as unknown[];
      if (typeof hash !== 'string' || !isFinished(value) || !Number.isInteger(age)) return undefined;
      entries.set(hash, { value, age: age as number });
    }
    return entries;
  } catch {
    return undefined;
  }
}

/**
 * Keeps what `memo` used or made, and the store's earlier entries within MAX_AGE builds and
 * MAX_CHARACTERS. Best effort, as the other caches are.
 */
export function saveFinishStore(
  dir: string,
  memo: StoredFinishing,
  build = process.env.TRAPPA_BUILD_ID,
  maxCharacters = MAX_CHARACTERS,
): void {
  const kept = keptAfter(memo.used(), memo.earlier, {
    maxAge: MAX_AGE,
    maxWeight: maxCharacters,
    weigh: (value) => (typeof value === 'string' ? value.length : value.xml.length),
  });
  if (!kept) return;
  const body = serialize([...kept].map(([hash, { value, age }]) => [hash, value, age]));
  writeProven(path.join(dir, FILE), FORMAT, withV8(build), body);
}
