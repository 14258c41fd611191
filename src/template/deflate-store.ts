/**
 * The project's store of deflated parts (`.cache/deflated/parts.store`), beside its decoded
 * backdrops and rendered images: most of a deck's parts come out of the next build byte for byte
 * as they were (a template's masters, layouts and theme; every slide, notes part and rels an edit
 * did not touch), and deflating them in JavaScript was the finishing stage's largest cost (~30 ms
 * of the bundled project's 4 decks; Yellow Idea's master set alone ~250 ms).
 *
 * One file per project, read once per build (a file per part cost a trip to the disk each): the
 * parts the last builds zipped, each with its deflated bytes, the CRC-32 and length of what they
 * inflate to, and how many builds ago it was last zipped. After a build the file is written anew
 * (temporary file + rename) with what this build zipped and what earlier builds zipped within
 * MAX_AGE builds, up to MAX_BYTES, newest first; a build that zipped exactly what the file holds
 * does not write it.
 *
 * Why an HMAC and not inflating each entry to check it (as the store of master-set parts did): a
 * deflated part goes into the deck as it is, so an entry must be bytes this Trappa made of the
 * content its key hashes. Inflating every part to prove it cost about what deflating a slide
 * costs; an HMAC-SHA256 over the whole file under this user's key (store-secret.ts), whose first
 * field is the build of Trappa that wrote it (`TRAPPA_BUILD_ID`: another fflate could deflate
 * otherwise, and a deck's bytes would then depend on what the store held), proves every entry at
 * once for well under a millisecond. A file that is
 * damaged, cut short, another user's, an earlier Trappa's or crafted is no store: every part is
 * deflated again and the file written anew. Run from source there is no build id, and no store.
 * Deleting the folder is always safe.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Deflated, rememberDeflated, takeDeflated } from '../pptx/write-zip.js';
import { storeSecret } from './store-secret.js';

/** The store's folder in a project. */
export const deflateStoreDir = (projectRoot: string): string => path.join(projectRoot, '.cache', 'deflated');

const FORMAT = 'trappa-deflated-parts-1';
const FILE = 'parts.store';
/** The store of earlier versions: a file per master-set part (`6-<sha1>-<length>.deflate`), removed when the new file is written. */
const OLD_ENTRY = /^\d-[0-9a-f]{40}-\d+\.deflate$/;
/**
 * Builds an unused part is kept for: a project's decks are built one at a time as often as all
 * together (`build --deck`), and the Studio rebuilds on every edit, each of which leaves a slide
 * behind that the next edit may bring back (undo).
 */
export const MAX_AGE = 8;
/** The most deflated bytes kept: a 1,000-row deck's parts deflate to ~1.5 MB; more decks or larger ones lose their oldest parts first. */
const MAX_BYTES = 32 * 1024 * 1024;
const MAC_BYTES = 32;
/** An entry's fixed fields: SHA-256, level, age, length, CRC-32 and deflated length. */
const HEAD_BYTES = 32 + 1 + 1 + 4 + 4 + 4;

interface Kept extends Deflated {
  /** Builds since the part was last zipped. */
  age: number;
}

/** What each store held when this process last read it, for its next write (keeps what this build did not zip). */
const held = new Map<string, Map<string, Kept>>();

const macOf = (secret: Buffer, payload: Uint8Array): Buffer =>
  createHmac('sha256', secret).update(`${FORMAT}\0`).update(payload).digest();

/**
 * Offers the store's parts to the zip writer (write-zip.ts). A missing, unreadable or unproven
 * store is empty; so is every store when this Trappa has no build id (run from source).
 */
export function loadDeflateStore(dir: string, build = process.env.TRAPPA_BUILD_ID): void {
  const entries = build ? readStore(dir, build) : undefined;
  held.set(dir, entries ?? new Map());
  rememberDeflated(entries ?? []);
}

function readStore(dir: string, build: string): Map<string, Kept> | undefined {
  const secret = storeSecret();
  if (!secret) return undefined;
  const file = path.join(dir, FILE);
  try {
    // Synchronous: one file per build, and one call costs less CPU than libuv's pool.
    const size = statSync(file, { throwIfNoEntry: false })?.size;
    if (size === undefined || size > MAC_BYTES + 2 * MAX_BYTES) return undefined;
    const bytes = readFileSync(file);
    if (bytes.length < MAC_BYTES) return undefined;
    const payload = bytes.subarray(MAC_BYTES);
    if (!timingSafeEqual(bytes.subarray(0, MAC_BYTES), macOf(secret, payload))) return undefined;
    const made = payload.toString('latin1', 1, 1 + payload[0]!);
    return made === build ? parseEntries(payload.subarray(1 + made.length)) : undefined;
  } catch {
    return undefined;
  }
}

/** The entries of a proven payload; undefined when it does not read as this format's to its last byte. */
function parseEntries(payload: Buffer): Map<string, Kept> | undefined {
  const entries = new Map<string, Kept>();
  let at = 0;
  while (at < payload.length) {
    if (at + HEAD_BYTES > payload.length) return undefined;
    const hash = payload.toString('hex', at, at + 32);
    const level = payload[at + 32]!;
    const age = payload[at + 33]!;
    const size = payload.readUInt32LE(at + 34);
    const crc = payload.readUInt32LE(at + 38);
    const length = payload.readUInt32LE(at + 42);
    at += HEAD_BYTES;
    if (level < 1 || level > 9 || at + length > payload.length) return undefined;
    // A view of the file's buffer: the entries of one store are let go together.
    entries.set(`${level}-${hash}-${size}`, { crc, size, bytes: payload.subarray(at, at + length), age });
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
  const before = held.get(dir) ?? new Map<string, Kept>();
  held.delete(dir);
  const secret = build ? storeSecret() : null;
  if (!build || build.length > 255 || !secret) return;
  const kept = keptAfter(zipped, before, maxBytes);
  // The common warm build: every part it zipped came from the file, and it zipped every part there.
  if (kept.size === before.size && [...kept].every(([key, part]) => part.age === 0 && before.get(key)?.age === 0))
    return;
  const payload = serialised(build, kept);
  const file = path.join(dir, FILE);
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, Buffer.concat([macOf(secret, payload), payload]));
    renameSync(temporary, file);
    for (const name of readdirSync(dir)) if (OLD_ENTRY.test(name)) rmSync(path.join(dir, name), { force: true });
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // ENOTDIR, EACCES: nothing of ours is there, or nothing can be done about it.
    }
  }
}

/** This build's parts (age 0), then the earlier ones a build older, until MAX_AGE or MAX_BYTES. */
function keptAfter(zipped: Map<string, Deflated>, before: Map<string, Kept>, maxBytes: number): Map<string, Kept> {
  const kept = new Map<string, Kept>();
  let bytes = 0;
  const keep = (key: string, part: Deflated, age: number): void => {
    if (age >= MAX_AGE || bytes + part.bytes.length > maxBytes) return;
    bytes += part.bytes.length;
    kept.set(key, { crc: part.crc, size: part.size, bytes: part.bytes, age });
  };
  for (const [key, part] of zipped) keep(key, part, 0);
  const older = [...before].filter(([key]) => !zipped.has(key)).sort(([, a], [, b]) => a.age - b.age);
  for (const [key, part] of older) keep(key, part, part.age + 1);
  return kept;
}

/** The payload: the build id (its length in a byte, then Latin-1), then each entry's fixed fields and deflated bytes. */
function serialised(build: string, kept: Map<string, Kept>): Buffer {
  let length = 1 + build.length;
  for (const part of kept.values()) length += HEAD_BYTES + part.bytes.length;
  const out = Buffer.allocUnsafe(length);
  out[0] = build.length;
  let at = 1 + out.write(build, 1, 'latin1');
  for (const [key, part] of kept) {
    const [level, hash] = key.split('-');
    out.write(hash!, at, 32, 'hex');
    out[at + 32] = Number(level);
    out[at + 33] = part.age;
    out.writeUInt32LE(part.size, at + 34);
    out.writeUInt32LE(part.crc, at + 38);
    out.writeUInt32LE(part.bytes.length, at + 42);
    out.set(part.bytes, at + HEAD_BYTES);
    at += HEAD_BYTES + part.bytes.length;
  }
  return out;
}
