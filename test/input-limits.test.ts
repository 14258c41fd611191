/**
 * Input limits (issue #10): a size limit per YAML file (data and wording templates), regular
 * files only (a FIFO named *.yaml hung forever), YAML tags that are not plain JSON data
 * (`!!binary` gave 104 lines about 'asciiSlice'), and an unknown slide kind reaching the
 * registry (exit 70). Time and memory of the refusals are measured in scripts/bench/input-limits.ts.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../src/data/load-project.js';
import { layoutDeck } from '../src/deck/layout-deck.js';
import { resolveDeck, type DeckPlan } from '../src/plan/resolve-deck.js';
import { inputLimitBytes } from '../src/io/read-input.js';
import { runQuietly } from './helpers/ooxml.js';
import { runMain } from './helpers/in-process.js';
import { CLI_ARGS, copyProject, editFile, REPO } from './helpers/project.js';

/** Appends YAML comment lines until the file has `mb` MB more: valid YAML that only its size makes bad. */
function grow(file: string, mb: number): void {
  const line = `# ${'x'.repeat(1021)}\n`;
  appendFileSync(file, line.repeat(Math.ceil((mb * 1024 * 1024) / line.length)));
}

describe('size limit per input file', () => {
  it('a 30 MB strategy is refused with one located line, before it is parsed', async () => {
    const root = copyProject();
    grow(path.join(root, 'data/strategy.yaml'), 30);
    const loaded = await loadProject({ root });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.issues).toEqual([
      {
        file: 'data/strategy.yaml',
        message:
          'is 30.0 MB, over the limit of 2.0 MB for one input file; make it smaller, or raise the limit with TRAPPA_MAX_INPUT_MB',
      },
    ]);
  });

  it('a wording template over the limit too; TRAPPA_MAX_INPUT_MB sets the limit', async () => {
    const root = copyProject();
    grow(path.join(root, 'templates/nb/slides.yaml'), 0.1);
    const run = await runMain(['build', '--deck', 'strategi'], root, { TRAPPA_MAX_INPUT_MB: '0.05' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/templates\/nb\/slides\.yaml is \d+ KB, over the limit of 51 KB for one input file/);
    expect(inputLimitBytes({ TRAPPA_MAX_INPUT_MB: '3' })).toBe(3 * 1024 * 1024);
    expect(inputLimitBytes({ TRAPPA_MAX_INPUT_MB: 'lots' })).toBe(2 * 1024 * 1024);
  });
});

describe('size limit per organisation template', () => {
  it('a template over TRAPPA_MAX_TEMPLATE_MB is refused at theme.yaml template:, before it is unzipped', async () => {
    const root = copyProject();
    mkdirSync(path.join(root, 'assets/templates'));
    copyFileSync(
      path.join(REPO, 'test/fixtures/templates/pptxgenjs-4x3.pptx'),
      path.join(root, 'assets/templates/org.pptx'),
    );
    appendFileSync(path.join(root, 'data/theme.yaml'), 'template: templates/org.pptx\n');
    const run = await runMain(['build', '--deck', 'strategi'], root, { TRAPPA_MAX_TEMPLATE_MB: '0.001' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^data\/theme\.yaml:\d+:\d+ template: assets\/templates\/org\.pptx is \d+ KB, over the limit of 1 KB for one input file; make it smaller, or raise the limit with TRAPPA_MAX_TEMPLATE_MB$/,
    );
  });
});

describe('only ordinary files are read', () => {
  it('a FIFO named *.yaml in data/decks is refused at once instead of blocking', async () => {
    const root = copyProject();
    execFileSync('mkfifo', [path.join(root, 'data/decks/pipe.yaml')]);
    // Old code opened the FIFO and waited for a writer forever: the timeout kills it.
    const run = await runQuietly(process.execPath, [...CLI_ARGS, 'build'], 60_000, { cwd: root });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'data/decks/pipe.yaml is not an ordinary file (a pipe, device or socket); Trappa reads only ordinary files',
    );
  });
});

describe('YAML tags beyond plain data', () => {
  it.each([
    ['!!binary', 'what: !!binary aGVsbG8='],
    ['!!set', 'what: !!set { a }'],
    ['!!timestamp', 'what: !!timestamp 2004-01-26'],
  ])('%s is refused plainly, in one line', async (tag, line) => {
    const root = copyProject();
    editFile(root, 'data/strategy.yaml', /what: Innherred Samkommune er .*/, line);
    const run = await runMain(['build', '--deck', 'strategi'], root);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      `data/strategy.yaml:60:9 the YAML tag '${tag}' is not supported; write the value as plain text (in quotes if it starts with '!')`,
    );
  });

  it('an explicit !!str stays allowed', async () => {
    const root = copyProject();
    editFile(root, 'data/strategy.yaml', /what: Innherred Samkommune er/, 'what: !!str Innherred Samkommune er');
    expect((await loadProject({ root })).ok).toBe(true);
  });
});

describe('an unknown slide kind reaching the registry', () => {
  it('is a located issue, not a crash', async () => {
    const root = copyProject();
    const loaded = await loadProject({ root });
    if (!loaded.ok) throw new Error('bundled project does not load');
    const plan = resolveDeck(loaded.value, loaded.value.decks.find((d) => d.deck.id === 'ansatte')!);
    // The types rule this out; a plan from anywhere else (a future caller, a cast) must still not crash.
    const broken = {
      ...plan,
      slides: plan.slides.map((s, i) => (i === 1 ? { ...s, kind: 'constructor' } : s)),
    } as unknown as DeckPlan;
    const result = layoutDeck(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ file: 'data/decks/ansatte.yaml', line: 14, field: 'slides[1]' });
    expect(result.issues[0]!.message).toMatch(/^unknown slide kind 'constructor'; known kinds: title, staircase/);
  });
});
