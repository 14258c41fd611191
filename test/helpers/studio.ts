/**
 * Trappa Studio as a user starts it: `node dist/cli.js studio` (the esbuild bundle that
 * test/global-setup.ts builds once per run, page script included), in a copy of the
 * bundled project; the address is the first line on standard output.
 */
import { rmSync } from 'node:fs';
import { CLI_ENTRY, REPO } from './project.js';
import { copyProjectFrom, type RunningStudio, startStudio } from './studio-process.js';

export type { RunningStudio };

/** A copy of data/, templates/ and assets/ in a temp folder; remove it with rmSync when done. */
export const projectCopy = (): string => copyProjectFrom(REPO);

/** The studio of the bundle this test run built (test/global-setup.ts). */
export const startStudioProcess = (
  root: string,
  env: NodeJS.ProcessEnv = {},
  args: string[] = [],
): Promise<RunningStudio> => startStudio(CLI_ENTRY, root, env, args);

export function removeAll(...dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
