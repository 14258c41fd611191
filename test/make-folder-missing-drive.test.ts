/**
 * The output folder on a drive that is not there: Windows says ENOENT for `Z:\` itself, so
 * makeFolderSync's walk up to the first folder that is there (src/io/save-file.ts) reaches the
 * root with nothing to make. That was a bare ENOENT (exit 70, a bug report); it is a located user
 * error (exit 7), and the earlier decks stay. No Windows here: the CLI runs with a preload that
 * makes mkdir answer ENOENT for the output folder and every folder above it, the root included,
 * as it does there. A child process, not a mocked module: the test workers are shared
 * (vitest.config.ts), and a mocked node:fs would stay mocked for the files after this one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../src/exit-codes.js';
import { copyProject, runCli } from './helpers/project.js';

/** mkdir of TRAPPA_TEST_MISSING_DRIVE or any folder above it fails as on a drive that is not there. */
const MISSING_DRIVE = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
const target = path.resolve(process.env.TRAPPA_TEST_MISSING_DRIVE);
const above = (dir) => { const d = path.resolve(String(dir)); return target === d || target.startsWith(d.endsWith(path.sep) ? d : d + path.sep); };
const mkdirSync = fs.mkdirSync;
fs.mkdirSync = (dir, ...rest) => {
  if (!above(dir)) return mkdirSync(dir, ...rest);
  throw Object.assign(new Error(\`ENOENT: no such file or directory, mkdir '\${dir}'\`), { code: 'ENOENT', syscall: 'mkdir', path: String(dir) });
};
syncBuiltinESMExports();
`;

const work = mkdtempSync(path.join(tmpdir(), 'trappa-missing-drive-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the output folder on a drive that is not there (even its root says ENOENT)', () => {
  it('ends with a located file-system error naming the root (exit 7), not a bare ENOENT (exit 70)', async () => {
    const preload = path.join(work, 'missing-drive.mjs');
    writeFileSync(preload, MISSING_DRIVE);
    const out = path.join(work, 'drive', 'decks', 'output');
    const run = await runCli(['--out', out, 'build', '--deck', 'ansatte'], copyProject(), {
      NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`,
      TRAPPA_TEST_MISSING_DRIVE: out,
    });
    expect(run.status, run.stderr).toBe(exitCodes.fileSystem.code);
    // The root, as the messages name a folder: relative to the working folder (here `../..`).
    expect(run.stderr).toMatch(
      /^trappa: [./]+: no folder can be made here \(its parent takes none, as \/proc, a link to a missing folder or a drive that is not there\); choose another folder \(ENOENT\)$/m,
    );
    expect(run.stderr).not.toMatch(/internal error/);
  });
});
