/**
 * One file of a project's store of Trappa's own work (deflate-store.ts, finish-store.ts): what
 * the last builds made, proven to be this user's Trappa's by an HMAC-SHA256 under the user's key
 * (store-secret.ts) over the whole file, and naming the build of Trappa that wrote it
 * (`TRAPPA_BUILD_ID`): what it holds goes into decks as it is, and another build could make
 * other bytes of the same input. A file that is damaged, cut short, another user's, another
 * build's or crafted reads as no file. Written whole (io/save-file.ts), best
 * effort: a folder the user may not write to costs the next build the work, never this one.
 *
 * The file: the HMAC (32 bytes) of the format's name and the payload; the payload: the build id
 * (its length in a byte, then Latin-1), then the store's body.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { readRegularFile } from './read-bounded.js';
import { removeStrayTempsSync, writeFileWholeSync } from './save-file.js';
import { storeSecret } from './store-secret.js';

const MAC_BYTES = 32;

/** The MAC of the format's name and the payload, given whole or in its parts. */
function macOf(secret: Buffer, format: string, ...payload: Uint8Array[]): Buffer {
  const hmac = createHmac('sha256', secret).update(`${format}\0`);
  for (const part of payload) hmac.update(part);
  return hmac.digest();
}

/** The body of `file` when it is proven this user's and `build`'s; undefined otherwise, or over `maxBytes`. */
export function readProven(
  file: string,
  format: string,
  build: string | undefined,
  maxBytes: number,
): Buffer | undefined {
  if (!build) return undefined;
  const secret = storeSecret();
  if (!secret) return undefined;
  try {
    // Synchronous: one file per build, and one call costs less CPU than libuv's pool.
    const bytes = readRegularFile(file, MAC_BYTES + 256 + maxBytes);
    if (!bytes || bytes.length < MAC_BYTES + 1) return undefined;
    const payload = bytes.subarray(MAC_BYTES);
    if (!timingSafeEqual(bytes.subarray(0, MAC_BYTES), macOf(secret, format, payload))) return undefined;
    const made = payload.toString('latin1', 1, 1 + payload[0]!);
    const body = payload.subarray(1 + made.length);
    return made === build && body.length <= maxBytes ? body : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes `body` to `file` for `build`, proven under this user's key; false when it could not.
 * The MAC, the head and the body are written one after another, not joined first: joining made
 * two more copies of the body (the finished slides' of a 1,000-row deck: 5 MB each) at the end
 * of a project's first build, when its peak RSS is reached (issue #27).
 */
export function writeProven(file: string, format: string, build: string | undefined, body: Uint8Array): boolean {
  const secret = build && build.length <= 255 ? storeSecret() : null;
  if (!build || !secret) return false;
  const head = Buffer.alloc(1 + build.length);
  head[0] = head.write(build, 1, 'latin1');
  try {
    writeFileWholeSync(file, [macOf(secret, format, head, body), head, body]);
    removeStrayTempsSync(path.dirname(file));
    return true;
  } catch {
    return false;
  }
}

/** A store's entry and how many builds ago it was last used. */
export interface Aged<T> {
  value: T;
  age: number;
}

/**
 * What a store keeps after a build: what the build used (age 0), then the earlier entries a build
 * older, newest first, while younger than `maxAge` and within `maxWeight` together.
 *
 * Undefined, and the file left as it is, when the build made nothing new and used only entries of
 * age 0: nothing must be added, nothing can have grown too old or too heavy, and what it used is
 * already recorded as used by the latest write. So an entry's age counts the builds that changed the
 * store without using it, not every build: an unchanged rebuild (the common one), or `build --deck`
 * of one deck after `build --all`, writes nothing (it rewrote the whole file each time, up to tens
 * of MB, while the entries of an earlier edit aged). A build that brings back an older entry (an
 * edit undone, the other deck of two built in turn) writes it at age 0 again, so an entry used
 * within the last `maxAge` writes is kept.
 */
export function keptAfter<T>(
  used: ReadonlyMap<string, T>,
  before: ReadonlyMap<string, Aged<T>>,
  { maxAge, maxWeight, weigh }: { maxAge: number; maxWeight: number; weigh: (value: T) => number },
): Map<string, Aged<T>> | undefined {
  if ([...used.keys()].every((key) => before.get(key)?.age === 0)) return undefined;
  const kept = new Map<string, Aged<T>>();
  let weight = 0;
  const keep = (key: string, value: T, age: number): void => {
    const w = weigh(value);
    if (age >= maxAge || weight + w > maxWeight) return;
    weight += w;
    kept.set(key, { value, age });
  };
  for (const [key, value] of used) keep(key, value, 0);
  const older = [...before].filter(([key]) => !used.has(key)).sort(([, a], [, b]) => a.age - b.age);
  for (const [key, { value, age }] of older) keep(key, value, age + 1);
  return kept;
}
