/**
 * The CLI meets the world: files saved in the wrong encoding, files that are not decks,
 * a reader that closes the pipe early, a command run outside the project folder.
 * Each ends in a plain located line and the right exit code, never a stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { copyProject, REPO, CLI_ARGS, type CliRun } from './helpers/project.js';
import { runMain } from './helpers/in-process.js';

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trappa-robust-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const oneLine = (run: CliRun): string[] => run.stderr.trim().split('\n');

describe('a YAML file saved as Windows-1252', () => {
  it('is one located line at the first non-UTF-8 byte, exit 2, earlier output untouched', async () => {
    const root = copyProject();
    expect((await runMain(['build', '--deck', 'ansatte'], root)).status).toBe(0);
    const deck = path.join(root, 'output/ansatte-v0.2-2004-01-28.pptx');
    const before = readFileSync(deck);

    const file = path.join(root, 'data/decks/ansatte.yaml');
    const text = readFileSync(file, 'utf8');
    // Latin-1 is Windows-1252 for æ, ø, å: one byte each, none of them valid UTF-8 on its own.
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const first = text.search(/[^\x00-\x7f]/);
    const lineStart = text.lastIndexOf('\n', first) + 1;
    const where = `${text.slice(0, lineStart).split('\n').length}:${first - lineStart + 1}`;

    const run = await runMain(['build', '--deck', 'ansatte'], root);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual([
      `data/decks/ansatte.yaml:${where} file is not saved as UTF-8 (found a byte that is not UTF-8, probably Windows-1252); save it as UTF-8`,
    ]);
    expect(readFileSync(deck).equals(before)).toBe(true);
  });

  it('still reads UTF-8 with a byte order mark', async () => {
    const root = copyProject();
    const file = path.join(root, 'data/decks/ansatte.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
    expect((await runMain(['list'], root)).status).toBe(0);
  });
});

describe('trappa check on a file that is not a deck', () => {
  it.each([
    { name: 'missing', make: (_: string) => {}, message: 'file not found' },
    { name: 'a folder', make: (f: string) => mkdirSync(f), message: 'expected a .pptx file, found a folder' },
    {
      name: 'not a zip',
      make: (f: string) => writeFileSync(f, 'hello'),
      message: /^is not a \.pptx file \(not a zip package/,
    },
  ])('$name: one located line, exit 2', async ({ make, message }) => {
    const dir = tempDir();
    const file = path.join(dir, 'deck.pptx');
    make(file);
    const run = await runMain(['check', 'deck.pptx'], dir);
    expect(run.status).toBe(2);
    const lines = oneLine(run);
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]!.startsWith('deck.pptx ')).toBe(true);
    expect(lines[0]!.slice('deck.pptx '.length)).toMatch(message);
  });
});

describe('a reader that closes the pipe early (trappa list | head -1)', () => {
  // Both ways in: the bundle the tests run, and bin/trappa.js, the `trappa` command users run.
  // `--help` is printed by commander, before any command runs.
  const bin = [path.join(REPO, 'bin/trappa.js')];
  it.each([
    ['dist/cli.js list', [...CLI_ARGS, 'list']],
    ['bin/trappa.js list', [...bin, 'list']],
    ['bin/trappa.js --help', [...bin, '--help']],
  ])('ends quietly: %s, exit 0, no EPIPE stack trace', async (_, args) => {
    const child = spawn(process.execPath, args, { cwd: REPO });
    // Close our end before the CLI has printed anything: its first write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

describe('outside a project folder', () => {
  it('says where to run trappa, in one line', async () => {
    const run = await runMain(['list'], tempDir());
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual([
      'data/strategy.yaml file not found; run trappa in the project folder, or pass --root',
    ]);
  });

  it('names the decks folder when it has no deck definitions', async () => {
    const root = copyProject();
    rmSync(path.join(root, 'data/decks'), { recursive: true });
    const run = await runMain(['list'], root);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual(['data/decks has no deck definitions; add one, e.g. data/decks/strategi.yaml']);
  });
});

describe('usage, help and version come back from main() as exit codes', () => {
  it('--version prints the package version, exit 0', async () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    const run = await runMain(['--version'], tempDir());
    expect(run).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('--help is exit 0; an unknown option or command is exit 1 with the usage, and the process lives on', async () => {
    expect((await runMain(['build', '--help'], tempDir())).status).toBe(0);
    for (const args of [['build', '--nope'], ['nosuch']]) {
      const run = await runMain(args, tempDir());
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(/^error: unknown (option|command)/);
      expect(run.stderr).toContain('Usage: trappa');
    }
  });
});
