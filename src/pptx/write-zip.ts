/**
 * The zip container of a .pptx, written from parts in a given order, byte for byte as
 * fflate's `zipSync` writes it (test/write-zip.test.ts holds it to that), with one
 * difference: each part's deflated bytes are kept per process, keyed by its content, and
 * offered to the project's store for the next build (template/deflate-store.ts).
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
import { hash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { Deflate, deflateSync, strToU8 } from 'fflate';
import { BoundedCache } from '../bounded-cache.js';

export interface ZipEntry {
  name: string;
  /**
   * The part's bytes, or its text: encoded to UTF-8 when the entry is deflated, and not kept.
   * A master-set part given as text and zipped before is found by that text (`byText`).
   */
  data: Uint8Array | string;
  /** 0 stores the bytes as they are (media that is compressed already); 1–9 deflates. */
  level: number;
  /** Given as text that is likely to come again (watch mode's slides): kept by its text (`byText`) as master-set parts are. */
  again?: boolean;
}

interface Compressed {
  crc: number;
  bytes: Uint8Array;
}

/** A part's deflated bytes as a store keeps them: the CRC-32 and length of the part they inflate to. */
export interface Deflated extends Compressed {
  size: number;
}

/** Deflated parts by level and content hash, up to 64 MB of them. */
const cache = new BoundedCache<string, Deflated>(64 * 1024 * 1024, (_, made) => made.bytes.length);

/**
 * Deflated parts an earlier build kept (template/deflate-store.ts), by the same key: most of a
 * deck's parts are the same in the next build (every part of a template's master set, and every
 * slide, notes part and rels no edit touched). Taken as they are: the store gives only entries
 * this user's Trappa of the same build wrote (an HMAC under the user's key over the whole store),
 * that is deflated bytes this code made of the content the key hashes.
 */
const stored = new Map<string, Deflated>();
/**
 * The parts zipped since the store last took them (`takeDeflated`), by key: what the next build
 * will likely zip again. Up to 32 MB of deflated bytes, the most the store keeps: the Studio's
 * live check renders decks without a build to take them, edit after edit, and the list starts
 * again when full.
 */
const used = new Map<string, Deflated>();
let usedBytes = 0;
const USED_LIMIT = 32 * 1024 * 1024;

function noteUsed(key: string, made: Deflated): void {
  if (used.has(key)) return;
  if (usedBytes + made.bytes.length > USED_LIMIT) {
    used.clear();
    usedBytes = 0;
  }
  used.set(key, made);
  usedBytes += made.bytes.length;
}

/**
 * Master-set parts zipped by this process, by their text (up to 16 M characters of it): every deck
 * of a build installs the same masters and layouts, the very strings (finish-package.ts keeps their
 * repairs), and encoding them to UTF-8 and hashing that to find their deflated bytes again cost
 * ~10 ms a deck for Yellow Idea's 2.5 MB. A text's bytes are a pure function of it and the level.
 */
const byText = new BoundedCache<string, Deflated & { key: string; level: number }>(
  16 * 1024 * 1024,
  (text) => text.length,
);
/** The parts worth finding by their text: what a master set brings, the same strings in every deck. */
const MASTER_SET_PART = /^ppt\/(slideMasters|slideLayouts|theme|media)\/[^/]+$/;

/**
 * A part's key: deflate level, SHA-256 and length. A hash no one can make two texts share: a
 * strategy's author cannot write a slide whose key finds another's bytes. The one-shot `hash`
 * costs half of `createHash` on a part of a few KB, most of a deck's.
 */
const keyOf = (data: Uint8Array, level: number): string => `${level}-${hash('sha256', data, 'hex')}-${data.length}`;

/** Offers deflated parts an earlier build kept (the store has proven them its own), in place of those offered before. */
export function rememberDeflated(entries: Iterable<[key: string, deflated: Deflated]>): void {
  stored.clear();
  for (const [key, deflated] of entries) stored.set(key, deflated);
}

/** The parts zipped since the last call, once each: for the store to keep. */
export function takeDeflated(): Map<string, Deflated> {
  const taken = new Map(used);
  used.clear();
  usedBytes = 0;
  return taken;
}

/**
 * DEFLATE as fflate's deflateSync does it, but with its match tables kept from part to part.
 * deflateSync allocates them afresh for every part (a hash head of 2^19 entries, 1 MB, for a
 * 200 KB slide, and 64 KB of chains), outside V8's heap, where they wait for a collection to
 * be freed: the ~100 slides of a 1,000-row deck grew the C heap by ~55 MB, which the process
 * kept until it ended. fflate's streaming Deflate hands a state to the same function
 * (`p(data, final)` → `dopt(data, options, 0, 0, state)`); a state `{ l: 1 }` is what deflateSync
 * gives it, here with the tables (`p`, `h`) given, zeroed as new ones are. The same bytes as
 * deflateSync (test/write-zip.test.ts); a fflate without that method gets deflateSync itself.
 */
interface DeflateInternals {
  o: { level: number };
  s: { l: 1; p: Uint16Array; h: Uint16Array };
  ondata: (chunk: Uint8Array) => void;
  p?: (data: Uint8Array, final: boolean) => void;
}
let tables: { stream: DeflateInternals; chains: Uint16Array; head: Uint16Array } | undefined;

function deflatePart(data: Uint8Array, level: number): Uint8Array {
  tables ??= {
    stream: new Deflate() as unknown as DeflateInternals,
    chains: new Uint16Array(32768),
    head: new Uint16Array(0),
  };
  const { stream, chains } = tables;
  if (typeof stream.p !== 'function') return deflateSync(data, { level: level as 1 });
  // The hash's width as fflate's dopt chooses it for a whole part (at most 20 bits, from ~440 KB):
  // the head grows to the largest part's, so a process of small decks (the Studio) keeps a small one.
  const width = Math.ceil(Math.max(8, Math.min(13, Math.log(data.length))) * 1.5);
  if (tables.head.length < 1 << width) tables.head = new Uint16Array(1 << width);
  const head = tables.head;
  chains.fill(0);
  head.fill(0, 0, 1 << width);
  let out: Uint8Array | undefined;
  stream.o = { level };
  stream.s = { l: 1, p: chains, h: head };
  stream.ondata = (chunk) => {
    out = chunk;
  };
  stream.p(data, true);
  if (!out) throw new Error('fflate gave no deflated data');
  return out;
}

/**
 * A part's text as UTF-8 (what fflate's strToU8 gives), in one buffer reused from part to part:
 * a view that is valid until the next call, for parts that are deflated and not kept as they are.
 */
const encoder = new TextEncoder();
let encoded = new Uint8Array(0);

function encodeForDeflate(text: string): Uint8Array {
  if (encoded.length < text.length * 3) encoded = new Uint8Array(Math.max(64 * 1024, text.length * 3));
  return encoded.subarray(0, encoder.encodeInto(text, encoded).written);
}

function compress(data: Uint8Array, level: number): Deflated & { key: string } {
  if (level === 0) return { crc: crc32(data), bytes: data, size: data.length, key: '' };
  const key = keyOf(data, level);
  let made = cache.get(key) ?? stored.get(key);
  if (!made) {
    made = { crc: crc32(data), bytes: deflatePart(data, level), size: data.length };
    cache.set(key, made);
  } else if (stored.delete(key)) cache.set(key, made);
  noteUsed(key, made);
  return { ...made, key };
}

/** The entry's bytes as the zip holds them, and their length before deflating. */
function zipped(entry: ZipEntry): Deflated {
  const { level, name } = entry;
  const text = typeof entry.data === 'string' ? entry.data : undefined;
  const known = text === undefined ? undefined : byText.get(text);
  if (known && known.level === level) {
    noteUsed(known.key, known);
    return known;
  }
  // A stored part is kept as its body: only a deflated one may be encoded into the reused buffer.
  const data = text === undefined ? (entry.data as Uint8Array) : level === 0 ? strToU8(text) : encodeForDeflate(text);
  const made = compress(data, level);
  if (text !== undefined && level !== 0 && (entry.again || MASTER_SET_PART.test(name)))
    byText.set(text, { ...made, level });
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
