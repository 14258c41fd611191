/**
 * The Studio page speaks the Studio's language: started with --lang nn, its own words (the
 * frame, the navigation, the save button, the form's field labels) are nynorsk, with
 * `<html lang="nn">`, from the same catalogue as the CLI (messages/page-text.ts, held to the
 * same keys in nb, nn and en by cli-language). axe-core finds nothing.
 */
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { startStudio } from '../src/studio/server.js';
import { copyProject } from './helpers/project.js';
import { axeOf } from './helpers/studio-page.js';
import { CHROMIUM_LAUNCH } from './helpers/studio-process.js';

/** Nynorsk words on the strategy's form, and the bokmål ones it must not show instead. */
const SHOWN = [
  'Lysbilete',
  'Bygg og send',
  'Ta inn frå PowerPoint',
  'Lagre',
  'Namn',
  'Hovudbodskap',
  'Kva?',
  'Kvifor?',
];
const BOKMÅL = ['Lysbilder', 'Ta inn fra PowerPoint', 'Hovedbudskap', 'Hvorfor?', 'Navn'];

it('a Studio started with --lang nn shows nynorsk labels, axe clean', async () => {
  const root = copyProject();
  const studio = await startStudio({ root, lang: 'nn' });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage();
    await page.goto(studio.url);
    await page.waitForSelector('.form label');
    expect(await page.getAttribute('html', 'lang')).toBe('nn');
    // Every section open, so the labels of the whole form are read.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    const texts = await page.locator('label, legend, summary, button, h2, h3, a, p').allInnerTexts();
    const words = new Set(texts.flatMap((t) => t.split('\n')).map((l) => l.trim()));
    for (const word of SHOWN) expect(words, word).toContain(word);
    for (const word of BOKMÅL) expect(words, word).not.toContain(word);
    expect(await axeOf(page)).toEqual([]);
  } finally {
    await browser.close();
    await studio.close();
  }
});
