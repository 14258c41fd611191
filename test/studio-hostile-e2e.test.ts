/**
 * Trappa Studio in Debian's chromium with files from elsewhere in the project (issue #25's
 * red team): a FIFO named *.yaml in data/decks (it hung the Studio for good), a 30 MB deck
 * file (read without limit), a deck file that links out of the project (replaced by a plain
 * file on save) and a link in output/ named like a built deck (it served /etc/passwd). The
 * page opens, says what is wrong with each file at that file, saves none of them, and the
 * Studio keeps answering: an edit still reaches its slide. studio-office.test.ts holds the
 * same rules over HTTP; this is what the person at the page meets.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeOf, showField } from './helpers/studio-page.js';
import { projectCopy, removeAll, startStudioProcess, type RunningStudio } from './helpers/studio.js';
import { CHROMIUM_LAUNCH } from './helpers/studio-process.js';

let root: string;
let outside: string;
let studio: RunningStudio;
let browser: Browser;
let page: Page;
const WAIT = { timeout: 60_000 };
/** The deck file outside the project, as it was written. */
let linkedText: string;
const BUILT = 'strategi/strategi-0.2.pptx';

/** The hostile files, written before the Studio starts (so its first load meets them). */
function plantFiles(): void {
  execFileSync('mkfifo', [path.join(root, 'data/decks/ror.yaml')]);
  writeFileSync(path.join(root, 'data/decks/stor.yaml'), `id: stor\n${`# ${'x'.repeat(1021)}\n`.repeat(30 * 1024)}`);
  linkedText = readFileSync(path.join(root, 'data/decks/strategi.yaml'), 'utf8').replace(/^id: .*$/m, 'id: ute');
  writeFileSync(path.join(outside, 'ute.yaml'), linkedText);
  symlinkSync(path.join(outside, 'ute.yaml'), path.join(root, 'data/decks/ute.yaml'));
  // A link in output/ named like a built deck, listed in the manifest.
  const outDir = path.join(root, 'output');
  mkdirSync(path.join(outDir, 'strategi'), { recursive: true });
  symlinkSync('/etc/passwd', path.join(outDir, BUILT));
  const entry = {
    ...{ deckId: 'strategi', version: '0.2', file: BUILT, sha256: '0'.repeat(64), inputsHash: '0'.repeat(64) },
    ...{ slides: 1, status: 'draft' },
  };
  writeFileSync(
    path.join(outDir, 'manifest.json'),
    JSON.stringify({ format: 'trappa-manifest-1', entries: { 'strategi@0.2': entry } }),
  );
}

beforeAll(async () => {
  root = projectCopy();
  outside = mkdtempSync(path.join(os.tmpdir(), 'trappa-outside-'));
  plantFiles();
  studio = await startStudioProcess(root);
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await page.goto(studio.url);
  await page.waitForSelector('body[data-rendered]', { timeout: 120_000 });
}, 180_000);
afterAll(async () => {
  await Promise.all([browser?.close(), studio?.stop()]);
  removeAll(root, outside);
});

const view = (label: string) => page.click(`nav[aria-label="Filer og handlinger"] button:has-text("${label}")`);
const problem = async (): Promise<string> => (await page.textContent('main .problem')) ?? '';

describe('files from elsewhere in the project, met in the page', () => {
  it('says at the FIFO that it is no ordinary file, and at the 30 MB file that it is over the limit', async () => {
    await view('Presentasjon: data/decks/ror.yaml');
    expect(await problem()).toMatch(/ror\.yaml er ikke en vanlig fil/);
    expect(await axeOf(page)).toEqual([]);
    await view('Presentasjon: data/decks/stor.yaml');
    expect(await problem()).toMatch(/over grensen på 2\.0 MB/);
    // Neither can be saved: the page shows no form, so no save button.
    expect(await page.locator('main button:has-text("Lagre")').count()).toBe(0);
  });

  it('shows the deck file that links out of the project, and offers no save of it', async () => {
    await view('Presentasjon: Alle (ute)');
    expect(await problem()).toContain('lenke');
    expect(await page.locator('main button.primary:has-text("Lagre")').isDisabled()).toBe(true);
    expect(await axeOf(page)).toEqual([]);
    expect(lstatSync(path.join(root, 'data/decks/ute.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(outside, 'ute.yaml'), 'utf8')).toBe(linkedText);
  });

  it('does not serve the link in output/ named like a built deck, asked as the page asks', async () => {
    const answer = await page.evaluate(async (file) => {
      const token = sessionStorage.getItem('trappa-studio-token') ?? '';
      const response = await fetch(`/api/download?file=${encodeURIComponent(file)}`, {
        headers: { 'X-Trappa-Token': token },
      });
      return { status: response.status, body: await response.text() };
    }, BUILT);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('root:');
  });

  it('keeps answering: an edit of the strategy is laid out and answered, the FIFO named as what stops the decks', async () => {
    await view('Strategi');
    const rendered = Number(await page.getAttribute('body', 'data-rendered'));
    await showField(page, '#f-profile-0');
    await page.fill('#f-profile-0', 'Samarbeidet skal synes i hver kommune');
    // As `trappa build --all` refuses a project with a deck file it cannot read, so do the live slides, saying why.
    await expect
      .poll(async () => Number(await page.getAttribute('body', 'data-rendered')), WAIT)
      .toBeGreaterThan(rendered);
    expect(await page.textContent('main .summary')).toContain('data/decks/ror.yaml');
    expect(await axeOf(page)).toEqual([]);
  });
});
