/**
 * The esbuild bundle of the CLI, built once per test file into its own folder (so files
 * running at the same time never share a half-written dist/), and runs of it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO, type CliRun } from './project.js';

/** Builds dist/cli.js into node_modules/.cache/ (externals such as sharp still resolve) and returns its path. */
export function buildDistCli(): { cli: string; remove: () => void } {
  mkdirSync(path.join(REPO, 'node_modules', '.cache'), { recursive: true });
  const dir = mkdtempSync(path.join(REPO, 'node_modules', '.cache', 'trappa-dist-'));
  const built = spawnSync(process.execPath, [path.join(REPO, 'scripts/build-dist.mjs'), '--outdir', dir, '--quiet'], {
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build-dist failed: ${built.stderr}`);
  return { cli: path.join(dir, 'cli.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Environment without the developer's own TRAPPA_* settings. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TRAPPA_')));
  return { ...inherited, ...extra };
}

export function spawnCli(cli: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [cli, ...args], { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the bundled CLI without blocking this process (its servers live here). */
export function runCliDist(cli: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(cli, args, cwd, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
