/**
 * Issue #20's bench figure: a cold `trappa build --all` of the bundled project on an
 * organisation's template against the same build on the built-in design (target ≤ 1.5×),
 * and the worst template's ratio. Each template gets its own copy of the project (theme.yaml
 * names it); the builds run interleaved with the built-in one, so background load hits both
 * alike. The templates: the committed LibreOffice Impress fixture and the corpus templates
 * that cost most (WORST below) when the corpus can be made; TRAPPA_BENCH_ALL_TEMPLATES=1
 * measures all 28 (LibreOffice's 23 and the five made ones).
 * The first, unmeasured round fills each project's .cache (decoded backdrops, images, the read
 * template): the figures are of a build after the first, in a new process each time. Each template
 * is measured twice: as such a later build, and with its read template taken from the store
 * (`.cache/templates`, src/template/template-store.ts) before every run, as the first build on a
 * template new to the project reads it (its backdrops and deflated parts stay: they have their own stores).
 * Those rows are compared like with like: with the built-in design's build whose own store
 * (`.cache/built-in`, the master set it makes) and kept decks are taken away before every run too
 * (until round 18 they were compared with the unchanged built-in build, which reads both back).
 * Each template and the built-in design are also measured after an edit (one sentence of the
 * strategy changed before every run, as the cold rows of bench.ts do): an unchanged project's decks
 * come from `.cache`, so only then is every deck laid out, written and checked, and that row's ratio
 * to the built-in design's own edited row is the template's cost where the work is really done.
 * `--templates Candy,Progress` (bench.ts) measures only the templates whose file names hold one of those words.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { copyProjectInto } from '../../test/helpers/project-copy.js';
import { libreOfficeTemplates, ownTemplates } from '../../test/helpers/template-corpus.js';
import { measureCommands, type ColdResult } from './cold.js';
import type { Table } from './report.js';
import type { Command } from './run.js';
import { EDIT_ONE_SENTENCE } from './edit-sentence.js';

/** A copy of the bundled project, on `template` when given. */
function projectOn(root: string, work: string, template?: string): string {
  const dir = copyProjectInto(mkdtempSync(path.join(work, 'p-')), root);
  if (!template) return dir;
  mkdirSync(path.join(dir, 'assets/templates'), { recursive: true });
  copyFileSync(template, path.join(dir, 'assets/templates', path.basename(template)));
  const theme = path.join(dir, 'data/theme.yaml');
  writeFileSync(theme, `${readFileSync(theme, 'utf8')}template: templates/${path.basename(template)}\n`);
  return dir;
}

/**
 * The corpus templates that cost most in a measurement of all 28 (round 11, median CPU ratio of
 * `build --all` to the built-in design at load 6–10): Vintage (1.7×: target groups in narrow text
 * columns, hyphenated), Progress (1.6×), Candy (1.5×), Yellow_Idea (1.5×: 9 masters, 108 layouts,
 * 2.5 MB of XML), Forestbird (1.4×), Freshes and Grey_Elegant (1.4×), Focus (1.25×). Sunset, the
 * worst of round 10 (its art rule), is at 1.2×.
 */
const WORST = [
  'Vintage.potx',
  'Progress.potx',
  'Candy.potx',
  'Yellow_Idea.potx',
  'Forestbird.potx',
  'Freshes.potx',
  'Grey_Elegant.potx',
  'Focus.potx',
];

/**
 * The fixture and the worst of the corpus; every corpus template with TRAPPA_BENCH_ALL_TEMPLATES=1;
 * of those, only the ones whose file name holds a word of `only` (case-insensitive) when given.
 */
async function templates(root: string, work: string, only?: string[]): Promise<string[]> {
  const fixture = path.join(root, 'test/fixtures/templates/impress.potx');
  const corpus = await libreOfficeTemplates().catch(() => [] as string[]);
  const all =
    process.env.TRAPPA_BENCH_ALL_TEMPLATES === '1'
      ? [...corpus, ...(await ownTemplates(path.join(work, 'made')))]
      : [fixture, ...WORST.flatMap((n) => corpus.filter((f) => path.basename(f) === n))];
  if (!only) return all;
  const wanted = only.map((w) => w.toLowerCase());
  return all.filter((f) => wanted.some((w) => path.basename(f).toLowerCase().includes(w)));
}

/** The label of a build whose template is read anew (the store emptied first): see the module comment. */
const READ_ANEW = ', template read anew';
/** The label of a build after one sentence of the strategy was edited: compared with the built-in design's such build. */
const AFTER_EDIT = ', after an edit';
/** The label of the built-in design's build with its store and kept decks removed first: the "read anew" rows' base. */
const BUILT_IN_ANEW = ', its store removed';
/** The built-in design's rows, first in the results: unchanged, after an edit, store removed. */
const BUILT_IN_ROWS = 3;

/** The machine's 1-minute load average when the measurement began and ended (CPU time grows with it too). */
let loadAtStart: number | undefined;
let loadAtEnd: number | undefined;

export async function measureTemplates(
  root: string,
  cli: string,
  runs: number,
  only?: string[],
): Promise<ColdResult[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'trappa-bench-template-'));
  const build = (name: string, cwd: string): Command => ({
    name,
    command: process.execPath,
    args: [cli, '--out', path.join(cwd, 'output'), 'build', '--all'],
    cwd,
  });
  // The shell line runs before the build (GNU time counts sh, rm and perl too: ~2 ms, ~10 ms).
  const after =
    (script: string) =>
    (name: string, cwd: string): Command => {
      const { command, args } = build(name, cwd);
      return { name, command: '/bin/sh', args: ['-c', `${script} && exec "$0" "$@"`, command, ...args], cwd };
    };
  // The decks kept in .cache/decks go too: a first build on a template has none made on it.
  const anew = after('rm -rf .cache/templates .cache/decks');
  const edited = after(EDIT_ONE_SENTENCE);
  const builtIn = 'build --all, built-in design';
  // The built-in design's own store and decks taken away alike: the base the "read anew" rows are compared with.
  const builtInAnew = after('rm -rf .cache/built-in .cache/decks');
  const commands = [
    build(builtIn, projectOn(root, work)),
    edited(`${builtIn}${AFTER_EDIT}`, projectOn(root, work)),
    builtInAnew(`${builtIn}${BUILT_IN_ANEW}`, projectOn(root, work)),
  ];
  for (const t of await templates(root, work, only)) {
    const name = `build --all on ${path.basename(t)}`;
    commands.push(
      build(name, projectOn(root, work, t)),
      anew(`${name}${READ_ANEW}`, projectOn(root, work, t)),
      edited(`${name}${AFTER_EDIT}`, projectOn(root, work, t)),
    );
  }
  try {
    loadAtStart = loadavg()[0]!;
    return measureCommands(commands, runs);
  } finally {
    loadAtEnd = loadavg()[0]!;
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The built-in design's build a row is compared with: its edited build for a row after an edit, its
 * build with its store removed for a template read anew (and itself), else the unchanged one.
 */
const baseOf = (results: ColdResult[], row: ColdResult): ColdResult['stats'] =>
  (row.name.endsWith(AFTER_EDIT)
    ? results[1]!
    : row.name.endsWith(READ_ANEW) || row.name.endsWith(BUILT_IN_ANEW)
      ? results[2]!
      : results[0]!
  ).stats;

/** A row's median CPU over its built-in design's (see baseOf), when both were measured. */
function cpuRatio(results: ColdResult[], row: ColdResult): number | undefined {
  const base = baseOf(results, row).cpuMs?.median;
  return base && row.stats.cpuMs ? row.stats.cpuMs.median / base : undefined;
}

/** The table: CPU and wall time (minimum and median of the runs) and each template's ratio to the built-in build. */
export function templateTable(results: ColdResult[]): Table {
  const ms = (v: number | undefined) => (v === undefined ? undefined : Math.round(v));
  const times = (ratio: number) => `${ratio.toFixed(2)}×`;
  return {
    title: 'Cold build --all on an organisation template (issue #20, target ≤ 1.5× the built-in design)',
    headers: ['build', 'CPU min ms', 'CPU median ms', 'wall min ms', 'wall median ms', 'CPU ×', 'wall ×'],
    rows: results.map((r) => {
      const cpu = cpuRatio(results, r);
      const wallBase = baseOf(results, r).wallMs.median;
      return [
        r.name,
        ms(r.stats.cpuMs?.min),
        ms(r.stats.cpuMs?.median),
        ms(r.stats.wallMs.min),
        ms(r.stats.wallMs.median),
        cpu === undefined ? undefined : times(cpu),
        wallBase ? times(r.stats.wallMs.median / wallBase) : undefined,
      ];
    }),
    notes: [
      worstNote(results),
      'A row after an edit is compared with the built-in design after the same edit; a template read anew with the built-in design whose store and kept decks were removed alike.',
      `Load average (1 min) ${loadAtStart?.toFixed(1) ?? '?'} at the start, ${loadAtEnd?.toFixed(1) ?? '?'} at the end, on ${availableParallelism()} cores.`,
      'CPU is user + system (GNU time); wall time depends on what else the machine runs, CPU much less.',
      'Each build is a fresh node process on its own copy of the project, interleaved with the others.',
    ],
  };
}

/** The template row of `kind` (by its label's ending; '' for the plain rebuild) with the highest CPU ratio. */
function worstOf(results: ColdResult[], kind: string): { name: string; ratio: number } | undefined {
  const ofKind = (name: string) =>
    kind ? name.endsWith(kind) : !name.endsWith(READ_ANEW) && !name.endsWith(AFTER_EDIT);
  return results
    .slice(BUILT_IN_ROWS)
    .filter((r) => ofKind(r.name))
    .map((r) => ({ name: r.name, ratio: cpuRatio(results, r) }))
    .filter((r): r is { name: string; ratio: number } => r.ratio !== undefined)
    .sort((a, b) => b.ratio - a.ratio)[0];
}

/** The templates with the highest CPU ratio (median) to the built-in build: unchanged, read anew, after an edit. */
function worstNote(results: ColdResult[]): string {
  const worst = worstOf(results, '');
  if (!worst) return 'No CPU times (GNU time is missing): no ratio.';
  const anew = worstOf(results, READ_ANEW);
  const edited = worstOf(results, AFTER_EDIT);
  return (
    `Worst: ${worst.name}, ${worst.ratio.toFixed(2)}× the built-in design's CPU (target ≤ 1.5×)` +
    (anew ? `; the first build on a template new to the project: ${anew.name}, ${anew.ratio.toFixed(2)}×` : '') +
    (edited ? `; after an edit: ${edited.name}, ${edited.ratio.toFixed(2)}×` : '') +
    '.'
  );
}
