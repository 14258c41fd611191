/**
 * The parts of an OPC package (a .pptx is a zip of them), read once and written
 * back deterministically: same parts in, same bytes out.
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { RawParts } from './pptx-parts.js';
import type { PendingTable } from './table-xml.js';
import { writeZip } from './write-zip.js';
import { BoundedCache } from '../bounded-cache.js';
import { isXmlPart, type OpcPackage, relsPartOf, resolvePart } from '../ooxml/package.js';
import { attr, children, parseXml } from '../ooxml/xml.js';

/** Held in `bytes` for a part whose text was set: its place in the order, encoded on use. */
const NOT_ENCODED = new Uint8Array(0);

/**
 * Parts by name, without a leading slash (`ppt/slides/slide1.xml`). XML parts are decoded on
 * first use; text set by the finishing stage is encoded to UTF-8 once, when its bytes are
 * needed (a slide is edited by several passes, and a 1,000-row deck's slides are ~9 MB).
 */
export class PackageParts {
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly texts = new Map<string, string>();
  /**
   * Tables pptxgenjs wrote as stand-ins, whose `a:tbl` the finishing stage writes (table-xml.ts):
   * empty for a package read from a zip.
   */
  tables: readonly PendingTable[] = [];

  static read(raw: Uint8Array): PackageParts {
    const parts = new PackageParts();
    for (const [name, data] of Object.entries(unzipSync(raw))) {
      // pptxgenjs (through JSZip) stores folder entries such as `ppt/charts/`, even
      // empty ones. A folder is not a part in OPC, so it is dropped.
      if (!name.endsWith('/')) parts.bytes.set(name, data);
    }
    return parts;
  }

  /** The parts pptxgenjs made (pptx-parts.ts), as `read` gives them from its zip. */
  static fromRaw(raw: RawParts, tables: readonly PendingTable[] = []): PackageParts {
    const parts = new PackageParts();
    parts.tables = tables;
    for (const [name, data] of raw) {
      if (typeof data === 'string') parts.setText(name, data);
      else parts.bytes.set(name, data);
    }
    return parts;
  }

  names(): string[] {
    return [...this.bytes.keys()];
  }

  has(name: string): boolean {
    return this.bytes.has(name);
  }

  text(name: string): string | undefined {
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const data = this.bytes.get(name);
    if (!data) return undefined;
    const text = strFromU8(data);
    this.texts.set(name, text);
    return text;
  }

  /** The raw bytes of a part (media), or undefined. */
  bytesOf(name: string): Uint8Array | undefined {
    const data = this.bytes.get(name);
    if (data !== NOT_ENCODED) return data;
    const encoded = strToU8(this.texts.get(name) ?? '');
    this.bytes.set(name, encoded);
    return encoded;
  }

  /**
   * A part as it is held: its bytes, or its text when it was set as text and not encoded yet. For
   * readers of the UTF-8 (a hash) that need not keep it: encoding every slide of a 5,000-row deck
   * to hash it kept ~45 MB of bytes alive until the zip was written.
   */
  heldAs(name: string): Uint8Array | string | undefined {
    const data = this.bytes.get(name);
    return data === NOT_ENCODED ? this.texts.get(name) : data;
  }

  setText(name: string, text: string): void {
    this.texts.set(name, text);
    this.bytes.set(name, NOT_ENCODED);
  }

  /** Sets a binary part (media) as is. */
  setBytes(name: string, data: Uint8Array): void {
    this.texts.delete(name);
    this.bytes.set(name, data);
  }

  /** Lets go of every part (the finishing stage, once it has zipped them and made the package). */
  clear(): void {
    this.tables = [];
    this.bytes.clear();
    this.texts.clear();
  }

  delete(name: string): void {
    this.bytes.delete(name);
    this.texts.delete(name);
  }

  /** Applies `edit` to every existing part whose name matches, writing back only what changed. */
  editText(matches: (name: string) => boolean, edit: (xml: string, name: string) => string): void {
    for (const name of this.names()) {
      if (!matches(name)) continue;
      const before = this.text(name);
      if (before === undefined) continue;
      const after = edit(before, name);
      if (after !== before) this.setText(name, after);
    }
  }

  /**
   * The parts as the readers see them (ooxml/package.ts), without a zip round trip: the
   * finishing stage checks this package and the build's check reads the same one.
   */
  toPackage(): OpcPackage {
    const names = sortPartNames(this.bytes.keys());
    const xml = new Map<string, string>();
    for (const name of names) if (isXmlPart(name)) xml.set(name, this.text(name) ?? '');
    return { parts: names, xml };
  }

  /**
   * Zips the parts so that the same parts always give the same bytes.
   * - Order: `[Content_Types].xml` first and `_rels/.rels` second, as Office writes them
   *   (some readers sniff the first entry), then every other part in natural name order
   *   (`slide2` before `slide10`), independent of the order pptxgenjs happened to use.
   * - Time: every entry gets `modified`. See `zipTimestamp` for why it is built from local parts.
   * - Compression: DEFLATE at a fixed level; PNG/JPEG/GIF are already compressed and are stored
   *   (write-zip.ts: the same bytes as fflate's zipSync, each part deflated once per process).
   * @param again the parts likely to come back as the very same text (watch mode's slides): their
   *   deflated bytes are kept by that text, as a master set's are, not found by hashing their bytes
   */
  toZip(modified: Date, again?: (name: string) => boolean): Uint8Array {
    // A part whose text was set is encoded as it is deflated and not kept: a 5,000-row deck's
    // slides are ~50 MB of UTF-8, which would otherwise all be alive until the zip is done.
    const entries = sortPartNames(this.bytes.keys()).map((name) => ({
      name,
      data: this.bytes.get(name) === NOT_ENCODED ? (this.texts.get(name) ?? '') : this.bytesOf(name)!,
      level: isCompressedMedia(name) ? 0 : 6,
      ...(again?.(name) ? { again: true } : {}),
    }));
    return writeZip(entries, modified);
  }
}

const FIRST_PARTS = ['[Content_Types].xml', '_rels/.rels'];

/**
 * A part name as `sortPartNames` orders it: its rank among FIRST_PARTS, and its runs of digits
 * and non-digits, each digit run with its number. Worked out once per name: a sort compares each
 * name many times, and splitting and matching them again at every comparison was ~2 % of finishing.
 */
interface SortKey {
  name: string;
  rank: number;
  chunks: string[];
  /** The number of each chunk of digits; NaN for the others. */
  numbers: number[];
}

/** Sort keys by name, kept per process (a build's decks share most part names). */
const sortKeys = new BoundedCache<string, SortKey>(10_000);

function sortKeyOf(name: string): SortKey {
  let key = sortKeys.get(name);
  if (!key) {
    const chunks = name.match(/\d+|\D+/g) ?? [];
    const rank = FIRST_PARTS.indexOf(name);
    key = {
      name,
      rank: rank === -1 ? FIRST_PARTS.length : rank,
      chunks,
      numbers: chunks.map((chunk) => (/^\d/.test(chunk) ? Number(chunk) : Number.NaN)),
    };
    sortKeys.set(name, key);
  }
  return key;
}

/**
 * `names` ordered `[Content_Types].xml`, `_rels/.rels`, then naturally: runs of digits compare as
 * numbers, everything else by UTF-16 code unit (no locale, so no ICU version can change it).
 */
export function sortPartNames(names: Iterable<string>): string[] {
  return Array.from(names, sortKeyOf)
    .sort(compareKeys)
    .map((key) => key.name);
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  const { chunks: chunksA, numbers: numbersA } = a;
  const { chunks: chunksB, numbers: numbersB } = b;
  const shared = Math.min(chunksA.length, chunksB.length);
  for (let i = 0; i < shared; i++) {
    const x = chunksA[i]!;
    const y = chunksB[i]!;
    if (x === y) continue;
    const m = numbersA[i]!;
    const n = numbersB[i]!;
    // Both digit runs (neither NaN) of other numbers: by number; else ("01" and "1" too) by code unit.
    if (!Number.isNaN(m) && !Number.isNaN(n) && m !== n) return m - n;
    return x < y ? -1 : 1;
  }
  return chunksA.length - chunksB.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function isCompressedMedia(name: string): boolean {
  return /\.(png|jpe?g|gif|mp4|m4v)$/i.test(name);
}

/**
 * The entry time for every zip entry: the deck's date at 12:00.
 *
 * Zip entries store a DOS date and time with no time zone, and fflate fills them
 * from the local-time getters of the Date it is given. A Date built from local
 * components therefore writes the same fields in every time zone, so CI (UTC)
 * and a laptop in Oslo produce the same bytes. Noon rather than midnight because
 * some zones switch to summer time at 00:00, where 00:00 does not exist and
 * would become 01:00 in that zone only. The deck's date (not 1980-01-01) so that
 * `unzip -l` shows something meaningful; it is fixed by the input, not the clock.
 */
export function zipTimestamp(isoDate: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
  const date = new Date(year, month - 1, day, 12, 0, 0);
  // DOS dates cover 1980–2107; fflate refuses years from 2100.
  if (!m || date.getMonth() !== month - 1 || date.getDate() !== day || year < 1980 || year > 2099) {
    throw new Error(`DeckProperties.date must be a real date YYYY-MM-DD between 1980 and 2099, got "${isoDate}"`);
  }
  return date;
}

/**
 * Relationship Id → target part name for the .rels of `source`, optionally only types ending
 * in `typeSuffix`; external targets left out. Read with the same parser and resolver as
 * `trappa check` (ooxml/), so both agree on quotes, references and `%20` in targets.
 */
export function relationshipTargets(parts: PackageParts, source: string, typeSuffix = ''): Map<string, string> {
  const folder = source.slice(0, source.lastIndexOf('/') + 1);
  const rels = parts.text(relsPartOf(source));
  const targets = new Map<string, string>();
  if (!rels) return targets;
  for (const rel of children(parseXml(rels), 'Relationship')) {
    const id = attr(rel, 'Id');
    const target = attr(rel, 'Target');
    if (!id || !target || attr(rel, 'TargetMode') === 'External' || !(attr(rel, 'Type') ?? '').endsWith(typeSuffix))
      continue;
    targets.set(id, resolvePart(folder, target));
  }
  return targets;
}
