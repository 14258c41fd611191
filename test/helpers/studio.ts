/**
 * Trappa Studio as a user starts it: `node dist/cli.js studio` (the esbuild bundle, built
 * once per test file into a temp folder, so parallel test files never share dist/), in a
 * copy of the bundled project; the address is the first line on standard output.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPO } from './project.js';

export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Builds dist/ into a fresh folder and returns the path of its cli.js. The folder is under
 * node_modules/.cache, so the bundle finds sharp (kept external) as dist/cli.js does.
 */
export function buildCli(): { cli: string; dir: string } {
  const cache = path.join(REPO, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'trappa-dist-'));
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts/build-dist.mjs'), '--outdir', dir, '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build-dist failed: ${r.stderr}`);
  return { cli: path.join(dir, 'cli.js'), dir };
}

/** A copy of data/, templates/ and assets/ in a temp folder; remove it with rmSync when done. */
export function projectCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trappa-studio-'));
  for (const sub of ['data', 'templates', 'assets']) cpSync(path.join(REPO, sub), path.join(dir, sub), { recursive: true });
  return dir;
}

export interface RunningStudio {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startStudioProcess(cli: string, root: string, extra: string[] = []): Promise<RunningStudio> {
  const child = spawn(process.execPath, [cli, 'studio', '--no-open', '--root', root, ...extra], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`studio exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function removeAll(...dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
