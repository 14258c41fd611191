/**
 * The Studio page speaks the Studio's language: started with --lang nn, its own words (the
 * frame, the navigation, the save button, the form's field labels) are nynorsk, with
 * `<html lang="nn">`, from the same catalogue as the CLI (messages/page-text.ts); with --lang
 * en, English. axe-core finds nothing in either.
 */
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startStudio } from '../src/studio/server.js';
import { copyProject } from './helpers/project.js';
import { axeOf } from './helpers/studio-page.js';
import { CHROMIUM_LAUNCH } from './helpers/studio-process.js';

/** Words of each language on the strategy's form, and the bokmål ones it must not show instead. */
const EXPECTED = {
  nn: {
    shown: ['Lysbilete', 'Bygg og send', 'Ta inn frå PowerPoint', 'Lagre', 'Namn', 'Hovudbodskap', 'Kva?', 'Kvifor?'],
    bokmål: ['Lysbilder', 'Ta inn fra PowerPoint', 'Hovedbudskap', 'Hvorfor?', 'Navn'],
  },
  en: {
    shown: ['Slides', 'Build and send', 'Take in from PowerPoint', 'Save', 'Name', 'Main message', 'What?', 'Why?'],
    bokmål: ['Lysbilder', 'Bygg og send', 'Lagre', 'Hovedbudskap', 'Navn'],
  },
} as const;

describe('the Studio page in the Studio’s language', () => {
  it('shows nynorsk labels when started with --lang nn (and English with --lang en), axe clean', async () => {
    const root = copyProject();
    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    try {
      for (const lang of ['nn', 'en'] as const) {
        const studio = await startStudio({ root, lang });
        try {
          const page = await browser.newPage();
          await page.goto(studio.url);
          await page.waitForSelector('.form label');
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          // Every section open, so the labels of the whole form are read.
          await page.evaluate(() => {
            for (const d of document.querySelectorAll('details')) d.open = true;
          });
          const text = await page.locator('body').innerText();
          const lines = new Set(text.split('\n').map((l) => l.trim()));
          const labels = await page.locator('label, summary, button, h2, h3').allInnerTexts();
          const words = new Set([...lines, ...labels.map((l) => l.trim())]);
          for (const word of EXPECTED[lang].shown) expect(words, `${lang}: ${word}`).toContain(word);
          for (const word of EXPECTED[lang].bokmål) expect(words, `${lang}: ${word}`).not.toContain(word);
          expect(await axeOf(page)).toEqual([]);
          await page.close();
        } finally {
          await studio.close();
        }
      }
    } finally {
      await browser.close();
    }
  });
});
