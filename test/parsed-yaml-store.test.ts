import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import createDebug from 'debug';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { writeSyntheticProject } from '../scripts/bench/synthetic.js';
import { buildDecks } from '../src/build-deck.js';
import { locateKept, positionsOf } from '../src/data/kept-positions.js';
import { parseYaml, plainOf } from '../src/data/load-yaml.js';
import { loadProject } from '../src/data/load-project.js';
import { locateIn, offsetIn } from '../src/data/locate.js';
import { loadKeptYaml, STORE_FORMAT } from '../src/data/parsed-yaml-store.js';
import { hashInputs, parsedInputs } from '../src/versions/input-hash.js';
import { REPO } from './helpers/project.js';
import { pathsOf } from './helpers/yaml-paths.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-yaml-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TRICKY = `a:
  b: 1
  tid:
  empty: ''
  "__proto__": x
  list:
    - one
    -
    - { k: v, n: }
    - [1, 2]
2004: year
flow: { x, y: 2 }
last: |
  text
`;

describe('kept YAML', () => {
  it('names the installed yaml version', () => {
    const installed = JSON.parse(readFileSync(path.join(REPO, 'node_modules/yaml/package.json'), 'utf8')).version;
    // A new yaml may parse the same text otherwise: give kept values a new key (STORE_FORMAT).
    expect(STORE_FORMAT).toContain(`yaml-${installed}`);
  });

  it('locates every path, found or not, at the offset the parse gives', () => {
    for (const text of [TRICKY, readFileSync(path.join(REPO, 'data/strategy.yaml'), 'utf8')]) {
      const parsed = parseYaml('x.yaml', text);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const positions = JSON.parse(JSON.stringify(positionsOf(parsed.value.doc)));
      const paths = pathsOf(parsed.value.doc.toJS());
      expect(paths.length).toBeGreaterThan(30);
      for (const at of paths)
        for (const where of ['value', 'key'] as const)
          expect(locateKept(positions, at, where), `${String(at.join('.'))} ${where}`).toBe(
            offsetIn(parsed.value, at, where),
          );
    }
  });

  it('keeps nothing for a file with an alias, or a value JSON would change', async () => {
    const dir = path.join(work, 'odd');
    const cases = ['a: &x 1\nb: *x\n', 'a: .inf\n', 'a: -0.0\n'];
    for (const [i, text] of cases.entries()) {
      writeFileSync(path.join(work, `odd-${i}.yaml`), text);
      const loaded = await loadKeptYaml(path.join(work, `odd-${i}.yaml`), `odd-${i}.yaml`, dir);
      expect(loaded.ok).toBe(true);
    }
    expect(existsSync(dir)).toBe(false);
    // Plain text is kept.
    writeFileSync(path.join(work, 'plain.yaml'), 'a: 1\nb: [x, y]\n');
    expect((await loadKeptYaml(path.join(work, 'plain.yaml'), 'plain.yaml', dir)).ok).toBe(true);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('a large strategy loads its kept value the next time: same value, places, hash and deck bytes', async () => {
    const project = await writeSyntheticProject(REPO, path.join(work, 'large'), 120);
    const store = path.join(project.root, '.cache', 'yaml');
    const strategyFile = path.join(project.root, 'data/strategy.yaml');
    const original = readFileSync(strategyFile, 'utf8');
    // What the kept value must agree with: yaml's own parse of the file.
    const parsed = parseYaml('data/strategy.yaml', original);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const first = await loadProject({ root: project.root });
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    // The first load parses, keeps, and goes on with what it kept (yaml's Document is not held by the build).
    expect(first.value.strategySource.spliced?.json).toBeDefined();
    // Every YAML file the project loaded (strategy, theme, decks, the language's templates), one entry each.
    const keptFiles = readdirSync(store).length;
    expect(keptFiles).toBeGreaterThan(1);
    /** The strategy's kept file: its name (the text's hash) and inode (a parse writes a new file in its place). */
    const keptStrategy = (): string => {
      const name = readdirSync(store).find((n) => readFileSync(path.join(store, n), 'utf8').includes('"actionPlan"'));
      return `${name} ${name && statSync(path.join(store, name)).ino}`;
    };
    const keptFirst = keptStrategy();
    const firstBuild = await buildDecks({ root: project.root, dryRun: true });

    const second = await loadProject({ root: project.root });
    if (!second.ok) throw new Error(JSON.stringify(second.issues));
    const kept = second.value.strategySource;
    expect(kept.spliced?.json).toBeDefined();
    // Taken from the store: not parsed and kept again.
    expect(keptStrategy()).toBe(keptFirst);
    expect(second.value.strategy).toEqual(first.value.strategy);
    for (const at of pathsOf(parsed.value.doc.toJS()).slice(0, 3000)) {
      expect(locateIn(kept, at)).toEqual(locateIn(parsed.value, at));
      expect(locateIn(first.value.strategySource, at)).toEqual(locateIn(parsed.value, at));
    }
    const files = [{ logical: 'data/strategy.yaml', absolute: strategyFile }];
    const hash = (p: typeof first.value) => hashInputs(files, parsedInputs(p));
    const ofParse = await hash({ ...first.value, strategySource: parsed.value });
    expect(await hash(second.value)).toBe(ofParse);
    expect(await hash(first.value)).toBe(ofParse);
    const secondBuild = await buildDecks({ root: project.root, dryRun: true });
    expect(secondBuild.decks.map((d) => d.sha256)).toEqual(firstBuild.decks.map((d) => d.sha256));

    // A new text of the file replaces the one kept before; the value is that text's.
    writeFileSync(strategyFile, `${original}\n# edited\n`);
    const edited = await loadProject({ root: project.root });
    if (!edited.ok) throw new Error(JSON.stringify(edited.issues));
    expect(edited.value.strategy).toEqual(first.value.strategy);
    expect(keptStrategy()).not.toBe(keptFirst);
    expect(readdirSync(store)).toHaveLength(keptFiles);
    writeFileSync(strategyFile, original);
    expect((await loadProject({ root: project.root })).ok).toBe(true);

    // A kept file that cannot be read is no kept file: the text is parsed (and kept) as before.
    const name = readdirSync(store).find((n) => readFileSync(path.join(store, n), 'utf8').includes('"actionPlan"'));
    writeFileSync(path.join(store, name!), '{"broken');
    const third = await loadProject({ root: project.root });
    if (!third.ok) throw new Error(JSON.stringify(third.issues));
    expect(third.value.strategy).toEqual(first.value.strategy);
    expect(readFileSync(path.join(store, name!), 'utf8')).toContain('"actionPlan"');

    // A kept file planted under the text's name (a project received with its `.cache`), with a
    // value that is not the text's, is not one this user's Trappa wrote: the text is parsed.
    const planted = structuredClone(first.value.strategySource.spliced!.plain) as { name: string };
    planted.name = 'Planted words';
    writeFileSync(
      path.join(store, name!),
      `${JSON.stringify(planted)}\n{"lineStarts":[0],"positions":{}}\n${JSON.stringify(original)}`,
    );
    const fourth = await loadProject({ root: project.root });
    if (!fourth.ok) throw new Error(JSON.stringify(fourth.issues));
    expect(fourth.value.strategy).toEqual(first.value.strategy);
    expect(fourth.value.strategy.name).not.toBe('Planted words');
  });

  it('an edit of a kept file parses only the entry it changed: the value and places of a parse, or its messages', async () => {
    const project = await writeSyntheticProject(REPO, path.join(work, 'edits'), 60);
    const store = path.join(project.root, '.cache', 'yaml');
    const file = path.join(project.root, 'data/strategy.yaml');
    const said: string[] = [];
    const { log } = createDebug;
    createDebug.log = (...args: unknown[]) => said.push(format(...args));
    createDebug.enable('trappa:load');
    onTestFinished(() => {
      createDebug.log = log;
      createDebug.disable();
    });
    const load = async (text: string) => {
      writeFileSync(file, text);
      said.length = 0;
      return loadKeptYaml(file, 'data/strategy.yaml', store);
    };
    const original = readFileSync(file, 'utf8');
    expect((await load(original)).ok).toBe(true);
    // One after the other, as a user makes them: the bench's edit (scripts/bench/edit-sentence.ts),
    // a plan row's cell, a row added and one deleted.
    const edits: [string, (text: string) => string][] = [
      ['why', (text) => text.replace(/^( {2}why: For å gi )/m, '$1alle123 ')],
      [
        'row',
        (text) => text.replace('    activity: Artikkel i personalavisa', '    activity: Artikkel i\n      to linjer'),
      ],
      [
        'added',
        (text) =>
          text.replace('  - id: rad-2\n', '  - id: rad-ny\n    audience: Alle\n    activity: Ny rad\n  - id: rad-2\n'),
      ],
      ['deleted', (text) => text.replace(/ {2}- id: rad-3\n( {4}.*\n)+/, '')],
    ];
    let text = original;
    for (const [what, edit] of edits) {
      const before = text;
      text = edit(text);
      expect(text, what).not.toBe(before);
      const loaded = await load(text);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      expect(said.join('\n'), what).toMatch(/data\/strategy\.yaml: parsed the edit's \d+ of \d+ characters/);
      const parsed = parseYaml('data/strategy.yaml', text);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      expect(plainOf(loaded.value), what).toEqual(plainOf(parsed.value));
      for (const at of pathsOf(parsed.value.doc.toJS()))
        for (const where of ['value', 'key'] as const)
          expect(locateIn(loaded.value, at, where), `${what} ${at.join('.')}`).toEqual(
            locateIn(parsed.value, at, where),
          );
      // Kept like a parse: the next build of this text reads it without parsing.
      said.length = 0;
      expect((await loadKeptYaml(file, 'data/strategy.yaml', store)).ok).toBe(true);
      expect(said).toEqual([]);
    }
    // A bad edit: the whole file is parsed, and its messages are the parse's.
    const bad = text.replace('    audience: Alle\n', '    audience: Alle\n\tpurpose: x\n');
    const loaded = await load(bad);
    expect(said.join('\n')).toContain('data/strategy.yaml: parsing the edit whole');
    const parsed = parseYaml('data/strategy.yaml', bad);
    expect(parsed.ok).toBe(false);
    expect(loaded).toEqual(parsed);
  });
});
