/**
 * A store file of values by the SHA-256 of what made them (template/finish-store.ts: finished
 * slides; check/reading-store.ts: slides as the check read them), proven as the other stores of
 * Trappa's own work are (proven-store.ts: this user's key, this build of Trappa and its V8).
 *
 * The body: for each entry its key's hash (32 bytes), its age (a byte), the length of its value
 * (4 bytes) and the value in V8's serialisation. An entry is deserialised when a build asks for it,
 * not when the file is read: the file's bytes and all of its values at once were twice the file in
 * memory, and most builds use only some of what the last 8 kept. An entry kept unused goes back into
 * the file as the bytes it was read as. The bound on the body as written is the bound it is read with.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { type Aged, keptAfter, readProven, writeProven } from './proven-store.js';
import { storeSecret } from './store-secret.js';

/** An entry's fixed fields: the hash, the age, the value's length. */
const HEAD_BYTES = 32 + 1 + 4;

/** Where a store lives and how much of it is kept. */
export interface HashedStoreFile {
  dir: string;
  file: string;
  /** The format's name, under the MAC: one store's file never reads as another's. */
  format: string;
  /** Builds that changed the file an unused entry lives through. */
  maxAge: number;
  /** Bytes of entries kept, heads included. */
  maxBytes: number;
}

/** `String.prototype.isWellFormed` (ES2024, every Node Trappa runs on; not in this project's TypeScript lib). */
const wellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * The SHA-256 of `texts`, each as UTF-8 after its length (no two lists of texts give the same
 * bytes), or undefined when one holds a lone surrogate: UTF-8 would make it U+FFFD, the same bytes
 * as another text's. What is made of such a text is made anew, never kept.
 */
export function hashOfTexts(...texts: string[]): string | undefined {
  const hash = createHash('sha256');
  for (const text of texts) {
    if (!wellFormed(text)) return undefined;
    hash.update(`${text.length}:`).update(text);
  }
  return hash.digest('hex');
}

/** What earlier builds kept (the store's file), noting what this build uses or makes for the next. */
export class HashedEntries<T> {
  readonly #used = new Map<string, T | Uint8Array>();
  /** The hashes of what was served from the file: their bytes go back as they were. */
  readonly #fromFile = new Set<string>();

  /**
   * @param earlier entries of the store's file, by key hash: each value as V8 serialised it
   * @param isValue whether a deserialised value is one of this store's (else it reads as none)
   * @param copies each `find` gives a value of its own: its user changes it (the check's elements), and
   *   one slide's reading can serve two slides of the same XML, in one deck or in two
   */
  constructor(
    readonly earlier: ReadonlyMap<string, Aged<Uint8Array>>,
    private readonly isValue: (value: unknown) => value is T,
    private readonly copies = false,
  ) {}

  /** The value kept or made under `hash` in this build, else the file's, deserialised; undefined when neither. */
  find(hash: string): T | undefined {
    const made = this.#used.get(hash);
    if (made !== undefined) return made instanceof Uint8Array ? this.#valueOf(made) : made;
    const bytes = this.earlier.get(hash)?.value;
    const found = this.#valueOf(bytes);
    if (found === undefined) return undefined;
    this.#used.set(hash, this.copies ? bytes! : found);
    this.#fromFile.add(hash);
    return found;
  }

  /**
   * Keeps `value` under `hash` for the next builds. Already serialised when what it holds is
   * changed after (the check's elements): the bytes then are the value as it was made, and what
   * `find` gives of it.
   */
  keep(hash: string, value: T | Uint8Array): void {
    this.#used.set(hash, value);
  }

  /** What this build used or made, by key hash. */
  used(): ReadonlyMap<string, T | Uint8Array> {
    return this.#used;
  }

  /** The same, serialised: what came from the file as it was read, what the build made anew. */
  usedSerialised(): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const [hash, value] of this.#used) {
      if (this.#fromFile.has(hash)) out.set(hash, this.earlier.get(hash)!.value);
      else out.set(hash, value instanceof Uint8Array ? value : serialize(value));
    }
    return out;
  }

  #valueOf(bytes: Uint8Array | undefined): T | undefined {
    if (bytes === undefined) return undefined;
    try {
      const value: unknown = deserialize(bytes);
      return this.isValue(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * The build as these stores name it: with V8's version, whose serialisation the file holds (an
 * older V8 may not read a newer one's): a project built on two Node lines rewrites it for each,
 * as another build of Trappa does.
 */
const withV8 = (build: string | undefined): string | undefined => build && `${build}/${process.versions.v8}`;

/**
 * The entries of the store's file when it is proven (empty when there is none); or undefined when
 * this process could not keep a store (no build id: run from source; no key of the user's): then
 * the caller works without one, and hashes no key for nothing.
 */
export function loadHashedStore<T>(
  store: HashedStoreFile,
  isValue: (value: unknown) => value is T,
  build: string | undefined,
  copies = false,
): HashedEntries<T> | undefined {
  if (!build || !storeSecret()) return undefined;
  const body = readProven(path.join(store.dir, store.file), store.format, withV8(build), store.maxBytes);
  return new HashedEntries((body && entriesOf(body)) ?? new Map(), isValue, copies);
}

/**
 * Keeps what `entries` used or made, and the store's earlier entries within `maxAge` builds and
 * `maxBytes`. What it took from the file keeps its bytes; only what the build made is serialised.
 * Best effort, as the other caches are.
 */
export function saveHashedStore<T>(store: HashedStoreFile, entries: HashedEntries<T>, build: string | undefined): void {
  const kept = keptAfter(entries.usedSerialised(), entries.earlier, {
    maxAge: store.maxAge,
    maxWeight: store.maxBytes,
    weigh: (bytes) => HEAD_BYTES + bytes.length,
  });
  if (kept) writeProven(path.join(store.dir, store.file), store.format, withV8(build), serialised(kept));
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
