/** `trappa build` checks what it writes, and --pdf adds a PDF/A beside each deck. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfAConformance } from '../../src/post/pdf.js';
import { copyProject, editFile, runCli } from '../helpers/project.js';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describe('build runs the checks', () => {
  it('refuses a deck that fails them (low contrast) and keeps the previous file', () => {
    const root = copyProject();
    expect(runCli(['build', '--deck', 'strategi'], root).status).toBe(0);
    const file = path.join(root, 'output/strategi-v0.2-2004-01-26.pptx');
    const before = readFileSync(file);

    editFile(root, 'data/theme.yaml', 'text: "1F1F1F"', 'text: "C8C8C8"');
    const run = runCli(['build', '--deck', 'strategi'], root);
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/contrast/);
    expect(run.stderr).toMatch(/slide \d+/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe.runIf(soffice)('build --pdf', () => {
  it('writes a tagged PDF/A-1a with one page per slide beside the deck', async () => {
    const root = copyProject();
    const run = runCli(['build', '--deck', 'samkommunestyre', '--pdf'], root);
    expect(run.status, run.stderr).toBe(0);
    const pdf = path.join(root, 'output/samkommunestyre-v0.2-2004-01-29.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(await readPdfAConformance(pdf)).toEqual({ part: '1', conformance: 'A' });
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Pages:\s+8/);
    expect(info).toMatch(/Tagged:\s+yes/);
  });
});
