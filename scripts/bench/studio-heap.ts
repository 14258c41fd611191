/**
 * The studio worker's heap on a 2 MB strategy, in one process without a server: the jobs the
 * page causes (value, first render, typed edits, save, an edit after it) run as the worker runs
 * them, and after each the heap is weighed (gc'd, so what is kept, not garbage). With
 * `--snapshot <file>`, a heap snapshot at the end (open it in Chrome's devtools, Memory tab).
 *
 *   node --expose-gc --import tsx scripts/bench/studio-heap.ts [--rows 5700] [--edits 10] [--snapshot x.heapsnapshot]
 *     [--profile-save save.cpuprofile]   (the save job's CPU profile)
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { keepLinesOf, keepUnitsOf } from '../../src/layout/measure-text.js';
import { type RenderAnswer, runJob } from '../../src/studio/studio-jobs.js';
import { sha256Hex } from '../../src/sha256.js';
import { LINES_KEPT, UNITS_KEPT } from '../../src/studio/studio-worker.js';
import { writeSyntheticProject } from './synthetic.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '5700' },
    edits: { type: 'string', default: '10' },
    snapshot: { type: 'string' },
    'profile-save': { type: 'string' },
  },
});
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const root = path.join(os.tmpdir(), `trappa-bench-heap-${process.pid}`);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

let since = performance.now();

function weigh(step: string): void {
  const ms = performance.now() - since;
  const before = process.memoryUsage();
  gc?.();
  const after = process.memoryUsage();
  console.log(
    `${step.padEnd(24)} ${ms.toFixed(0).padStart(6)} ms; heap used ${mb(before.heapUsed).padStart(7)} → kept ${mb(after.heapUsed).padStart(7)}; ` +
      `external ${mb(after.external)}; rss ${mb(after.rss)}`,
  );
  since = performance.now();
}

// As the studio's worker keeps them (studio-worker.ts).
keepUnitsOf(UNITS_KEPT);
keepLinesOf(LINES_KEPT);
try {
  const { deckId } = await writeSyntheticProject(repo, root, Number(values.rows));
  const paths = { root, dataDir: path.join(root, 'data'), templatesDir: path.join(root, 'templates') };
  const abs = path.join(root, 'data/strategy.yaml');
  const text = readFileSync(abs, 'utf8');
  // The worker holds each text by version once it came with a job (job-texts.ts).
  const version = sha256Hex(text);
  weigh('start');
  await runJob({ kind: 'value', version, file: 'data/strategy.yaml' }, 'nb', new Map([[version, text]]));
  weigh('value');
  const answer = (await runJob({ kind: 'render', paths, edits: [], decks: [deckId] }, 'nb')) as RenderAnswer;
  const first = JSON.parse(Buffer.concat(answer.parts).toString());
  const have: string[] = first.decks[0].slides.map((s: { hash: string }) => s.hash);
  weigh('first render');
  let changes = [{ path: ['profile', 0], value: '' }];
  for (let i = 0; i < Number(values.edits); i++) {
    changes = [{ path: ['profile', 0], value: `Samarbeidet Benk${i}x skal synes` }];
    await runJob({ kind: 'render', paths, edits: [{ abs, saved: version, changes }], decks: [deckId], have }, 'nb');
  }
  weigh(`${values.edits} edits`);
  const session = values['profile-save'] ? new Session() : undefined;
  const post = (method: string, params?: object) =>
    new Promise<{ profile?: object }>((resolve, reject) =>
      session!.post(method, params, (error, result) =>
        error ? reject(error) : resolve(result as { profile?: object }),
      ),
    );
  if (session) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
  }
  const saved = (await runJob(
    {
      kind: 'save',
      paths,
      abs,
      currentVersion: version,
      version,
      knownBase: true,
      changes,
      others: [],
    },
    'nb',
  )) as { kind: string; version: string };
  if (saved.kind !== 'write') throw new Error(`save: ${JSON.stringify(saved).slice(0, 300)}`);
  if (session) writeFileSync(values['profile-save']!, JSON.stringify((await post('Profiler.stop')).profile));
  weigh('save');
  await runJob(
    {
      kind: 'render',
      paths,
      edits: [{ abs, saved: saved.version, changes: [{ path: ['profile', 0], value: 'Etter lagring' }] }],
      decks: [deckId],
      have,
    },
    'nb',
  );
  weigh('edit after the save');
  if (values.snapshot) console.log(`snapshot: ${v8.writeHeapSnapshot(values.snapshot)}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
