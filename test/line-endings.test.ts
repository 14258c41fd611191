/**
 * A user's file keeps its line endings and byte order mark when Trappa edits it (issue #26):
 * a strategy saved on Windows (CRLF, often with a BOM) went through `trappa bump` with four LF
 * lines among 175 CRLF ones. The bump runs as the CLI runs it; the file is read back byte for byte.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyTextStyle, saveTextInFileStyle, splitTextStyle } from '../src/io/text-style.js';
import { runMain } from './helpers/in-process.js';
import { copyProject } from './helpers/project.js';

/** Line endings of `raw`: how many lines end CRLF and how many end with a bare LF. */
function endings(raw: string): { crlf: number; lf: number } {
  const crlf = raw.split('\r\n').length - 1;
  return { crlf, lf: raw.split('\n').length - 1 - crlf };
}

describe('CRLF and BOM through trappa bump', () => {
  it.each([
    ['CRLF with a BOM', true],
    ['CRLF without a BOM', false],
  ])('%s: every line still CRLF, the BOM as before, the bump in place', async (_name, bom) => {
    const root = copyProject();
    const file = path.join(root, 'data/strategy.yaml');
    const lf = readFileSync(file, 'utf8');
    writeFileSync(file, (bom ? '\uFEFF' : '') + lf.replace(/\n/g, '\r\n'));
    const before = endings(readFileSync(file, 'utf8'));
    expect(before.lf).toBe(0);

    const run = await runMain(['--root', root, 'bump', '0.9', '--date', '2030-01-01', '--note', 'Ny plan'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const after = readFileSync(file, 'utf8');
    expect(after.startsWith('\uFEFF')).toBe(bom);
    expect(after.charCodeAt(1)).not.toBe(0xfeff);
    expect(endings(after).lf).toBe(0);
    expect(endings(after).crlf).toBeGreaterThan(before.crlf);
    const doc = parse(after.replace(/^\uFEFF/, '')) as { version: string; history: { changes: string[] }[] };
    expect(doc.version).toBe('0.9');
    expect(doc.history.at(-1)!.changes).toEqual(['Ny plan']);
    // Nothing but the bump changed: the old lines are all still there, in order.
    const kept = lf.split('\n').filter((l) => !/^(version|date):/.test(l));
    const now = after.replace(/^\uFEFF/, '').split('\r\n');
    let at = 0;
    for (const line of kept) at = now.indexOf(line, at) + 1 || expect.fail(`lost line: ${line}`);
  });

  it('an LF file stays LF without a BOM', async () => {
    const root = copyProject();
    const file = path.join(root, 'data/strategy.yaml');
    const run = await runMain(['--root', root, 'bump', '0.9', '--date', '2030-01-01', '--note', 'Ny plan'], root);
    expect(run.status, run.stderr).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.includes('\r')).toBe(false);
    expect(after.startsWith('\uFEFF')).toBe(false);
  });
});

describe('the shared helpers (for the Studio save and absorb)', () => {
  it('split and apply are inverse, and the ending most lines use wins', () => {
    const raw = '\uFEFFa: 1\r\nb: 2\r\nc: 3\n';
    const { text, style } = splitTextStyle(raw);
    expect(text).toBe('a: 1\nb: 2\nc: 3\n');
    expect(style).toEqual({ bom: true, eol: '\r\n' });
    expect(applyTextStyle(`${text}d: 4\n`, style)).toBe('\uFEFFa: 1\r\nb: 2\r\nc: 3\r\nd: 4\r\n');
    expect(splitTextStyle('a\nb\n').style).toEqual({ bom: false, eol: '\n' });
  });

  it('an editor text saved over a CRLF file with a BOM comes out CRLF with the BOM', async () => {
    const root = copyProject();
    const file = path.join(root, 'data/strategy.yaml');
    writeFileSync(file, '\uFEFFversion: "0.1"\r\ntitle: Plan\r\n');
    await saveTextInFileStyle(file, 'version: "0.2"\ntitle: Plan\n');
    expect(readFileSync(file, 'utf8')).toBe('\uFEFFversion: "0.2"\r\ntitle: Plan\r\n');
  });
});
