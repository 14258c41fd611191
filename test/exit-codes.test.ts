/**
 * One table of exit codes (src/exit-codes.ts): the error classes, the CLI's help, the Studio
 * and README read or are checked against it; and the codes a user rarely meets (5, 70) are
 * seen through the CLI itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CheckFailedError,
  FileSystemError,
  FrozenVersionError,
  InputError,
  SendError,
  ToolNotFoundError,
  TrappaError,
} from '../src/errors.js';
import { exitCodeMarkdown, exitCodes } from '../src/exit-codes.js';
import { runMain } from './helpers/in-process.js';
import { copyProject, REPO, runCliAsync } from './helpers/project.js';

const codes = Object.values(exitCodes).map((e) => e.code);

describe('exit codes', () => {
  it("README's table is the table in src/exit-codes.ts", () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    expect(readme, 'README.md "### Exit codes": paste exitCodeMarkdown() from src/exit-codes.ts').toContain(
      exitCodeMarkdown('en'),
    );
  });

  it('every error class exits with a code of the table, and each entry says what to do in nb, nn and en', () => {
    const errors = [
      new TrappaError('x'),
      new InputError([]),
      new FrozenVersionError('x'),
      new CheckFailedError('x'),
      new ToolNotFoundError('x'),
      new SendError('x'),
      new FileSystemError('x'),
    ];
    expect(errors.map((e) => e.exitCode)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const e of errors) expect(codes).toContain(e.exitCode);
    for (const entry of Object.values(exitCodes).filter((e) => e.code !== 0)) {
      for (const language of ['nb', 'nn', 'en'] as const) {
        expect(entry.meaning[language], `${entry.code} ${language}`).not.toBe('');
        expect(entry.todo[language], `${entry.code} ${language}`).not.toBe('');
      }
    }
  });

  it("the CLI's help lists every code", async () => {
    const run = await runMain(['--help'], REPO);
    for (const entry of Object.values(exitCodes)) expect(run.stdout).toContain(`${entry.code}  ${entry.short}`);
  });

  it('exits 5 through the CLI when LibreOffice is not where TRAPPA_SOFFICE says', async () => {
    const root = copyProject();
    const missing = path.join(root, 'no-such-soffice');
    const run = await runMain(['build', '--deck', 'strategi', '--pdf'], root, { TRAPPA_SOFFICE: missing });
    expect(run.stderr).toContain(`TRAPPA_SOFFICE=${missing} is not an executable file`);
    expect(run.status).toBe(5);
  });

  it('exits 70 with the stack trace through the CLI when Trappa itself fails', async () => {
    const root = copyProject();
    // A bug planted in the real process: opening theme.yaml (src/io/read-input.ts) throws a plain TypeError, which no
    // part of Trappa expects (no OS error code, not a TrappaError). Both ways of opening it: the project's YAML files
    // are read synchronously (readInputFileSync), other inputs through fs/promises.
    const plant = [
      "import fs from 'node:fs';",
      "import fsp from 'node:fs/promises';",
      "import { syncBuiltinESMExports } from 'node:module';",
      "const planted = (file) => String(file).endsWith('theme.yaml');",
      'const open = fsp.open;',
      "fsp.open = (file, ...rest) => planted(file) ? Promise.reject(new TypeError('planted bug')) : open(file, ...rest);",
      'const openSync = fs.openSync;',
      "fs.openSync = (file, ...rest) => { if (planted(file)) throw new TypeError('planted bug'); return openSync(file, ...rest); };",
      'syncBuiltinESMExports();',
    ].join('\n');
    const run = await runCliAsync(['build', '--deck', 'strategi'], root, {
      NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(plant)}`,
    });
    expect(run.stderr).toContain('internal error');
    expect(run.stderr).toMatch(/TypeError: planted bug\n\s+at /);
    expect(run.status).toBe(70);
  });
});
