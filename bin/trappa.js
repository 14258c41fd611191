#!/usr/bin/env node
/**
 * The `trappa` command. Runs the bundle dist/cli.js (`npm run build:dist`), which starts
 * fastest; falls back to the TypeScript sources through tsx when there is no bundle, when a
 * file in src/ is newer than it (a checkout being edited), or when TRAPPA_FROM_SOURCE=1.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Node 22.1+ keeps the compiled bundle on disk (os.tmpdir()/node-compile-cache, per Node
// version and file), so the next run skips compiling it; Node 20 has no such API and runs as
// before. Before any import below, so the bundle and its chunks are compiled through it.
// A folder that cannot be written only means no cache: enableCompileCache reports, never throws.
module.enableCompileCache?.();

const bundle = new URL('../dist/cli.js', import.meta.url);
const sources = new URL('../src/', import.meta.url);

/** True when src/ holds a file (or folder) modified after the bundle was built. */
function bundleIsStale() {
  const built = statSync(bundle).mtimeMs;
  const dir = fileURLToPath(sources);
  if (!existsSync(dir)) return false;
  return newerInside(dir, built);
}

/**
 * Whether anything below `dir` was modified after `time`. Walked folder by folder: Node's
 * `readdirSync(dir, { recursive: true })` took ~10 ms of CPU for src/'s 440 entries on every
 * start, this walk ~1 ms (the stats ~3-4 ms either way). Symbolic links are not followed into,
 * as the recursive listing did not.
 */
function newerInside(dir, time) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (statSync(file).mtimeMs > time) return true;
    if (entry.isDirectory() && newerInside(file, time)) return true;
  }
  return false;
}

async function loadCli() {
  if (process.env.TRAPPA_FROM_SOURCE !== '1' && existsSync(bundle) && !bundleIsStale()) {
    return await import(bundle.href);
  }
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch (cause) {
    throw new Error(
      'trappa: dist/cli.js is missing or older than src/, and tsx is not installed; run: npm run build:dist',
      { cause },
    );
  }
  return await tsx.tsImport('../src/cli.ts', import.meta.url);
}

const cli = await loadCli();
// A command line run, not a library: the heap is kept closer to what is live (src/heap-growth.ts).
cli.growHeapSlowly();
// `trappa list | head -1`: the rest of the output has nowhere to go, and that is no error.
cli.ignoreClosedPipes();
process.exitCode = await cli.main(process.argv);
