/**
 * The store of deflated parts (src/template/deflate-store.ts, pptx/write-zip.ts): a later build
 * takes every part it zipped before (master set, slides, notes, rels) from
 * `.cache/deflated/parts.store` instead of deflating it again and gives the same bytes; the file
 * keeps what the last builds zipped, within an age and a size; a file that is damaged, another
 * user's or another Trappa's is no store, and is written anew.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { takeDeflated, writeZip } from '../src/pptx/write-zip.js';
import { deflateStoreDir, loadDeflateStore, MAX_AGE, saveDeflateStore } from '../src/template/deflate-store.js';
import { storeSecret } from '../src/io/store-secret.js';
import { copyProjectInto } from './helpers/project-copy.js';
import { runCli } from './helpers/project.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-deflate-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const MODIFIED = new Date(2026, 10, 26, 12, 0, 0);
const FORMAT = 'trappa-deflated-parts-1';
const BUILD = 'test-build';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** A part no other test has zipped (the per-process cache would answer first). */
const freshPart = (bytes = 3000) => strToU8(`<p:sld>${randomBytes(bytes).toString('hex')}</p:sld>`);
const fflateZip = (name: string, data: Uint8Array) => zipSync({ [name]: [data, { level: 6, mtime: MODIFIED }] });

interface Entry {
  hash: string;
  level: number;
  age: number;
  size: number;
  crc: number;
  bytes: Buffer;
}

/** The store's file read as the format says (MAC, build id, entries), without the code under test. */
function readStoreFile(dir: string): { mac: Buffer; build: string; entries: Entry[]; payload: Buffer } {
  const file = readFileSync(path.join(dir, 'parts.store'));
  const mac = file.subarray(0, 32);
  const payload = file.subarray(32);
  const build = payload.toString('latin1', 1, 1 + payload[0]!);
  const entries: Entry[] = [];
  for (let at = 1 + build.length; at < payload.length; ) {
    const length = payload.readUInt32LE(at + 42);
    entries.push({
      hash: payload.toString('hex', at, at + 32),
      level: payload[at + 32]!,
      age: payload[at + 33]!,
      size: payload.readUInt32LE(at + 34),
      crc: payload.readUInt32LE(at + 38),
      bytes: payload.subarray(at + 46, at + 46 + length),
    });
    at += 46 + length;
  }
  return { mac, build, entries, payload };
}

/** A store file of `entries` for `build`, proven under `secret`. */
function writeStoreFile(dir: string, build: string, entries: Entry[], secret: Buffer): void {
  const fields = entries.map((e) => {
    const head = Buffer.alloc(46);
    head.write(e.hash, 0, 32, 'hex');
    head[32] = e.level;
    head[33] = e.age;
    head.writeUInt32LE(e.size, 34);
    head.writeUInt32LE(e.crc, 38);
    head.writeUInt32LE(e.bytes.length, 42);
    return Buffer.concat([head, e.bytes]);
  });
  const payload = Buffer.concat([Buffer.from([build.length]), Buffer.from(build, 'latin1'), ...fields]);
  const mac = createHmac('sha256', secret).update(`${FORMAT}\0`).update(payload).digest();
  writeFileSync(path.join(dir, 'parts.store'), Buffer.concat([mac, payload]));
}

/** An entry for `part` whose deflated bytes are node:zlib's at level 1: other bytes than fflate's, the same content. */
const otherwiseDeflated = (part: Uint8Array): Entry => ({
  hash: sha256(part),
  level: 6,
  age: 0,
  size: part.length,
  crc: crc32(part),
  bytes: deflateRawSync(part, { level: 1 }),
});

const zipOne = (part: Uint8Array, name = 'ppt/slides/slide1.xml') =>
  writeZip([{ name, data: part, level: 6 }], MODIFIED);

describe('the deflated parts store (in process)', () => {
  let dir: string;
  // The zipped parts are per process, and test files share their worker (vitest.config.ts): start from none.
  beforeEach(() => {
    takeDeflated();
    dir = mkdtempSync(path.join(work, 'store-'));
  });

  it('keeps every part zipped since the last save, with its CRC-32 and length, and is not written again when nothing changed', () => {
    loadDeflateStore(dir, BUILD);
    const slide = freshPart();
    const tiny = strToU8('<a/>');
    const picture = new Uint8Array(randomBytes(500));
    writeZip(
      [
        { name: 'ppt/slides/slide1.xml', data: slide, level: 6 },
        { name: 'ppt/slides/_rels/slide1.xml.rels', data: tiny, level: 6 },
        { name: 'ppt/media/image1.png', data: picture, level: 0 },
      ],
      MODIFIED,
    );
    saveDeflateStore(dir, BUILD);
    const { build, entries } = readStoreFile(dir);
    expect(build).toBe(BUILD);
    // Stored media (level 0) are not deflated, so not kept.
    expect(entries.map((e) => e.hash).sort()).toEqual([sha256(slide), sha256(tiny)].sort());
    for (const [part, e] of [
      [slide, entries.find((x) => x.hash === sha256(slide))!],
      [tiny, entries.find((x) => x.hash === sha256(tiny))!],
    ] as const) {
      expect(e).toMatchObject({ level: 6, age: 0, size: part.length, crc: crc32(part) });
      expect(e.bytes.equals(Buffer.from(deflateSync(part, { level: 6 })))).toBe(true);
    }
    // The next build zips the same parts: the file is left as it is (the same inode, not renamed over).
    const before = statSync(path.join(dir, 'parts.store')).ino;
    loadDeflateStore(dir, BUILD);
    writeZip(
      [
        { name: 'a.xml', data: slide, level: 6 },
        { name: 'b.xml', data: tiny, level: 6 },
      ],
      MODIFIED,
    );
    saveDeflateStore(dir, BUILD);
    expect(statSync(path.join(dir, 'parts.store')).ino).toBe(before);
  });

  it('serves a proven entry as it is, and ignores one that is damaged, cut short, foreign or of another build', () => {
    const secret = storeSecret();
    expect(secret).not.toBeNull();
    const served = (write: (part: Uint8Array, entry: Entry) => void): boolean => {
      const part = freshPart();
      const entry = otherwiseDeflated(part);
      write(part, entry);
      loadDeflateStore(dir, BUILD);
      const zip = Buffer.from(zipOne(part));
      expect(Buffer.from(unzipSync(zip)['ppt/slides/slide1.xml']!).equals(Buffer.from(part))).toBe(true);
      if (zip.includes(entry.bytes)) return true;
      expect(zip.equals(Buffer.from(fflateZip('ppt/slides/slide1.xml', part)))).toBe(true);
      return false;
    };
    // Proven: this user's key, this build. The zip holds the store's bytes (the store is read).
    expect(served((_, e) => writeStoreFile(dir, BUILD, [e], secret!))).toBe(true);
    expect(served((_, e) => writeStoreFile(dir, 'another-build', [e], secret!))).toBe(false);
    expect(served((_, e) => writeStoreFile(dir, BUILD, [e], randomBytes(32)))).toBe(false);
    const damaged = (change: (file: Buffer) => Buffer) => (_: Uint8Array, e: Entry) => {
      writeStoreFile(dir, BUILD, [e], secret!);
      const file = path.join(dir, 'parts.store');
      writeFileSync(file, change(readFileSync(file)));
    };
    expect(
      served(
        damaged((file) => {
          file.writeUInt8(file.readUInt8(file.length - 10) ^ 1, file.length - 10);
          return file;
        }),
      ),
    ).toBe(false);
    expect(served(damaged((file) => file.subarray(0, file.length - 1)))).toBe(false);
    expect(served(damaged(() => Buffer.alloc(0)))).toBe(false);
    // Run from source (no build id) there is no store.
    const part = freshPart();
    writeStoreFile(dir, BUILD, [otherwiseDeflated(part)], secret!);
    loadDeflateStore(dir, '');
    expect(Buffer.from(zipOne(part)).equals(Buffer.from(fflateZip('ppt/slides/slide1.xml', part)))).toBe(true);
  });

  it('writes a damaged store anew, proven, with what the build zipped', () => {
    writeFileSync(path.join(dir, 'parts.store'), randomBytes(200));
    loadDeflateStore(dir, BUILD);
    const part = freshPart();
    zipOne(part);
    saveDeflateStore(dir, BUILD);
    const { mac, payload, entries } = readStoreFile(dir);
    expect(mac.equals(createHmac('sha256', storeSecret()!).update(`${FORMAT}\0`).update(payload).digest())).toBe(true);
    expect(entries.map((e) => e.hash)).toEqual([sha256(part)]);
  });

  it('forgets a part not zipped for MAX_AGE builds that changed the file, and keeps the newest parts within its size', () => {
    const kept = freshPart();
    const dropped = freshPart();
    loadDeflateStore(dir, BUILD);
    zipOne(kept);
    zipOne(dropped);
    saveDeflateStore(dir, BUILD);
    for (let build = 1; build <= MAX_AGE; build++) {
      loadDeflateStore(dir, BUILD);
      zipOne(kept);
      // Each build makes a part of its own (an edit), so each writes the file.
      zipOne(freshPart(200));
      saveDeflateStore(dir, BUILD);
      const ages = new Map(readStoreFile(dir).entries.map((e) => [e.hash, e.age]));
      expect(ages.get(sha256(kept))).toBe(0);
      expect(ages.get(sha256(dropped))).toBe(build < MAX_AGE ? build : undefined);
    }
    // Size: this build's parts first, then the earlier ones, newest first, while they fit.
    const older = freshPart(2000);
    const newest = freshPart(2000);
    loadDeflateStore(dir, BUILD);
    zipOne(older);
    saveDeflateStore(dir, BUILD);
    loadDeflateStore(dir, BUILD);
    zipOne(newest);
    const sizeOf = (part: Uint8Array) => deflateSync(part, { level: 6 }).length;
    // Each entry's head is 46 bytes.
    saveDeflateStore(dir, BUILD, sizeOf(newest) + sizeOf(older) + 2 * 46 + 10);
    expect(readStoreFile(dir).entries.map((e) => e.hash)).toEqual([sha256(newest), sha256(older)]);
  });

  it('is not written by a build that zips nothing new and only parts of the last write (one deck of two, an unchanged rebuild)', () => {
    const [a, b, edited] = [freshPart(), freshPart(), freshPart()];
    const file = path.join(dir, 'parts.store');
    const build = (...parts: Uint8Array[]): void => {
      loadDeflateStore(dir, BUILD);
      for (const part of parts) zipOne(part);
      saveDeflateStore(dir, BUILD);
    };
    const ages = () => new Map(readStoreFile(dir).entries.map((e) => [e.hash, e.age]));
    build(a, b);
    build(edited, b);
    expect(ages()).toEqual(
      new Map([
        [sha256(edited), 0],
        [sha256(b), 0],
        [sha256(a), 1],
      ]),
    );
    const written = statSync(file).ino;
    // The same build again, then deck b alone: nothing new, nothing older used; no part ages.
    build(edited, b);
    build(b);
    build(edited);
    expect(statSync(file).ino).toBe(written);
    expect(ages().get(sha256(a))).toBe(1);
    // The edit undone: `a` comes back, is written at age 0, and `edited` ages by that one write.
    build(a, b);
    expect(statSync(file).ino).not.toBe(written);
    expect(ages()).toEqual(
      new Map([
        [sha256(a), 0],
        [sha256(b), 0],
        [sha256(edited), 1],
      ]),
    );
  });
});

describe('the deflated parts store (the CLI)', () => {
  /** `build --deck strategi` into `out`; the deck's bytes. */
  async function build(root: string, out: string, env: NodeJS.ProcessEnv): Promise<Buffer> {
    const run = await runCli(['--out', path.join(root, out), 'build', '--deck', 'strategi'], root, env);
    expect(run.status, run.stderr).toBe(0);
    const file = readdirSync(path.join(root, out)).find((f) => f.endsWith('.pptx'))!;
    return readFileSync(path.join(root, out, file));
  }
  const deflatedParts = (deck: Uint8Array): Map<string, string> =>
    new Map(
      Object.entries(unzipSync(deck))
        .filter(([name]) => !/\.(png|jpe?g|gif)$/i.test(name))
        .map(([name, data]) => [sha256(data), name]),
    );

  it('gives the same deck from the store, after a damaged or foreign store, and after an edit as a cold build does', async () => {
    // The store's key in a folder of this test's own, so that the test can prove a store file.
    const env = { XDG_STATE_HOME: mkdtempSync(path.join(work, 'state-')) };
    const root = copyProjectInto(mkdtempSync(path.join(work, 'project-')));
    const store = deflateStoreDir(root);
    const first = await build(root, 'out-1', env);
    const parts = deflatedParts(first);
    const written = readStoreFile(store);
    // Every deflated part of the deck is in the store, once: slides, notes, rels, master set.
    expect(new Set(written.entries.map((e) => e.hash))).toEqual(new Set(parts.keys()));
    expect(written.entries.length).toBe(parts.size);
    expect((await build(root, 'out-2', env)).equals(first)).toBe(true);

    // Damaged (one bit of one deflated part) and foreign (proven under another key): no store, same deck, written anew.
    const file = path.join(store, 'parts.store');
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 0x10, bytes.length - 5);
    writeFileSync(file, bytes);
    expect((await build(root, 'out-3', env)).equals(first)).toBe(true);
    expect(readStoreFile(store).payload.equals(written.payload)).toBe(true);
    writeStoreFile(store, written.build, written.entries, randomBytes(32));
    expect((await build(root, 'out-4', env)).equals(first)).toBe(true);
    expect(readStoreFile(store).mac.equals(written.mac)).toBe(true);

    // Proven under this user's key: the store serves its own bytes (one part deflated otherwise).
    const secret = readFileSync(path.join(env.XDG_STATE_HOME, 'trappa', 'template-store-key'));
    const served = written.entries.find((e) => parts.get(e.hash) === 'ppt/slides/slide2.xml')!;
    const slide = unzipSync(first)['ppt/slides/slide2.xml']!;
    const other = otherwiseDeflated(slide);
    writeStoreFile(store, written.build, [...written.entries.filter((e) => e !== served), other], secret);
    const fromStore = await build(root, 'out-5', env);
    expect(fromStore.includes(other.bytes)).toBe(true);
    expect(Buffer.from(unzipSync(fromStore)['ppt/slides/slide2.xml']!).equals(Buffer.from(slide))).toBe(true);
    writeStoreFile(store, written.build, written.entries, secret);

    // An edit of one slide and a slide taken out: the deck a cold build gives; the new slide's
    // parts kept, the old ones a build older.
    const strategy = path.join(root, 'data/decks/strategi.yaml');
    writeFileSync(strategy, readFileSync(strategy, 'utf8').replace('profile, ', ''));
    const edited = await build(root, 'out-6', env);
    const editedParts = deflatedParts(edited);
    const after = readStoreFile(store);
    rmSync(path.join(root, '.cache'), { recursive: true });
    expect((await build(root, 'out-7', env)).equals(edited)).toBe(true);
    const ages = new Map(after.entries.map((e) => [e.hash, e.age]));
    const gone = [...parts.keys()].filter((hash) => !editedParts.has(hash));
    const made = [...editedParts.keys()].filter((hash) => !parts.has(hash));
    expect(gone.length).toBeGreaterThan(0);
    expect(made.length).toBeGreaterThan(0);
    for (const hash of editedParts.keys()) expect(ages.get(hash), editedParts.get(hash)).toBe(0);
    for (const hash of gone) expect(ages.get(hash), parts.get(hash)).toBe(1);
  }, 120_000);
});
