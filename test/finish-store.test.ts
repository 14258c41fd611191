/**
 * The store of finished slides (src/template/finish-store.ts): a one-off build takes what the
 * project's last build made of each unchanged slide (its structure applied, its drawing repairs)
 * from `.cache/finished/slides.store`, and gives the deck a cold build gives, also after edits of
 * a slide's text and of the theme's colours; a damaged or foreign store is no store. Run through
 * the CLI (dist/), whose build id the store needs.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { finishStoreDir, loadFinishStore, saveFinishStore, StoredFinishing } from '../src/template/finish-store.js';
import { writeProven } from '../src/io/proven-store.js';
import { copyProjectInto, REPO } from './helpers/project-copy.js';
import { runCli } from './helpers/project.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-finish-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FORMAT = 'trappa-finished-slides-2';

/** The store's file as the format says: MAC, build id, then per entry its hash, age, length and V8's serialisation of its value. */
function readStore(dir: string): { build: string; entries: [string, unknown, number][]; bytes: number } {
  const file = readFileSync(path.join(dir, 'slides.store'));
  const payload = file.subarray(32);
  const build = payload.toString('latin1', 1, 1 + payload[0]!);
  const entries: [string, unknown, number][] = [];
  for (let at = 1 + build.length; at < payload.length; ) {
    const length = payload.readUInt32LE(at + 33);
    entries.push([
      payload.toString('hex', at, at + 32),
      deserialize(payload.subarray(at + 37, at + 37 + length)),
      payload[at + 32]!,
    ]);
    at += 37 + length;
  }
  return { build, entries, bytes: file.length };
}

function writeStore(dir: string, build: string, entries: [string, unknown, number][], secret: Buffer): void {
  const fields = entries.map(([hash, value, age]) => {
    const bytes = serialize(value);
    const head = Buffer.alloc(37);
    head.write(hash, 0, 32, 'hex');
    head[32] = age;
    head.writeUInt32LE(bytes.length, 33);
    return Buffer.concat([head, bytes]);
  });
  const payload = Buffer.concat([Buffer.from([build.length]), Buffer.from(build, 'latin1'), ...fields]);
  const mac = createHmac('sha256', secret).update(`${FORMAT}\0`).update(payload).digest();
  writeFileSync(path.join(dir, 'slides.store'), Buffer.concat([mac, payload]));
}

describe('the finished slides store (in process)', () => {
  it('finds a slide by all of its key, and never one whose key holds a lone surrogate', () => {
    const memo = new StoredFinishing();
    let made = 0;
    const apply = () => ({ xml: `<p:sld>${made++}</p:sld>`, tags: [], ids: [] });
    // UTF-8 makes a lone surrogate U+FFFD: the two keys would hash alike.
    expect(memo.applied('<a:t>\uD800</a:t>', apply).reused).toBe(false);
    expect(memo.applied('<a:t>\uFFFD</a:t>', apply).reused).toBe(false);
    expect(memo.applied('<a:t>\uD800</a:t>', apply)).toMatchObject({
      reused: false,
      done: { xml: '<p:sld>2</p:sld>' },
    });
    expect(memo.applied('<a:t>\uFFFD</a:t>', apply)).toMatchObject({ reused: true, done: { xml: '<p:sld>1</p:sld>' } });
    expect(memo.applied('<a:t>\uFFFD</a:t> ', apply).reused).toBe(false);
    expect(memo.repaired('<a:t>\uDC00</a:t>', 'nb', (xml) => `${xml}!`)).toBe('<a:t>\uDC00</a:t>!');
    expect(memo.repaired('<a:t>\uFFFD</a:t>', 'nb', () => 'x')).toBe('x');
    expect(memo.repaired('<a:t>\uFFFD</a:t>', 'nn', () => 'y')).toBe('y');
    expect(memo.repaired('<a:t>\uFFFD</a:t>', 'nb', () => 'z')).toBe('x');
    expect(memo.used().size).toBe(4);
  });
});

describe('the finished slides store file (in process)', () => {
  const BUILD = 'test-build';
  /** A proven file of `entries` ([hash, value bytes, age]) as saveFinishStore would name it. */
  const proven = (dir: string, entries: [string, Uint8Array, number][]): void => {
    const fields = entries.map(([hash, bytes, age]) => {
      const head = Buffer.alloc(37);
      head.write(hash, 0, 32, 'hex');
      head[32] = age;
      head.writeUInt32LE(bytes.length, 33);
      return Buffer.concat([head, bytes]);
    });
    expect(
      writeProven(path.join(dir, 'slides.store'), FORMAT, `${BUILD}/${process.versions.v8}`, Buffer.concat(fields)),
    ).toBe(true);
  };
  const hashOf = (seed: string) => createHash('sha256').update(seed).digest('hex');
  /** The hash a slide's key is kept under (finish-store.ts keyOf). */
  const keyHash = (...texts: string[]) => {
    const hash = createHash('sha256');
    for (const text of texts) hash.update(`${text.length}:`).update(text);
    return hash.digest('hex');
  };

  it('reads a value only when a build asks for it, and writes an entry it did not use back as it was read', () => {
    const dir = mkdtempSync(path.join(work, 'lazy-'));
    const first = new StoredFinishing();
    first.repaired('<a:t>A</a:t>', 'nb', () => 'repaired A');
    saveFinishStore(dir, first, BUILD);
    const [hashA, valueA] = readStore(dir).entries[0]!;
    // An entry no V8 reads (bytes no serialisation gives): a store that deserialised every entry on
    // reading took the whole file for damaged; this one serves the other entry, then keeps these bytes.
    const unread = Buffer.from([0xff, 0x0f, 0xee, 0xee, 0xee]);
    proven(dir, [
      [hashA, serialize(valueA), 0],
      [hashOf('other'), unread, 0],
    ]);
    const next = loadFinishStore(dir, BUILD)!;
    expect(next.repaired('<a:t>A</a:t>', 'nb', () => 'made again')).toBe('repaired A');
    next.repaired('<a:t>B</a:t>', 'nb', () => 'repaired B');
    saveFinishStore(dir, next, BUILD);
    const file = readFileSync(path.join(dir, 'slides.store'));
    const kept = Buffer.concat([Buffer.from(hashOf('other'), 'hex'), Buffer.from([1, unread.length, 0, 0, 0]), unread]);
    expect(file.includes(kept)).toBe(true);
  });

  it("a write removes the temporary files killed builds left beside the store, not a running one's", () => {
    const dir = mkdtempSync(path.join(work, 'strays-'));
    // A process that has ended: its pid names no running process (as a build killed at its rename).
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const stray = path.join(dir, `.0123456789ab.${dead}.deadbeef.tmp`);
    const running = path.join(dir, `.0123456789ab.${process.pid}.deadbeef.tmp`);
    writeFileSync(stray, randomBytes(64));
    writeFileSync(running, randomBytes(64));
    const memo = new StoredFinishing();
    memo.repaired('<a:t>A</a:t>', 'nb', () => 'repaired A');
    saveFinishStore(dir, memo, BUILD);
    expect(readdirSync(dir).sort()).toEqual([path.basename(running), 'slides.store'].sort());
  });

  it('reads no file over its bound: what a build can write (32 MiB of entries, heads included)', () => {
    const dir = mkdtempSync(path.join(work, 'bound-'));
    const MAX = 32 * 1024 * 1024;
    const asked = () => loadFinishStore(dir, BUILD)!.repaired('<a:t>X</a:t>', 'nb', () => 'made');
    const entry = (hash: string) => [hash, serialize('served'), 0] as [string, Uint8Array, number];
    const filler = (bytes: number) => [hashOf('filler'), Buffer.alloc(bytes - 37), 0] as [string, Uint8Array, number];
    const wanted = entry(keyHash('repaired', 'nb', '<a:t>X</a:t>'));
    const size = 37 + wanted[1].length;
    proven(dir, [wanted, filler(MAX - size)]);
    expect(asked()).toBe('served');
    proven(dir, [wanted, filler(MAX - size + 1)]);
    expect(asked()).toBe('made');
  });
});

describe('the finished slides store (the CLI)', () => {
  // The store's key in a folder of this test's own, so that the test can prove a store file.
  const env = { XDG_STATE_HOME: mkdtempSync(path.join(work, 'state-')) };

  async function build(root: string, out: string): Promise<Buffer> {
    const run = await runCli(['--out', path.join(root, out), 'build', '--deck', 'strategi'], root, env);
    expect(run.status, run.stderr).toBe(0);
    const file = readdirSync(path.join(root, out)).find((f) => f.endsWith('.pptx'))!;
    return readFileSync(path.join(root, out, file));
  }

  /** The deck a build with no store gives, from a copy of `root`'s project as it is now. */
  async function coldBuild(root: string): Promise<Buffer> {
    const copy = copyProjectInto(mkdtempSync(path.join(work, 'cold-')), root);
    return build(copy, 'out');
  }

  it('gives a cold build’s deck after edits; serves its own entries; ignores a damaged or foreign store', async () => {
    const root = copyProjectInto(mkdtempSync(path.join(work, 'project-')));
    const store = finishStoreDir(root);
    const first = await build(root, 'out-1');
    const written = readStore(store);
    // Every slide's structure, and the repairs of every slide and notes part, are there.
    const slides = Object.keys(unzipSync(first)).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
    expect(written.entries.filter(([, value]) => typeof value === 'object').length).toBe(slides);
    expect(written.entries.length).toBeGreaterThanOrEqual(3 * slides);
    expect((await build(root, 'out-2')).equals(first)).toBe(true);

    // Damaged: one bit of the serialised entries. Foreign: proven under another key. Neither is used.
    const file = path.join(store, 'slides.store');
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 20) ^ 0x01, bytes.length - 20);
    writeFileSync(file, bytes);
    expect((await build(root, 'out-3')).equals(first)).toBe(true);
    const entries = readStore(store).entries;
    expect(entries.length).toBe(written.entries.length);
    const altered = entries.map(([hash, value, age]): [string, unknown, number] => [
      hash,
      // One letter of each finished part's first text (more would make a text overflow its frame).
      typeof value === 'string' ? value.replace(/<a:t>[^<Q]/, '<a:t>Q') : value,
      age,
    ]);
    writeStore(store, written.build, altered, randomBytes(32));
    expect((await build(root, 'out-4')).equals(first)).toBe(true);

    // Proven under this user's key: the store's own finished text is what the deck holds (it is read).
    const secret = readFileSync(path.join(env.XDG_STATE_HOME, 'trappa', 'template-store-key'));
    writeStore(store, written.build, altered, secret);
    const served = unzipSync(await build(root, 'out-5'));
    const firstText = (xml: string) => /<a:t>[^<]/.exec(xml)?.[0];
    const slide1 = (deck: Uint8Array | Record<string, Uint8Array>) =>
      new TextDecoder().decode((deck instanceof Uint8Array ? unzipSync(deck) : deck)['ppt/slides/slide1.xml']);
    expect(firstText(slide1(first))).not.toBe('<a:t>Q');
    expect(firstText(slide1(served))).toBe('<a:t>Q');
    rmSync(store, { recursive: true });
    expect((await build(root, 'out-6')).equals(first)).toBe(true);

    // Edits: a slide's title, then the theme's primary colour (every slide's scheme colours).
    const strategy = path.join(root, 'data/strategy.yaml');
    writeFileSync(
      strategy,
      readFileSync(strategy, 'utf8').replace('model.title: Bilde av samkommunen', 'model.title: Ein annan tittel'),
    );
    const edited = await build(root, 'out-7');
    expect(edited.equals(first)).toBe(false);
    expect(edited.equals(await coldBuild(root))).toBe(true);
    const theme = path.join(root, 'data/theme.yaml');
    writeFileSync(theme, readFileSync(theme, 'utf8').replace('primary: "1F4E79"', 'primary: "1F4E7A"'));
    const recoloured = await build(root, 'out-8');
    expect(recoloured.equals(edited)).toBe(false);
    expect(recoloured.equals(await coldBuild(root))).toBe(true);
    // Back as it was: the first build's entries are still there (a build older) and give its deck.
    cpSync(path.join(REPO, 'data/strategy.yaml'), strategy);
    cpSync(path.join(REPO, 'data/theme.yaml'), theme);
    expect((await build(root, 'out-9')).equals(first)).toBe(true);
  }, 180_000);
});
