/**
 * Trappa Studio as a non-programmer meets it (issue #25), in Debian's chromium: the form
 * split by section with a table of contents, ids made from names, wording keys and
 * Handlebars shown as the text they produce (code behind «Vis mal»), colour pickers with
 * their contrast, the theme's fields by their labels, decks named by their meeting, the
 * Outlook drafts as download links, and a refused action in words that say what to do (a full
 * or refusing disk, a send with no mail server set up). axe-core finds nothing on any of these screens.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeOf, runAction } from './helpers/studio-page.js';
import { projectCopy, removeAll, startStudioProcess, type RunningStudio } from './helpers/studio.js';
import { CHROMIUM_LAUNCH } from './helpers/studio-process.js';

let root: string;
let studio: RunningStudio;
let browser: Browser;
let page: Page;
const WAIT = { timeout: 30_000 };

beforeAll(async () => {
  root = projectCopy();
  // No mail server, whatever the machine has set up: a send is refused as it is for a new user.
  studio = await startStudioProcess(root, { TRAPPA_SMTP_HOST: '', XDG_CONFIG_HOME: path.join(root, '.config') });
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await page.goto(studio.url);
  await page.waitForSelector('body[data-rendered]', { timeout: 120_000 });
});
afterAll(async () => {
  await Promise.all([browser?.close(), studio?.stop()]);
  removeAll(root);
});

const openSections = (): Promise<string[]> =>
  page.$$eval('.form details.section[open] > summary', (els) => els.map((e) => e.textContent ?? ''));
const view = (label: string) => page.click(`nav[aria-label="Filer og handlinger"] button:has-text("${label}")`);

describe('the strategy form, one section at a time', () => {
  it('lists every section in a table of contents and shows the one chosen', async () => {
    const contents = await page.$$eval('nav.contents a', (as) => as.map((a) => a.textContent ?? ''));
    expect(contents).toEqual(expect.arrayContaining(['Generelt', 'Målgrupper', 'Profil', 'Handlingsplan']));
    expect(await openSections()).toEqual(['Generelt']);
    const allInputs = await page.locator('.form input, .form textarea').count();
    await page.click('nav.contents a:has-text("Handlingsplan")');
    expect(await openSections()).toEqual(['Handlingsplan']);
    // The page shows the plan's fields, not every field of the strategy.
    const shown = await page.locator('.form input:visible, .form textarea:visible').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(allInputs / 2);
    expect(await axeOf(page)).toEqual([]);
  });

  it('makes a new target group’s id from its name, unique in the list, and leaves existing ids alone', async () => {
    await page.click('nav.contents a:has-text("Målgrupper")');
    const ids = page.locator('[data-field^="targetGroups.groups["][data-field$="].id"] input');
    const add = async (name: string): Promise<string> => {
      await page.click('button[aria-label^="Legg til gruppe"]');
      const n = (await ids.count()) - 1;
      await page.fill(`#f-targetGroups-groups-${n}-name`, name);
      return page.inputValue(`#f-targetGroups-groups-${n}-id`);
    };
    expect(await add('Ledere i helse og omsorg')).toBe('ledere-i-helse-og-omsorg');
    expect(await add('Ledere i helse og omsorg')).toBe('ledere-i-helse-og-omsorg-2');
    expect(await add('Ansatte på Ørland – skole')).toBe('ansatte-pa-orland-skole');
    const firstId = await page.inputValue('#f-targetGroups-groups-0-id');
    await page.fill('#f-targetGroups-groups-0-name', 'Et helt nytt navn');
    expect(await page.inputValue('#f-targetGroups-groups-0-id')).toBe(firstId);
    expect(await axeOf(page)).toEqual([]);
    await page.click('button:has-text("Forkast endringer")');
  });

  // Text pasted from Word or a PDF may carry one; the HTTP test (studio-office) sends it, this one types it.
  it('refuses a control character typed into a field, in bokmål at that field, and saves nothing', async () => {
    const before = readFileSync(path.join(root, 'data/strategy.yaml'), 'utf8');
    await page.click('nav.contents a:has-text("Generelt")');
    await page.fill('#f-name', 'Navn\u0007med bjelle');
    const message = page.locator('#f-name + .issue');
    await expect.poll(() => message.count(), WAIT).toBe(1);
    expect(await message.textContent()).toMatch(/har et tegn som et lysbilde ikke kan vise \(U\+0007/);
    expect(await page.getAttribute('#f-name', 'aria-invalid')).toBe('true');
    await page.click('button:has-text("Lagre")');
    await page.waitForSelector('.save-status:has-text("Ikke lagret")', WAIT);
    expect(readFileSync(path.join(root, 'data/strategy.yaml'), 'utf8')).toBe(before);
    expect(await axeOf(page)).toEqual([]);
    await page.click('button:has-text("Forkast endringer")');
    await expect.poll(() => page.locator('.issue').count(), WAIT).toBe(0);
  });

  it('shows wording keys and Handlebars as the text they make, the code behind «Vis mal»', async () => {
    await page.click('nav.contents a:has-text("Egne formuleringer")');
    const lines = page.locator('[data-field="wording"] p.produced');
    await expect
      .poll(() => lines.allTextContents(), WAIT)
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Tittel på lysbildet «Bilde av samkommunen»'),
          expect.stringContaining('Tittel på lysbildet «Profil»'),
          expect.stringContaining('Blir: Morkommunene og ISK – profil'),
        ]),
      );
    const code = page.locator('[data-field="wording"] input:visible');
    const visibleTexts = () => code.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    // Neither the key nor the template is in sight until asked for.
    expect(await visibleTexts()).not.toContain('Morkommunene og {{strategy.organisation.shortName}} – profil');
    expect(await visibleTexts()).not.toContain('model.title');
    const produced = page.locator('p.produced', { hasText: 'Morkommunene og ISK' });
    await produced.locator('button:has-text("Vis mal")').click();
    expect(await visibleTexts()).toContain('Morkommunene og {{strategy.organisation.shortName}} – profil');
    expect(await produced.locator('button').getAttribute('aria-expanded')).toBe('true');
    expect(await axeOf(page)).toEqual([]);
  });
});

describe('the theme’s colours', () => {
  it('names every field of the theme by its label, none by its key in theme.yaml', async () => {
    await view('Tema');
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('.form details')) (d as HTMLDetailsElement).open = true;
    });
    const texts = await page
      .locator('.form label, .form legend, .form summary, .form button, nav.contents a')
      .allInnerTexts();
    const shown = texts
      .flatMap((t) => t.split('\n'))
      .map((t) => t.trim())
      .filter(Boolean);
    expect(shown).toContain('Farger');
    // A key a programmer reads in theme.yaml, alone or in a button's words (the red team saw
    // `template`, `layouts`, `titleOnly` on the theme tab).
    const keys = shown.filter((t) => /^[a-z]+([A-Z][a-z]*)*$/.test(t) || /\b(template|layouts|titleOnly)\b/.test(t));
    expect(keys).toEqual([]);
    expect(await axeOf(page)).toEqual([]);
  });

  it('has a colour picker beside each colour and shows each pair’s contrast, pass or fail', async () => {
    await view('Tema');
    await page.click('nav.contents a:has-text("Farger")');
    expect(await page.inputValue('#f-colors-primary__picker')).toBe('#1f4e79');
    const textLines = page.locator('ul.contrast[data-colour="text"] li');
    expect(await textLines.allTextContents()).toContain('Tekst mot bakgrunn: 16,5:1 – godkjent (krav 4,5:1)');
    await page.fill('#f-colors-text', 'BBBBBB');
    await expect
      .poll(() => textLines.allTextContents(), WAIT)
      .toContain('Tekst mot bakgrunn: 1,9:1 – for svak (krav 4,5:1)');
    // The picker follows the text, and the text follows the picker.
    expect(await page.inputValue('#f-colors-text__picker')).toBe('#bbbbbb');
    await page.locator('#f-colors-text__picker').evaluate((el) => {
      (el as HTMLInputElement).value = '#202020';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await page.inputValue('#f-colors-text')).toBe('202020');
    expect(await textLines.first().textContent()).toMatch(/godkjent/);
    expect(await axeOf(page)).toEqual([]);
    await page.click('button:has-text("Forkast endringer")');
  });
});

describe('decks by their meeting, drafts to download', () => {
  it('names decks by meeting and date in the file list, the deck choice and the slides', async () => {
    const files = await page.$$eval('nav[aria-label="Filer og handlinger"] button', (bs) =>
      bs.map((b) => b.textContent),
    );
    expect(files).toContain('Presentasjon: Storledermøte 4.2.2004');
    await view('Bygg og send');
    const options = await page.$$eval('#action-deck option', (os) => os.map((o) => o.textContent));
    expect(options).toContain('Storledermøte 4.2.2004');
    expect(await page.textContent('#deck-storledermote-h')).toMatch(/^Storledermøte 4\.2\.2004 – \d+ lysbilder$/);
  });

  // The red team read «Publikummets rader» for a plan slide's choice of rows.
  it('words a plan slide’s choice of rows in Norwegian', async () => {
    await view('Presentasjon: Storledermøte 4.2.2004');
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('.form details')) (d as HTMLDetailsElement).open = true;
    });
    const options = () => page.$$eval('.form select option', (os) => os.map((o) => o.textContent ?? ''));
    await expect
      .poll(options, WAIT)
      .toEqual(
        expect.arrayContaining(['Alle rader', 'Publikums egne rader markert og først', 'Bare publikums egne rader']),
      );
    expect(await page.textContent('main')).not.toMatch(/Publikummets/);
    expect(await axeOf(page)).toEqual([]);
    await view('Bygg og send');
  });

  it('lists the Outlook drafts trappa draft wrote, each a download link', async () => {
    await page.selectOption('#action-deck', 'storledermote');
    // A draft attaches the built deck: build it first, as the user would.
    expect(await runAction(page, 'Bygg')).toBe('Ferdig.');
    expect(await runAction(page, 'Lag Outlook-utkast')).toBe('Ferdig.');
    const written = readdirSync(path.join(root, 'output/drafts')).filter((n) => n.endsWith('.eml'));
    expect(written.length).toBe(1);
    const link = page.locator('ul.drafts a', { hasText: written[0]! });
    await expect.poll(() => link.count(), WAIT).toBe(1);
    const download = page.waitForEvent('download');
    await link.click();
    const file = await (await download).path();
    expect(existsSync(file)).toBe(true);
    const eml = readFileSync(file, 'utf8');
    expect(eml).toMatch(/^X-Unsent: 1/m);
    expect(eml).toBe(readFileSync(path.join(root, 'output/drafts', written[0]!), 'utf8'));
    expect(await axeOf(page)).toEqual([]);
  });
});

describe('an action refused, in words that say what to do', () => {
  it('says the disk refused (exit 7) and what to do, not that Trappa failed', async () => {
    await view('Bygg og send');
    await page.selectOption('#action-deck', 'ansatte');
    // A file where the output folder belongs: the build's write is refused by the file system.
    const output = path.join(root, 'output');
    const built = existsSync(output);
    if (built) renameSync(output, `${output}-aside`);
    writeFileSync(output, '');
    try {
      expect(await runAction(page, 'Bygg')).toBe('Stoppet.');
      const refusal = (await page.textContent('.refusal')) ?? '';
      expect(refusal).toContain('Disken eller filsystemet sa nei');
      expect(refusal).toMatch(/filene fra før er som de var/);
      expect(refusal).not.toMatch(/intern feil/i);
      expect(await axeOf(page)).toEqual([]);
    } finally {
      rmSync(output);
      if (built) renameSync(`${output}-aside`, output);
    }
  });

  it('says a send with no mail server set up sent nothing, and that the data is fine', async () => {
    await page.selectOption('#action-deck', 'ansatte');
    expect(await runAction(page, 'Bygg')).toBe('Ferdig.');
    await page.click('.actions button:has-text("Send …")');
    await page.click('.confirm button:has-text("Send nå")', { timeout: 60_000 });
    await page.waitForFunction(() =>
      /^(Ferdig|Stoppet)\.$/.test(document.querySelector('.progress')?.textContent ?? ''),
    );
    expect(await page.textContent('.progress')).toBe('Stoppet.');
    const refusal = (await page.textContent('.refusal')) ?? '';
    expect(refusal).toContain('E-posttjeneren er ikke satt opp ennå, så ingenting ble sendt. Dataene er i orden.');
    // What the red team saw: the data blamed although it was fine.
    expect(refusal).not.toContain('Dataene må rettes først');
    expect(await axeOf(page)).toEqual([]);
  });
});
