/**
 * Builds the CLI bundle once per test run. Tests that need a real process spawn
 * `node dist/cli.js` (CLI_ARGS): about 0.4 s a start against 3 s through tsx.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  // @ts-expect-error: a plain .mjs script without types
  const { buildDist } = (await import('../scripts/build-dist.mjs')) as {
    buildDist: (o: { outdir: string }) => Promise<unknown>;
  };
  await buildDist({ outdir: path.join(root, 'dist') });
}
