/**
 * The English Studio page: started with --lang en, the page's own words (the frame, the
 * navigation, the form's field labels, "(optional)") are English, with `<html lang="en">`, and
 * none of the page catalogue's Norwegian words shows (messages/page-text.ts); axe-core finds
 * nothing. What the project's data names (its decks, its folder) stays as written.
 */
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { PAGE_TEXT } from '../src/messages/page-text.js';
import { startStudio } from '../src/studio/server.js';
import { copyProject } from './helpers/project.js';
import { axeOf } from './helpers/studio-page.js';
import { CHROMIUM_LAUNCH } from './helpers/studio-process.js';

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-zæøå]+/g) ?? [];

/** The words of the page's bokmål and nynorsk texts that no English text of it uses ("valgfri", "lysbilete"). */
function norwegianWords(): Set<string> {
  const texts = Object.values(PAGE_TEXT).map((e) => ({ ...e, nb: e.nb.replace(/\{[^}]*\}/g, ' ') }));
  const english = new Set(texts.flatMap((e) => wordsOf(e.en)));
  return new Set(texts.flatMap((e) => [...wordsOf(e.nb), ...wordsOf(e.nn)]).filter((w) => !english.has(w)));
}

it('a Studio started with --lang en shows English labels and none of the Norwegian ones, axe clean', async () => {
  const norwegian = norwegianWords();
  expect(norwegian.size).toBeGreaterThan(150);
  for (const word of ['valgfri', 'lysbilder', 'hovedbudskap', 'lagre']) expect(norwegian).toContain(word);
  const studio = await startStudio({ root: copyProject(), lang: 'en' });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage();
    await page.goto(studio.url);
    await page.waitForSelector('.form label');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // Every section open, so the labels of the whole form are read.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    const texts = await page.locator('label, legend, summary, button, h2, h3, a, p, th').allInnerTexts();
    const lines = [...new Set(texts.flatMap((t) => t.split('\n')).map((l) => l.trim()))];
    for (const word of ['Slides', 'Build and send', 'Take in from PowerPoint', 'Save', 'Name', 'Main message', 'Why?'])
      expect(lines, word).toContain(word);
    // A deck's and the project's names are the data's own words.
    const own = (line: string) => /^(Deck|Project): /.test(line);
    const norwegianLines = lines.filter((l) => !own(l) && wordsOf(l).some((w) => norwegian.has(w)));
    expect(norwegianLines).toEqual([]);
    expect(lines.filter((l) => / \(optional\)$/.test(l)).length).toBeGreaterThan(10);
    expect(await axeOf(page)).toEqual([]);
  } finally {
    await browser.close();
    await studio.close();
  }
});
