/**
 * The store of read templates (src/template/template-store.ts): a later build takes the master
 * set an earlier one read from `.cache/templates/` and gives the very same decks; an entry that
 * does not read back whole (cut short, a byte changed, not V8's format, not a master set) is no
 * entry, and the template is read again; the store keeps its newest entries only; a store that
 * cannot be written costs nothing but the reading. The built-in design's sets are kept the same way
 * (`.cache/built-in/`), with the layouts chosen on them.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { readTemplateFile } from '../src/template/load-template.js';
import {
  builtInStoreKey,
  entryOf,
  keptChoice,
  keptGround,
  keptPictureArt,
  keptPlaces,
  keptRows,
  keptSlotAnswers,
  type Kept,
  type SlotAnswers,
  storedDesign,
  storeDesign,
  storedTemplate,
  storeTemplate,
  templateStoreKey,
  type StoredDesign,
} from '../src/template/template-store.js';
import { chooseLayouts, LAYOUT_ROLES } from '../src/template/choose-layouts.js';
import type { LayoutRole, MasterSet } from '../src/pptx/master-set.js';
import type { LogoRows } from '../src/layout/page.js';
import type { Box } from '../src/layout/types.js';
import { copyProjectInto, copyProjectOnTemplate } from './helpers/project-copy.js';
import { REPO, runCli } from './helpers/project.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-template-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const IMPRESS = path.join(REPO, 'test/fixtures/templates/impress.potx');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function impressSet(): Promise<MasterSet> {
  const read = await readTemplateFile(IMPRESS, 'assets/templates/impress.potx');
  if (!read.ok) throw new Error(read.issues[0]!.message);
  return read.value;
}

/** An entry file as the store writes it under `key`: the HMAC under this user's key, then the payload. */
function entryBytes(payload: Uint8Array, key = 'c'.repeat(64)): Buffer {
  const entry = entryOf(key, payload);
  if (!entry) throw new Error('no store key could be made in this home folder');
  return entry;
}

/** A store folder's entries (a template's folder also holds `layouts/`, the layouts chosen on it). */
const entriesIn = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.set'));

/** The same under another key: an entry written by someone else's Trappa, or made by hand. */
const foreignEntry = (payload: Uint8Array): Buffer =>
  Buffer.concat([createHmac('sha256', randomBytes(32)).update(payload).digest(), payload]);

describe('the template store (storeTemplate, storedTemplate)', () => {
  it('gives back the set it kept: its parts, layouts, maps and shared objects', async () => {
    const dir = mkdtempSync(path.join(work, 'store-'));
    const set = await impressSet();
    storeTemplate(dir, 'a'.repeat(64), set);
    const back = storedTemplate(dir, 'a'.repeat(64))!;
    expect(back).toEqual(set);
    expect([...back.parts.keys()]).toEqual([...set.parts.keys()]);
    for (const [name, bytes] of set.parts)
      expect(Buffer.from(back.parts.get(name)!).equals(Buffer.from(bytes))).toBe(true);
    // A master's places are one array for all its layouts, as readMasterSet made them.
    const [first, second] = back.layouts;
    expect(first!.masterPlaces).toBe(second!.masterPlaces);
    expect(storedTemplate(dir, 'b'.repeat(64))).toBeUndefined();
  });

  it('takes an entry that does not read back whole for none', async () => {
    const dir = mkdtempSync(path.join(work, 'damaged-'));
    const set = await impressSet();
    const key = 'c'.repeat(64);
    const file = path.join(dir, `${key}.set`);
    storeTemplate(dir, key, set);
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length >> 1]! ^= 0x40;
    const damaged = [
      good.subarray(0, good.length - 100), // cut short
      good.subarray(0, 3),
      flipped, // a byte changed: the HMAC differs
      entryBytes(Buffer.from('not what v8 writes')),
      entryBytes(serialize({ parts: 'no map', masters: [] })),
      entryBytes(serialize({ ...set, masters: ['ppt/slideMasters/missing.xml'] })),
      entryBytes(serialize({ ...set, layouts: [{ name: 'x', type: 'obj', part: 'nowhere', placeholders: [] }] })),
      entryBytes(serialize({ ...set, parts: new Map([...set.parts].map(([n]) => [n, 'text'])) })),
    ];
    for (const [i, bytes] of damaged.entries()) {
      writeFileSync(file, bytes);
      expect(storedTemplate(dir, key), `case ${i}`).toBeUndefined();
    }
    writeFileSync(file, good);
    expect(storedTemplate(dir, key)).toEqual(set);
    // Larger than a set read within the limit can be: not read at all.
    expect(storedTemplate(dir, key, good.length - 1)).toBeUndefined();
    expect(storedTemplate(dir, key, good.length)).toEqual(set);
  });

  it('takes no entry this user did not write: a set carrying a part the template never had, under another key', async () => {
    const dir = mkdtempSync(path.join(work, 'foreign-'));
    const set = await impressSet();
    const key = 'd'.repeat(64);
    // A project handed over with its .cache: the entry is well-formed and keyed for the template
    // it carries, and adds a part (here a macro project) that reading the template never lets in.
    const crafted = { ...set, parts: new Map([...set.parts, ['ppt/vbaProject.bin', new Uint8Array([1, 2, 3])]]) };
    writeFileSync(path.join(dir, `${key}.set`), foreignEntry(serialize(crafted)));
    expect(storedTemplate(dir, key)).toBeUndefined();
    // The same bytes under this user's key are read: only the key made the difference.
    writeFileSync(path.join(dir, `${key}.set`), entryBytes(serialize(crafted), key));
    expect(storedTemplate(dir, key)?.parts.has('ppt/vbaProject.bin')).toBe(true);
    // An entry of this user's renamed to another template's key: the HMAC covers the key too.
    const other = 'e'.repeat(64);
    storeTemplate(dir, key, set);
    copyFileSync(path.join(dir, `${key}.set`), path.join(dir, `${other}.set`));
    expect(storedTemplate(dir, key)).toEqual(set);
    expect(storedTemplate(dir, other)).toBeUndefined();
  });

  it('keeps the 8 newest entries, the one just written among them', async () => {
    const dir = mkdtempSync(path.join(work, 'bounded-'));
    const set = await impressSet();
    const keys = Array.from({ length: 11 }, (_, i) => i.toString(16).padStart(64, '0'));
    keys.forEach((key, i) => {
      storeTemplate(dir, key, set);
      // Written in order: the first is the oldest, whatever the file system's time resolution.
      const at = new Date(Date.UTC(2026, 0, 1, 0, i));
      utimesSync(path.join(dir, `${key}.set`), at, at);
    });
    const kept = readdirSync(dir).sort();
    expect(kept).toEqual(keys.slice(3).map((k) => `${k}.set`));
    // Another written: the oldest goes (here keys[3], made the oldest), never the one just written.
    utimesSync(path.join(dir, `${keys[3]}.set`), new Date(0), new Date(0));
    storeTemplate(dir, keys[0]!, set);
    expect(readdirSync(dir).sort()).toEqual([keys[0]!, ...keys.slice(4)].map((k) => `${k}.set`).sort());
  });

  it('keys by the template, the part limit and the code that reads it; no key without that code', () => {
    const bytes = readFileSync(IMPRESS);
    const key = templateStoreKey(bytes, 1000, 'build-1');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(templateStoreKey(bytes, 1000, 'build-1')).toBe(key);
    expect(templateStoreKey(bytes, 2000, 'build-1')).not.toBe(key);
    expect(templateStoreKey(bytes, 1000, 'build-2')).not.toBe(key);
    expect(templateStoreKey(Buffer.concat([bytes, Buffer.from([0])]), 1000, 'build-1')).not.toBe(key);
    expect(templateStoreKey(bytes, 1000, '')).toBeUndefined();
    expect(templateStoreKey(bytes, 1000, undefined)).toBeUndefined();
  });
});

/** Impress's set with the layouts Trappa chooses on it: a design as storeDesign keeps one. */
async function impressDesign(): Promise<StoredDesign> {
  const set = await impressSet();
  const chosen = chooseLayouts(set, {}, { file: 'impress' });
  if (!chosen.ok) throw new Error(chosen.issues[0]!.message);
  return { set, layouts: chosen.value.layouts };
}

describe('the store of built-in designs (storeDesign, storedDesign)', () => {
  it("gives back the design it kept, each role on one of the set's own layouts", async () => {
    const dir = mkdtempSync(path.join(work, 'designs-'));
    const design = await impressDesign();
    storeDesign(dir, 'a'.repeat(64), design);
    const back = storedDesign(dir, 'a'.repeat(64), LAYOUT_ROLES)!;
    expect(back).toEqual(design);
    for (const role of LAYOUT_ROLES) expect(back.set.layouts).toContain(back.layouts[role]);
    expect(back.set.layouts.indexOf(back.layouts.content)).toBe(design.set.layouts.indexOf(design.layouts.content));
    expect(storedDesign(dir, 'b'.repeat(64), LAYOUT_ROLES)).toBeUndefined();
  });

  it("takes an entry that is not whole, not this user's, or whose layouts are not its set's for none", async () => {
    const dir = mkdtempSync(path.join(work, 'designs-damaged-'));
    const design = await impressDesign();
    const key = 'c'.repeat(64);
    const file = path.join(dir, `${key}.set`);
    storeDesign(dir, key, design);
    const good = readFileSync(file);
    const { title: _, ...noTitle } = design.layouts;
    const crafted = {
      ...design,
      set: { ...design.set, parts: new Map([...design.set.parts, ['ppt/vbaProject.bin', new Uint8Array([1, 2, 3])]]) },
    };
    const damaged = [
      good.subarray(0, good.length - 100), // cut short
      foreignEntry(serialize(crafted)), // a part added, under another user's key
      entryBytes(serialize({ ...design, layouts: { ...design.layouts, title: { ...design.layouts.title } } }), key),
      entryBytes(serialize({ ...design, layouts: noTitle }), key),
      entryBytes(serialize({ ...design, layouts: { ...design.layouts, extra: design.layouts.title } }), key),
      entryBytes(serialize({ set: { ...design.set, parts: 'no map' }, layouts: design.layouts }), key),
      entryBytes(serialize(design.set), key), // a template's entry: no layouts
    ];
    for (const [i, bytes] of damaged.entries()) {
      writeFileSync(file, bytes);
      expect(storedDesign(dir, key, LAYOUT_ROLES), `case ${i}`).toBeUndefined();
    }
    writeFileSync(file, good);
    expect(storedDesign(dir, key, LAYOUT_ROLES)).toEqual(design);
  });

  it('keys by what the design is made of and the code that makes it; no key without that code', () => {
    const key = builtInStoreKey('{"footerText":"a"}', 'build-1');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(builtInStoreKey('{"footerText":"a"}', 'build-1')).toBe(key);
    expect(builtInStoreKey('{"footerText":"b"}', 'build-1')).not.toBe(key);
    expect(builtInStoreKey('{"footerText":"a"}', 'build-2')).not.toBe(key);
    expect(builtInStoreKey('{"footerText":"a"}', undefined)).toBeUndefined();
    // Not a template's key for the same bytes.
    expect(templateStoreKey(Buffer.from('{"footerText":"a"}'), 0, 'build-1')).not.toBe(key);
  });
});

/**
 * Keeps `value` through `kept` (its entry the one file in `dir`), then writes each of `damaged(good, entry)`
 * over the entry: none reads back, and the good bytes do again.
 */
function refusesDamaged<T>(
  dir: string,
  kept: Kept<T>,
  value: T,
  damaged: (good: Buffer, entry: string) => Buffer[],
): void {
  kept.keep(value);
  const [name] = readdirSync(dir);
  const file = path.join(dir, name!);
  const good = readFileSync(file);
  for (const [i, bytes] of damaged(good, name!.replace(/\.set$/, '')).entries()) {
    writeFileSync(file, bytes);
    expect(kept.get(), `case ${i}`).toBeUndefined();
  }
  writeFileSync(file, good);
  expect(kept.get()).toEqual(value);
}

describe('the layouts chosen on a template, kept beside its set (keptChoice)', () => {
  const key = 'd'.repeat(64);
  /** A set of its own: chooseLayouts keeps a choice per set object in the process too. */
  const freshSet = async (): Promise<MasterSet> => ({ ...(await impressSet()) });

  it('keeps the chosen parts under the set, the names and the wish for numbers; the chooser takes them', async () => {
    const dir = mkdtempSync(path.join(work, 'choices-'));
    const set = await freshSet();
    const kept = keptChoice(dir, key, {}, true, LAYOUT_ROLES);
    expect(kept.get()).toBeUndefined();
    const chosen = chooseLayouts(set, {}, { file: 'impress' }, { numbers: true }, kept);
    if (!chosen.ok) throw new Error(chosen.issues[0]!.message);
    const parts = Object.fromEntries(LAYOUT_ROLES.map((r) => [r, chosen.value.layouts[r].part]));
    expect(kept.get()).toEqual(parts);
    expect(readdirSync(path.join(dir, 'layouts'))).toHaveLength(1);
    // Another template, other names or another wish: another entry.
    expect(keptChoice(dir, 'e'.repeat(64), {}, true, LAYOUT_ROLES).get()).toBeUndefined();
    expect(keptChoice(dir, key, { content: 'x' }, true, LAYOUT_ROLES).get()).toBeUndefined();
    expect(keptChoice(dir, key, {}, false, LAYOUT_ROLES).get()).toBeUndefined();

    // What is kept is what a later build takes: here every role on the last layout.
    const last = set.layouts.at(-1)!.part;
    kept.keep(Object.fromEntries(LAYOUT_ROLES.map((r) => [r, last])) as Record<LayoutRole, string>);
    const taken = chooseLayouts(await freshSet(), {}, { file: 'impress' }, { numbers: true }, kept);
    expect(taken.ok && LAYOUT_ROLES.map((r) => taken.value.layouts[r].part)).toEqual(LAYOUT_ROLES.map(() => last));

    // A part that is not one of the set's layouts: chosen anew, and the choice kept anew.
    kept.keep({ ...(parts as Record<LayoutRole, string>), title: 'ppt/slideMasters/slideMaster1.xml' });
    const anew = chooseLayouts(await freshSet(), {}, { file: 'impress' }, { numbers: true }, kept);
    expect(anew.ok && Object.fromEntries(LAYOUT_ROLES.map((r) => [r, anew.value.layouts[r].part]))).toEqual(parts);
    expect(kept.get()).toEqual(parts);
  });

  it("takes an entry that is cut short, not this user's or not a part for every role for none", async () => {
    const dir = mkdtempSync(path.join(work, 'choices-damaged-'));
    const kept = keptChoice(dir, key, {}, true, LAYOUT_ROLES);
    const parts = Object.fromEntries(LAYOUT_ROLES.map((r) => [r, 'ppt/slideLayouts/slideLayout1.xml']));
    const { title: _, ...noTitle } = parts;
    refusesDamaged(path.join(dir, 'layouts'), kept, parts as Record<LayoutRole, string>, (good, entry) => [
      good.subarray(0, good.length - 10),
      foreignEntry(serialize(parts)),
      entryBytes(serialize(noTitle), entry),
      entryBytes(serialize({ ...parts, title: 3 }), entry),
      entryBytes(serialize({ ...parts, extra: 'x' }), entry),
      entryBytes(serialize('ppt/slideLayouts/slideLayout1.xml'), entry),
    ]);
  });
});

describe("the cover's logo rows, kept beside the template's set (keptRows)", () => {
  const key = 'f'.repeat(64);
  const title = { x: 1, y: 2, w: 8, h: 1.5 };
  const raster = (v: number) => ({ width: 1, height: 1, data: new Uint8Array([v, v, v, 255]) });
  const pictures = new Map([['ppt/media/image1.png', raster(10)]]);
  const rows: LogoRows = {
    rows: [{ band: { x: 0.9, y: 5, w: 8, h: 1.4 }, backing: false }],
    fallback: { band: { x: 0.9, y: 6, w: 8, h: 1.4 }, backing: true, onArt: true },
  };

  it('keeps them under the cover layout, its title and the decoded pictures', () => {
    const dir = mkdtempSync(path.join(work, 'logos-'));
    const kept = keptRows(dir, key, 'ppt/slideLayouts/slideLayout1.xml', title, pictures);
    expect(kept.get()).toBeUndefined();
    kept.keep(rows);
    expect(keptRows(dir, key, 'ppt/slideLayouts/slideLayout1.xml', { ...title }, new Map(pictures)).get()).toEqual(
      rows,
    );
    // Another template, cover, title, or pictures (other pixels, another part, none): no entry.
    const others = [
      keptRows(dir, 'e'.repeat(64), 'ppt/slideLayouts/slideLayout1.xml', title, pictures),
      keptRows(dir, key, 'ppt/slideLayouts/slideLayout2.xml', title, pictures),
      keptRows(dir, key, 'ppt/slideLayouts/slideLayout1.xml', { ...title, y: 2.1 }, pictures),
      keptRows(dir, key, 'ppt/slideLayouts/slideLayout1.xml', title, new Map([['ppt/media/image1.png', raster(11)]])),
      keptRows(dir, key, 'ppt/slideLayouts/slideLayout1.xml', title, new Map([['ppt/media/image2.png', raster(10)]])),
      keptRows(dir, key, 'ppt/slideLayouts/slideLayout1.xml', title, undefined),
    ];
    for (const [i, other] of others.entries()) expect(other.get(), `case ${i}`).toBeUndefined();
  });

  it("takes an entry that is cut short, not this user's or not rows for none", () => {
    const dir = mkdtempSync(path.join(work, 'logos-damaged-'));
    const kept = keptRows(dir, key, 'ppt/slideLayouts/slideLayout1.xml', title, pictures);
    refusesDamaged(path.join(dir, 'logos'), kept, rows, (good, entry) => [
      good.subarray(0, good.length - 10),
      foreignEntry(serialize(rows)),
      entryBytes(serialize({ ...rows, rows: [{ band: { x: 1 }, backing: false }] }), entry),
      entryBytes(serialize({ ...rows, fallback: { ...rows.fallback, onArt: 'yes' } }), entry),
      entryBytes(serialize({ rows: 'none', fallback: rows.fallback }), entry),
    ]);
  });
});

describe("what the content layout's text lies on, kept beside the template's set (keptGround)", () => {
  const key = '8'.repeat(64);
  const raster = (v: number) => ({ width: 1, height: 1, data: new Uint8Array([v, v, v, 255]) });
  const pictures = new Map([['ppt/media/image1.png', raster(10)]]);
  const ground = { behind: ['1F3B4D', 'F2F2F2'] };

  it('keeps the colours under the content layout and the decoded pictures', () => {
    const dir = mkdtempSync(path.join(work, 'grounds-'));
    const kept = keptGround(dir, key, 'ppt/slideLayouts/slideLayout2.xml', pictures);
    expect(kept.get()).toBeUndefined();
    kept.keep(ground);
    expect(keptGround(dir, key, 'ppt/slideLayouts/slideLayout2.xml', new Map(pictures)).get()).toEqual(ground);
    // Unknown (an unreadable picture under the text) is kept as such.
    const unknown = keptGround(dir, key, 'ppt/slideLayouts/slideLayout4.xml', pictures);
    unknown.keep({ behind: null });
    expect(unknown.get()).toEqual({ behind: null });
    const others = [
      keptGround(dir, 'e'.repeat(64), 'ppt/slideLayouts/slideLayout2.xml', pictures),
      keptGround(dir, key, 'ppt/slideLayouts/slideLayout3.xml', pictures),
      keptGround(dir, key, 'ppt/slideLayouts/slideLayout2.xml', new Map([['ppt/media/image1.png', raster(9)]])),
      keptGround(dir, key, 'ppt/slideLayouts/slideLayout2.xml', undefined),
    ];
    for (const [i, other] of others.entries()) expect(other.get(), `case ${i}`).toBeUndefined();
  });

  it("takes an entry that is cut short, not this user's or not colours for none", () => {
    const dir = mkdtempSync(path.join(work, 'grounds-damaged-'));
    const kept = keptGround(dir, key, 'ppt/slideLayouts/slideLayout2.xml', pictures);
    refusesDamaged(path.join(dir, 'grounds'), kept, ground, (good, entry) => [
      good.subarray(0, good.length - 10),
      foreignEntry(serialize(ground)),
      entryBytes(serialize({ behind: [3] }), entry),
      entryBytes(serialize({ behind: 'FFFFFF' }), entry),
      entryBytes(serialize(['FFFFFF']), entry),
    ]);
  });
});

describe("the template's places on a page, kept beside its set (keptPlaces)", () => {
  const key = '7'.repeat(64);
  const raster = (v: number) => ({ width: 1, height: 1, data: new Uint8Array([v, v, v, 255]) });
  const pictures = new Map([['ppt/media/image1.png', raster(10)]]);
  const box = (y: number) => ({ x: 0.5, y, w: 9, h: 1 });
  const places = {
    size: { w: 10, h: 7.5 },
    title: box(0.3),
    body: box(1.5),
    footer: box(6.9),
    template: {
      cover: { title: box(2), subtitle: box(3.2), align: { title: 'center' as const, subtitle: 'left' as const } },
      align: { title: 'left' as const, footer: 'left' as const, number: 'right' as const },
      art: [box(5)],
      titleStrokes: [{ from: [1, 1] as [number, number], to: [2, 1] as [number, number] }],
      slots: { columns: [box(2), box(4)] as [ReturnType<typeof box>, ReturnType<typeof box>] },
    },
  };
  const inputs = '[[["content","ppt/slideLayouts/slideLayout2.xml"]],{"x":0.6}]';

  it('keeps them under the layouts and page boxes (as JSON) and the decoded pictures', () => {
    const dir = mkdtempSync(path.join(work, 'places-'));
    const kept = keptPlaces(dir, key, inputs, pictures);
    expect(kept.get()).toBeUndefined();
    kept.keep(places);
    expect(keptPlaces(dir, key, inputs, new Map(pictures)).get()).toEqual(places);
    const others = [
      keptPlaces(dir, 'e'.repeat(64), inputs, pictures),
      keptPlaces(dir, key, inputs.replace('0.6', '0.7'), pictures),
      keptPlaces(dir, key, inputs, new Map([['ppt/media/image1.png', raster(9)]])),
      keptPlaces(dir, key, inputs, undefined),
    ];
    for (const [i, other] of others.entries()) expect(other.get(), `case ${i}`).toBeUndefined();
  });

  it("takes an entry that is cut short, not this user's or not places for none", () => {
    const dir = mkdtempSync(path.join(work, 'places-damaged-'));
    const kept = keptPlaces(dir, key, inputs, pictures);
    refusesDamaged(path.join(dir, 'places'), kept, places, (good, entry) => [
      good.subarray(0, good.length - 10),
      foreignEntry(serialize(places)),
      entryBytes(serialize({ ...places, body: { x: 1 } }), entry),
      entryBytes(serialize({ ...places, extra: 1 }), entry),
      entryBytes(serialize({ ...places, template: { ...places.template, cover: {} } }), entry),
      entryBytes(serialize({ ...places, template: { ...places.template, art: [new Map()] } }), entry),
      entryBytes(serialize({ ...places, title: { ...places.title, w: Number.NaN } }), entry),
    ]);
  });
});

describe("a template's text looks, kept beside its set (keptSlotAnswers)", () => {
  const key = '9'.repeat(64);
  const raster = (v: number) => ({ width: 1, height: 1, data: new Uint8Array([v, v, v, 255]) });
  const pictures = new Map([['ppt/media/image1.png', raster(10)]]);
  const answers: SlotAnswers = [
    ['["title",null,null]', null],
    ['["body","1",{"box":{"x":1,"y":1,"w":4,"h":2}}]', { color: 'bg1', panel: 'tx1', panelAlpha: 0.8 }],
    ['["body","2",null]', { highlight: { slot: 'tx1', bullet: 'bg1' } }],
  ];

  it('keeps the answers under the layout and the decoded pictures', () => {
    const dir = mkdtempSync(path.join(work, 'looks-'));
    const kept = keptSlotAnswers(dir, key, 'ppt/slideLayouts/slideLayout2.xml', pictures);
    expect(kept.get()).toBeUndefined();
    kept.keep(answers);
    expect(keptSlotAnswers(dir, key, 'ppt/slideLayouts/slideLayout2.xml', new Map(pictures)).get()).toEqual(answers);
    const others = [
      keptSlotAnswers(dir, 'e'.repeat(64), 'ppt/slideLayouts/slideLayout2.xml', pictures),
      keptSlotAnswers(dir, key, 'ppt/slideLayouts/slideLayout3.xml', pictures),
      keptSlotAnswers(dir, key, 'ppt/slideLayouts/slideLayout2.xml', new Map([['ppt/media/image1.png', raster(9)]])),
      keptSlotAnswers(dir, key, 'ppt/slideLayouts/slideLayout2.xml', undefined),
    ];
    for (const [i, other] of others.entries()) expect(other.get(), `case ${i}`).toBeUndefined();
  });

  it("takes an entry that is cut short, not this user's or not answers for none", () => {
    const dir = mkdtempSync(path.join(work, 'looks-damaged-'));
    const kept = keptSlotAnswers(dir, key, 'ppt/slideLayouts/slideLayout2.xml', pictures);
    refusesDamaged(path.join(dir, 'looks'), kept, answers, (good, entry) => [
      good.subarray(0, good.length - 10),
      foreignEntry(serialize(answers)),
      entryBytes(serialize([['q', { color: 3 }]]), entry),
      entryBytes(serialize([['q', { color: 'bg1', fill: 'x' }]]), entry),
      entryBytes(serialize([['q', { highlight: { slot: 'tx1' } }]]), entry),
      entryBytes(serialize([[1, null]]), entry),
      entryBytes(serialize({ q: null }), entry),
    ]);
  });
});

describe("the art found in a template's pictures, kept for the next build (keptPictureArt)", () => {
  const raster = (v: number) => ({ width: 1, height: 1, data: new Uint8Array([v, v, v, 255]) });
  const placing = '[{"x":0,"y":0,"w":13.33,"h":7.5},{"kind":"picture","crop":[0,0,0,0]}]';
  const boxes = [{ x: 1, y: 2, w: 3, h: 4 }];

  it('keeps the boxes under the pixels, the placing and the code; none run from source', () => {
    const root = mkdtempSync(path.join(work, 'art-'));
    const store = keptPictureArt(root, 'build-1')!;
    expect(store.get(raster(10), placing)).toBeUndefined();
    store.keep(raster(10), placing, boxes);
    // The same pixels in another raster object: the same entry.
    expect(store.get(raster(10), placing)).toEqual(boxes);
    expect(keptPictureArt(root, 'build-1')!.get(raster(10), placing)).toEqual(boxes);
    expect(store.get(raster(11), placing)).toBeUndefined();
    expect(store.get(raster(10), placing.replace('13.33', '10'))).toBeUndefined();
    expect(keptPictureArt(root, 'build-2')!.get(raster(10), placing)).toBeUndefined();
    expect(keptPictureArt(root, undefined)).toBeUndefined();
  });

  it("takes an entry that is cut short, not this user's or not boxes for none", () => {
    const root = mkdtempSync(path.join(work, 'art-damaged-'));
    const store = keptPictureArt(root, 'build-1')!;
    const kept = { get: () => store.get(raster(10), placing), keep: (b: Box[]) => store.keep(raster(10), placing, b) };
    refusesDamaged(path.join(root, '.cache/templates/art'), kept, boxes, (good, entry) => [
      good.subarray(0, good.length - 10),
      foreignEntry(serialize(boxes)),
      entryBytes(serialize([{ x: 1, y: 2, w: 3 }]), entry),
      entryBytes(serialize({ x: 1, y: 2, w: 3, h: 4 }), entry),
    ]);
  });
});

describe('the template store in a build (the CLI)', () => {
  /** `build --all` into a new output folder: each deck's sha256 by file name. */
  async function build(
    root: string,
    out: string,
    env: NodeJS.ProcessEnv = {},
    options: string[] = [],
  ): Promise<Record<string, string>> {
    const run = await runCli([...options, '--out', path.join(root, out), 'build', '--all'], root, env);
    expect(run.status, run.stderr).toBe(0);
    const files = readdirSync(path.join(root, out)).filter((f) => f.endsWith('.pptx'));
    return Object.fromEntries(files.map((f) => [f, sha256(readFileSync(path.join(root, out, f)))]));
  }

  /** The bundled project on the impress fixture. */
  const projectOnImpress = (): string => copyProjectOnTemplate(mkdtempSync(path.join(work, 'project-')), IMPRESS);

  // The key's folder is $XDG_STATE_HOME/trappa on Linux (and other Unixes); Windows and macOS have their own.
  it.runIf(process.platform === 'linux')(
    'a key file of the wrong length is replaced, atomically and readable by the user only, and the store works',
    async () => {
      // On dcfc2ac a key file cut short (a process killed between making it and writing it) was kept and
      // turned the store off for good, silently: no entry was ever written.
      const state = mkdtempSync(path.join(work, 'state-'));
      const keyFile = path.join(state, 'trappa', 'template-store-key');
      mkdirSync(path.dirname(keyFile));
      writeFileSync(keyFile, Buffer.from([1, 2, 3, 4, 5]), { mode: 0o644 });
      const root = projectOnImpress();
      const store = path.join(root, '.cache/templates');
      const first = await build(root, 'out-1', { XDG_STATE_HOME: state });
      expect(readFileSync(keyFile)).toHaveLength(32);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(readdirSync(path.dirname(keyFile))).toEqual(['template-store-key']);
      const [entry] = entriesIn(store);
      const written = statSync(path.join(store, entry!)).mtimeMs;
      // The next build, in another process, reads the entry under the new key.
      expect(await build(root, 'out-2', { XDG_STATE_HOME: state })).toEqual(first);
      expect(statSync(path.join(store, entry!)).mtimeMs).toBe(written);

      // A key that can be neither read nor made (a file where the state folder would be): no store, the same
      // decks, and --verbose says why.
      const blocked = path.join(work, 'blocked-state');
      writeFileSync(blocked, 'not a folder');
      const run = await runCli(['--verbose', '--out', path.join(root, 'out-3'), 'build', '--all'], root, {
        XDG_STATE_HOME: blocked,
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/template store off: no key of 32 bytes could be read or made at .*blocked-state/);
    },
    120_000,
  );

  /**
   * Builds `root` three times: the first writes one entry into `store`, the second reads it (and
   * does not write it again), the third finds it damaged and makes it again; the same decks each time.
   */
  async function oneEntryRead(root: string, store: string) {
    const first = await build(root, 'out-1');
    const [entry, ...more] = entriesIn(store);
    expect(more).toEqual([]);
    expect(entry).toMatch(/^[0-9a-f]{64}\.set$/);
    const written = statSync(path.join(store, entry!)).mtimeMs;

    // From the store: the entry is read, not written again.
    expect(await build(root, 'out-2')).toEqual(first);
    expect(statSync(path.join(store, entry!)).mtimeMs).toBe(written);

    // Damaged: read again, the same decks, and the entry written anew.
    const good = readFileSync(path.join(store, entry!));
    writeFileSync(path.join(store, entry!), good.subarray(0, good.length >> 1));
    expect(await build(root, 'out-3')).toEqual(first);
    return { first, entry: entry!, good };
  }

  /** A store that cannot be written (a file where its folder would be) changes no byte. */
  async function unwritable(root: string, store: string, first: Record<string, string>) {
    rmSync(store, { recursive: true });
    writeFileSync(store, 'not a folder');
    expect(await build(root, 'out-last')).toEqual(first);
  }

  it('a later build takes the read template from the store and gives the same decks; a damaged or unwritable store changes no byte', async () => {
    const root = projectOnImpress();
    const store = path.join(root, '.cache/templates');
    const { first, entry, good } = await oneEntryRead(root, store);
    // The same set, though not always the same bytes: V8 writes a string as it holds it, in one or two bytes a character.
    const key = entry.replace(/\.set$/, '');
    const kept = mkdtempSync(path.join(work, 'kept-'));
    writeFileSync(path.join(kept, entry), good);
    expect(storedTemplate(store, key)).toEqual(storedTemplate(kept, key));
    expect(storedTemplate(store, key)).toBeDefined();

    // The layouts chosen on it, the cover's logo rows, the layouts' text looks, what the content layout's
    // text lies on and the template's places on the page are kept beside it: damaged, found again, the same
    // decks, and kept anew.
    for (const folder of ['layouts', 'logos', 'looks', 'grounds', 'places']) {
      const files = readdirSync(path.join(store, folder)).map((name) => path.join(store, folder, name));
      expect(files.length, folder).toBeGreaterThan(0);
      if (folder !== 'looks') expect(files).toHaveLength(1);
      const kept = files.map((file) => readFileSync(file));
      for (const [i, file] of files.entries()) writeFileSync(file, kept[i]!.subarray(0, 40));
      // The logo rows are read only where the places are worked out: not while the places are kept.
      if (folder === 'logos') rmSync(path.join(store, 'places'), { recursive: true });
      expect(await build(root, `out-${folder}`)).toEqual(first);
      // The same values past the 32-byte HMAC (V8 may write a string in one or two bytes a character; the
      // answers come in the order this build asked for them).
      const value = (bytes: Buffer) => {
        const read = deserialize(bytes.subarray(32));
        return folder === 'looks' ? Object.fromEntries(read) : read;
      };
      for (const [i, file] of files.entries()) expect(value(readFileSync(file))).toEqual(value(kept[i]!));
    }

    // The ground is taken from the store, not worked out again: one the store says is black gives the
    // template's theme the text colour that reads on black (another deck), as this user's Trappa wrote it.
    const [ground] = readdirSync(path.join(store, 'grounds'));
    const groundFile = path.join(store, 'grounds', ground!);
    const groundBytes = readFileSync(groundFile);
    writeFileSync(groundFile, entryBytes(serialize({ behind: ['000000'] }), ground!.replace(/\.set$/, '')));
    expect(await build(root, 'out-black')).not.toEqual(first);
    writeFileSync(groundFile, groundBytes);
    expect(await build(root, 'out-ground')).toEqual(first);

    // A store that cannot be written (a file where its folder would be): the build reads the template.
    await unwritable(root, store, first);
  }, 120_000);

  it('a later build takes the built-in design from the store and gives the same decks; a damaged or unwritable store changes no byte', async () => {
    const root = copyProjectInto(mkdtempSync(path.join(work, 'built-in-')));
    const store = path.join(root, '.cache/built-in');
    // The bundled decks share theme, footer and date: one design.
    const { first, entry } = await oneEntryRead(root, store);
    const key = entry.replace(/\.set$/, '');
    expect(storedDesign(store, key, LAYOUT_ROLES)).toBeDefined();

    // Another footer: another design, its own entry (the master and layouts show the footer).
    const theme = path.join(root, 'data/theme.yaml');
    const themeText = readFileSync(theme, 'utf8');
    writeFileSync(theme, themeText.replace(/^ {2}text: "{{strategy.name}}.*$/m, '  text: "Another footer"'));
    const other = await build(root, 'out-4');
    expect(other).not.toEqual(first);
    expect(entriesIn(store)).toHaveLength(2);
    writeFileSync(theme, themeText);

    // A store that cannot be written (a file where its folder would be): the build makes the design.
    await unwritable(root, store, first);
  }, 120_000);
});
