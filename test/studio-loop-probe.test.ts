/**
 * The request loop's probe the bench reads (src/studio/loop-probe.ts): only there when asked for
 * (TRAPPA_STUDIO_LOOP_PROBE), and in a studio process of its own it answers the loop's longest
 * delay and the most CPU its thread used between two ticks, each since it was last asked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../src/studio/server.js';
import { call } from './helpers/studio-http.js';
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
});
