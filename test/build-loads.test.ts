/**
 * What a build loads of Node's own modules (how long it takes is measured by `npm run bench`).
 * pptxgenjs imports node:https on every write, for pictures given as a URL; Trappa gives every
 * picture as data, and the bundle (scripts/build-dist.mjs) puts a stand-in there, so a build
 * never loads tls, http and https.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject, runCliAsync } from './helpers/project.js';

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
