/** What the studio's browser tests read from the page, and what they compare it with. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { loadProject } from '../../src/data/load-project.js';
import { layoutDeck } from '../../src/deck/layout-deck.js';
import { resolveDeck } from '../../src/plan/resolve-deck.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: unknown }> }>;
}

/** axe-core's violations on the page as it is now, one line each (rule: elements). */
export async function axeOf(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  // Only the violations leave the page: axe's whole result (every element that passed, with its
  // HTML) is megabytes on a large form, parsed in this test worker while its event loop waits.
  const result = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run().then((r) => ({
      violations: r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) })),
    })),
  );
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** Slides of a deck of the project as saved, laid out in-process: what the page must show. */
export async function slideCountOf(root: string, deckId: string): Promise<number> {
  const loaded = await loadProject({ root });
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
  const laid = layoutDeck(resolveDeck(loaded.value, loaded.value.decks.find((d) => d.deck.id === deckId)!));
  if (!laid.ok) throw new Error('layout failed');
  return laid.value.slides.length;
}

/** Each slide of a deck in the page as "caption|all text of its SVG". */
export function slideTextsOf(page: Page, deck: string): Promise<string[]> {
  return page.$$eval(`li[data-deck="${deck}"]`, (items) =>
    items.map(
      (li) =>
        `${li.querySelector('figcaption')?.firstChild?.textContent}|${li.querySelector('svg')?.textContent ?? ''}`,
    ),
  );
}

/** Clicks an action button and waits until the job ends; returns "Ferdig." or "Stoppet.". */
export async function runAction(page: Page, label: string): Promise<string> {
  await page.click(`.actions button:has-text("${label}")`);
  const ended = () => /^(Ferdig|Stoppet)\.$/.test(document.querySelector('.progress')?.textContent ?? '');
  await page.waitForFunction(ended, null, { timeout: 60_000 });
  return (await page.textContent('.progress')) ?? '';
}

/** Pixels the page can be scrolled sideways, and whether the slides come below the form. */
export async function layoutAtWidth(page: Page): Promise<{ overflow: number; stacked: boolean }> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  const [form, slides] = await Promise.all([page.locator('main').boundingBox(), page.locator('aside').boundingBox()]);
  return { overflow, stacked: slides !== null && form !== null && slides.y > form.y };
}

/** Clicks a download link and returns the bytes the browser saved. */
export async function downloadOf(page: Page, link: Locator): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFileSync((await download.path())!);
}

/** Opens the form section that holds `selector` through the form's table of contents, as a user would. */
export async function showField(page: Page, selector: string): Promise<void> {
  const id = await page.$eval(selector, (el) => {
    const section = el.closest('details.section') as HTMLDetailsElement | null;
    return section && !section.open ? section.id : '';
  });
  if (id) await page.click(`nav.contents a[href="#${id}"]`);
}
