/**
 * The CLI's `main()` run inside the test's own process: the same commands, messages and
 * exit codes as `node dist/cli.js`, without a new process (about 0.45 s of CPU each, most
 * of it loading and warming up code this worker has already loaded).
 *
 * For tests about what a command does. Tests about the process itself (kill -9, several
 * processes at once, signals, another user, the bundle) spawn it (project.ts runCliAsync).
 *
 * Inside one process a run needs what a process would give it of its own, and gives it back
 * afterwards: the working folder, the environment, the console and the exit code. Runs are
 * queued, so two runs started together in one test file never share them.
 */
import { format } from 'node:util';
import { main } from '../../src/cli.js';
import type { CliRun } from './project.js';

export interface MainRunOptions {
  /** Leaves out the developer's own TRAPPA_* settings (as runCliClean does for a process). */
  withoutOwnSettings?: boolean;
}

let queue: Promise<unknown> = Promise.resolve();

/** `trappa <args>` run in `cwd` with `env` added to the environment. */
export function runMain(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  options: MainRunOptions = {},
): Promise<CliRun> {
  const run = queue.then(() => runNow(args, cwd, env, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  options: MainRunOptions,
): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const restoreConsole = captureConsole(stdout, stderr);
  const restoreEnv = applyEnv(env, options);
  const cwdBefore = process.cwd();
  const exitCodeBefore = process.exitCode;
  try {
    process.chdir(cwd);
    process.exitCode = undefined;
    const status = await main([process.execPath, 'trappa', ...args]);
    return { status, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.exitCode = exitCodeBefore;
    process.chdir(cwdBefore);
    restoreEnv();
    restoreConsole();
  }
}

type Write = typeof process.stdout.write;

/** Console and stream writes go to the two lists until the returned function is called. */
function captureConsole(stdout: string[], stderr: string[]): () => void {
  const saved = {
    log: console.log,
    info: console.info,
    warn: console.warn,
    error: console.error,
    out: process.stdout.write,
    err: process.stderr.write,
  };
  const toOut = (...values: unknown[]): void => void stdout.push(`${format(...values)}\n`);
  const toErr = (...values: unknown[]): void => void stderr.push(`${format(...values)}\n`);
  console.log = toOut;
  console.info = toOut;
  console.warn = toErr;
  console.error = toErr;
  // Commander writes help and usage errors to the streams directly.
  process.stdout.write = ((chunk: string | Uint8Array) => stdout.push(String(chunk)) > 0) as Write;
  process.stderr.write = ((chunk: string | Uint8Array) => stderr.push(String(chunk)) > 0) as Write;
  return () => {
    Object.assign(console, { log: saved.log, info: saved.info, warn: saved.warn, error: saved.error });
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
  };
}

/** Sets `env` (and drops TRAPPA_* settings when asked) until the returned function is called. */
function applyEnv(env: NodeJS.ProcessEnv, options: MainRunOptions): () => void {
  const own = options.withoutOwnSettings ? Object.keys(process.env).filter((key) => key.startsWith('TRAPPA_')) : [];
  const touched = [...new Set([...own, ...Object.keys(env)])];
  const before = new Map(touched.map((key) => [key, process.env[key]]));
  for (const key of own) delete process.env[key];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return () => {
    for (const [key, value] of before) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
