/**
 * How the CLI starts and what a build loads (how long it takes is measured by `npm run bench`).
 * - pptxgenjs imports node:https on every write, for pictures given as a URL; Trappa gives every
 *   picture as data, and the bundle (scripts/build-dist.mjs) puts a stand-in there, so a build
 *   never loads tls, http and https.
 * - dist/cli.js turns on Node's compile cache (22.1+) for what still loads as ES modules (the
 *   studio's worker, sharp, pdf.js); the bundle itself runs with a V8 code cache of its own
 *   (test/code-cache.test.ts).
 * - A build with nothing to write reads and locks synchronously: an fs call through libuv's
 *   pool is a call of microseconds that, on a loaded machine, kept the main thread waiting.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY, copyProject, runCliAsync } from './helpers/project.js';

/** Preloaded into the CLI's process: at exit, writes the built-in modules it loaded to `file`. */
const recordModules = (file: string): string =>
  [
    "import { writeFileSync } from 'node:fs';",
    `process.on('exit', () => writeFileSync(${JSON.stringify(file)}, process.moduleLoadList.join('\\n')));`,
  ].join('\n');

describe('a build of decks with pictures', () => {
  it('loads no https, tls or http', async () => {
    const root = copyProject();
    const list = path.join(root, 'modules.txt');
    const run = await runCliAsync(['build', '--deck', 'ansatte'], root, {
      NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(recordModules(list))}`,
    });
    expect(run.status).toBe(0);
    const loaded = readFileSync(list, 'utf8').split('\n');
    // The record itself works: the deck's own modules are there.
    expect(loaded).toContain('NativeModule zlib');
    expect(loaded.filter((m) => /^NativeModule (https|tls|_http_client)$/.test(m))).toEqual([]);
  });
});

/**
 * Preloaded into the CLI's process: at exit, writes to `file` the stack of every fs request made
 * through libuv's pool (fs/promises and fs callbacks), except Node's own module loader's (Node 20
 * reads ES modules that way).
 */
const recordFsRequests = (file: string): string =>
  [
    "import { createHook } from 'node:async_hooks';",
    "import { writeFileSync } from 'node:fs';",
    'Error.stackTraceLimit = 40;',
    'const made = [];',
    'createHook({ init(id, type) {',
    "  if (type !== 'FSREQPROMISE' && type !== 'FSREQCALLBACK') return;",
    '  const stack = new Error().stack;',
    "  if (!stack.includes('node:internal/modules/')) made.push(stack);",
    '} }).enable();',
    `process.on('exit', () => writeFileSync(${JSON.stringify(file)}, JSON.stringify(made)));`,
  ].join('\n');

describe('a build with nothing to write', () => {
  it("makes no fs call through libuv's pool", async () => {
    const root = copyProject();
    expect((await runCliAsync(['build', '--all'], root)).status).toBe(0);
    const list = path.join(root, 'fs-requests.json');
    const run = await runCliAsync(['build', '--all'], root, {
      NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(recordFsRequests(list))}`,
    });
    expect(run.status).toBe(0);
    // The project's YAML, the manifest, the decks on disk, the lock: all read or taken synchronously.
    expect(JSON.parse(readFileSync(list, 'utf8'))).toEqual([]);
  });
});

describe('dist/cli.js', () => {
  // Node 20 has no compile cache; CI runs the tests on Node 22 and 24 as well.
  it.skipIf(!('enableCompileCache' in module))('turns on the compile cache', async () => {
    const { NODE_COMPILE_CACHE: _, ...env } = process.env;
    const code = [
      "import module from 'node:module';",
      `await import(${JSON.stringify(pathToFileURL(CLI_ENTRY).href)});`,
      "console.log(module.getCompileCacheDir() ?? 'no cache');",
    ].join('\n');
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--input-type=module', '-e', code], { env }, (error, out) =>
        error ? reject(error) : resolve(out),
      ),
    );
    expect(stdout.trim()).not.toBe('no cache');
  });
});
