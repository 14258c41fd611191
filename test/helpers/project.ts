/** Temporary copies of the bundled project, so tests can edit data without touching the repo. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { afterAll, onTestFinished } from 'vitest';
import { copyProjectToTemp, REPO } from './project-copy.js';

export { REPO };
/** tsx's loader by absolute URL, so TypeScript test children run from any working directory. */
export const TSX_LOADER = pathToFileURL(path.join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;
/**
 * How tests start the real CLI: the bundle that test/global-setup.ts builds once per run
 * from the current sources (what `npm start` runs), not tsx, which compiles ~100 modules per start.
 *
 * `--no-opt`: the processes tests start are short (a deck or two, often killed on purpose),
 * and V8's optimising compiler spends more CPU on its background threads than it saves in
 * them: 0.30 instead of 0.42 s of CPU for a one-deck build (2 cores), and ~190 such runs
 * per test run. Same code, same results; only how V8 runs it. (For `build --all` of the
 * bundled decks it costs wall time, so the product itself does not use it.)
 */
export const CLI_ENTRY = path.join(REPO, 'dist/cli.js');
export const CLI_ARGS: readonly string[] = ['--no-opt', CLI_ENTRY];

/** Copies data/, templates/ and assets/ into a fresh temp dir, removed when the test ends. */
export function copyProject(): string {
  const dir = copyProjectToTemp();
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const builtTemplates = new Map<string, Promise<string>>();

/**
 * A copy of the bundled project with `decks` already built into output/ (and the image
 * cache warm): the good first build that bad-input and version tests start from, made once
 * per test file and copied per test instead of rebuilt.
 */
export async function copyBuiltProject(decks: readonly string[]): Promise<string> {
  const key = decks.join(',');
  let template = builtTemplates.get(key);
  if (!template) {
    template = (async () => {
      const dir = copyProjectToTemp(REPO, 'trappa-built-');
      const { buildDecks } = await import('../../src/build-deck.js');
      await buildDecks({ root: dir, decks: [...decks] });
      return dir;
    })();
    builtTemplates.set(key, template);
    afterAll(async () => rmSync(await template!, { recursive: true, force: true }));
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'trappa-'));
  cpSync(await template, dir, { recursive: true });
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Replaces text in a file of a project copy; fails the test if `from` is not there. */
export function editFile(
  root: string,
  file: string,
  from: string | RegExp,
  to: string | ((match: string, ...groups: string[]) => string),
): void {
  const full = path.join(root, file);
  const text = readFileSync(full, 'utf8');
  const next =
    typeof to === 'string'
      ? text.replace(from, to)
      : text.replace(from, to as (substring: string, ...args: unknown[]) => string);
  if (next === text) throw new Error(`editFile: ${String(from)} not found in ${file}`);
  writeFileSync(full, next);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process, as a user would (without blocking this test worker). */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCliAsync(args, cwd, env);
}

export interface CliRunOptions {
  /** Kills the process with SIGKILL after this many ms (the crash tests). */
  killAfterMs?: number;
  /** Leaves out the developer's own TRAPPA_* settings (a mail setting would change the transport). */
  withoutOwnSettings?: boolean;
}

export interface AsyncCliRun extends CliRun {
  /** SIGKILL when `killAfterMs` ended it. */
  signal: NodeJS.Signals | null;
  /** Wall time of the run. */
  ms: number;
}

/** The environment without the developer's own TRAPPA_* settings, plus `extra`. */
export function withoutOwnSettings(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TRAPPA_')));
  return { ...inherited, ...extra };
}

/**
 * Runs the CLI without blocking this process: for tests whose servers live in it (SMTP,
 * Graph), for several commands at once, and for killing a command halfway.
 */
export function runCliAsync(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  options: CliRunOptions = {},
): Promise<AsyncCliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], {
      cwd,
      env: options.withoutOwnSettings ? withoutOwnSettings(env) : { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer =
      options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}
