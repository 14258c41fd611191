/**
 * Runs of the CLI bundle (built once per test run by test/global-setup.ts) without the
 * developer's own TRAPPA_* settings: the mail tests, where a setting of one's own (another
 * transport, a real server) would change what is tested.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { CLI_ARGS, type CliRun, runCliAsync, withoutOwnSettings } from './project.js';

/** Starts the CLI with pipes for stdout and stderr; the caller waits for it or kills it. */
export function spawnCliClean(args: string[], cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...CLI_ARGS, ...args], {
    cwd,
    env: withoutOwnSettings(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the CLI to its end without blocking this process (the test's servers live here). */
export function runCliClean(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCliAsync(args, cwd, env, { withoutOwnSettings: true });
}
