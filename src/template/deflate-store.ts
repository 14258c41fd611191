/**
 * The project's store of deflated parts (`.cache/deflated/parts.store`), beside its decoded
 * backdrops and rendered images: most of a deck's parts come out of the next build byte for byte
 * as they were (a template's masters, layouts and theme; every slide, notes part and rels an edit
 * did not touch), and deflating them in JavaScript was the finishing stage's largest cost (~30 ms
 * of the bundled project's 4 decks; Yellow Idea's master set alone ~250 ms).
 *
 * One file per project, read once per build (a file per part cost a trip to the disk each): the
 * parts the last builds zipped, each with its deflated bytes, the CRC-32 and length of what they
 * inflate to, and how many of the builds that changed the file ago it was last zipped. After a
 * build that zipped a part the file lacks, or one of an earlier build, the file is written anew
 * (whole: io/save-file.ts) with what this build zipped and what earlier builds zipped within
 * MAX_AGE such builds, up to MAX_BYTES, newest first; a build that zipped only parts the last
 * write recorded (an unchanged rebuild, one deck of several) does not write it (io/proven-store.ts
 * `keptAfter`).
 *
 * Why an HMAC and not inflating each entry to check it (as the store of master-set parts did): a
 * deflated part goes into the deck as it is, so an entry must be bytes this Trappa made of the
 * content its key hashes. Inflating every part to prove it cost about what deflating a slide
 * costs; an HMAC over the whole file (io/proven-store.ts), naming the build of Trappa that wrote it
 * (another fflate could deflate otherwise, and a deck's bytes would then depend on what the store
 * held), proves every entry at once for well under a millisecond. A file that is damaged, cut
 * short, another user's, an earlier Trappa's or crafted is no store: every part is deflated again
 * and the file written anew. Run from source there is no build id, and no store.
 * Deleting the folder is always safe.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type Deflated, rememberDeflated, takeDeflated } from '../pptx/write-zip.js';
import { type Aged, keptAfter, readProven, writeProven } from '../io/proven-store.js';

/** The store's folder in a project. */
export const deflateStoreDir = (projectRoot: string): string => path.join(projectRoot, '.cache', 'deflated');

const FORMAT = 'trappa-deflated-parts-1';
const FILE = 'parts.store';
/** The store of earlier versions: a file per master-set part (`6-<sha1>-<length>.deflate`), removed when the new file is written. */
const OLD_ENTRY = /^\d-[0-9a-f]{40}-\d+\.deflate$/;
/**
 * Builds that changed the file an unused part is kept for: a project's decks are built one at a time as often as all
 * together (`build --deck`), and the Studio rebuilds on every edit, each of which leaves a slide
 * behind that the next edit may bring back (undo).
 */
export const MAX_AGE = 8;
/**
 * The most bytes of entries kept, heads included (so it bounds the file as written, and the file is
 * read within it): a 1,000-row deck's parts deflate to ~0.5 MB; more decks or larger ones lose their
 * oldest parts first.
 */
const MAX_BYTES = 32 * 1024 * 1024;
/** An entry's fixed fields: SHA-256, level, age, length, CRC-32 and deflated length. */
const HEAD_BYTES = 32 + 1 + 1 + 4 + 4 + 4;

/** What each store held when this process last read it, for its next write (keeps what this build did not zip). */
const held = new Map<string, Map<string, Aged<Deflated>>>();

/**
 * Offers the store's parts to the zip writer (write-zip.ts). A missing, unreadable or unproven
 * store is empty; so is every store when this Trappa has no build id (run from source).
 */
export function loadDeflateStore(dir: string, build = process.env.TRAPPA_BUILD_ID): void {
  const body = readProven(path.join(dir, FILE), FORMAT, build, MAX_BYTES);
  const entries = (body && parseEntries(body)) ?? new Map<string, Aged<Deflated>>();
  held.set(dir, entries);
  rememberDeflated([...entries].map(([key, { value }]) => [key, value]));
}

/** The entries of a proven body; undefined when it does not read as this format's to its last byte. */
function parseEntries(body: Buffer): Map<string, Aged<Deflated>> | undefined {
  const entries = new Map<string, Aged<Deflated>>();
  let at = 0;
  while (at < body.length) {
    if (at + HEAD_BYTES > body.length) return undefined;
    const hash = body.toString('hex', at, at + 32);
    const level = body[at + 32]!;
    const age = body[at + 33]!;
    const size = body.readUInt32LE(at + 34);
    const crc = body.readUInt32LE(at + 38);
    const length = body.readUInt32LE(at + 42);
    at += HEAD_BYTES;
    if (level < 1 || level > 9 || at + length > body.length) return undefined;
    // A view of the file's buffer: the entries of one store are let go together.
    entries.set(`${level}-${hash}-${size}`, { value: { crc, size, bytes: body.subarray(at, at + length) }, age });
    at += length;
  }
  return entries;
}

/**
 * Keeps the parts this process zipped since the last save, and the store's earlier parts still
 * within MAX_AGE builds and MAX_BYTES. Best effort, as the image caches are: a project folder the
 * user may not write to (a shared drive, another user's project built with --out) costs the next
 * build the deflating, never this one.
 */
export function saveDeflateStore(dir: string, build = process.env.TRAPPA_BUILD_ID, maxBytes = MAX_BYTES): void {
  const zipped = takeDeflated();
  const before = held.get(dir) ?? new Map<string, Aged<Deflated>>();
  held.delete(dir);
  // Undefined for the common warm build: every part it zipped came from the file, and it zipped every part there.
  const weigh = (part: Deflated): number => HEAD_BYTES + part.bytes.length;
  const kept = keptAfter(zipped, before, { maxAge: MAX_AGE, maxWeight: maxBytes, weigh });
  if (!kept || !writeProven(path.join(dir, FILE), FORMAT, build, serialised(kept))) return;
  try {
    for (const name of readdirSync(dir)) if (OLD_ENTRY.test(name)) rmSync(path.join(dir, name), { force: true });
  } catch {
    // The old entries stay: they are never read.
  }
}

/** The body: each entry's fixed fields, then its deflated bytes. */
function serialised(kept: Map<string, Aged<Deflated>>): Buffer {
  let length = 0;
  for (const { value } of kept.values()) length += HEAD_BYTES + value.bytes.length;
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  for (const [key, { value: part, age }] of kept) {
    const [level, hash] = key.split('-');
    out.write(hash!, at, 32, 'hex');
    out[at + 32] = Number(level);
    out[at + 33] = age;
    out.writeUInt32LE(part.size, at + 34);
    out.writeUInt32LE(part.crc, at + 38);
    out.writeUInt32LE(part.bytes.length, at + 42);
    out.set(part.bytes, at + HEAD_BYTES);
    at += HEAD_BYTES + part.bytes.length;
  }
  return out;
}
