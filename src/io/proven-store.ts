/**
 * One file of a project's store of Trappa's own work (deflate-store.ts, finish-store.ts): what
 * the last builds made, proven to be this user's Trappa's by an HMAC-SHA256 under the user's key
 * (store-secret.ts) over the whole file, and naming the build of Trappa that wrote it
 * (`TRAPPA_BUILD_ID`): what it holds goes into decks as it is, and another build could make
 * other bytes of the same input. A file that is damaged, cut short, another user's, another
 * build's or crafted reads as no file. Written atomically (temporary file + rename), best
 * effort: a folder the user may not write to costs the next build the work, never this one.
 *
 * The file: the HMAC (32 bytes) of the format's name and the payload; the payload: the build id
 * (its length in a byte, then Latin-1), then the store's body.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { readRegularFile } from './read-bounded.js';
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
    return made === build ? payload.subarray(1 + made.length) : undefined;
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
  const mac = macOf(secret, format, head, body);
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeAll(temporary, [mac, head, body]);
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // ENOTDIR, EACCES: nothing of ours is there, or nothing can be done about it.
    }
    return false;
  }
}

/** `parts` one after another into a new file (writeSync may write less than it is given: written to the end). */
function writeAll(file: string, parts: readonly Uint8Array[]): void {
  const fd = openSync(file, 'w');
  try {
    for (const part of parts) {
      for (let at = 0; at < part.length; ) at += writeSync(fd, part, at, part.length - at);
    }
  } finally {
    closeSync(fd);
  }
}

/** A store's entry and how many builds ago it was last used. */
export interface Aged<T> {
  value: T;
  age: number;
}

/**
 * What a store keeps after a build: what the build used (age 0), then the earlier entries a build
 * older, newest first, while younger than `maxAge` and within `maxWeight` together. Undefined when
 * that is what the store holds already (the build used exactly its entries): no need to write it.
 */
export function keptAfter<T>(
  used: ReadonlyMap<string, T>,
  before: ReadonlyMap<string, Aged<T>>,
  { maxAge, maxWeight, weigh }: { maxAge: number; maxWeight: number; weigh: (value: T) => number },
): Map<string, Aged<T>> | undefined {
  if (used.size === before.size && [...used.keys()].every((key) => before.get(key)?.age === 0)) return undefined;
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
