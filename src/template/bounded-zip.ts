/**
 * A template's zip read the way untrusted input must be: the central directory first, then
 * only the entries asked for, each inflated with a hard output bound (Node's zlib stops at
 * `maxOutputLength` and throws before allocating more), so a part that inflates to gigabytes
 * costs at most the bound in memory. fflate's unzipSync inflates every entry whole, trusting
 * the sizes the zip declares; it stays in use for Trappa's own decks.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { english, said } from '../messages/catalogue.js';

interface ZipEntry {
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Why a zip or one of its entries cannot be read: a sentence that follows the part's name. */
export type ZipProblem = { problem: string };

export interface BoundedZip {
  /** Entry names as the zip lists them, folders excluded. */
  names: string[];
  /** The entry's bytes, inflated within the limit (and within what is left of twice the limit for all reads). */
  read(name: string): Uint8Array | ZipProblem;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_32 = 0xffffffff;

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 65535); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

/** Sizes and offset a zip64 extra field gives where the 32-bit fields say 0xFFFFFFFF. */
function zip64Values(view: DataView, at: number, length: number, entry: ZipEntry): void {
  for (let field = at; field + 4 <= at + length; ) {
    const id = view.getUint16(field, true);
    const size = view.getUint16(field + 2, true);
    if (id === 0x0001) {
      let value = field + 4;
      const next = (): number => {
        const n = Number(view.getBigUint64(value, true));
        value += 8;
        return n;
      };
      if (entry.size === MAX_32) entry.size = next();
      if (entry.compressedSize === MAX_32) entry.compressedSize = next();
      if (entry.localOffset === MAX_32) entry.localOffset = next();
      return;
    }
    field += 4 + size;
  }
}

function readDirectory(bytes: Uint8Array): Map<string, ZipEntry> | ZipProblem {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.byteLength >= 22 ? findEndOfCentralDirectory(view) : -1;
  if (end < 0) return { problem: 'is not a PowerPoint file (not a zip)' };
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL)
      return { problem: 'is damaged: its central directory is cut short' };
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const entry: ZipEntry = {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    zip64Values(view, at + 46 + nameLength, extraLength, entry);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (!name.endsWith('/') && !entries.has(name)) entries.set(name, entry);
    at += 46 + nameLength + extraLength + view.getUint16(at + 32, true);
  }
  return entries;
}

/** A length or offset field that points past the zip's end makes DataView throw a RangeError: damage, not a bug. */
function withinBytes<T>(read: () => T | ZipProblem): T | ZipProblem {
  try {
    return read();
  } catch (error) {
    if (error instanceof RangeError) return { problem: 'is damaged: a size or offset in it points past its end' };
    throw error;
  }
}

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * zlib's output chunk for an entry: its declared size (bounded), so that an honest part inflates
 * into one buffer. With zlib's default 16 KB chunks, Yellow Idea's 2.5 MB of XML went through
 * 64 chunks per MB and a copy of them all, ~5 times the inflating itself. The size may lie: a
 * smaller one only means more chunks, a larger one a larger first buffer, at most MAX_CHUNK
 * (and `inflate` refuses a declared size over the budget before any work). The bytes are the same.
 */
const MIN_CHUNK = 64; // zlib.constants.Z_MIN_CHUNK
const MAX_CHUNK = 8 * 1024 * 1024;
// One byte over: a part that fills its chunk exactly would make zlib allocate another before it sees the end.
const chunkSizeFor = (declared: number): number => Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, declared + 1));

function inflate(data: Uint8Array, entry: ZipEntry, budget: number, limit: number): Uint8Array | ZipProblem {
  const tooBig = {
    problem:
      budget < limit
        ? `takes the parts read past twice the limit of ${mb(limit)} (TRAPPA_MAX_TEMPLATE_MB raises it)`
        : `inflates past the limit of ${mb(limit)} (TRAPPA_MAX_TEMPLATE_MB raises it)`,
  };
  // The declared size may lie either way; a larger declared size is refused before any work.
  if (entry.size > budget) return tooBig;
  if (entry.method === 0) return data;
  if (entry.method !== 8) return { problem: `is compressed with method ${entry.method}, which Office never uses` };
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget), chunkSize: chunkSizeFor(entry.size) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooBig;
    return { problem: english(said('zip.damagedDetail', { detailInside: (error as Error).message })) };
  }
}

/**
 * Opens `bytes` as a zip. Each entry read may inflate to `limit` bytes, all reads together to
 * twice that: the memory a template costs stays a small multiple of the template limit.
 */
export function openBoundedZip(bytes: Uint8Array, limit: number): BoundedZip | ZipProblem {
  const entries = withinBytes(() => readDirectory(bytes));
  if ('problem' in entries) return entries;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let left = 2 * limit;
  const read = (name: string): Uint8Array | ZipProblem => {
    const entry = entries.get(name);
    if (!entry) return { problem: 'is missing' };
    if (entry.flags & 1) return { problem: 'is encrypted' };
    const at = entry.localOffset;
    if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL)
      return { problem: 'is damaged: its local header is missing' };
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressedSize > bytes.byteLength) return { problem: 'is cut short (the zip is truncated)' };
    const data = withinBytes(() =>
      inflate(bytes.subarray(start, start + entry.compressedSize), entry, Math.min(limit, left), limit),
    );
    if ('problem' in data) return data;
    if (data.byteLength !== entry.size || crc32(data) >>> 0 !== entry.crc)
      return { problem: 'is damaged (its size or checksum differs from what the zip declares)' };
    left -= data.byteLength;
    return data;
  };
  return { names: [...entries.keys()], read };
}
