/**
 * A project's `.cache` travels with the project folder (a zip, a git checkout, a shared drive), so
 * what is in it is untrusted: every store reads a regular file within its bound, or nothing
 * (src/io/read-bounded.ts). Here every file a build left in `.cache` (parsed YAML, pictures,
 * backdrops, the template's set and what was worked out on it, the built-in design, deflated
 * parts, finished slides, slides as the check read them, hyphenated words, built decks) is replaced by a link to /dev/zero, then by a FIFO:
 * on dcfc2ac-era code the first read until memory ran out and the second blocked for ever. The
 * build must succeed with the very decks a build without `.cache` makes.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProjectInto, copyProjectOnTemplate } from './helpers/project-copy.js';
import { REPO, runCli } from './helpers/project.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-cache-untrusted-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The bundled project on the impress fixture, so the template's stores are filled too. */
const projectOnTemplate = (): string =>
  copyProjectOnTemplate(
    mkdtempSync(path.join(work, 'project-')),
    path.join(REPO, 'test/fixtures/templates/impress.potx'),
  );

/** `build --all` into `out`: each deck's sha256 by file name. */
async function build(root: string, out: string): Promise<Record<string, string>> {
  const run = await runCli(['--out', path.join(root, out), 'build', '--all'], root);
  expect(run.status, run.stderr).toBe(0);
  const files = readdirSync(path.join(root, out)).filter((f) => f.endsWith('.pptx'));
  return Object.fromEntries(files.map((f) => [f, sha256(readFileSync(path.join(root, out, f)))]));
}

/** Every file under `dir`, recursively. */
const filesIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

/** The stores each project's build fills: a new one this test does not reach would be a gap. */
const PROJECTS: [string, () => string, string[]][] = [
  [
    'the built-in design',
    () => copyProjectInto(mkdtempSync(path.join(work, 'project-'))),
    ['built-in', 'decks', 'deflated', 'finished', 'images', 'read', 'yaml'],
  ],
  [
    'a template',
    projectOnTemplate,
    ['backdrops', 'decks', 'deflated', 'finished', 'images', 'read', 'templates', 'yaml'],
  ],
];

describe.runIf(process.platform === 'linux')('a crafted .cache', () => {
  it.each(PROJECTS)(
    'on %s, of links to /dev/zero and of FIFOs: the build neither runs out of memory nor waits, and its decks are a cold build’s',
    async (_name, makeProject, expected) => {
      const root = makeProject();
      const cold = await build(root, 'out-cold');
      const kept = filesIn(path.join(root, '.cache'));
      const stores = new Set(kept.map((f) => path.relative(path.join(root, '.cache'), f).split(path.sep)[0]));
      expect([...stores]).toEqual(expect.arrayContaining(expected));

      for (const file of kept) {
        rmSync(file);
        symlinkSync('/dev/zero', file);
      }
      expect(await build(root, 'out-zero')).toEqual(cold);

      for (const file of filesIn(path.join(root, '.cache')).concat(kept)) rmSync(file, { force: true });
      for (const file of kept) execFileSync('mkfifo', [file]);
      expect(await build(root, 'out-fifo')).toEqual(cold);

      // The stores made anew, then the first build's output folder again: its decks come from there (decks.store).
      rmSync(path.join(root, '.cache'), { recursive: true });
      expect(await build(root, 'out-fifo')).toEqual(cold);
      expect(await build(root, 'out-cold')).toEqual(cold);
    },
    180_000,
  );
});
