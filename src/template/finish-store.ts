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
 * the deck. Kept: what the last `maxAge` builds that changed the file used, up to `maxBytes`,
 * newest first; not written when a build made nothing new and used only what the last write
 * recorded (io/proven-store.ts `keptAfter`). Deleting the folder is always safe. The file's
 * layout: io/hashed-store.ts.
 */
import path from 'node:path';
import type { AppliedSlide, FinishingMemo } from '../pptx/finish-memo.js';
import type { Aged } from '../io/proven-store.js';
import {
  HashedEntries,
  hashOfTexts,
  type HashedStoreFile,
  loadHashedStore,
  saveHashedStore,
} from '../io/hashed-store.js';

/** The store's folder in a project. */
export const finishStoreDir = (projectRoot: string): string => path.join(projectRoot, '.cache', 'finished');

/**
 * As the deflated parts' store (deflate-store.ts): a project's decks are built one at a time as
 * often as all together. Bytes: a 1,000-row deck's slides are ~9 M characters applied and
 * repaired, a byte each in V8's serialisation (Latin-1; a text with a character beyond it, two).
 */
const STORE = { file: 'slides.store', format: 'trappa-finished-slides-2', maxAge: 8, maxBytes: 32 * 1024 * 1024 };
const storeIn = (dir: string, maxBytes = STORE.maxBytes): HashedStoreFile => ({ ...STORE, dir, maxBytes });

/** A value of either step: a slide with its structure applied, or a part's repaired text. */
type Finished = AppliedSlide | string;

/** A finishing memo of what earlier builds made (the store's file), noting what this build uses for the next. */
export class StoredFinishing implements FinishingMemo {
  /** Each process builds a deck once: nothing is kept by its text (write-zip.ts `again`). */
  readonly again = false;
  readonly entries: HashedEntries<Finished>;

  /** @param earlier entries of the store's file, by key hash: each value as V8 serialised it. */
  constructor(earlier: ReadonlyMap<string, Aged<Uint8Array>> | HashedEntries<Finished> = new Map()) {
    this.entries = earlier instanceof HashedEntries ? earlier : new HashedEntries(earlier, isFinished);
  }

  applied(key: string, apply: () => AppliedSlide): { done: AppliedSlide; reused: boolean } {
    const hash = hashOfTexts('applied', key);
    const found = hash === undefined ? undefined : this.entries.find(hash);
    if (found !== undefined && typeof found !== 'string') return { done: found, reused: true };
    const done = apply();
    if (hash !== undefined) this.entries.keep(hash, done);
    return { done, reused: false };
  }

  repaired(xml: string, language: string, repair: (xml: string) => string): string {
    const hash = hashOfTexts('repaired', language, xml);
    const found = hash === undefined ? undefined : this.entries.find(hash);
    if (typeof found === 'string') return found;
    const done = repair(xml);
    if (hash !== undefined) this.entries.keep(hash, done);
    return done;
  }

  /** What this build used or made, by key hash. */
  used(): ReadonlyMap<string, Finished | Uint8Array> {
    return this.entries.used();
  }
}

/**
 * A memo of what the project's earlier builds finished, empty when there is no proven store; or
 * undefined when this process could not keep one (no build id: run from source; no key of the
 * user's): then finishing works as it did without a memo, and hashes no key for nothing.
 */
export function loadFinishStore(dir: string, build = process.env.TRAPPA_BUILD_ID): StoredFinishing | undefined {
  const entries = loadHashedStore(storeIn(dir), isFinished, build);
  return entries && new StoredFinishing(entries);
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

/**
 * Keeps what `memo` used or made, and the store's earlier entries within its age and `maxBytes`.
 * Best effort, as the other caches are.
 */
export function saveFinishStore(
  dir: string,
  memo: StoredFinishing,
  build = process.env.TRAPPA_BUILD_ID,
  maxBytes = STORE.maxBytes,
): void {
  saveHashedStore(storeIn(dir, maxBytes), memo.entries, build);
}
