/**
 * Trappa Studio as a user starts it: `node dist/cli.js studio` (the esbuild bundle that
 * test/global-setup.ts builds once per run, page script included), in a copy of the
 * bundled project; the address is the first line on standard output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CLI_ARGS, REPO } from './project.js';

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A copy of data/, templates/ and assets/ in a temp folder; remove it with rmSync when done. */
export function projectCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trappa-studio-'));
  for (const sub of ['data', 'templates', 'assets'])
    cpSync(path.join(REPO, sub), path.join(dir, sub), { recursive: true });
  return dir;
}

export interface RunningStudio {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startStudioProcess(root: string, env: NodeJS.ProcessEnv = {}): Promise<RunningStudio> {
  const child = spawn(process.execPath, [...CLI_ARGS, 'studio', '--no-open', '--root', root], {
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
