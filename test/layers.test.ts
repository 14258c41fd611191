/**
 * The import graph of src/ follows the layers in README "Layers": nothing imports a layer
 * above its own, and no module reaches itself through its imports. The graph is read by a
 * parser (scripts/check-layers.mjs), so each way of writing an import counts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { cycles, layerOf, readGraph, upwardImports } from '../scripts/check-layers.mjs';
import { runQuietly } from './helpers/ooxml.js';
import { REPO } from './helpers/project.js';

type Graph = Map<string, string[]>;
const script = path.join(REPO, 'scripts/check-layers.mjs');
const { graph, problems } = readGraph(path.join(REPO, 'src')) as { graph: Graph; problems: string[] };

/** A src/ folder of its own with `files`, checked as `npm run lint` checks src/. */
function checkTree(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'trappa-layers-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return runQuietly(process.execPath, [script, '--src', dir]);
}

const target = { 'commands/target.ts': 'export const x = 1;\n' };

describe('layers', () => {
  it('has no import that runs up the layers, none it cannot read, and no cycle', () => {
    expect(problems).toEqual([]);
    expect(upwardImports(graph)).toEqual([]);
    expect(cycles(graph)).toEqual([]);
  });

  it('reads type-only imports, import types and dynamic imports into the graph', () => {
    expect(graph.get('layout/types.ts')).toContain('errors.ts'); // `import('../errors.js').SourceLocation`
    expect(graph.get('commands/send.ts')).toContain('post/email/index.ts'); // `await import(…)`
    expect(graph.get('slides/index.ts')).toContain('kinds/index.ts'); // `import type`
  });

  it.each([
    [
      'a multi-line import with a comment',
      "import {\n  // why\n  x,\n} from '../commands/target.js';\nexport const a = x;\n",
    ],
    ['import() with a string', "export const g = () => import('../commands/target.js');\n"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the planted module's source text
    ['import() with a template string', 'export const f = (name: string) => import(`../commands/${name}.js`);\n'],
    [
      'a require made by createRequire',
      "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const t = load('../commands/target.js');\n",
    ],
  ])('fails the check on an upward import written as %s', async (_form, text) => {
    const run = await checkTree({ ...target, 'data/planted.ts': text });
    expect(run.stdout).toContain('data/planted.ts (data) imports commands/target.ts (commands), a layer above it');
    expect(run.status).toBe(1);
  });

  it('fails on an import it cannot read or find, and passes a tree without problems', async () => {
    const computed = await checkTree({ ...target, 'data/planted.ts': 'export const h = (n: string) => import(n);\n' });
    expect(computed.stdout).toContain('data/planted.ts: import() with a computed specifier (line 1)');
    expect(computed.status).toBe(1);
    const missing = await checkTree({ 'data/planted.ts': "export * from './gone.js';\n" });
    expect(missing.stdout).toContain('data/planted.ts: imports ./gone.js, which is no module of src/');
    expect(missing.status).toBe(1);
    // A file build-dist writes beside the bundle is no module of src/; any other computed require is unreadable.
    const load =
      "import { createRequire } from 'node:module';\nimport path from 'node:path';\nconst load = createRequire(import.meta.url);\n";
    const beside = await checkTree({
      ...target,
      'data/planted.ts': `${load}export const b = load(path.join(import.meta.dirname, 'x.cjs'));\n`,
    });
    expect(beside.stdout).toContain('no upward import, no cycle');
    const elsewhere = await checkTree({
      ...target,
      'data/planted.ts': `${load}export const b = load(path.join('/tmp', 'x.cjs'));\n`,
    });
    expect(elsewhere.stdout).toContain('data/planted.ts: a require with a computed specifier (line 4)');
    const fine = await checkTree({ ...target, 'commands/user.ts': "export { x } from './target.js';\n" });
    expect(fine.stdout).toContain('no upward import, no cycle');
    expect(fine.status).toBe(0);
  });

  it('keeps PDF and mail as separate layers, mail above PDF', () => {
    expect(layerOf('post/email/send-decks.ts')).toBeGreaterThan(layerOf('post/pdf.ts'));
    expect(layerOf('post/pdf.ts')).toBeGreaterThan(layerOf('check/check-deck.ts'));
  });

  it('finds an upward import and a cycle when there is one', () => {
    const broken: Graph = new Map([
      ['data/schema.ts', ['check/colors.ts']],
      ['check/colors.ts', ['data/schema.ts']],
    ]);
    expect(upwardImports(broken)).toEqual([
      expect.stringContaining('data/schema.ts (data) imports check/colors.ts (check)'),
    ]);
    expect(cycles(broken)).toEqual([['check/colors.ts', 'data/schema.ts']]);
  });
});
