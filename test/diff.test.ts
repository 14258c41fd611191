/**
 * `trappa diff`: the bundled 0.1 data against 0.2 as text and as a page, a released version
 * against the working data and a .pptx, and what an audience received against what it would get now.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/sha256.js';
import { freezeBeforeSending, recordSent } from '../src/versions/freeze.js';
import { editRun, openDeck, saveDeck } from './helpers/edit-pptx.js';
import { runMain } from './helpers/in-process.js';
import { axeOf } from './helpers/studio-page.js';
import { CHROMIUM_LAUNCH } from './helpers/studio-process.js';
import { copyBuiltProject, editFile, REPO } from './helpers/project.js';

describe('trappa diff', () => {
  it('shows per slide what changed from the bundled 0.1 to 0.2, as text and as a side-by-side page', async () => {
    const root = await copyBuiltProject(['strategi']);
    cpSync(path.join(REPO, 'docs/v0.1'), path.join(root, 'docs/v0.1'), { recursive: true });
    const run = await runMain(['diff', 'docs/v0.1/data', 'strategi', '--html', 'diff.html'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('--- strategi in docs/v0.1/data\n+++ strategi (working data)');
    expect(run.stdout).toContain(
      'slide 3: Hva? – Hvorfor?\n  ~ For å gi innbyggerne i Levanger og Verdal bedre tjenester\n' +
        '    → For å gi innbyggerne og næringslivet i Levanger og Verdal bedre tjenester',
    );
    expect(run.stdout).toContain('  + Det er samarbeidet – og ikke institusjonen ISK – som skal profileres.');
    // Three groups moved up to the highest priority: one move each, not gone from one list and new in the other.
    expect(run.stdout).toContain('  ↕ Ansatte i ISK (moved)\n  ↕ Ansatte i Morkommunene (moved)');
    expect(run.stdout).not.toContain('  - Ansatte i ISK');
    expect(run.stdout).toMatch(/slide 9: .*\n(.*\n)* {2}\+ Ledere ISK og Morkomm, tillvalgte \| Storledermøte \|/);
    // The footer's version on every slide is not a change of the slide.
    expect(run.stdout).not.toContain('Kommunikasjonsstrategi Innherred Samkommune · Versjon 0.1');
    expect(run.stdout).not.toMatch(/^slide 2:/m);
    const html = readFileSync(path.join(root, 'diff.html'), 'utf8');
    expect(html.match(/<section /g)).toHaveLength(9);
    expect(html.match(/<svg /g)).toHaveLength(18);
    expect(html).toContain('For å gi innbyggerne <ins>og næringslivet </ins>i Levanger og Verdal bedre tjenester');
    expect(html).toContain(
      '<section class="same"><h2>Slide 2: <span lang="nb-NO">Kommunikasjonstrappa</span><span class="status">unchanged</span>',
    );
    // The page's own words are English; the slides' texts carry the deck's language.
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('<ul lang="nb-NO"><li class="changed">');
    // In a real browser: every section and picture there, and nothing axe-core finds wrong.
    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(path.join(root, 'diff.html')).href);
      expect(await page.locator('section').count()).toBe(9);
      expect(await page.locator('.slide svg').count()).toBe(18);
      expect(await axeOf(page)).toEqual([]);
    } finally {
      await browser.close();
    }
    expect(html).toContain('<li class="moved">Ansatte i ISK <span>moved</span></li>');
  });

  it('compares a released version with the working data and with an edited .pptx', async () => {
    const root = await copyBuiltProject(['storledermote']);
    expect((await runMain(['release', '--deck', 'storledermote'], root)).status).toBe(0);
    editFile(root, 'data/strategy.yaml', 'Storledermøte\n', 'Storledermøte i Levanger\n');
    const working = await runMain(['diff', 'storledermote@0.2'], root);
    expect(working.status, working.stderr).toBe(0);
    expect(working.stdout).toContain('--- storledermote@0.2\n+++ storledermote (working data)');
    expect(working.stdout).toMatch(
      /slide 9: .*\n {2}~ Ledere ISK og Morkomm, tillvalgte \| Storledermøte \|.*\n {4}→ .*\| Storledermøte i Levanger \|/,
    );
    const deck = path.join(root, 'output/storledermote-v0.2-2004-02-04.pptx');
    const parts = openDeck(readFileSync(deck));
    editRun(parts, 11, 'egen enhet', 'egen avdeling');
    writeFileSync(path.join(root, 'edited.pptx'), saveDeck(parts));
    const files = await runMain(['diff', deck, 'edited.pptx'], root);
    expect(files.status, files.stderr).toBe(0);
    expect(files.stdout).toContain(
      'slide 11: Dette ber vi dere om\n  ~ Ta budskapene med inn i møtene i egen enhet\n    → Ta budskapene med inn i møtene i egen avdeling',
    );
    expect(files.stdout.match(/^slide /gm)).toHaveLength(1);
  });

  it('--since-sent compares with the version the audience last received', async () => {
    const root = await copyBuiltProject(['ansatte']);
    const never = await runMain(['diff', '--since-sent', 'ansatte'], root);
    expect(never.status).toBe(1);
    expect(never.stderr).toContain('ansatte was never sent');
    const file = path.join(root, 'output/ansatte-v0.2-2004-01-28.pptx');
    // The steps `trappa send` takes: frozen before the first message leaves, sent once a server took it.
    const sent = { deckId: 'ansatte', version: '0.2', file, sha256: sha256Hex(readFileSync(file)) };
    await freezeBeforeSending(path.join(root, 'output'), sent);
    await recordSent(path.join(root, 'output'), sent);
    editFile(
      root,
      'data/strategy.yaml',
      'ISK er et verktøy for effektiv produksjon av tjenester',
      'ISK er et verktøy for gode tjenester',
    );
    const run = await runMain(['diff', '--since-sent', 'ansatte'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('--- ansatte@0.2\n+++ ansatte (working data)');
    expect(run.stdout).toContain(
      '  ~ ISK er et verktøy for effektiv produksjon av tjenester\n    → ISK er et verktøy for gode tjenester',
    );
  });
});
