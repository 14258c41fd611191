/** `trappa build` checks what it writes, and --pdf adds a checked, accessible PDF beside each deck. */
import { hasSoffice, missingTool } from '../helpers/tools.js';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject, runCli } from '../helpers/project.js';

describe('build runs the checks', () => {
  it('refuses a deck that fails them (an empty slide title) and keeps the previous file', async () => {
    const root = copyProject();
    expect((await runCli(['build', '--deck', 'strategi'], root)).status).toBe(0);
    const file = path.join(root, 'output/strategi-v0.2-2004-01-26.pptx');
    const before = readFileSync(file);

    // A wording override that leaves the plan slide without a title: the schema cannot see it, the check does.
    writeFileSync(
      path.join(root, 'data/decks/strategi.yaml'),
      `${readFileSync(path.join(root, 'data/decks/strategi.yaml'), 'utf8')}wording:\n  plan.title: " "\n`,
    );
    const run = await runCli(['build', '--deck', 'strategi'], root);
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/slide 9 · Title · error title: the title placeholder is empty/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe.skipIf(missingTool('LibreOffice', hasSoffice))('build --pdf', () => {
  it('writes a tagged PDF/A-2b with one page per slide beside the deck, and says what it declares', async () => {
    const root = copyProject();
    const run = await runCli(['build', '--deck', 'samkommunestyre', '--pdf'], root);
    expect(run.status, run.stderr).toBe(0);
    const pdf = path.join(root, 'output/samkommunestyre-v0.2-2004-01-29.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(run.stdout).toContain('(PDF/A-2b, PDF/UA-1, checked');
    const meta = spawnSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' }).stdout;
    expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Pages:\s+9/);
    expect(info).toMatch(/Tagged:\s+yes/);

    // The deck is unchanged: its PDF passes the check against it and is kept as it is.
    const made = statSync(pdf).mtimeMs;
    expect((await runCli(['build', '--deck', 'samkommunestyre', '--pdf'], root)).status).toBe(0);
    expect(statSync(pdf).mtimeMs).toBe(made);
    // An older PDF beside an unchanged deck (here: one page of nothing) is not the accessible one: made again.
    writeFileSync(pdf, readFileSync(pdf).subarray(0, 2000));
    const again = await runCli(['build', '--deck', 'samkommunestyre', '--pdf'], root);
    expect(again.status, again.stderr).toBe(0);
    expect(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout).toMatch(/Pages:\s+9/);
  });
});
