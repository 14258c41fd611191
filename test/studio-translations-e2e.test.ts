/**
 * The Studio edits a strategy's translations side by side (issue #23), in Debian's chromium:
 * a nynorsk strategy with English texts beside its own (test/fixtures/innafjords) and a
 * Studio in nynorsk. The English text is edited beside the nynorsk one, a translation is added
 * to a plain text and one removed; the English deck's slide follows; a deck in a language a
 * text lacks shows the located error at the field in the Studio's language; the saved file
 * holds the maps with its comments; axe-core finds nothing on the screen.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadProject } from '../src/data/load-project.js';
import { layoutDeck } from '../src/deck/layout-deck.js';
import { resolveDeck } from '../src/plan/resolve-deck.js';
import { translationWords } from '../src/studio/client/translation-field.js';
import { axeOf, slideTextsOf } from './helpers/studio-page.js';
import { projectCopy, removeAll, startStudioProcess, type RunningStudio } from './helpers/studio.js';
import { CHROMIUM_LAUNCH } from './helpers/studio-process.js';
import { REPO } from './helpers/project.js';

let root: string;
let studio: RunningStudio;
let browser: Browser;
let page: Page;
const WAIT = { timeout: 30_000 };
const strategyFile = () => path.join(root, 'data', 'strategy.yaml');

beforeAll(async () => {
  // The bundled project's templates and assets, with the nynorsk strategy's data.
  root = projectCopy();
  rmSync(path.join(root, 'data'), { recursive: true });
  cpSync(path.join(REPO, 'test', 'fixtures', 'innafjords', 'data'), path.join(root, 'data'), { recursive: true });
  studio = await startStudioProcess(root, {}, ['--lang', 'nn']);
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await page.goto(studio.url);
  await page.waitForSelector('body[data-rendered]', { timeout: 120_000 });
  await page.click('nav[aria-label="Filer og handlingar"] button[data-view="data/strategy.yaml"]');
});
afterAll(async () => {
  await Promise.all([browser?.close(), studio?.stop()]);
  removeAll(root);
});

/** The slides' texts of a deck in the page, all in one string without spaces (a slide's lines are joined without them). */
const deckText = async (deck: string): Promise<string> => (await slideTextsOf(page, deck)).join('').replace(/\s+/g, '');
const squeezed = (text: string): string => text.replace(/\s+/g, '');
const languagesOf = (field: string) =>
  page.$$eval(`fieldset.translations[data-field="${field}"] .language`, (els) =>
    els.map((e) => `${e.getAttribute('data-lang')}:${e.querySelector('input,textarea')?.getAttribute('lang')}`),
  );

describe('a text with its translations, side by side', () => {
  it('shows the strategy’s language first and each translation beside it, labelled in the Studio’s language', async () => {
    expect(await languagesOf('name')).toEqual(['nn:nn', 'en:en']);
    const labels = await page.$$eval('fieldset.translations[data-field="name"] label', (ls) =>
      ls.map((l) => l.textContent),
    );
    expect(labels).toEqual([
      expect.stringMatching(/^Na[vm]n – nynorsk \(språket til strategien\)$/),
      expect.stringMatching(/^Na[vm]n – engelsk$/),
    ]);
    // The language it lacks can be added; the two it has can be removed.
    expect(await page.$$eval('.add-translation[data-for="name"] button', (bs) => bs.map((b) => b.textContent))).toEqual(
      ['+ bokmål'],
    );
    expect(await page.locator('fieldset.translations[data-field="name"] button:has-text("Fjern")').count()).toBe(2);
    expect(await axeOf(page)).toEqual([]);
  });

  it('edits the English text beside the nynorsk one; the English deck’s slide shows it, the nynorsk deck keeps its own', async () => {
    await page.click('nav.contents a:has-text("Hovudbodskap"), nav.contents a:has-text("Hovedbudskap")');
    expect(await languagesOf('mainMessage.what')).toEqual(['nn:nn', 'en:en']);
    await page.fill('#f-mainMessage-what-en', 'A partnership of seven neighbours for strong services');
    await expect
      .poll(() => deckText('partnarar'), WAIT)
      .toContain(squeezed('A partnership of seven neighbours for strong services'));
    expect(await deckText('alle')).toContain(squeezed('eit forpliktande samarbeid'));
    expect(await deckText('alle')).not.toContain('sevenneighbours');
    expect(await axeOf(page)).toEqual([]);
  });

  it('removes a translation: the English deck’s error is shown at the field in nynorsk; adding it back clears it', async () => {
    const remove = page.locator('[data-field="mainMessage.why.en"] button');
    expect(await remove.getAttribute('aria-label')).toMatch(/^Fjern engelsk omsetjing av /);
    await remove.click();
    // The nynorsk text is left as the map's only language (plain text would be used in English too).
    await expect.poll(() => languagesOf('mainMessage.why'), WAIT).toEqual(['nn:nn']);
    const note = page.locator('[data-field="mainMessage.why"] > .issue');
    await expect
      .poll(() => note.allTextContents(), WAIT)
      .toEqual([expect.stringContaining('manglar tekst på engelsk (en), som ein presentasjon på engelsk treng')]);
    expect(await page.locator('.summary li', { hasText: 'manglar tekst på engelsk' }).count()).toBe(1);
    expect(await axeOf(page)).toEqual([]);
    await page.click('.add-translation[data-for="mainMessage.why"] button[data-lang="en"]');
    // The new English field has the focus, beside the nynorsk text.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-mainMessage-why-en');
    expect(await languagesOf('mainMessage.why')).toEqual(['nn:nn', 'en:en']);
    await page.keyboard.type('So that every resident gets good services');
    await expect.poll(() => note.count(), WAIT).toBe(0);
    await expect
      .poll(() => deckText('partnarar'), WAIT)
      .toContain(squeezed('So that every resident gets good services'));
  });

  it('adds an English translation to a plain text', async () => {
    await page.click('nav.contents a:has-text("Organisasjon")');
    const add = page.locator('.add-translation[data-for="organisation.members[0].name"] button[data-lang="en"]');
    await add.click();
    expect(await languagesOf('organisation.members[0].name')).toEqual(['nn:nn', 'en:en']);
    expect(await page.inputValue('#f-organisation-members-0-name-nn')).toBe('Fjordane kommune');
    await page.keyboard.type('Fjordane Municipality');
    expect(await axeOf(page)).toEqual([]);
  });

  it('saves the maps into the file, keeping its comments; the English deck built from it has the new texts', async () => {
    await page.click('button:has-text("Lagre")');
    await page.waitForFunction(
      () => /^Lagr(et|a)\./.test(document.querySelector('.save-status')?.textContent ?? ''),
      null,
      WAIT,
    );
    const text = readFileSync(strategyFile(), 'utf8');
    expect(text).toMatch(/^# An inter-municipal company in nynorsk \(issue #23\)/);
    const saved = parse(text);
    expect(saved.mainMessage.what).toEqual({
      nn: 'Innafjords interkommunale selskap er eit forpliktande samarbeid mellom sju kommunar om tenester som krev sterke fagmiljø',
      en: 'A partnership of seven neighbours for strong services',
    });
    expect(saved.mainMessage.why).toEqual({
      nn: 'For at innbyggjarane i heile regionen skal få gode og likeverdige tenester',
      en: 'So that every resident gets good services',
    });
    expect(saved.organisation.members[0]).toEqual({
      id: 'a',
      name: { nn: 'Fjordane kommune', en: 'Fjordane Municipality' },
    });
    // The deck as `trappa build` lays it out from the saved files.
    const loaded = await loadProject({ root });
    if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
    const english = loaded.value.decks.find((d) => d.deck.id === 'partnarar')!;
    const laid = layoutDeck(resolveDeck(loaded.value, english));
    if (!laid.ok) throw new Error('layout failed');
    const words = JSON.stringify(laid.value.slides);
    expect(words).toContain('A partnership of seven neighbours for strong services');
    expect(words).toContain('Fjordane Municipality');
  });
});

describe('the translation editor’s words', () => {
  it('has every word in bokmål, nynorsk and English', () => {
    const keys = (lang: 'nb' | 'nn' | 'en') => Object.keys(translationWords[lang]).sort();
    expect(keys('nn')).toEqual(keys('nb'));
    expect(keys('en')).toEqual(keys('nb'));
    expect(translationWords.en.add(translationWords.en.names.en, 'Name')).toBe('Add the English translation of Name');
  });
});
