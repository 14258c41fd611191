/**
 * A project's first build of 1,000 plan rows (no `.cache`) through dist/cli.js, as a user runs it
 * (issue #27: one such deck within 250 MB). Its memory, not its time, is asserted:
 * - V8's new space at exit: src/heap-growth.ts caps the young generation at 16 MB, checked between
 *   stages, but yaml's parse of the 355 KB strategy is one synchronous call of ~0.5 s, and it
 *   doubled the new space from 8 to 32 MB (Node 22) or 64 MB (Node 24) before any check; now the
 *   growth stops before a large text is parsed (holdYoungGeneration);
 * - the process's peak RSS (VmHWM of /proc/self/status): 255–295 MB at round 16's end, ~205–220
 *   after on the 2-core machine. CI runs this file on Node 22 and on Node 24. Not getrusage's
 *   ru_maxrss: Linux keeps it across execve, so the child's began at the RSS of the test worker it
 *   was forked from (430 MB in CI, where this worker had run other files first); VmHWM is the
 *   high-water mark of the child's own address space.
 * The child runs without `--no-opt` (how tests start the CLI to save CPU): with the optimising
 * compiler off, V8 allocates otherwise, and the build measured would not be the product's.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticProject } from '../scripts/bench/synthetic.js';
import { CLI_ENTRY, REPO } from './helpers/project.js';

const MB = 2 ** 20;

/** Preloaded into the CLI's process: at exit, its new space and peak RSS, in bytes, as JSON in `file`. */
const probe = (file: string): string => `
const v8 = require('node:v8');
process.on('exit', () => {
  const newSpace = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
  const fs = require('node:fs');
  const hwm = /^VmHWM:\\s+(\\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  fs.writeFileSync(${JSON.stringify(file)}, JSON.stringify({ newSpace, peakRss: Number(hwm[1]) * 1024 }));
});
`;

interface Measured {
  newSpace: number;
  peakRss: number;
}

function buildUnderProbe(root: string, probeFile: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', probeFile, CLI_ENTRY, '--root', root, 'build', '--all'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe("a project's first build of 1,000 plan rows", () => {
  const work = mkdtempSync(path.join(tmpdir(), 'trappa-first-build-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('keeps the young generation within 16 MB and the peak RSS within 250 MB', async () => {
    const project = await writeSyntheticProject(REPO, path.join(work, 'rows1000'), 1000);
    const probeFile = path.join(work, 'probe.cjs');
    const result = path.join(work, 'measured.json');
    writeFileSync(probeFile, probe(result));
    const run = await buildUnderProbe(project.root, probeFile);
    expect(run.status, run.stderr).toBe(0);
    const measured = JSON.parse(readFileSync(result, 'utf8')) as Measured;
    const figures = `new space ${measured.newSpace / MB} MB, peak RSS ${Math.round(measured.peakRss / MB)} MB`;
    expect(measured.newSpace, figures).toBeLessThanOrEqual(16 * MB);
    expect(measured.peakRss, figures).toBeLessThanOrEqual(250 * MB);
  });
});
