/**
 * Runs of the CLI bundle that test/global-setup.ts builds once per test run (dist/cli.js,
 * what `npm start` runs), for tests whose servers live in the test process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI_ARGS, type CliRun } from './project.js';

/** The bundle's path; `remove` is kept for callers and does nothing (the run's setup owns dist/). */
export function buildDistCli(): { cli: string; remove: () => void } {
  return { cli: CLI_ARGS[0]!, remove: () => undefined };
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
