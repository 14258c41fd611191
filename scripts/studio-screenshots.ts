/**
 * The README's screenshots of Trappa Studio (docs/studio-*.png), taken in chromium from a
 * copy of the bundled project:  npm run build:dist && npx tsx scripts/studio-screenshots.ts
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_LAUNCH, copyProjectFrom, startStudio } from '../test/helpers/studio-process.js';
import { showField } from '../test/helpers/studio-page.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docs = path.join(repo, 'docs');
const root = copyProjectFrom(repo, 'trappa-shots-');
mkdirSync(docs, { recursive: true });

const studio = await startStudio(path.join(repo, 'dist/cli.js'), root);
const url = studio.url;
const browser = await chromium.launch(CHROMIUM_LAUNCH);

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(docs, name) });
  console.log(`docs/${name}`);
}

try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('body[data-rendered]');
  // The strategy's form, one section at a time, with its table of contents.
  await page.click('nav.contents a:has-text("Handlingsplan")');
  await shot(page, 'studio-sections.png');

  // A wording override written with Handlebars, shown as the text it makes; its code on request.
  await page.click('nav.contents a:has-text("Egne formuleringer")');
  await page.waitForSelector('p.produced:has-text("Blir: Morkommunene og ISK")');
  await page.click('p.produced:has-text("Blir: Morkommunene og ISK") button');
  await shot(page, 'studio-wording.png');

  // The theme's colours: a picker each, and the contrast of every pair they make.
  await page.click('nav button:has-text("Tema")');
  await showField(page, '#f-colors-muted');
  await page.fill('#f-colors-muted', '999999');
  await page.waitForSelector('ul.contrast li.fail');
  await page.locator('#f-colors-primary').scrollIntoViewIfNeeded();
  await shot(page, 'studio-colours.png');
  await page.click('button:has-text("Forkast endringer")');

  await page.click('nav button:has-text("Samkommunestyre")');
  await showField(page, '#f-slides-6-points-0');
  await page.fill(
    '#f-slides-6-points-0',
    'ta statusorienteringen om kommunikasjonsstrategien til orientering, med merknader',
  );
  await shot(page, 'studio-deck.png');

  await page.click('nav button:has-text("Strategi")');
  await showField(page, '#f-version');
  await page.fill('#f-version', 'to');
  await page.waitForSelector('#f-version + .issue');
  await shot(page, 'studio-message.png');
  await page.click('button:has-text("Forkast endringer")');

  // Two people changed the same point: the second save shows both texts and asks.
  const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await other.goto(url);
  await other.waitForSelector('body[data-rendered]');
  await showField(other, '#f-profile-1');
  await showField(page, '#f-profile-1');
  await other.fill('#f-profile-1', 'Samarbeidet er to selvstendige kommuner som løser oppgaver sammen.');
  await page.fill('#f-profile-1', 'Samarbeidet er et felles kontor for to kommuner.');
  await other.click('button:has-text("Lagre")');
  await other.waitForSelector('.save-status:has-text("Lagret.")');
  await page.click('button:has-text("Lagre")');
  await page.waitForSelector('.conflicts fieldset');
  await shot(page, 'studio-conflict.png');
  await page.click('.conflicts button:has-text("Bruk valgene og lagre")');
  await page.waitForSelector('.save-status:has-text("Lagret.")');
  await other.close();

  await page.click('nav button:has-text("Bygg og send")');
  await page.selectOption('#action-deck', 'strategi');
  await page.click('.actions button:has-text("Frigi versjonen")');
  await page.waitForFunction(() => document.querySelector('.progress')?.textContent === 'Ferdig.', null, {
    timeout: 60_000,
  });
  await page.click('nav button:has-text("Strategi")');
  await showField(page, '#f-profile-0');
  await page.fill('#f-profile-0', 'Innherred Samkommune er et samarbeid mellom to selvstendige nabokommuner.');
  await page.click('button:has-text("Lagre")');
  await page.click('nav button:has-text("Bygg og send")');
  await page.click('.actions button:has-text("Bygg")');
  await page.waitForSelector('.refusal .why', { timeout: 60_000 });
  await shot(page, 'studio-actions.png');

  // The Outlook draft of a built deck, ready to download.
  await page.selectOption('#action-deck', 'storledermote');
  for (const label of ['Bygg', 'Lag Outlook-utkast']) {
    await page.click(`.actions button:has-text("${label}")`);
    await page.waitForFunction(
      () => /^(Ferdig|Stoppet)\.$/.test(document.querySelector('.progress')?.textContent ?? ''),
      null,
      {
        timeout: 120_000,
      },
    );
  }
  await page.waitForSelector('ul.drafts a');
  await page.locator('ul.drafts').scrollIntoViewIfNeeded();
  await shot(page, 'studio-drafts.png');

  // 200 % zoom: a 720-pixel-wide window at twice the pixel density reflows to one column.
  const zoomed = await browser.newPage({ viewport: { width: 720, height: 900 }, deviceScaleFactor: 2 });
  await zoomed.goto(url);
  await zoomed.waitForSelector('body[data-rendered]');
  await shot(zoomed, 'studio-zoom-200.png');
} finally {
  await browser.close();
  await studio.stop();
  rmSync(root, { recursive: true, force: true });
}
