/**
 * Runs of the CLI bundle that test/global-setup.ts builds once per test run (dist/cli.js,
 * what `npm start` runs), for tests whose servers live in the test process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI_ARGS, type CliRun, runCliAsync, withoutOwnSettings } from './project.js';

/** The bundle's path; `remove` is kept for callers and does nothing (the run's setup owns dist/). */
export function buildDistCli(): { cli: string; remove: () => void } {
  return { cli: CLI_ARGS[0]!, remove: () => undefined };
}

export function spawnCli(cli: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [cli, ...args], {
    cwd,
    env: withoutOwnSettings(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the bundle without blocking this process (its servers live here), without the developer's TRAPPA_* settings. */
export function runCliDist(_cli: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCliAsync(args, cwd, env, { withoutOwnSettings: true });
}
