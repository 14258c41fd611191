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
  // The store emptied by the shell that starts the build: GNU time counts sh and rm too (~2 ms).
  const anew = (name: string, cwd: string): Command => {
    const { command, args } = build(name, cwd);
    return {
      name,
      command: '/bin/sh',
      args: ['-c', 'rm -rf .cache/templates && exec "$0" "$@"', command, ...args],
      cwd,
    };
  };
  const commands = [build('build --all, built-in design', projectOn(root, work))];
  for (const t of await templates(root, work, only)) {
    const name = `build --all on ${path.basename(t)}`;
    commands.push(build(name, projectOn(root, work, t)), anew(`${name}${READ_ANEW}`, projectOn(root, work, t)));
  }
  try {
    loadAtStart = loadavg()[0]!;
    return measureCommands(commands, runs);
  } finally {
    loadAtEnd = loadavg()[0]!;
    rmSync(work, { recursive: true, force: true });
  }
}

/** The table: CPU and wall time (minimum and median of the runs) and each template's ratio to the built-in build. */
export function templateTable(results: ColdResult[]): Table {
  const base = results[0]!.stats;
  const ms = (v: number | undefined) => (v === undefined ? undefined : Math.round(v));
  const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : undefined);
  return {
    title: 'Cold build --all on an organisation template (issue #20, target ≤ 1.5× the built-in design)',
    headers: ['build', 'CPU min ms', 'CPU median ms', 'wall min ms', 'wall median ms', 'CPU ×', 'wall ×'],
    rows: results.map((r) => [
      r.name,
      ms(r.stats.cpuMs?.min),
      ms(r.stats.cpuMs?.median),
      ms(r.stats.wallMs.min),
      ms(r.stats.wallMs.median),
      ratio(r.stats.cpuMs?.median, base.cpuMs?.median),
      ratio(r.stats.wallMs.median, base.wallMs.median),
    ]),
    notes: [
      worstNote(results),
      `Load average (1 min) ${loadAtStart?.toFixed(1) ?? '?'} at the start, ${loadAtEnd?.toFixed(1) ?? '?'} at the end, on ${availableParallelism()} cores.`,
      'CPU is user + system (GNU time); wall time depends on what else the machine runs, CPU much less.',
      'Each build is a fresh node process on its own copy of the project, interleaved with the others.',
    ],
  };
}

/** The template with the highest CPU ratio (median) to the built-in build. */
function worstNote(results: ColdResult[]): string {
  const base = results[0]!.stats.cpuMs?.median;
  const rated = results
    .slice(1)
    .filter((r) => !r.name.endsWith(READ_ANEW))
    .map((r) => ({ name: r.name, ratio: base && r.stats.cpuMs ? r.stats.cpuMs.median / base : undefined }))
    .filter((r): r is { name: string; ratio: number } => r.ratio !== undefined)
    .sort((a, b) => b.ratio - a.ratio);
  const worst = rated[0];
  const anew = results.filter((r) => r.name.endsWith(READ_ANEW));
  const worstAnew = anew
    .map((r) => ({ name: r.name, ratio: base && r.stats.cpuMs ? r.stats.cpuMs.median / base : 0 }))
    .sort((a, b) => b.ratio - a.ratio)[0];
  return worst
    ? `Worst: ${worst.name}, ${worst.ratio.toFixed(2)}× the built-in design's CPU (target ≤ 1.5×)` +
        (worstAnew
          ? `; the first build on a template new to the project: ${worstAnew.name}, ${worstAnew.ratio.toFixed(2)}×.`
          : '.')
    : 'No CPU times (GNU time is missing): no ratio.';
}
