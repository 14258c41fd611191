/** `trappa build --watch` end to end: a real child process on a copy of the project. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { copyProject, editFile, REPO, TSX_LOADER } from './helpers/project.js';

const FILE = 'storledermote-v0.2-2004-02-04.pptx';

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function recordedSha(root: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, 'output/manifest.json'), 'utf8')) as { entries: Record<string, { sha256: string }> };
    return manifest.entries['storledermote@0.2']?.sha256;
  } catch {
    return undefined;
  }
}

const fileSha = (root: string): string => createHash('sha256').update(readFileSync(path.join(root, 'output', FILE))).digest('hex');

it('rebuilds after a change, reports a broken edit without exiting, and rebuilds once it is fixed', async () => {
  const root = copyProject();
  const child = spawn(process.execPath, ['--import', TSX_LOADER, path.join(REPO, 'src/cli.ts'), '--root', root, 'build', '--watch'], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const builds = (): number => stdout.match(/ built in \d+ ms/g)?.length ?? 0;

  await waitFor('the first build and the watcher', () => /watching data, templates, assets/.test(stdout));
  const first = recordedSha(root)!;
  expect(fileSha(root)).toBe(first);

  // An edit: the meeting moves. The file is rebuilt and the manifest follows.
  editFile(root, 'data/decks/storledermote.yaml', /place: .*/, 'place: Verdal rådhus');
  const second = await waitFor('the rebuilt deck', () => {
    const sha = recordedSha(root);
    return sha !== first && sha;
  });
  expect(fileSha(root)).toBe(second);
  expect(stdout).toContain('↻ data/decks/storledermote.yaml changed');

  // A broken edit: a located error on stderr, and the process keeps running.
  const deckFile = path.join(root, 'data/decks/storledermote.yaml');
  const good = readFileSync(deckFile, 'utf8');
  writeFileSync(deckFile, good.replace('audience:\n', 'audience: [oops\n'));
  await waitFor('the located error', () => /data\/decks\/storledermote\.yaml:\d+:\d+ /.test(stderr));
  await waitFor('the failure line', () => stdout.includes('✗ build failed'));
  await new Promise((r) => setTimeout(r, 300));
  expect(child.exitCode).toBe(null);
  expect(fileSha(root)).toBe(second);

  // Fixed again, with another change: rebuilt.
  const before = builds();
  writeFileSync(deckFile, good.replace('place: Verdal rådhus', 'place: Stiklestad'));
  const third = await waitFor('the rebuild after the fix', () => {
    const sha = recordedSha(root);
    return sha !== second && builds() > before && sha;
  });
  expect(fileSha(root)).toBe(third);

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(stdout).toContain('stopped watching');
  const times = [...stdout.matchAll(/ built in (\d+) ms/g)].map((m) => Number(m[1]));
  console.log(`watch rebuild times (ms): ${times.join(', ')}`);
});
