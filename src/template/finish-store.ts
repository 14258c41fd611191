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
 * the deck. Kept: what the last MAX_AGE builds that changed the file used, up to MAX_BYTES,
 * newest first; not written when a build made nothing new and used only what the last write
 * recorded (io/proven-store.ts `keptAfter`). Deleting the folder is always safe.
 *
 * The body: for each entry its key's hash (32 bytes), its age (a byte), the length of its value
 * (4 bytes) and the value in V8's serialisation. An entry is deserialised when a build asks for it,
 * not when the file is read: the file's bytes and all of its values at once were twice the file in
 * memory, and most builds use only some of what the last 8 kept. An entry kept unused goes back into
 * the file as the bytes it was read as. MAX_BYTES bounds the body as written, so it is the bound the
 * file is read with.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { AppliedSlide, FinishingMemo } from '../pptx/finish-memo.js';
import { type Aged, keptAfter, readProven, writeProven } from '../io/proven-store.js';
import { storeSecret } from '../io/store-secret.js';

/** The store's folder in a project. */
export const finishStoreDir = (projectRoot: string): string => path.join(projectRoot, '.cache', 'finished');

const FORMAT = 'trappa-finished-slides-2';
const FILE = 'slides.store';
/** As the deflated parts' store (deflate-store.ts): a project's decks are built one at a time as often as all together. */
const MAX_AGE = 8;
/**
 * Bytes of entries kept, heads included: a 1,000-row deck's slides are ~9 M characters applied and
 * repaired, a byte each in V8's serialisation (Latin-1; a text with a character beyond it, two).
 */
const MAX_BYTES = 32 * 1024 * 1024;
/** An entry's fixed fields: the hash, the age, the value's length. */
const HEAD_BYTES = 32 + 1 + 4;

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
  /** The hashes of what was served from the file: their bytes go back as they were. */
  readonly #fromFile = new Set<string>();

  /** @param earlier entries of the store's file, by key hash: each value as V8 serialised it. */
  constructor(readonly earlier: ReadonlyMap<string, Aged<Uint8Array>> = new Map()) {}

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
    const made = this.#used.get(hash);
    if (made !== undefined) return made;
    const found = finishedOf(this.earlier.get(hash)?.value);
    if (found === undefined) return undefined;
    this.#used.set(hash, found);
    this.#fromFile.add(hash);
    return found;
  }

  /** What this build used or made, by key hash. */
  used(): ReadonlyMap<string, Finished> {
    return this.#used;
  }

  /** The same, serialised: what came from the file as it was read, what the build made anew. */
  usedSerialised(): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const [hash, value] of this.#used)
      out.set(hash, this.#fromFile.has(hash) ? this.earlier.get(hash)!.value : serialize(value));
    return out;
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
  const body = readProven(path.join(dir, FILE), FORMAT, withV8(build), MAX_BYTES);
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

/** The value of an entry's bytes; undefined when there is none or it is not a finished slide or part. */
function finishedOf(bytes: Uint8Array | undefined): Finished | undefined {
  if (bytes === undefined) return undefined;
  try {
    const value: unknown = deserialize(bytes);
    return isFinished(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The entries of a proven body, each value still serialised (a view of the file's bytes); undefined
 * when it does not read as this format's to its last byte.
 */
function entriesOf(body: Buffer): Map<string, Aged<Uint8Array>> | undefined {
  const entries = new Map<string, Aged<Uint8Array>>();
  for (let at = 0; at < body.length; ) {
    if (at + HEAD_BYTES > body.length) return undefined;
    const hash = body.toString('hex', at, at + 32);
    const age = body[at + 32]!;
    const length = body.readUInt32LE(at + 33);
    at += HEAD_BYTES;
    if (at + length > body.length) return undefined;
    entries.set(hash, { value: body.subarray(at, at + length), age });
    at += length;
  }
  return entries;
}

/** The body: each entry's fixed fields, then its serialised value. */
function serialised(kept: ReadonlyMap<string, Aged<Uint8Array>>): Buffer {
  let length = 0;
  for (const { value } of kept.values()) length += HEAD_BYTES + value.length;
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  for (const [hash, { value, age }] of kept) {
    out.write(hash, at, 32, 'hex');
    out[at + 32] = age;
    out.writeUInt32LE(value.length, at + 33);
    out.set(value, at + HEAD_BYTES);
    at += HEAD_BYTES + value.length;
  }
  return out;
}

/**
 * Keeps what `memo` used or made, and the store's earlier entries within MAX_AGE builds and
 * MAX_BYTES. What it took from the file keeps its bytes; only what the build made is serialised.
 * Best effort, as the other caches are.
 */
export function saveFinishStore(
  dir: string,
  memo: StoredFinishing,
  build = process.env.TRAPPA_BUILD_ID,
  maxBytes = MAX_BYTES,
): void {
  const kept = keptAfter(memo.usedSerialised(), memo.earlier, {
    maxAge: MAX_AGE,
    maxWeight: maxBytes,
    weigh: (bytes) => HEAD_BYTES + bytes.length,
  });
  if (kept) writeProven(path.join(dir, FILE), FORMAT, withV8(build), serialised(kept));
}
