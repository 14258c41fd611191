/**
 * The store of slides as the check read them (src/check/reading-store.ts, read-deck.ts
 * `slideReaderKeeping`): a slide whose text, layout, master and theme are a kept reading's is
 * neither parsed nor read again, and the check then finds exactly what it finds in the deck's
 * bytes, warnings included; a reading is not used in another context (the theme's colours
 * changed, the slide's XML not), nor from an entry that is damaged, foreign or not a reading.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { checkDeck } from '../src/check/check-deck.js';
import { readDeck, slideReaderKeeping } from '../src/check/read-deck.js';
import { loadReadingStore, newReadings, type StoredReadings, saveReadingStore } from '../src/check/reading-store.js';
import { type OpcPackage, readPackage, readPartsOnce } from '../src/ooxml/package.js';
import { writeProven } from '../src/io/proven-store.js';
import { copyProjectInto, copyProjectOnTemplate, REPO } from './helpers/project-copy.js';
import { runCli } from './helpers/project.js';
import { libreOfficeTemplates } from './helpers/template-corpus.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-reading-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const OPTIONS = { minBodySize: 18, minTableSize: 12 };
const SLIDE_PART = /^ppt\/slides\/slide\d+\.xml$/;
const THEME = /^ppt\/theme\/theme\d+\.xml$/;

/** A deck's package as the build hands it to the check, read with `readings`; and how many slides were read. */
function readKeeping(pkg: OpcPackage, readings: StoredReadings): { pkg: OpcPackage; read: number; recalled: number } {
  const reader = slideReaderKeeping(readings);
  expect(readPartsOnce(pkg, reader, { releaseTexts: true }).size).toBe(0);
  return { pkg, ...reader.stats };
}

/** What the next build's process finds: the entries this build used or made, as the store's file holds them. */
const nextBuilds = (readings: StoredReadings): StoredReadings =>
  newReadings(new Map([...readings.usedSerialised()].map(([hash, value]) => [hash, { value, age: 0 }])));

const modelOf = (source: OpcPackage | Uint8Array) => {
  const { package: _, ...model } = readDeck(source);
  return model;
};

const slidesIn = (bytes: Uint8Array): number => readPackage(bytes).parts.filter((p) => SLIDE_PART.test(p)).length;

/** The package of `bytes` with one colour of its themes' schemes changed: every slide's XML as it was. */
function recoloured(bytes: Uint8Array): OpcPackage {
  const pkg = readPackage(bytes);
  for (const [part, theme] of pkg.xml) {
    if (!THEME.test(part)) continue;
    const changed = theme.replace(
      /(<a:dk1>\s*<a:(?:srgbClr val|sysClr val="[^"]*" lastClr)=")[0-9A-Fa-f]{6}/,
      '$1FFFF00',
    );
    expect(changed).not.toBe(theme);
    pkg.xml.set(part, changed);
  }
  return pkg;
}

describe('slides read as kept', () => {
  /** The bundled project's decks, and the same project's on a LibreOffice template (decks with findings). */
  let decks: Uint8Array[] = [];
  let onTemplate: Uint8Array[] = [];
  beforeAll(async () => {
    decks = (await buildDecks({ root: REPO, dryRun: true })).decks.map((d) => d.bytes);
    const candy = (await libreOfficeTemplates()).find((f) => path.basename(f) === 'Candy.potx')!;
    const root = copyProjectOnTemplate(mkdtempSync(path.join(work, 'candy-')), candy);
    onTemplate = (await buildDecks({ root, dryRun: true })).decks.map((d) => d.bytes);
  }, 240_000);

  it('are neither parsed nor read again, and give the model and every finding the deck’s bytes give', () => {
    for (const bytes of [...decks, ...onTemplate]) {
      const readings = newReadings();
      const first = readKeeping(readPackage(bytes), readings);
      expect(first.read).toBe(slidesIn(bytes));
      expect(checkDeck(first.pkg, OPTIONS)).toEqual(checkDeck(bytes, OPTIONS));
      // The next build's process; its deck read twice, as two decks of a build with the same slides are.
      const next = nextBuilds(readings);
      const again = readKeeping(readPackage(bytes), next);
      expect([again.read, again.recalled]).toEqual([0, slidesIn(bytes)]);
      expect(checkDeck(again.pkg, OPTIONS)).toEqual(checkDeck(bytes, OPTIONS));
      expect(modelOf(readKeeping(readPackage(bytes), next).pkg)).toEqual(modelOf(bytes));
    }
    // The template's decks have findings of several rules (warnings too), so the comparison above holds some.
    const found = onTemplate.flatMap((bytes) => checkDeck(bytes, OPTIONS));
    expect(new Set(found.map((f) => f.severity))).toEqual(new Set(['error', 'warning']));
  });

  it('give a slide that an edit changed its own reading, and the others the kept ones', () => {
    const bytes = onTemplate[0]!;
    const readings = newReadings();
    readKeeping(readPackage(bytes), readings);
    const edited = readPackage(bytes);
    const slide = 'ppt/slides/slide2.xml';
    const text = edited.xml.get(slide)!;
    edited.xml.set(slide, text.replace(/<a:t>([^<]+)<\/a:t>/, `<a:t>$1 ${'og enda lengre tekst '.repeat(40)}</a:t>`));
    expect(edited.xml.get(slide)).not.toBe(text);
    const fresh = readPackage(bytes);
    fresh.xml.set(slide, edited.xml.get(slide)!);
    const again = readKeeping(edited, nextBuilds(readings));
    expect([again.read, again.recalled]).toEqual([1, slidesIn(bytes) - 1]);
    const findings = checkDeck(again.pkg, OPTIONS);
    expect(findings).toEqual(checkDeck(fresh, OPTIONS));
    expect(findings).not.toEqual(checkDeck(bytes, OPTIONS));
  });

  it('are not used when the theme changed and the slides’ XML did not', () => {
    for (const bytes of [decks[0]!, ...onTemplate]) {
      const readings = newReadings();
      readKeeping(readPackage(bytes), readings);
      const next = nextBuilds(readings);
      const again = readKeeping(recoloured(bytes), next);
      expect([again.read, again.recalled]).toEqual([slidesIn(bytes), 0]);
      expect(checkDeck(again.pkg, OPTIONS)).toEqual(checkDeck(recoloured(bytes), OPTIONS));
      expect(modelOf(readKeeping(recoloured(bytes), next).pkg)).toEqual(modelOf(recoloured(bytes)));
    }
    // The theme's dk1 is the text colour of the bundled decks: what is read of the slides depends on it.
    expect(modelOf(recoloured(decks[0]!))).not.toEqual(modelOf(decks[0]!));
  });
});

describe('the reading store file', () => {
  const BUILD = 'test-build';
  const FILE = 'slides.store';
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = (await buildDecks({ root: REPO, dryRun: true, decks: ['strategi'] })).decks[0]!.bytes;
  }, 120_000);

  /** The store's folder after a build that read `bytes` with it. */
  function savedStore(): string {
    const dir = mkdtempSync(path.join(work, 'store-'));
    const readings = loadReadingStore(dir, BUILD)!;
    readKeeping(readPackage(bytes), readings);
    saveReadingStore(dir, readings, BUILD);
    return dir;
  }

  /** The entries of a proven body (the format of io/hashed-store.ts), each value's bytes. */
  function entriesOf(dir: string): [string, Uint8Array][] {
    const payload = readFileSync(path.join(dir, FILE)).subarray(32);
    const entries: [string, Uint8Array][] = [];
    for (let at = 1 + payload[0]!; at < payload.length; ) {
      const length = payload.readUInt32LE(at + 33);
      entries.push([payload.toString('hex', at, at + 32), payload.subarray(at + 37, at + 37 + length)]);
      at += 37 + length;
    }
    return entries;
  }

  /** A file proven under this user's key holding `entries`. */
  function prove(dir: string, entries: [string, Uint8Array][]): void {
    const fields = entries.map(([hash, value]) => {
      const head = Buffer.alloc(37);
      head.write(hash, 0, 32, 'hex');
      head.writeUInt32LE(value.length, 33);
      return Buffer.concat([head, value]);
    });
    const file = path.join(dir, FILE);
    expect(writeProven(file, 'trappa-read-slides-1', `${BUILD}/${process.versions.v8}`, Buffer.concat(fields))).toBe(
      true,
    );
  }

  const readAgain = (dir: string) => readKeeping(readPackage(bytes), loadReadingStore(dir, BUILD)!);

  it('serves what a build kept, to the next process', () => {
    const again = readAgain(savedStore());
    expect([again.read, again.recalled]).toEqual([0, slidesIn(bytes)]);
    expect(modelOf(again.pkg)).toEqual(modelOf(bytes));
  });

  it('reads an entry that is not a reading as none: the slide is read anew', () => {
    const dir = savedStore();
    const entries = entriesOf(dir);
    expect(entries.length).toBe(slidesIn(bytes));
    // Proven under this user's key, each under its slide's very key: values that are no reading.
    const notReadings = [
      serialize('a finished slide'),
      serialize({
        own: { elements: 'none', background: null },
        facts: { relationshipIds: new Set(), shapeProperties: [] },
      }),
      serialize({ own: { elements: [], background: null } }),
    ];
    prove(
      dir,
      entries.map(([hash], i) => [hash, notReadings[i % notReadings.length]!]),
    );
    const again = readAgain(dir);
    expect([again.read, again.recalled]).toEqual([slidesIn(bytes), 0]);
    expect(modelOf(again.pkg)).toEqual(modelOf(bytes));
  });

  it('reads a damaged file, or one proven under another key, as no store', () => {
    const dir = savedStore();
    const file = path.join(dir, FILE);
    const damaged = readFileSync(file);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 20) ^ 0x01, damaged.length - 20);
    writeFileSync(file, damaged);
    expect(readAgain(dir).read).toBe(slidesIn(bytes));
    // Another build of Trappa (whose code may read slides otherwise) is another's store too.
    const other = savedStore();
    expect(readKeeping(readPackage(bytes), loadReadingStore(other, 'another-build')!).read).toBe(slidesIn(bytes));
  });
});

describe('the reading store (the CLI)', () => {
  const env = { XDG_STATE_HOME: mkdtempSync(path.join(work, 'state-')), DEBUG: 'trappa:build' };
  const DEBUG_LINE = /^\S* ?trappa:build /;
  const build = (root: string) => runCli(['--out', path.join(root, 'out'), 'build', '--deck', 'strategi'], root, env);
  const withoutDebug = (stderr: string) =>
    stderr
      .split('\n')
      .filter((line) => !DEBUG_LINE.test(line))
      .join('\n');

  it('a rebuild after an edit refuses the deck for exactly the findings a build without .cache finds', async () => {
    const candy = (await libreOfficeTemplates()).find((f) => path.basename(f) === 'Candy.potx')!;
    const root = copyProjectOnTemplate(mkdtempSync(path.join(work, 'cli-')), candy);
    const first = await build(root);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/slides read as kept \{ recalled: 0, read: [1-9]/);
    // An edit of one title, and a smallest body size the template's small frames cannot hold (overflow errors).
    const strategy = path.join(root, 'data/strategy.yaml');
    writeFileSync(
      strategy,
      readFileSync(strategy, 'utf8').replace('model.title: Bilde av samkommunen', 'model.title: Ein annan tittel'),
    );
    const theme = path.join(root, 'data/theme.yaml');
    writeFileSync(theme, readFileSync(theme, 'utf8').replace('minBody: 12', 'minBody: 18'));
    const again = await build(root);
    expect(again.stderr).toMatch(/slides read as kept \{ recalled: [1-9]/);
    const cold = await build(copyProjectInto(mkdtempSync(path.join(work, 'cold-')), root));
    expect(again.status).toBe(4);
    expect(cold.status).toBe(4);
    expect(withoutDebug(cold.stderr)).toMatch(/ error overflow: /);
    expect(withoutDebug(again.stderr)).toBe(withoutDebug(cold.stderr));
  }, 180_000);
});
