/**
 * Starting Trappa Studio and a browser for it, shared by the tests, the benchmark and the
 * README's screenshots. No vitest here, so plain scripts can use it too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyProjectToTemp } from './project-copy.js';
import { createInterface } from 'node:readline';

/** Debian's chromium, headless and quiet: this machine's closed network refuses its background calls. */
export const CHROMIUM_LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** A copy of a project's data/, templates/ and assets/ in a new temp folder (the caller removes it). */
export const copyProjectFrom = (repo: string, prefix = 'trappa-studio-'): string => copyProjectToTemp(repo, prefix);

export interface RunningStudio {
  /** The address with its token: the first line the studio prints. */
  url: string;
  child: ChildProcess;
  /** From the spawn until the address was printed, in ms. */
  startMs: number;
  stop(): Promise<void>;
}

/** `node <cli> studio --no-open --root <root> [args]`, resolved once it has printed its address. */
export async function startStudio(
  cli: string,
  root: string,
  env: NodeJS.ProcessEnv = {},
  args: string[] = [],
): Promise<RunningStudio> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'studio', '--no-open', '--root', root, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
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
    startMs: performance.now() - started,
    stop: () =>
      new Promise<void>((resolve) => {
        // Ended already, by itself or by a signal (a test's SIGKILL): no 'exit' is still to come.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
