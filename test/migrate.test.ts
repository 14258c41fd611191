/**
 * Issue #23: `trappa migrate` rewrites an older form in place. The real CLI on a copy of
 * test/fixtures/fjellregionen, whose strategy writes its services as the arrows' label
 * (`model.tasks: Barnevern, PPT, innkjøp, IKT`), saved as Windows Notepad would: CRLF line
 * endings, a byte order mark, and comments around the old field.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it, onTestFinished } from 'vitest';
import { applySplices, findMigrations } from '../src/data/migrations.js';
import { CLI_ARGS, REPO } from './helpers/project.js';

const OLD = '  tasks: Barnevern, PPT, innkjøp, IKT';
const NEW = '  services: [Barnevern, PPT, innkjøp, IKT] # written as the label in 2024';

/** A copy of the fixture with the old form commented, CRLF and a BOM; returns the project root. */
function oldProject(): { root: string; file: string; before: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'trappa-migrate-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  cpSync(path.join(REPO, 'test/fixtures/fjellregionen/data'), path.join(root, 'data'), { recursive: true });
  const file = path.join(root, 'data', 'strategy.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(`${OLD}\n`);
  const commented = text.replace(
    `${OLD}\n`,
    `  # The joint services, as the board wrote them\n${OLD} # written as the label in 2024\n`,
  );
  const before = `\uFEFF${commented.replace(/\n/g, '\r\n')}`;
  writeFileSync(file, before);
  return { root, file, before };
}

function trappa(root: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], { cwd: root });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('trappa migrate', () => {
  it('the build names the old form, its line, the new form and trappa migrate', async () => {
    const { root } = oldProject();
    const r = await trappa(root, 'build', '--deck', 'alle');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /trappa: warning: data\/strategy\.yaml:35:10 model\.tasks: reads as a list of services.*model\.services: \[Barnevern, PPT, innkjøp, IKT\].*trappa migrate/,
    );
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const { root, file, before } = oldProject();
    const r = await trappa(root, 'migrate', '--dry-run');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'data/strategy.yaml model.tasks → model.services: [Barnevern, PPT, innkjøp, IKT] in place of the label model.tasks',
    );
    expect(r.stdout).toContain(
      [
        '--- data/strategy.yaml',
        '+++ data/strategy.yaml',
        '@@ line 35 @@',
        `-${OLD} # written as the label in 2024`,
        `+${NEW}`,
      ].join('\n'),
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('rewrites the field in place: only its line changes; comments, CRLF and the BOM stay; the build is quiet', async () => {
    const { root, file, before } = oldProject();
    const r = await trappa(root, 'migrate');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ wrote data/strategy.yaml');
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.replace(`${OLD} # written as the label in 2024\r\n`, `${NEW}\r\n`));
    expect(after.startsWith('\uFEFF')).toBe(true);
    expect(after.split('\n').every((line, i, all) => i === all.length - 1 || line.endsWith('\r'))).toBe(true);
    expect(after).toContain('  # The joint services, as the board wrote them\r\n');
    expect(parseDocument(after.slice(1)).toJS().model.services).toEqual(['Barnevern', 'PPT', 'innkjøp', 'IKT']);
    // Done once: a second run has nothing to do, and the build no longer warns.
    expect((await trappa(root, 'migrate')).stdout).toContain('✓ data/strategy.yaml: nothing to migrate');
    const build = await trappa(root, 'build', '--deck', 'alle');
    expect(build.code).toBe(0);
    expect(build.stderr).not.toMatch(/model\.tasks/);
  });

  it('migrates a translated label into translated services, in a flow-style model', () => {
    const text =
      'model: { summary: S, tasks: { nn: "Barnevern, PPT og IKT", en: "Child welfare, PPT and ICT" } } # kept\n';
    const found = findMigrations(parseDocument(text), text);
    expect(found.map((f) => f.field)).toEqual(['model.tasks']);
    expect(applySplices(text, found[0]!.splices)).toBe(
      'model: { summary: S, services: [ { nn: Barnevern, en: Child welfare }, { nn: PPT, en: PPT }, { nn: IKT, en: ICT } ] } # kept\n',
    );
    // A label that is one word, or services already written, is left alone.
    for (const kept of ['model: { tasks: Oppgåver }\n', 'model:\n  tasks: A, B\n  services: [C]\n'])
      expect(findMigrations(parseDocument(kept), kept)).toEqual([]);
  });
});
