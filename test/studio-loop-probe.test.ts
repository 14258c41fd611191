/**
 * The request loop's probe the bench reads (src/studio/loop-probe.ts): only there when asked for
 * (TRAPPA_STUDIO_LOOP_PROBE), and in a studio process of its own it answers the loop's longest
 * delay and the most CPU its thread used between two ticks, each since it was last asked.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../src/studio/server.js';
import { call } from './helpers/studio-http.js';
import { REPO, TSX_LOADER } from './helpers/project.js';
import { projectCopy, removeAll, type RunningStudio, startStudioProcess } from './helpers/studio.js';

let root: string | undefined;
let inProcess: Studio | undefined;
let child: RunningStudio | undefined;

afterEach(async () => {
  await inProcess?.close();
  await child?.stop();
  if (root) removeAll(root);
  [root, inProcess, child] = [undefined, undefined, undefined];
});

/** The bench's synthetic project with `rows` target groups and plan rows, written by a child process (not this worker). */
function writeSynthetic(at: string, rows: number): Promise<void> {
  const module = pathToFileURL(path.join(REPO, 'scripts/bench/synthetic.ts')).href;
  const code = `const { writeSyntheticProject } = await import(${JSON.stringify(module)});
    await writeSyntheticProject(${JSON.stringify(REPO)}, ${JSON.stringify(at)}, ${rows});`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', TSX_LOADER, '--input-type=module', '-e', code], (error) =>
      error ? reject(error) : resolve(),
    );
  });
}

describe('the request loop’s probe', () => {
  it('is not there unless asked for', async () => {
    root = projectCopy();
    inProcess = await startStudio({ root, lang: 'nn' });
    expect((await call(inProcess, 'GET', '/api/loop')).status).toBe(404);
  });

  it('answers the longest delay and the loop thread’s longest CPU since it was last asked', async () => {
    root = projectCopy();
    child = await startStudioProcess(root, { TRAPPA_STUDIO_LOOP_PROBE: '1' });
    const studio = { url: child.url, port: Number(new URL(child.url).port) } as Studio;
    expect((await call(studio, 'GET', '/api/project')).status).toBe(200);
    const first = await call(studio, 'GET', '/api/loop');
    expect(first.status).toBe(200);
    expect(first.json.maxMs).toBeGreaterThan(0);
    expect(first.json.p99Ms).toBeGreaterThan(0);
    if (process.platform === 'linux') expect(first.json.maxCpuMs).toBeGreaterThanOrEqual(0);
  });

  // A 170 KB strategy (500 plan rows) was parsed on the request loop (files up to 256 KB were thought
  // cheap): 150–330 ms of the loop's own CPU in one piece, every other request waiting behind it.
  it.runIf(process.platform === 'linux')(
    'keeps the loop’s own work under 100 ms at a time while a 170 KB strategy loads',
    async () => {
      root = path.join(os.tmpdir(), `trappa-loop-${process.pid}-${Date.now()}`);
      await writeSynthetic(root, 500);
      child = await startStudioProcess(root, { TRAPPA_STUDIO_LOOP_PROBE: '1' });
      const studio = { url: child.url, port: Number(new URL(child.url).port) } as Studio;
      await call(studio, 'GET', '/api/loop');
      const project = await call(studio, 'GET', '/api/project');
      expect(project.status).toBe(200);
      const files = project.json.files as Array<{ file: string; value: { actionPlan: unknown[] } }>;
      expect(files.find((f) => f.file === 'data/strategy.yaml')?.value.actionPlan).toHaveLength(500);
      // CPU time of the loop's thread between two 10 ms ticks: its own work, not a wait for a core.
      expect((await call(studio, 'GET', '/api/loop')).json.maxCpuMs).toBeLessThan(100);
    },
    120_000,
  );
});
