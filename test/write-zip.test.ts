/**
 * The finishing stage's zip writer (src/pptx/write-zip.ts) must give exactly the bytes
 * fflate's zipSync gave before it: a deck built by this version has the sha256 an earlier
 * version recorded for the same content, so a released version does not look changed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { writeZip, type ZipEntry } from '../src/pptx/write-zip.js';
import { copyBuiltProject } from './helpers/project.js';

const MODIFIED = new Date(2026, 10, 26, 12, 0, 0);

function asFflate(entries: readonly ZipEntry[], modified = MODIFIED): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) {
    const data = typeof e.data === 'string' ? strToU8(e.data) : e.data;
    files[e.name] = [data, { level: e.level as 0, mtime: modified }];
  }
  return zipSync(files);
}

/** The bundled decks as built into a project copy (call inside a test): file name → bytes. */
async function bundledDecks(): Promise<{ root: string; decks: Map<string, Uint8Array> }> {
  const root = await copyBuiltProject([]);
  const out = path.join(root, 'output');
  const files = readdirSync(out).filter((f) => f.endsWith('.pptx'));
  return { root, decks: new Map(files.map((f) => [f, readFileSync(path.join(out, f))])) };
}

describe('writeZip', () => {
  it('gives the bytes fflate gave for every bundled deck, and a rebuild gives them again from the cache', async () => {
    const { decks } = await bundledDecks();
    expect(decks.size).toBeGreaterThanOrEqual(4);
    for (const [file, bytes] of decks) {
      const entries = Object.entries(unzipSync(bytes)).map(([name, data]) => ({
        name,
        data,
        level: /\.(png|jpe?g)$/.test(name) ? 0 : 6,
      }));
      const expected = asFflate(entries);
      expect(Buffer.from(writeZip(entries, MODIFIED)).equals(Buffer.from(expected)), file).toBe(true);
      // The second time every part comes from the per-process cache: still the same bytes.
      expect(Buffer.from(writeZip(entries, MODIFIED)).equals(Buffer.from(expected)), file).toBe(true);
    }
  });

  it('the same for non-ASCII names, empty parts, stored parts and other levels', () => {
    const entries: ZipEntry[] = [
      { name: '[Content_Types].xml', data: strToU8('<Types/>'), level: 6 },
      { name: 'ppt/media/bilde-æøå.png', data: new Uint8Array([137, 80, 78, 71, 1, 2, 3]), level: 0 },
      { name: 'tom.xml', data: new Uint8Array(0), level: 6 },
      { name: 'nivå9.xml', data: strToU8('<a>'.repeat(5000)), level: 9 },
      { name: 'nivå1.xml', data: strToU8('Kommunikasjonstrappa '.repeat(300)), level: 1 },
      // Text, encoded when deflated (package-parts.ts: a part's text encoded then, not kept).
      { name: 'laget.xml', data: '<p>ærlig</p>'.repeat(200), level: 6 },
      { name: 'lagret.xml', data: '<p>lagret – som tekst</p>', level: 0 },
    ];
    for (const modified of [MODIFIED, new Date(1980, 0, 1, 0, 0, 0), new Date(2099, 11, 31, 23, 59, 58)]) {
      expect(Buffer.from(writeZip(entries, modified)).equals(Buffer.from(asFflate(entries, modified)))).toBe(true);
    }
  });

  it('the same when parts of every size follow each other (the match tables are reused, write-zip.ts deflatePart)', () => {
    let seed = 27;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 16;
    };
    const words = ['<a:t>', 'Kommunikasjon', '</a:t>', ' ', 'æøå', '–', '<a:rPr lang="nb-NO"/>', '"'];
    const text = (length: number): string => {
      let out = '';
      while (out.length < length) out += next() % 7 === 0 ? String(next()) : words[next() % words.length];
      return out.slice(0, length);
    };
    // Large then small: a table left dirty past the smaller part's hash width, or a chain from the part before.
    const sizes = [460_000, 120, 30_000, 2_900, 0, 210_000, 3_100, 1, 90_000, 17];
    const entries: ZipEntry[] = sizes.map((size, i) => ({ name: `del${i}.xml`, data: text(size), level: 6 }));
    entries.push({ name: 'bilde.bin', data: Uint8Array.from({ length: 70_000 }, () => next() & 0xff), level: 6 });
    expect(Buffer.from(writeZip(entries, MODIFIED)).equals(Buffer.from(asFflate(entries)))).toBe(true);
  });

  it('refuses a time a zip cannot hold instead of writing a wrong one', () => {
    expect(() => writeZip([], new Date(1979, 11, 31, 12))).toThrow(/1980–2099/);
  });

  it('a build writes the same deck bytes whether its parts were deflated before or not', async () => {
    const { root, decks } = await bundledDecks();
    const first = await buildDecks({ root, dryRun: true });
    const second = await buildDecks({ root, dryRun: true });
    expect(second.decks.map((d) => d.sha256)).toEqual(first.decks.map((d) => d.sha256));
    for (const deck of first.decks) expect(decks.get(path.basename(deck.file))).toBeDefined();
    for (const deck of first.decks) expect(deck.sha256).toBe(sha256Of(decks.get(path.basename(deck.file))!));
  });
});

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
