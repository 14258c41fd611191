/**
 * The project's store of built decks (`.cache/decks/decks.store`): a deck whose inputs did not
 * change since a build that saved it is not laid out, written, finished or checked again; the
 * output file that build saved is the deck, when it still holds those bytes (size and sha256).
 * A user who edits one deck's file rebuilds that deck, not the project's four.
 *
 * An entry is a key and what the build knew of the deck besides its bytes (slides, the planned
 * slide each came from, warnings, the faces it measured with). The key (deckKey) is the SHA-256 of
 * everything the finished, checked deck depends on, gathered by the pipeline (build-deck.ts):
 * the build of Trappa and the Node it runs on, the deck's plan as plain data (strategy, wording,
 * theme, audience, properties, the changes since the version sent, file name), the text of every
 * YAML file it was planned from, the inputs hash that the manifest records (every picture, font
 * file and template by its sha256), the output folder, and whether the check runs. The faces are
 * checked apart: the entry names every face measuring resolved, and the files that measure them
 * now must be the ones (sha256) they were (fonts/measured-faces.ts facesIdentity). A stale deck
 * is the worst this store could do, so anything that does not read as this format's, or any
 * doubt, is a build.
 *
 * Proven as the other stores of Trappa's own work are (io/proven-store.ts: this user's key, this
 * build of Trappa): an entry decides that a deck is not checked, so a crafted one must not pass.
 * Kept: what the last MAX_AGE builds used, up to MAX_ENTRIES, newest first; not written when a
 * build used exactly what the file holds. Deleting the folder is always safe.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { type Aged, keptAfter, readProven, writeProven } from '../io/proven-store.js';
import { readRegularFile } from '../io/read-bounded.js';
import { storeSecret } from '../io/store-secret.js';
import type { DeckPlan } from '../plan/resolve-deck.js';
import { sha256Hex } from '../sha256.js';

/** The store's folder in a project. */
export const deckStoreDir = (projectRoot: string): string => path.join(projectRoot, '.cache', 'decks');

const FORMAT = 'trappa-built-decks-1';
const FILE = 'decks.store';
/** As the other stores (deflate-store.ts): a project's decks are built one at a time as often as all together. */
const MAX_AGE = 8;
/** Entries kept: a few hundred bytes each, a project's decks in several output folders and states. */
const MAX_ENTRIES = 256;
/** A file over this is not one this store wrote (MAX_ENTRIES entries of a few KB at most). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** What a build knew of a deck it saved, besides the bytes (the output file's). */
export interface KeptDeck {
  /** The deck's bytes: their length and sha256. */
  size: number;
  sha256: string;
  slideCount: number;
  /** For each slide, the planned slide it was laid out from (build-deck.ts BuiltDeck.planned). */
  planned: number[];
  /** The layout's warnings (the design's are worked out again with the plan). */
  notes: string[];
  /** The faces measuring resolved while the deck was built (lower case), the check's included. */
  faces: string[];
  /** Their files and how they were chosen then (fonts/measured-faces.ts facesIdentity). */
  facesIdentity: string;
}

/** The decks earlier builds kept (the store's file), noting what this build uses or keeps for the next. */
export class DeckStore {
  readonly #used = new Map<string, KeptDeck>();

  constructor(readonly earlier: ReadonlyMap<string, Aged<KeptDeck>> = new Map()) {}

  /** The deck kept for `key`, if any (noted as used: its entry stays young). */
  find(key: string): KeptDeck | undefined {
    const found = this.#used.get(key) ?? this.earlier.get(key)?.value;
    if (found) this.#used.set(key, found);
    return found;
  }

  /** Keeps what this build made for `key` (saved only with the store, after the decks were saved). */
  keep(key: string, deck: KeptDeck): void {
    this.#used.set(key, deck);
  }

  used(): ReadonlyMap<string, KeptDeck> {
    return this.#used;
  }
}

/**
 * The decks the project's earlier builds kept, none when there is no proven store; undefined when
 * this process cannot keep any (no build id: run from source; no key of the user's).
 */
export function loadDeckStore(dir: string, build = process.env.TRAPPA_BUILD_ID): DeckStore | undefined {
  if (!build || !storeSecret()) return undefined;
  const body = readProven(path.join(dir, FILE), FORMAT, build, MAX_FILE_BYTES);
  return new DeckStore((body && entriesOf(body)) ?? new Map());
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function isKeptDeck(v: unknown): v is KeptDeck {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    isCount(d.size) &&
    isText(d.sha256) &&
    /^[0-9a-f]{64}$/.test(d.sha256) &&
    isCount(d.slideCount) &&
    Array.isArray(d.planned) &&
    d.planned.every(Number.isSafeInteger) &&
    Array.isArray(d.notes) &&
    d.notes.every(isText) &&
    Array.isArray(d.faces) &&
    d.faces.every(isText) &&
    isText(d.facesIdentity)
  );
}

/** The entries of a proven body (JSON of [key, deck, age] triples); undefined when it is not that. */
function entriesOf(body: Buffer): Map<string, Aged<KeptDeck>> | undefined {
  try {
    const read: unknown = JSON.parse(body.toString('utf8'));
    if (!Array.isArray(read)) return undefined;
    const entries = new Map<string, Aged<KeptDeck>>();
    for (const entry of read) {
      if (!Array.isArray(entry) || entry.length !== 3) return undefined;
      const [key, deck, age] = entry as unknown[];
      if (!isText(key) || !isKeptDeck(deck) || !isCount(age)) return undefined;
      entries.set(key, { value: deck, age });
    }
    return entries;
  } catch {
    return undefined;
  }
}

/** Keeps what this build used or made, and earlier entries within MAX_AGE builds and MAX_ENTRIES. Best effort. */
export function saveDeckStore(dir: string, store: DeckStore, build = process.env.TRAPPA_BUILD_ID): void {
  const kept = keptAfter(store.used(), store.earlier, { maxAge: MAX_AGE, maxWeight: MAX_ENTRIES, weigh: () => 1 });
  if (!kept) return;
  const body = JSON.stringify([...kept].map(([key, { value, age }]) => [key, value, age]));
  writeProven(path.join(dir, FILE), FORMAT, build, Buffer.from(body, 'utf8'));
}

/**
 * The bytes of `file` when they are `deck`'s (its length and sha256); undefined otherwise: the
 * file was removed, replaced, edited, or is no regular file.
 */
export function keptBytes(file: string, deck: KeptDeck): Buffer | undefined {
  const bytes = readRegularFile(file, deck.size);
  return bytes?.length === deck.size && sha256Hex(bytes) === deck.sha256 ? bytes : undefined;
}

/** What a deck's key is made of besides its plan (build-deck.ts gathers them). */
export interface DeckKeyParts {
  /** The build of Trappa (`TRAPPA_BUILD_ID`). */
  build: string;
  /** The inputs hash the manifest records (versions/input-hash.ts): every input file, pictures and fonts by sha256. */
  inputsHash: string;
  /** Each YAML file the deck was planned from, as read: their comments and places count too. */
  sources: readonly { file: string; text: string }[];
  /** The output folder (absolute): the file the deck is taken from, and the send records a changes slide reads. */
  outDir: string;
  /** Whether the build checks its decks: a deck kept unchecked is not a checked one. */
  check: boolean;
}

/**
 * Digests by object: the decks of a build share the strategy and its file (a 1,000-row one is
 * ~2 MB of JSON), so each is hashed once.
 */
const digests = new WeakMap<object, string>();

function digestOf<T extends object>(value: T, text: (value: T) => string): string {
  let digest = digests.get(value);
  if (digest === undefined) digests.set(value, (digest = sha256Hex(text(value))));
  return digest;
}

/** JSON's replacer for a plan: maps and sets as their entries (JSON would write `{}`), functions dropped. */
function plainData(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...value] };
  if (value instanceof Set) return { set: [...value] };
  return value;
}

/**
 * The key of a deck: the SHA-256 of its plan as plain data (the faces it names are the registry's,
 * keyed apart: KeptDeck.faces) and of `parts`. Two builds with equal keys make equal decks.
 */
export function deckKey(plan: DeckPlan, parts: DeckKeyParts): string {
  const data = { ...plan, fonts: undefined, strategy: digestOf(plan.strategy, (s) => JSON.stringify(s, plainData)) };
  const sources = parts.sources.map((source) => [source.file, digestOf(source, (s) => s.text)]);
  // The Node that builds (its V8, ICU and zlib) in the key, not in the file's name: a project built
  // on two Node lines keeps both's entries, and each takes the output file only while it holds the
  // bytes its own entry names (the bundled decks are the same bytes on every Node line).
  const node = [process.version, process.platform, process.arch];
  return createHash('sha256')
    .update(`${FORMAT}\0`)
    .update(JSON.stringify([{ ...parts, sources, node }, data], plainData))
    .digest('hex');
}
