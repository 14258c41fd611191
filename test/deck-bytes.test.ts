/**
 * The bytes of every deck Trappa makes from a fixed set of projects, as sha256 in a
 * snapshot: the bundled decks, the other strategies in test/fixtures, the bundled strategy
 * on an organisation's template, generated strategies (fixed seed) and a 300-row synthetic
 * plan. Work that only makes a stage faster (the finishing stage, measuring, the check)
 * must leave every byte as it was, so this snapshot must not change with it. A change that
 * is meant to change decks updates it (`npx vitest run test/deck-bytes.test.ts -u`) and
 * says why in its commit.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuildOptions } from '../src/build-deck.js';
import { writeSyntheticProject } from '../scripts/bench/synthetic.js';
import { projectArbitrary, writeProject } from './generators/strategy.js';
import { REPO } from './helpers/project.js';
import { copyProjectInto } from './helpers/project-copy.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-deck-bytes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** sha256 of each deck a dry-run build makes, by `<label>/<deck id>`. */
async function deckHashes(label: string, options: BuildOptions): Promise<Record<string, string>> {
  const built = await buildDecks({ ...options, dryRun: true });
  return Object.fromEntries(built.decks.map((d) => [`${label}/${d.deckId}`, d.sha256]));
}

/** A copy of the bundled project on the fixture template `name` (test/fixtures/templates). */
function projectOnTemplate(name: string): string {
  const root = copyProjectInto(mkdtempSync(path.join(work, 'template-')));
  mkdirSync(path.join(root, 'assets/templates'));
  copyFileSync(path.join(REPO, 'test/fixtures/templates', name), path.join(root, 'assets/templates', name));
  const theme = path.join(root, 'data/theme.yaml');
  writeFileSync(theme, `${readFileSync(theme, 'utf8')}template: templates/${name}\n`);
  return root;
}

describe('deck bytes', () => {
  it('the bundled decks and the fixture strategies', async () => {
    const hashes = {
      ...(await deckHashes('bundled', { root: REPO })),
      ...(await deckHashes('fjellregionen', { root: REPO, dataDir: 'test/fixtures/fjellregionen/data' })),
      ...(await deckHashes('vestfjord', { root: REPO, dataDir: 'test/fixtures/vestfjord/data' })),
    };
    expect(Object.keys(hashes).length).toBeGreaterThanOrEqual(6);
    expect(hashes).toMatchSnapshot();
  });

  it('the bundled strategy on an organisation template', async () => {
    const root = projectOnTemplate('pptxgenjs-4x3.pptx');
    expect(await deckHashes('pptxgenjs-4x3', { root, decks: ['strategi', 'ansatte'] })).toMatchSnapshot();
  });

  // Every deck of a build in one process: the template's per-process caches (its parsed parts,
  // layout looks, repaired and deflated master set) serve the second deck and later ones.
  it('every bundled deck on LibreOffice Impress and a Norwegian dark template', async () => {
    const hashes = {
      ...(await deckHashes('impress', { root: projectOnTemplate('impress.potx') })),
      ...(await deckHashes('dark-dejavu', { root: projectOnTemplate('dark-dejavu.potx') })),
    };
    expect(Object.keys(hashes).length).toBeGreaterThanOrEqual(8);
    expect(hashes).toMatchSnapshot();
  });

  it('generated strategies (fixed seed) and a 300-row plan', async () => {
    const hashes: Record<string, string> = {};
    const cases = fc.sample(projectArbitrary, { seed: 27, numRuns: 8 });
    for (const [i, project] of cases.entries()) {
      const root = mkdtempSync(path.join(work, `generated-${i}-`));
      writeProject(root, REPO, project);
      Object.assign(hashes, await deckHashes(`generated-${i}-${project.summary}`, { root }));
    }
    const synthetic = await writeSyntheticProject(REPO, path.join(work, 'synthetic-300'), 300);
    Object.assign(hashes, await deckHashes('synthetic-300', { root: synthetic.root }));
    expect(Object.keys(hashes)).toHaveLength(9);
    // The generator's own YAML, so a changed generator is told apart from changed decks.
    expect(stringify(cases.map((c) => c.summary))).toMatchSnapshot();
    expect(hashes).toMatchSnapshot();
  }, 120_000);
});
