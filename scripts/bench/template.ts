/**
 * Issue #20's bench figure: a cold `trappa build --all` of the bundled project on an
 * organisation's template against the same build on the built-in design (target ≤ 1.5×).
 * Each template gets its own copy of the project (theme.yaml names it); the builds run
 * interleaved with the built-in one, so background load hits both alike. The templates:
 * the committed LibreOffice Impress fixture, and LibreOffice's Beehive (solid art) and
 * Candy (a photo background, decoded for legibility) when the corpus can be made.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyProjectInto } from '../../test/helpers/project-copy.js';
import { libreOfficeTemplates } from '../../test/helpers/template-corpus.js';
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

async function templates(root: string): Promise<string[]> {
  const fixture = path.join(root, 'test/fixtures/templates/impress.potx');
  const corpus = await libreOfficeTemplates().catch(() => [] as string[]);
  const named = ['Beehive.potx', 'Candy.potx'].flatMap((n) => corpus.filter((f) => path.basename(f) === n));
  return [fixture, ...named];
}

export async function measureTemplates(root: string, cli: string, runs: number): Promise<ColdResult[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'trappa-bench-template-'));
  const build = (name: string, cwd: string): Command => ({
    name,
    command: process.execPath,
    args: [cli, '--out', path.join(cwd, 'output'), 'build', '--all'],
    cwd,
  });
  const commands = [
    build('build --all, built-in design', projectOn(root, work)),
    ...(await templates(root)).map((t) => build(`build --all on ${path.basename(t)}`, projectOn(root, work, t))),
  ];
  try {
    return measureCommands(commands, runs);
  } finally {
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
      'CPU is user + system (GNU time); wall time depends on what else the machine runs, CPU much less.',
      'Each build is a fresh node process on its own copy of the project, interleaved with the others.',
    ],
  };
}
