/**
 * The project's store of hyphenated words (`.cache/hyphenated/`): a template with narrow text columns
 * (Forestbird, Progress) breaks a few long words in every build, and hyphenating them loaded the
 * language's patterns each time (JSON.parse of 316 KB into 55,000 objects: ~20 ms of CPU, and their
 * garbage). A word kept by a build before is taken as it was hyphenated, so a later build of the same
 * words never loads the patterns. The file is named by the patterns' version (hyphenate.ts
 * `hyphenationVersion`), and an entry is taken only when it is its word with soft hyphens added
 * (`rememberHyphenated`): the store cannot change a word's letters. Where the hyphens go can change
 * a deck (where a word may break decides a fit), and `.cache` travels with a project folder, so the
 * file is proven this user's and this Trappa build's as the other stores are (io/proven-store.ts):
 * a received project's words are hyphenated again. Best effort, as the other stores: a folder that
 * cannot be read or written only means hyphenating.
 */
import path from 'node:path';
import { readProven, writeProven } from '../io/proven-store.js';
import { hyphenatedForStore, hyphenationVersion, rememberHyphenated } from './hyphenate.js';

/** The store's file in a project; none where the patterns' version is not known. */
export function hyphenStoreFile(projectRoot: string): string | undefined {
  const version = hyphenationVersion();
  return version && path.join(projectRoot, '.cache', 'hyphenated', `${version}.store`);
}

/** The name the file's HMAC covers, so that no other store's file passes for this one. */
const FORMAT = 'trappa-hyphenated-1';

/** A store larger than this is not read (20,000 words of ~40 characters is ~1.6 MB). */
const MAX_BYTES = 4 * 1024 * 1024;

/** Offers the store's words to hyphenate.ts; a missing, large or unreadable store is empty. */
export function loadHyphenStore(file: string | undefined, build = process.env.TRAPPA_BUILD_ID): void {
  if (!file) return;
  try {
    const bytes = readProven(file, FORMAT, build, MAX_BYTES);
    if (!bytes) return;
    const entries: unknown = JSON.parse(bytes.toString('utf8'));
    if (entries && typeof entries === 'object' && !Array.isArray(entries)) rememberHyphenated(Object.entries(entries));
  } catch {
    // Nothing kept, or nothing readable: the words are hyphenated again.
  }
}

/** Keeps the words this process hyphenated with those kept before, atomically and proven (io/proven-store.ts). */
export function saveHyphenStore(file: string | undefined, build = process.env.TRAPPA_BUILD_ID): void {
  const words = hyphenatedForStore();
  if (!file || words.length === 0) return;
  writeProven(file, FORMAT, build, Buffer.from(JSON.stringify(Object.fromEntries(words))));
}
