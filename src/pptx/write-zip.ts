/**
 * The zip container of a .pptx, written from parts in a given order, byte for byte as
 * fflate's `zipSync` writes it (test/write-zip.test.ts holds it to that), with one
 * difference: each part's deflated bytes are kept per process, keyed by its content.
 *
 * Why not `zipSync` itself: it deflates every part of every deck again. A build of several
 * decks writes the same master, layouts and theme into each, and watch mode, the studio's
 * live check and `release` rebuild decks whose slides have not changed; DEFLATE in
 * JavaScript is the finishing stage's largest cost (~40 % of it).
 * Why not node:zlib, which is faster: its output depends on the zlib Node was built with
 * and on the CPU (Chromium's zlib), so the same deck would get other bytes on another
 * machine, and a released version would look changed. fflate's deflate is plain JS and
 * gives the same bytes everywhere; the CRC-32 (node:zlib's) is a fixed function.
 */
import { createHash } from 'node:crypto';
import { crc32, inflateRawSync } from 'node:zlib';
import { deflateSync, strToU8 } from 'fflate';
import { BoundedCache } from '../bounded-cache.js';

export interface ZipEntry {
  name: string;
  /** The part's bytes, or how to make them: made when the entry is deflated, and let go after. */
  data: Uint8Array | (() => Uint8Array);
  /** 0 stores the bytes as they are (media that is compressed already); 1–9 deflates. */
  level: number;
  /** The part's text, when `data` encodes it: a master-set part zipped before is found by it (`byText`). */
  text?: string;
}

interface Compressed {
  crc: number;
  bytes: Uint8Array;
}

/** Deflated parts by level and content hash, up to 64 MB of them. */
const cache = new BoundedCache<string, Compressed>(64 * 1024 * 1024, (_, made) => made.bytes.length);

/**
 * Deflated master-set parts an earlier build kept (template/deflate-store.ts), by the same key:
 * a template's masters and layouts are the same in every build (Yellow Idea's 1.2 MB took
 * ~250 ms of CPU to deflate each time). Untrusted until used: an entry serves only when its
 * bytes inflate to exactly the part's (node:zlib, bounded by the part's length), so a damaged
 * or crafted entry cannot put other content into a deck; it is deflated again instead.
 */
const stored = new Map<string, Uint8Array>();
/** Master-set parts deflated by this process, for the store to keep (`deflatedForStore`). */
const madeForStore = new Map<string, Uint8Array>();
/** The parts worth keeping between builds: what a master set brings, which no edit of the strategy changes. */
const STORED_PART = /^ppt\/(slideMasters|slideLayouts|theme|media)\/[^/]+$/;
const STORED_MIN_BYTES = 1024;

/**
 * Master-set parts zipped by this process, by their text (up to 16 M characters of it): every deck
 * of a build installs the same masters and layouts, the very strings (finish-package.ts keeps their
 * repairs), and encoding them to UTF-8 and hashing that to find their deflated bytes again cost
 * ~10 ms a deck for Yellow Idea's 2.5 MB. A text's bytes are a pure function of it and the level.
 */
const byText = new BoundedCache<string, Compressed & { size: number; level: number }>(
  16 * 1024 * 1024,
  (text) => text.length,
);

/** A part's key: deflate level, SHA-1 and length (hex, so that it can name a file). */
const keyOf = (data: Uint8Array, level: number): string =>
  `${level}-${createHash('sha1').update(data).digest('hex')}-${data.length}`;

/** True when this process has the part of `key` deflated already, or offered by the store: no need to read it again. */
export function knowsDeflated(key: string): boolean {
  return stored.has(key) || cache.get(key) !== undefined;
}

/** Offers deflated parts from an earlier build; each is checked against the part before it is used. */
export function rememberDeflated(entries: Iterable<[key: string, bytes: Uint8Array]>): void {
  for (const [key, bytes] of entries) stored.set(key, bytes);
}

/** The master-set parts this process deflated (and no store offered), once each: for the store to keep. */
export function deflatedForStore(): [key: string, bytes: Uint8Array][] {
  const made = [...madeForStore];
  madeForStore.clear();
  return made;
}

/** A stored entry that inflates to exactly `data`. */
function fromStore(key: string, data: Uint8Array): Uint8Array | undefined {
  const bytes = stored.get(key);
  if (!bytes) return undefined;
  stored.delete(key);
  try {
    // One output chunk of the part's length + 1 (zlib's 16 KB chunks cost more than the inflating).
    const inflated = inflateRawSync(bytes, {
      maxOutputLength: data.length + 1,
      chunkSize: Math.max(64, data.length + 1),
    });
    return inflated.length === data.length && inflated.equals(data) ? bytes : undefined;
  } catch {
    return undefined;
  }
}

function compress(data: Uint8Array, level: number, name: string): Compressed {
  if (level === 0) return { crc: crc32(data), bytes: data };
  const key = keyOf(data, level);
  const hit = cache.get(key);
  if (hit) return hit;
  const kept = fromStore(key, data);
  const made = { crc: crc32(data), bytes: kept ?? deflateSync(data, { level: level as 1 }) };
  if (!kept && data.length >= STORED_MIN_BYTES && STORED_PART.test(name)) madeForStore.set(key, made.bytes);
  cache.set(key, made);
  return made;
}

/** The entry's bytes as the zip holds them, and their length before deflating. */
function zipped(entry: ZipEntry): Compressed & { size: number } {
  const { text, level, name } = entry;
  const known = text === undefined ? undefined : byText.get(text);
  if (known && known.level === level) return known;
  const data = typeof entry.data === 'function' ? entry.data() : entry.data;
  const made = { ...compress(data, level, name), size: data.length };
  if (text !== undefined && level !== 0 && STORED_PART.test(name)) byText.set(text, { ...made, level });
  return made;
}

/**
 * DOS date and time as zip stores them, from the local-time fields of `modified`
 * (see package-parts.ts zipTimestamp for why a local time).
 */
function dosDateTime(modified: Date): number {
  const year = modified.getFullYear() - 1980;
  if (year < 0 || year > 119)
    throw new RangeError(`a zip entry time must be in 1980–2099, got ${modified.getFullYear()}`);
  return (
    ((year << 25) |
      ((modified.getMonth() + 1) << 21) |
      (modified.getDate() << 16) |
      (modified.getHours() << 11) |
      (modified.getMinutes() << 5) |
      (modified.getSeconds() >> 1)) >>>
    0
  );
}

interface Placed {
  name: Uint8Array;
  /** Bit 11: the name is UTF-8 beyond ASCII. */
  flags: number;
  method: number;
  crc: number;
  size: number;
  body: Uint8Array;
  offset: number;
}

/** Local header or central directory record: the fields they share, from `at`. */
function writeCommon(view: DataView, at: number, entry: Placed, time: number): void {
  view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
  view.setUint16(at + 2, entry.flags, true);
  view.setUint16(at + 4, entry.method, true);
  view.setUint32(at + 6, time, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.body.length, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, entry.name.length, true);
  view.setUint16(at + 24, 0, true); // no extra field
}

/** The zip of `entries`, in their order, every entry dated `modified`. */
export function writeZip(entries: readonly ZipEntry[], modified: Date): Uint8Array {
  const time = dosDateTime(modified);
  let offset = 0;
  const placed: Placed[] = entries.map((entry) => {
    const name = strToU8(entry.name);
    if (name.length > 0xffff) throw new RangeError(`zip entry name too long: ${entry.name.slice(0, 80)}…`);
    const { crc, bytes, size } = zipped(entry);
    const at = offset;
    offset += 30 + name.length + bytes.length;
    const flags = name.length !== entry.name.length ? 0x0800 : 0;
    return { name, flags, method: entry.level === 0 ? 0 : 8, crc, size, body: bytes, offset: at };
  });
  const directoryStart = offset;
  const directorySize = placed.reduce((sum, e) => sum + 46 + e.name.length, 0);
  if (directoryStart + directorySize > 0xffffffff || placed.length > 0xffff) {
    throw new RangeError('a deck over 4 GB or 65,535 parts needs Zip64, which Trappa does not write');
  }
  const out = new Uint8Array(directoryStart + directorySize + 22);
  const view = new DataView(out.buffer);
  for (const e of placed) {
    view.setUint32(e.offset, 0x04034b50, true);
    writeCommon(view, e.offset + 4, e, time);
    out.set(e.name, e.offset + 30);
    out.set(e.body, e.offset + 30 + e.name.length);
  }
  let at = directoryStart;
  for (const e of placed) {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // version made by: 2.0, MS-DOS attributes
    writeCommon(view, at + 6, e, time);
    // comment length, disk number, internal and external attributes: all 0
    view.setUint32(at + 42, e.offset, true);
    out.set(e.name, at + 46);
    at += 46 + e.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, placed.length, true);
  view.setUint16(at + 10, placed.length, true);
  view.setUint32(at + 12, directorySize, true);
  view.setUint32(at + 16, directoryStart, true);
  return out;
}
