/**
 * `trappa build --watch` end to end (a real child process on a copy of the project), what a
 * change makes stale, and the parse cache that keeps unchanged files between rebuilds.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type BuildOptions, buildDecks } from '../src/build-deck.js';
import { keptBetweenBuilds, staleDecks, type Stale } from '../src/commands/watch.js';
import { loadProject } from '../src/data/load-project.js';
import { YamlCache } from '../src/data/yaml-cache.js';
import { copyProject, editFile, CLI_ARGS, REPO } from './helpers/project.js';
import { copyProjectOnTemplate } from './helpers/project-copy.js';

const FILE = 'storledermote-v0.2-2004-02-04.pptx';

/** Polls until `probe` gives a value; 60 s, as a first build of four decks on a loaded 2-core machine took over 30 s. */
async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function recordedSha(root: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, 'output/manifest.json'), 'utf8')) as {
      entries: Record<string, { sha256: string }>;
    };
    return manifest.entries['storledermote@0.2']?.sha256;
  } catch {
    return undefined;
  }
}

const fileSha = (root: string): string =>
  createHash('sha256')
    .update(readFileSync(path.join(root, 'output', FILE)))
    .digest('hex');

/** `trappa build --watch` on `root`, with its output so far; killed when the test ends. */
function startWatch(root: string) {
  const child = spawn(process.execPath, [...CLI_ARGS, '--root', root, 'build', '--watch'], { cwd: root });
  const out = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out.stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (out.stderr += s));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { child, out, exited, builds: (): number => out.stdout.match(/ built in \d+ ms/g)?.length ?? 0 };
}

/** Modification times of the decks in output/, by file name. */
const deckTimes = (root: string): Map<string, number> =>
  new Map(
    readdirSync(path.join(root, 'output'))
      .filter((f) => f.endsWith('.pptx'))
      .map((f) => [f, statSync(path.join(root, 'output', f)).mtimeMs]),
  );

it('rebuilds after a change, reports a broken edit without exiting, and rebuilds once it is fixed', async () => {
  const root = copyProject();
  const { child, out, exited, builds } = startWatch(root);

  await waitFor('the first build and the watcher', () => /watching data, templates, assets/.test(out.stdout));
  const first = recordedSha(root)!;
  expect(fileSha(root)).toBe(first);

  // An edit: the meeting moves. The file is rebuilt and the manifest follows.
  editFile(root, 'data/decks/storledermote.yaml', /place: .*/, 'place: Verdal rådhus');
  const second = await waitFor('the rebuilt deck', () => {
    const sha = recordedSha(root);
    return sha !== first && sha;
  });
  expect(fileSha(root)).toBe(second);
  expect(out.stdout).toContain('↻ data/decks/storledermote.yaml changed');

  // A broken edit: a located error on stderr, and the process keeps running.
  const deckFile = path.join(root, 'data/decks/storledermote.yaml');
  const good = readFileSync(deckFile, 'utf8');
  writeFileSync(deckFile, good.replace('audience:\n', 'audience: [oops\n'));
  await waitFor('the located error', () => /data\/decks\/storledermote\.yaml:\d+:\d+ /.test(out.stderr));
  await waitFor('the failure line', () => out.stdout.includes('✗ build failed'));
  await new Promise((r) => setTimeout(r, 300));
  expect(child.exitCode).toBe(null);
  expect(fileSha(root)).toBe(second);

  // Fixed again, with another change: rebuilt.
  const before = builds();
  writeFileSync(deckFile, good.replace('place: Verdal rådhus', 'place: Stiklestad'));
  const third = await waitFor('the rebuild after the fix', () => {
    const sha = recordedSha(root);
    return sha !== second && builds() > before && sha;
  });
  expect(fileSha(root)).toBe(third);

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(out.stdout).toContain('stopped watching');
  const times = [...out.stdout.matchAll(/ built in (\d+) ms/g)].map((m) => Number(m[1]));
  console.log(`watch rebuild times (ms): ${times.join(', ')}`);
});

it('rebuilds only the deck whose file changed (or was added), and every deck when strategy.yaml changes', async () => {
  const root = copyProject();
  const { child, out, exited, builds } = startWatch(root);
  await waitFor('the first build and the watcher', () => /watching data, templates, assets/.test(out.stdout));
  const initial = deckTimes(root);
  expect(initial.size).toBe(4);
  /** What the next rebuild prints, from its "↻ … changed" line to its "rebuilt …" line. */
  const nextRebuild = async (edit: () => void): Promise<string> => {
    const [from, count] = [out.stdout.length, builds()];
    edit();
    return waitFor('the rebuild', () => {
      const printed = out.stdout.slice(from);
      return builds() > count && /\n {2}(rebuilt|no deck).*\n/.test(printed) && printed;
    });
  };
  const nextFailure = async (edit: () => void): Promise<void> => {
    const from = out.stdout.length;
    edit();
    await waitFor('the failed build', () => out.stdout.slice(from).includes('✗ build failed'));
  };

  const one = await nextRebuild(() =>
    editFile(root, 'data/decks/storledermote.yaml', /place: .*/, 'place: Stiklestad'),
  );
  expect(one).toContain('1 deck built in');
  expect(one).toContain('rebuilt storledermote; not affected: ansatte, samkommunestyre, strategi');
  const afterOne = deckTimes(root);
  for (const [file, mtime] of initial) {
    if (file === FILE) expect(afterOne.get(file)).not.toBe(mtime);
    else expect(afterOne.get(file), file).toBe(mtime);
  }

  // The footer shows the strategy's name, so every deck changes and is written again.
  const all = await nextRebuild(() =>
    editFile(root, 'data/strategy.yaml', /^name: .*/m, 'name: Kommunikasjonsstrategi ISK'),
  );
  expect(all).toContain('4 decks built in');
  expect(all).toContain('rebuilt all 4 decks');
  const afterAll = deckTimes(root);
  for (const [file, mtime] of afterOne) expect(afterAll.get(file), file).not.toBe(mtime);

  // A failed build leaves its changes stale: a strategy edit saved while a deck file was
  // broken reaches every deck once that one file is fixed.
  const deckFile = path.join(root, 'data/decks/ansatte.yaml');
  const good = readFileSync(deckFile, 'utf8');
  await nextFailure(() => writeFileSync(deckFile, good.replace(/^id: ansatte$/m, 'id: [ansatte')));
  await nextFailure(() => editFile(root, 'data/strategy.yaml', /^name: .*/m, 'name: Kommunikasjonsstrategi for ISK'));
  const fixed = await nextRebuild(() => writeFileSync(deckFile, good));
  expect(fixed).toContain('↻ data/decks/ansatte.yaml changed');
  expect(fixed).toContain('rebuilt all 4 decks');
  const afterFix = deckTimes(root);
  for (const [file, mtime] of afterAll) expect(afterFix.get(file), file).not.toBe(mtime);

  // A new deck file is built on its own; a deleted one rebuilds nothing.
  const copy = readFileSync(path.join(root, 'data/decks/strategi.yaml'), 'utf8').replace(/^id: strategi$/m, 'id: kopi');
  const added = await nextRebuild(() => writeFileSync(path.join(root, 'data/decks/kopi.yaml'), copy));
  expect(added).toContain('rebuilt kopi; not affected:');
  const removed = await nextRebuild(() => rmSync(path.join(root, 'data/decks/kopi.yaml')));
  expect(removed).toContain('0 decks built in');
  expect(removed).toContain('no deck affected; not affected: ansatte, samkommunestyre, storledermote, strategi');

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});

describe('staleDecks', () => {
  const root = path.resolve('/p');
  const at = (...files: string[]): string[] => files.map((f) => path.join(root, f));
  const cases: { name: string; files: string[]; stale: Stale }[] = [
    {
      name: 'a deck file: that deck',
      files: at('data/decks/ansatte.yaml'),
      stale: { deckFiles: new Set(at('data/decks/ansatte.yaml')), languages: new Set() },
    },
    {
      name: 'templates/<lang>/: that language',
      files: at('templates/nn/slides.yaml'),
      stale: { deckFiles: new Set(), languages: new Set(['nn']) },
    },
    {
      name: 'a whole language folder',
      files: at('templates/en'),
      stale: { deckFiles: new Set(), languages: new Set(['en']) },
    },
    {
      name: 'notes beside the decks: none',
      files: at('data/decks/README.md', 'data/decks/old/x.yaml'),
      stale: { deckFiles: new Set(), languages: new Set() },
    },
    { name: 'strategy.yaml: all', files: at('data/decks/ansatte.yaml', 'data/strategy.yaml'), stale: 'all' },
    { name: 'theme.yaml: all', files: at('data/theme.yaml'), stale: 'all' },
    { name: 'an asset: all', files: at('assets/logos/isk.svg'), stale: 'all' },
    { name: 'the decks folder itself: all', files: at('data/decks'), stale: 'all' },
  ];
  it.each(cases)('$name', ({ files, stale }) => {
    expect(staleDecks(files, { root })).toEqual(stale);
  });

  it('follows --data and --templates', () => {
    expect(
      staleDecks(at('src/decks/a.yml', 'tpl/nb/labels.yaml'), { root, dataDir: 'src', templatesDir: 'tpl' }),
    ).toEqual({
      deckFiles: new Set(at('src/decks/a.yml')),
      languages: new Set(['nb']),
    });
  });
});

describe('YamlCache', () => {
  it('parses only changed files, reports a broken one every time, and builds the same decks', async () => {
    const root = copyProject();
    const cache = new YamlCache();
    const first = await loadProject({ root }, { cache });
    expect(first.ok).toBe(true);
    // strategy, theme, four decks, labels + slides of nb.
    expect(cache.stats).toEqual({ parsed: 8, reused: 0 });

    editFile(root, 'data/decks/ansatte.yaml', /^id: ansatte$/m, 'id: ansatte # edited');
    expect((await loadProject({ root }, { cache })).ok).toBe(true);
    expect(cache.stats).toEqual({ parsed: 9, reused: 7 });

    // Same length, within the same second: the bytes decide, not (mtime, size).
    editFile(root, 'data/decks/ansatte.yaml', '# edited', '# edit!d');
    expect((await loadProject({ root }, { cache })).ok).toBe(true);
    expect(cache.stats).toEqual({ parsed: 10, reused: 14 });

    // A broken file: located issues on every load, also when it comes from the cache.
    const deckFile = path.join(root, 'data/decks/ansatte.yaml');
    writeFileSync(deckFile, readFileSync(deckFile, 'utf8').replace(/^id: ansatte.*$/m, 'id: [ansatte'));
    for (let i = 0; i < 2; i++) {
      const broken = await loadProject({ root }, { cache });
      expect(broken.ok).toBe(false);
      if (!broken.ok)
        expect(broken.issues[0]).toMatchObject({
          file: path.join('data', 'decks', 'ansatte.yaml'),
          line: expect.any(Number),
        });
    }
    writeFileSync(deckFile, readFileSync(deckFile, 'utf8').replace(/^id: \[ansatte$/m, 'id: ansatte'));

    // A reference across files is checked on every load, also when both files come from the cache.
    editFile(root, 'data/decks/strategi.yaml', /^id: strategi$/m, 'id: ansatte');
    const duplicate = await loadProject({ root }, { cache });
    expect(duplicate.ok).toBe(false);
    expect((await loadProject({ root }, { cache })).ok).toBe(false);
    editFile(root, 'data/decks/strategi.yaml', /^id: ansatte$/m, 'id: strategi');

    const cached = await buildDecks({ root, dryRun: true, cache });
    const fresh = await buildDecks({ root, dryRun: true });
    expect(cached.decks.map((d) => [d.deckId, d.sha256])).toEqual(fresh.decks.map((d) => [d.deckId, d.sha256]));
  });
});

describe('keptBetweenBuilds', () => {
  /** Watch mode's kept caches, counting the planned slides laid out anew. */
  function counted() {
    const kept = keptBetweenBuilds();
    const count = { laidOut: 0 };
    const layoutMemo: BuildOptions['layoutMemo'] = (plan, design) => {
      const memo = kept.layoutMemo(plan, design);
      return {
        slides: (p, index, build) =>
          memo.slides(p, index, (...args) => {
            count.laidOut++;
            return build(...args);
          }),
        numbered: memo.numbered?.bind(memo),
      };
    };
    return { options: { ...kept, layoutMemo }, count };
  }

  const slideTexts = (bytes: Uint8Array): string =>
    Object.entries(unzipSync(bytes))
      .filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      .map(([, data]) => strFromU8(data))
      .join('\n');

  /** The deck as a rebuild with the kept caches makes it, and as a cold build does: they must be the same bytes. */
  async function rebuildAndCold(root: string, options: Partial<BuildOptions>) {
    const warm = await buildDecks({ root, decks: ['ansatte'], dryRun: true, ...options });
    const cold = await buildDecks({ root, decks: ['ansatte'], dryRun: true });
    expect(warm.decks[0]!.sha256).toBe(cold.decks[0]!.sha256);
    return warm.decks[0]!;
  }

  it('lays out again only the slides whose inputs changed, and builds what a cold build does', async () => {
    const root = copyProject();
    const { options, count } = counted();
    const first = await rebuildAndCold(root, options);
    const planned = count.laidOut;
    expect(planned).toBe(first.plan.slides.length);

    // The plan slide says whose rows are marked ({{audience.name}} in the wording): it must follow the rename.
    editFile(root, 'data/decks/ansatte.yaml', 'name: Ansatte i ISK og morkommunene', 'name: Alle tilsette');
    const renamed = await rebuildAndCold(root, options);
    expect(slideTexts(renamed.bytes)).toContain('gjelder Alle tilsette');
    expect(count.laidOut - planned).toBeGreaterThan(0);
    expect(count.laidOut - planned).toBeLessThan(planned);

    // The deck's own title: the title slide shows it (and the document properties hold it).
    const beforeTitle = count.laidOut;
    editFile(root, 'data/decks/ansatte.yaml', /^id: ansatte$/m, 'id: ansatte\ntitle: Ein eigen tittel');
    const titled = await rebuildAndCold(root, options);
    expect(slideTexts(titled.bytes)).toContain('Ein eigen tittel');
    expect(count.laidOut - beforeTitle).toBeGreaterThan(0);
    expect(count.laidOut - beforeTitle).toBeLessThan(planned);

    // A field of the strategy one slide shows.
    const before = count.laidOut;
    editFile(root, 'data/strategy.yaml', /^otherMessages:\n(\s+- )/m, 'otherMessages:\n$1Endra bodskap\n$1');
    const edited = await rebuildAndCold(root, options);
    expect(slideTexts(edited.bytes)).toContain('Endra bodskap');
    expect(count.laidOut - before).toBeLessThan(planned);
  });

  it("finishes again only what changed: after each kind of edit, a cold build's bytes", async () => {
    const root = copyProject();
    const kept = keptBetweenBuilds();
    const decks = ['strategi', 'ansatte'];
    const shas = async (options: Partial<BuildOptions>) =>
      (await buildDecks({ root, decks, dryRun: true, ...options })).decks.map((d) => [d.deckId, d.sha256]);
    /** Rebuilds with the kept caches and cold, and gives the slides the memo found finished. */
    const rebuild = async () => {
      const reusedBefore = kept.finishMemo.stats.reused;
      const warm = await shas(kept);
      expect(warm).toEqual(await shas({}));
      return kept.finishMemo.stats.reused - reusedBefore;
    };
    expect(await rebuild()).toBe(0);
    // Nothing changed: every slide is found finished.
    const slides = kept.finishMemo.stats.applied;
    expect(await rebuild()).toBe(slides);

    // The deck's own title in the words of the strategy's name: pptxgenjs writes the title slide as
    // it did, but its title's source (a custom tag) is now the deck file.
    editFile(
      root,
      'data/decks/strategi.yaml',
      /^id: strategi$/m,
      'id: strategi\ntitle: Kommunikasjonsstrategi Innherred Samkommune',
    );
    expect(await rebuild()).toBe(slides - 1);
    // An outcome over the first step of the staircase (slide 2): a shape with a source of its own,
    // so every later slide's tags are numbered on (ppt/tags/tagN.xml counts the deck's tag sets by
    // first use) while their XML, which names only a slide's own relationship ids, is what it was.
    editFile(
      root,
      'data/strategy.yaml',
      'points: [Hvorfor skal vi kommunisere?, Hva er hensikten?]',
      'points: [Hvorfor skal vi kommunisere?, Hva er hensikten?]\n      outcome: Forståelse',
    );
    expect(await rebuild()).toBeGreaterThanOrEqual(slides - 2);
    // One slide's text (the messages slide, in both decks).
    editFile(root, 'data/strategy.yaml', /^otherMessages:\n(\s+- )/m, 'otherMessages:\n$1Endra bodskap\n$1');
    expect(await rebuild()).toBeGreaterThanOrEqual(slides - 4);
    // One cell of the plan table: the table is written after the memoised passes (table-xml.ts),
    // so its slide is found finished and the cell must still be the new one.
    editFile(root, 'data/strategy.yaml', 'purpose: Informere status, involvere', 'purpose: Informere om status');
    expect(await rebuild()).toBeGreaterThanOrEqual(slides - 2);
    // One slide fewer: the slides after it move up a part and get another slide number.
    editFile(root, 'data/decks/strategi.yaml', 'what-why, model,', 'what-why,');
    expect(await rebuild()).toBeGreaterThan(0);
    // The wording of one slide kind.
    editFile(root, 'templates/nb/slides.yaml', 'title: Hva? – Hvorfor?', 'title: Hva og hvorfor?');
    expect(await rebuild()).toBeGreaterThan(0);
    // The theme: an accent colour (lines and marks) and the title size.
    editFile(root, 'data/theme.yaml', 'accent: "E8A33D"', 'accent: "C9822B"');
    await rebuild();
    editFile(root, 'data/theme.yaml', 'title: 30', 'title: 28');
    await rebuild();
  });

  it('on a template: the same bytes as a cold build, also after the template file changed', async () => {
    const templates = path.join(REPO, 'test/fixtures/templates');
    const root = copyProjectOnTemplate(copyProject(), path.join(templates, 'impress.potx'));
    const { options, count } = counted();
    const first = await rebuildAndCold(root, options);
    editFile(root, 'data/decks/ansatte.yaml', 'name: Ansatte i ISK og morkommunene', 'name: Alle tilsette');
    await rebuildAndCold(root, options);
    const planned = count.laidOut;
    // Other bytes under the same name: every slide is laid out on the new template's places.
    copyFileSync(path.join(templates, 'dark-dejavu.potx'), path.join(root, 'assets/templates/impress.potx'));
    const changed = await rebuildAndCold(root, options);
    expect(changed.sha256).not.toBe(first.sha256);
    expect(count.laidOut - planned).toBe(first.plan.slides.length);
  });
});
