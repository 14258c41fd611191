/**
 * A large strategy's form in Debian's chromium (issue #27): the 2 MB strategy's 5,700 rows
 * took the page some 20 s to build at once, of which the user sees one section. A large
 * file's sections are built when they open — by the table of contents or their own heading —
 * and what is typed there reaches the slides and the saved file as before. A strategy of 400
 * generated rows (some 5,800 values) stands in for the 2 MB one here; the bundled strategy is
 * small and keeps being built whole (studio-plain-e2e.test.ts).
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, TSX_LOADER } from './helpers/project.js';
import { startStudioProcess, type RunningStudio } from './helpers/studio.js';
import { CHROMIUM_LAUNCH } from './helpers/studio-process.js';
import { axeOf } from './helpers/studio-page.js';

let root: string;
let deck: string;
let studio: RunningStudio;
let browser: Browser;
let page: Page;
const WAIT = { timeout: 60_000 };

/** The synthetic project written by a child process: its YAML, written here, would hold up this test worker. */
function writeLargeProject(at: string): Promise<string> {
  const module = pathToFileURL(path.join(REPO, 'scripts/bench/synthetic.ts')).href;
  const code = `const { writeSyntheticProject } = await import(${JSON.stringify(module)});
    console.log((await writeSyntheticProject(${JSON.stringify(REPO)}, ${JSON.stringify(at)}, 400)).deckId);`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', TSX_LOADER, '--input-type=module', '-e', code], (error, stdout) =>
      error ? reject(error) : resolve(stdout.trim()),
    );
  });
}

beforeAll(async () => {
  root = path.join(os.tmpdir(), `trappa-large-form-${process.pid}-${Date.now()}`);
  deck = await writeLargeProject(root);
  studio = await startStudioProcess(root);
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await page.goto(studio.url);
  await page.waitForSelector('body[data-rendered]', { timeout: 300_000 });
}, 600_000);
afterAll(async () => {
  await Promise.all([browser?.close(), studio?.stop()]);
  rmSync(root, { recursive: true, force: true });
});

/** Inputs under a section of the form (none when it was not built). */
const inputsIn = (section: string): Promise<number> =>
  page.$$eval(`#f-sec-${section} input, #f-sec-${section} textarea, #f-sec-${section} select`, (els) => els.length);

describe('a large strategy’s form', () => {
  it('builds only the open section at first, and a section when it opens', async () => {
    expect(await page.getAttribute('#f-sec-general', 'open')).not.toBeNull();
    expect(await inputsIn('general')).toBeGreaterThan(0);
    // 400 plan rows of 7 fields, 400 target groups: none of them built while closed.
    expect(await inputsIn('actionPlan')).toBe(0);
    expect(await inputsIn('targetGroups')).toBe(0);
    expect(await page.locator('.form input, .form textarea').count()).toBeLessThan(100);
    // Closed sections with nothing in them yet are still a sound page (before thousands of fields).
    expect(await axeOf(page)).toEqual([]);
    // The table of contents opens and builds a section.
    await page.click('nav.contents a[href="#f-sec-actionPlan"]');
    expect(await page.getAttribute('#f-sec-actionPlan', 'open')).not.toBeNull();
    expect(await inputsIn('actionPlan')).toBeGreaterThan(400 * 3);
    expect(await page.locator('#f-actionPlan-399-activity').count()).toBe(1);
    // So does the section's own heading (the browser's toggle).
    await page.click('#f-sec-targetGroups > summary');
    await expect.poll(() => inputsIn('targetGroups'), WAIT).toBeGreaterThan(400);
  }, 300_000);

  it('sends what is typed in a section built late to the slides and the saved file', async () => {
    expect(await inputsIn('profile')).toBe(0);
    await page.click('nav.contents a[href="#f-sec-profile"]');
    const marker = 'Samarbeid skrevet i en sen seksjon';
    await page.fill('#f-profile-0', marker);
    await expect
      .poll(
        () =>
          page.$$eval(`li[data-deck="${deck}"] svg`, (svgs, m) => svgs.some((s) => s.textContent?.includes(m)), marker),
        WAIT,
      )
      .toBe(true);
    await page.click('button:has-text("Lagre")');
    await expect.poll(() => page.locator('.save-status').textContent(), WAIT).toMatch(/^Lagret/);
    const saved = parse(readFileSync(path.join(root, 'data/strategy.yaml'), 'utf8')) as { profile: string[] };
    expect(saved.profile[0]).toBe(marker);
    // The form is kept after the save: the section stays built and open.
    expect(await inputsIn('profile')).toBeGreaterThan(0);
    expect(await page.inputValue('#f-profile-0')).toBe(marker);
  }, 300_000);
});
