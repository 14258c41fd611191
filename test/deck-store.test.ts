/**
 * The store of built decks (src/template/deck-store.ts): a deck whose inputs did not change since
 * a build saved it is taken from its output file instead of being built again, and every kind of
 * input change builds again exactly the decks it concerns. In process (the build id stubbed, as
 * the bundle's is defined), so that each build says which decks it reused (BuiltDeck.reused); the
 * CLI's own test is below, with the store's file damaged, foreign and another build's.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BuildOptions, buildDecks } from '../src/build-deck.js';
import { deckStoreDir, keptBytes } from '../src/template/deck-store.js';
import { copyProjectInto, copyProjectOnTemplate, REPO } from './helpers/project-copy.js';
import { runCli, runCliAsync } from './helpers/project.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-deck-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const newProject = (): string => copyProjectInto(mkdtempSync(path.join(work, 'project-')));

/** Replaces `from` by `to` in a project's file; fails when `from` is not there. */
function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const at = path.join(root, file);
  const text = readFileSync(at, 'utf8');
  const edited = text.replace(from, to);
  expect(edited, `${from} in ${file}`).not.toBe(text);
  writeFileSync(at, edited);
}

/** Which decks a build reused, by id; and each deck's sha256 by file name. */
async function build(root: string, options: Partial<BuildOptions> = {}) {
  const { decks } = await buildDecks({ root, ...options });
  return {
    reused: Object.fromEntries(decks.map((d) => [d.deckId, d.reused === true])),
    files: Object.fromEntries(decks.map((d) => [path.basename(d.file), d.sha256])),
  };
}

const ALL = ['ansatte', 'samkommunestyre', 'storledermote', 'strategi'] as const;
/** The reused flags when only `rebuilt` were built again. */
const only = (...rebuilt: string[]) => Object.fromEntries(ALL.map((id) => [id, !rebuilt.includes(id)]));

describe('the store of built decks (in process)', () => {
  beforeEach(() => {
    // As dist/cli.js defines it: without a build id (run from source) there is no store. The
    // user's key stays the process's (store-secret.ts keeps it once read): another file's test
    // proves entries the CLI wrote with it.
    vi.stubEnv('TRAPPA_BUILD_ID', 'deck-store-test');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('reuses an unchanged deck, and builds again exactly the decks an input change concerns', async () => {
    const root = newProject();
    const first = await build(root);
    expect(first.reused).toEqual(only(...ALL));
    const again = await build(root);
    expect(again).toEqual({ reused: only(), files: first.files });

    // A deck's file: that deck only.
    edit(root, 'data/decks/samkommunestyre.yaml', 'place: Verdal rådhus', 'place: Levanger rådhus');
    expect((await build(root)).reused).toEqual(only('samkommunestyre'));
    // A picture's bytes under the same name: the deck that shows it.
    copyFileSync(path.join(root, 'assets/photos/fjord.jpg'), path.join(root, 'assets/photos/town.jpg'));
    expect((await build(root)).reused).toEqual(only('ansatte'));
    // The strategy's text: every deck.
    edit(root, 'data/strategy.yaml', 'why: For å gi ', 'why: For å gi alle ');
    expect((await build(root)).reused).toEqual(only(...ALL));
    // The wording of the decks' language: every deck; of another language: none.
    edit(root, 'templates/nn/slides.yaml', /title: /, 'title:  ');
    expect((await build(root)).reused).toEqual(only());
    edit(root, 'templates/nb/slides.yaml', 'Ved {{meeting.presenter}}', 'Ved: {{meeting.presenter}}');
    expect((await build(root)).reused).toEqual(only(...ALL));
    // The theme: every deck.
    edit(root, 'data/theme.yaml', 'primary: "1F4E79"', 'primary: "1F4E7A"');
    expect((await build(root)).reused).toEqual(only(...ALL));
    // Another output folder: every deck (the store keeps both).
    const out = path.join(root, 'out-2');
    expect((await build(root, { outDir: out })).reused).toEqual(only(...ALL));
    expect((await build(root, { outDir: out })).reused).toEqual(only());
    // The check off: a deck kept unchecked is not a checked one, nor the other way round.
    expect((await build(root, { check: false })).reused).toEqual(only(...ALL));
    expect((await build(root, { check: false })).reused).toEqual(only());
    // The build of Trappa.
    vi.stubEnv('TRAPPA_BUILD_ID', 'deck-store-test-2');
    expect((await build(root)).reused).toEqual(only(...ALL));
    // A deck's output file edited, removed: that deck.
    const last = await build(root);
    expect(last.reused).toEqual(only());
    const strategiFile = Object.keys(last.files).find((f) => f.startsWith('strategi-'))!;
    rmSync(path.join(root, 'output', strategiFile));
    expect((await build(root)).reused).toEqual(only('strategi'));
    // The strategy's date and version (core properties, file names): every deck, under new names.
    edit(root, 'data/strategy.yaml', /^date: 2004-01-26/m, 'date: 2004-01-27');
    const dated = await build(root);
    expect(dated.reused).toEqual(only(...ALL));
    expect(Object.keys(dated.files)).toContain(strategiFile.replace('2004-01-26', '2004-01-27'));

    // Whatever was reused is what a build without .cache makes of the project as it is now.
    const cold = copyProjectInto(mkdtempSync(path.join(work, 'cold-')), root);
    expect((await build(cold)).files).toEqual((await build(root)).files);
  }, 240_000);

  it('builds again when a font file under assets/fonts changes', async () => {
    const root = newProject();
    edit(
      root,
      'data/theme.yaml',
      /fonts:\n {2}heading: Calibri(.*)\n {2}body: Calibri/,
      'fonts:\n  heading: Trappa Test\n  body: Trappa Test\n  files:\n    Trappa Test: { regular: Carlito-Regular.ttf, bold: Carlito-Bold.ttf }',
    );
    expect((await build(root)).reused).toEqual(only(...ALL));
    expect((await build(root)).reused).toEqual(only());
    // Another valid face's bytes under the bold file's name: other widths for every bold text.
    copyFileSync(
      path.join(root, 'assets/fonts/Carlito-BoldItalic.ttf'),
      path.join(root, 'assets/fonts/Carlito-Bold.ttf'),
    );
    expect((await build(root)).reused).toEqual(only(...ALL));
    expect((await build(root)).reused).toEqual(only());
  }, 120_000);

  it('builds again when the template’s bytes change under the same name', async () => {
    const root = copyProjectOnTemplate(
      mkdtempSync(path.join(work, 'project-')),
      path.join(REPO, 'test/fixtures/templates/impress.potx'),
    );
    expect((await build(root)).reused).toEqual(only(...ALL));
    expect((await build(root)).reused).toEqual(only());
    const template = path.join(root, 'assets/templates/impress.potx');
    // A zip's comment: the same template to every reader, other bytes.
    const bytes = readFileSync(template);
    const comment = Buffer.from('another file');
    bytes.writeUInt16LE(comment.length, bytes.length - 2);
    writeFileSync(template, Buffer.concat([bytes, comment]));
    expect((await build(root)).reused).toEqual(only(...ALL));
  }, 120_000);
});

describe('a kept deck’s output file', () => {
  const deck = (bytes: Buffer) => ({
    size: bytes.length,
    sha256: sha256(bytes),
    slideCount: 1,
    planned: [0],
    notes: [],
    faces: [],
    facesIdentity: '[]',
  });

  it.runIf(process.platform === 'linux')(
    'is the deck only when it holds its bytes: not an edited copy, a link to /dev/zero or a FIFO',
    () => {
      const dir = mkdtempSync(path.join(work, 'out-'));
      const file = path.join(dir, 'deck.pptx');
      const bytes = randomBytes(4096);
      writeFileSync(file, bytes);
      expect(keptBytes(file, deck(bytes))?.equals(bytes)).toBe(true);
      const edited = Buffer.from(bytes);
      edited[100]! ^= 1;
      writeFileSync(file, edited);
      expect(keptBytes(file, deck(bytes))).toBeUndefined();
      rmSync(file);
      symlinkSync('/dev/zero', file);
      expect(keptBytes(file, deck(Buffer.alloc(4096)))).toBeUndefined();
      rmSync(file);
      execFileSync('mkfifo', [file]);
      expect(keptBytes(file, deck(bytes))).toBeUndefined();
    },
  );
});

describe('the store of built decks (the CLI)', () => {
  // The store's key in a folder of this test's own, so that the test can prove a store file.
  const env = { XDG_STATE_HOME: mkdtempSync(path.join(work, 'state-')), DEBUG: 'trappa:build' };
  const FORMAT = 'trappa-built-decks-1';

  /** `build --all`: each deck's sha256 by file name, and the decks whose stage lines say they were reused. */
  async function cliBuild(root: string) {
    const run = await runCli(['build', '--all'], root, env);
    expect(run.status, run.stderr).toBe(0);
    const out = path.join(root, 'output');
    const files = readdirSync(out).filter((f) => f.endsWith('.pptx'));
    return {
      files: Object.fromEntries(files.map((f) => [f, sha256(readFileSync(path.join(out, f)))])),
      reused: [...run.stderr.matchAll(/trappa:build (\S+): reused/g)].map((m) => m[1]).sort(),
    };
  }

  /** The store's file proven anew under `secret`, naming the build `rename` makes of its own, with its entries as they are. */
  function reprove(file: string, secret: Buffer, rename = (build: string) => build): void {
    const payload = readFileSync(file).subarray(32);
    const named = payload.toString('latin1', 1, 1 + payload[0]!);
    const body = payload.subarray(1 + named.length);
    const newName = rename(named);
    const head = Buffer.concat([Buffer.from([newName.length]), Buffer.from(newName, 'latin1')]);
    const mac = createHmac('sha256', secret).update(`${FORMAT}\0`).update(head).update(body).digest();
    writeFileSync(file, Buffer.concat([mac, head, body]));
  }

  /** Every file under the output folder: its sha256, or for JSON its value without the time of release. */
  function outputFiles(root: string): Record<string, unknown> {
    const out = path.join(root, 'output');
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    return Object.fromEntries(
      files.map((e) => {
        const file = path.join(e.parentPath, e.name);
        const bytes = readFileSync(file);
        const value = file.endsWith('.json')
          ? JSON.parse(bytes.toString('utf8'), (key, v) => (key === 'releasedAt' ? undefined : v))
          : sha256(bytes);
        return [path.relative(out, file), value];
      }),
    );
  }

  it('records reused decks as built ones: a release and a check after reused builds see what they see after a build without .cache', async () => {
    const reused = newProject();
    await cliBuild(reused);
    expect((await cliBuild(reused)).reused).toEqual([...ALL]);
    const release = await runCli(['release', '--all'], reused, env);
    expect(release.status, release.stderr).toBe(0);
    expect([...release.stderr.matchAll(/trappa:build (\S+): reused/g)]).toHaveLength(ALL.length);

    const cold = newProject();
    const coldRelease = await runCli(['release', '--all'], cold, env);
    expect(coldRelease.status, coldRelease.stderr).toBe(0);
    expect(outputFiles(reused)).toEqual(outputFiles(cold));
    const check = (root: string) => runCli(['check'], root, env);
    const [checkedReused, checkedCold] = await Promise.all([check(reused), check(cold)]);
    expect(checkedReused.status).toBe(checkedCold.status);
    expect(checkedReused.stdout.replaceAll(reused, '')).toBe(checkedCold.stdout.replaceAll(cold, ''));
  }, 180_000);

  it('reuses every deck of an unchanged project, byte for byte; a damaged, foreign or other build’s store is none', async () => {
    const root = newProject();
    const first = await cliBuild(root);
    expect(first.reused).toEqual([]);
    const again = await cliBuild(root);
    expect(again).toEqual({ files: first.files, reused: [...ALL] });

    const file = path.join(deckStoreDir(root), 'decks.store');
    const secret = readFileSync(path.join(env.XDG_STATE_HOME, 'trappa', 'template-store-key'));
    const kept = readFileSync(file);
    // Proven again under the user's key, as it was: still the store (the test's own proof is right).
    reprove(file, secret);
    expect((await cliBuild(root)).reused).toEqual([...ALL]);
    // Damaged: one bit of its entries.
    const damaged = Buffer.from(kept);
    damaged[damaged.length - 10]! ^= 0x01;
    writeFileSync(file, damaged);
    expect(await cliBuild(root)).toEqual({ files: first.files, reused: [] });
    // Foreign: proven under another key.
    writeFileSync(file, kept);
    reprove(file, randomBytes(32));
    expect(await cliBuild(root)).toEqual({ files: first.files, reused: [] });
    // Another build of Trappa's, under the user's key.
    writeFileSync(file, kept);
    // The file names the build id that wrote it; here another one.
    reprove(file, secret, (build) => build.replace(/^[^/]+/, 'another-build'));
    expect(await cliBuild(root)).toEqual({ files: first.files, reused: [] });
  }, 180_000);

  /**
   * Builds `root` with `script` preloaded to change assets/photos/town.jpg during the build (the deck
   * that shows it edited, so that it is built), checks the script says `says`, puts the picture back
   * as it was, and expects the decks a build without the race makes: none kept from the race.
   */
  async function expectNoDeckKeptFromRace(root: string, script: string, scriptEnv: NodeJS.ProcessEnv, says: string) {
    const town = path.join(root, 'assets', 'photos', 'town.jpg');
    const original = readFileSync(town);
    const before = await cliBuild(root);
    const preload = path.join(work, `race-${sha256(Buffer.from(script)).slice(0, 8)}.mjs`);
    writeFileSync(preload, script);
    appendFileSync(path.join(root, 'data', 'decks', 'ansatte.yaml'), '# edited: the deck is built, not reused\n');
    const racing = await runCli(['build', '--all'], root, {
      ...env,
      ...scriptEnv,
      NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`,
    });
    expect(racing.status, racing.stderr).toBe(0);
    expect(racing.stderr).toContain(says);
    // The picture as the key had it: the deck is the one a build without .cache makes of it.
    writeFileSync(town, original);
    const after = await cliBuild(root);
    expect(after.files).toEqual(before.files);
  }

  it('keeps no deck whose picture was replaced while it was built: the next build makes it from the picture as it is', async () => {
    const root = newProject();
    // Another program replaces the picture just after the build first read it (for the deck's key),
    // before layout places it: a preload does that at that very moment, every run alike.
    const photos = path.join(root, 'assets', 'photos');
    const replace = { REPLACE_FILE: path.join(photos, 'town.jpg'), REPLACE_WITH: path.join(photos, 'fjord.jpg') };
    await expectNoDeckKeptFromRace(root, REPLACE_AFTER_FIRST_READ, replace, '[replaced after its first read]');
  });

  it('keeps no deck whose picture was rewritten in place within the tick it was hashed in: racily clean, it is read again', async () => {
    const root = newProject();
    const photos = path.join(root, 'assets', 'photos');
    // Another picture of the same size (a JPEG ends at its EOI marker: the padding is not read).
    const other = path.join(work, 'fjord-as-town.jpg');
    const fjord = readFileSync(path.join(photos, 'fjord.jpg'));
    const size = readFileSync(path.join(photos, 'town.jpg')).length;
    writeFileSync(other, Buffer.concat([fjord, Buffer.alloc(size - fjord.length)]));
    const rewrite = { REWRITE_FILE: path.join(photos, 'town.jpg'), REWRITE_WITH: other };
    await expectNoDeckKeptFromRace(root, REWRITE_IN_THE_SAME_TICK, rewrite, '[rewritten in the same tick]');
  });

  it('takes an output file that is a FIFO or a link to /dev/zero for no deck: the build saves the deck over it, at once', async () => {
    const root = newProject();
    const first = await cliBuild(root);
    const name = Object.keys(first.files).find((f) => f.startsWith('ansatte-'))!;
    const file = path.join(root, 'output', name);
    const mkfifo = () => execFileSync('mkfifo', [file]);
    const linkToZero = () => symlinkSync('/dev/zero', file);
    for (const replace of [mkfifo, linkToZero]) {
      rmSync(file);
      replace();
      // The save stage read it whole: a FIFO blocked for ever (SIGTERM too), /dev/zero took 2.8 GB in 70 s.
      const run = await runCliAsync(['build', '--all'], root, env, { killAfterMs: 60_000 });
      expect(run.signal, replace.name).toBeNull();
      expect(run.status, run.stderr).toBe(0);
      expect(lstatSync(file).isFile(), replace.name).toBe(true);
      expect(sha256(readFileSync(file))).toBe(first.files[name]);
    }
  }, 180_000);

  it('reads each reused deck’s output file once (the store), not again to save it', async () => {
    const root = newProject();
    await cliBuild(root);
    const preload = path.join(work, 'count-deck-reads.mjs');
    writeFileSync(preload, COUNT_DECK_READS);
    const run = await runCli(['build', '--all'], root, {
      ...env,
      NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`,
    });
    expect(run.status, run.stderr).toBe(0);
    expect([...run.stderr.matchAll(/trappa:build (\S+): reused/g)]).toHaveLength(ALL.length);
    const reads = JSON.parse(/\[deck reads: (.*)\]/.exec(run.stderr)![1]!) as Record<string, number>;
    expect(Object.values(reads)).toEqual(ALL.map(() => 1));
  }, 120_000);
});

/** A preload (node --import) that counts the opens and whole reads of .pptx files in output/, printed at exit. */
const COUNT_DECK_READS = `
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
const reads = {};
const count = (at) => {
  const file = String(at);
  if (file.endsWith('.pptx') && path.basename(path.dirname(file)) === 'output')
    reads[path.basename(file)] = (reads[path.basename(file)] ?? 0) + 1;
};
for (const name of ['openSync', 'readFileSync']) {
  const call = fs[name];
  fs[name] = function (at, ...rest) {
    count(at);
    return call.call(this, at, ...rest);
  };
}
process.on('exit', () => process.stderr.write('[deck reads: ' + JSON.stringify(reads) + ']\\n'));
module.syncBuiltinESMExports();
`;

/**
 * A preload (node --import) in which REWRITE_FILE sits on a file system whose clock does not tick
 * during the build (FAT's 2 s, or a few ms of the kernel's coarse clock, at their worst): another
 * program has just written it when the build first looks at it (its times set to now), and writes
 * REWRITE_WITH (as large) into it in place just after the build's first read; every later stat
 * says what the first said, as such a file system does for a change within one tick (this
 * kernel's own timestamps are finer, so they are held here).
 */
const REWRITE_IN_THE_SAME_TICK = `
import fs from 'node:fs';
import module from 'node:module';
const file = process.env.REWRITE_FILE;
const read = fs.readFileSync;
const stat = fs.statSync;
let first;
let rewritten = false;
fs.statSync = function (at, options, ...rest) {
  if (at !== file || !options?.bigint) return stat.call(this, at, options, ...rest);
  if (!first) {
    const now = new Date();
    fs.utimesSync(file, now, now);
    first = stat.call(this, at, options, ...rest);
  }
  return first;
};
fs.readFileSync = function (at, ...rest) {
  const bytes = read.call(this, at, ...rest);
  if (!rewritten && at === file) {
    rewritten = true;
    fs.writeFileSync(file, read(process.env.REWRITE_WITH));
    process.stderr.write('[rewritten in the same tick]\\n');
  }
  return bytes;
};
module.syncBuiltinESMExports();
`;

/** A preload (node --import) that replaces REPLACE_FILE by REPLACE_WITH just after the process first reads it. */
const REPLACE_AFTER_FIRST_READ = `
import fs from 'node:fs';
import module from 'node:module';
const read = fs.readFileSync;
let done = false;
fs.readFileSync = function (file, ...rest) {
  const bytes = read.call(this, file, ...rest);
  if (!done && file === process.env.REPLACE_FILE) {
    done = true;
    fs.copyFileSync(process.env.REPLACE_WITH, file + '.new');
    fs.renameSync(file + '.new', file);
    process.stderr.write('[replaced after its first read]\\n');
  }
  return bytes;
};
module.syncBuiltinESMExports();
`;
