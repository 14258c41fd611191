/**
 * How fast and how cheaply oversized or odd inputs are refused (issue #10): a 30 MB
 * strategy.yaml and a 30 MB wording template, and a FIFO named *.yaml in data/decks.
 * Each runs `node dist/cli.js build` as a whole process under GNU time (peak RSS).
 * Run: npm run build:dist && npx tsx scripts/bench/input-limits.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyProjectToTemp } from '../../test/helpers/project-copy.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'dist/cli.js');

function project(): string {
  return copyProjectToTemp(repo, 'trappa-limits-');
}

/** Wall ms, peak RSS MB and exit code of one build. */
function measure(name: string, root: string): void {
  const report = path.join(root, 'time.txt');
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', '-o', report, process.execPath, cli, 'build'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const ms = performance.now() - started;
  const rss = existsSync(report) ? Number(readFileSync(report, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
  console.log(
    `${name.padEnd(34)} exit ${run.status}  ${ms.toFixed(0).padStart(5)} ms  ${rss.toFixed(0).padStart(4)} MB  ` +
      `${run.stderr.trim().split('\n')[0]}`,
  );
}

/** Appends a YAML comment until the file has `mb` MB: valid YAML that only its size makes bad. */
function grow(file: string, mb: number): void {
  const line = `# ${'x'.repeat(1021)}\n`;
  appendFileSync(file, line.repeat(Math.ceil((mb * 1024 * 1024) / line.length)));
}

const cases: [string, (root: string) => void][] = [
  ['30 MB strategy.yaml', (root) => grow(path.join(root, 'data/strategy.yaml'), 30)],
  ['30 MB templates/nb/slides.yaml', (root) => grow(path.join(root, 'templates/nb/slides.yaml'), 30)],
  ['FIFO data/decks/pipe.yaml', (root) => execFileSync('mkfifo', [path.join(root, 'data/decks/pipe.yaml')])],
  ['(the bundled project, for scale)', () => undefined],
];
for (const [name, prepare] of cases) {
  const root = project();
  try {
    prepare(root);
    measure(name, root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
