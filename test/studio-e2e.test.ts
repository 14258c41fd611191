/**
 * Trappa Studio end to end in Debian's chromium (playwright-core): an adviser's whole flow against
 * `node dist/cli.js studio` in a copy of the bundled project, in order on one page, one browser for
 * the file; axe-core checks every screen, a real SMTP server on 127.0.0.1 receives what is sent.
 */
import { englishLines } from './helpers/english-words.js';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, passwordForms, smtpEnv, USER } from './email-fixtures.js';
import { generateCertificate, startTestServer, type TestServer } from './email-test-server.js';
import { missingValidator, validatePptx } from './helpers/ooxml.js';
import { projectCopy, removeAll, startStudioProcess, type RunningStudio } from './helpers/studio.js';
import { CHROMIUM_LAUNCH } from './helpers/studio-process.js';
import {
  axeOf,
  downloadOf,
  layoutAtWidth,
  runAction,
  showField,
  slideCountOf,
  slideTextsOf,
} from './helpers/studio-page.js';

let root: string;
let studio: RunningStudio;
let browser: Browser;
/** A real SMTP server on 127.0.0.1 (STARTTLS, AUTH) that the studio's send goes to. */
let smtp: TestServer;
let page: Page;
const strategyFile = (): string => path.join(root, 'data/strategy.yaml');
let originalStrategy: string;
/** Every URL the page asked for: all of them must be the studio's own (it works offline). */
const requested: string[] = [];

beforeAll(async () => {
  root = projectCopy();
  originalStrategy = readFileSync(strategyFile(), 'utf8');
  const certificate = await generateCertificate();
  smtp = await startTestServer({ certificate, user: USER, password: PASSWORD });
  studio = await startStudioProcess(root, await smtpEnv(root, smtp.port, certificate));
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  page.on('request', (r) => requested.push(r.url()));
});

afterAll(async () => {
  await Promise.all([browser?.close(), studio?.stop(), smtp?.close()]);
  removeAll(root);
});

/** The machine is shared: a redraw may take seconds. */
const WAIT = { timeout: 30_000 };
const axeViolations = (): Promise<string[]> => axeOf(page);
const slideCount = (deckId: string): Promise<number> => slideCountOf(root, deckId);
const slideTexts = (deck: string): Promise<string[]> => slideTextsOf(page, deck);

describe('trappa studio in a real browser', () => {
  it('opens from the address on the first line of standard output; the token is in no cookie', async () => {
    expect(studio.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    await page.goto(studio.url);
    await page.waitForSelector('body[data-rendered]');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.locator('li[data-deck="strategi"]').count()).toBe(await slideCount('strategi'));
    expect(await axeViolations()).toEqual([]);
  });

  it('shows an edited point on its slide as the user types', async () => {
    await showField(page, '#f-profile-0');
    await page.fill('#f-profile-0', 'Samarbeidet skal synes i Zebrastripe-kommunene');
    await expect
      .poll(async () => (await slideTexts('strategi')).filter((t) => t.includes('Zebrastripe')).length, WAIT)
      .toBe(1);
  });

  it('saves only the edit: comments, order and formatting of the rest stay', async () => {
    await page.click('button:has-text("Lagre")');
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Lagret.');
    const saved = readFileSync(strategyFile(), 'utf8');
    const [a, b] = [originalStrategy.split('\n'), saved.split('\n')];
    expect(b.length).toBe(a.length);
    const changed = b.flatMap((line, i) => (line === a[i] ? [] : [[a[i], line]]));
    expect(changed).toEqual([
      [
        expect.stringContaining('Innherred Samkommune skal framstå'),
        '  - Samarbeidet skal synes i Zebrastripe-kommunene',
      ],
    ]);
    expect(saved.split('\n').filter((l) => l.trimStart().startsWith('#'))).toEqual(
      a.filter((l) => l.trimStart().startsWith('#')),
    );
    originalStrategy = saved;
  });

  it('continues the plan table on a new slide when rows are added', async () => {
    const planSlides = async (): Promise<string[]> =>
      (await slideTexts('strategi')).filter((t) => t.includes('kommunikasjonsplan'));
    const before = (await planSlides()).length;
    expect(before).toBeGreaterThan(0);
    await showField(page, '[data-field="actionPlan"]');
    const rows = await page.locator('[data-field="actionPlan"] > ol > li').count();
    for (let i = rows; i < rows + 12 && (await planSlides()).length === before; i++) {
      await page.click('button[aria-label="Legg til rad i handlingsplan"]');
      await expect.poll(() => page.locator(`#f-actionPlan-${i}-activity`).count(), WAIT).toBe(1);
      await page.fill(`#f-actionPlan-${i}-audience`, `Nye målgrupper ${i}`);
      await page.fill(
        `#f-actionPlan-${i}-activity`,
        `Aktivitet${i} informasjonsmøte om kommunikasjonsstrategien for alle enheter`,
      );
      await expect
        .poll(async () => (await slideTexts('strategi')).some((t) => t.includes(`Aktivitet${i}`)), WAIT)
        .toBe(true);
    }
    const plan = await planSlides();
    expect(plan).toHaveLength(before + 1);
    expect(plan.at(-1)).toMatch(/\(forts\.( \d+)?\)/);
    await page.click('button:has-text("Forkast endringer")');
    await expect.poll(async () => (await planSlides()).length, WAIT).toBe(before);
  });

  it('shows an invalid value located at its field and saves nothing', async () => {
    await showField(page, '#f-version');
    await page.fill('#f-version', 'versjon to');
    const message = page.locator('#f-version + .issue');
    await expect.poll(() => message.count(), WAIT).toBe(1);
    expect(await page.getAttribute('#f-version', 'aria-invalid')).toBe('true');
    // The field by its label, as the form names it.
    expect(await page.textContent('.summary')).toMatch(/data\/strategy\.yaml:\d+:\d+ Versjon: /);
    await page.click('button:has-text("Lagre")');
    await page.waitForSelector('.save-status:has-text("Ikke lagret")');
    expect(readFileSync(strategyFile(), 'utf8')).toBe(originalStrategy);
    expect(await axeViolations()).toEqual([]);
    await page.click('button:has-text("Forkast endringer")');
    await expect.poll(() => page.locator('.issue').count(), WAIT).toBe(0);
  });

  it('shows what only a build finds (check rules, pictures) at the field and on the slide', async () => {
    // Decks are named by their meeting (issue #25).
    await page.click('nav button:has-text("Presentasjon: Allmøte for ansatte")');
    expect(await axeViolations()).toEqual([]);
    await showField(page, '#f-slides-5-image-alt');
    await page.fill('#f-slides-5-image-alt', 'town.jpg');
    const message = page.locator('#f-slides-5-image-alt + .issue');
    await expect.poll(() => message.count(), { timeout: 15_000 }).toBe(1);
    // In the Studio's language (it was English until issue 25's located-text catalogue).
    expect(await message.textContent()).toMatch(/er et filnavn; beskriv hva bildet viser/);
    const slide = page.locator('li[data-deck="ansatte"].has-issue');
    await expect.poll(() => slide.count(), WAIT).toBeGreaterThan(0);
    expect(await slide.first().textContent()).toMatch(/town\.jpg/);
    await page.click('button:has-text("Forkast endringer")');
    await expect.poll(() => page.locator('.issue').count(), { timeout: 15_000 }).toBe(0);
    await page.click('nav button:text-is("Strategi")');
  });

  it('takes in a change another editor made to the file', async () => {
    // On the strategy's form, whatever the test before left shown.
    await page.click('nav button:text-is("Strategi")');
    await page.waitForSelector('#f-name', { state: 'attached', timeout: 15_000 });
    writeFileSync(strategyFile(), originalStrategy.replace(/^name: .*$/m, 'name: Strategi endret i en annen editor'));
    await expect.poll(() => page.inputValue('#f-name'), { timeout: 10_000 }).toBe('Strategi endret i en annen editor');
    writeFileSync(strategyFile(), originalStrategy);
    await expect
      .poll(() => page.inputValue('#f-name'), { timeout: 10_000 })
      .not.toBe('Strategi endret i en annen editor');
    // A deck file added, then removed, by someone else: its form and slides come and go.
    const added = path.join(root, 'data/decks/nytt-mote.yaml');
    writeFileSync(
      added,
      readFileSync(path.join(root, 'data/decks/strategi.yaml'), 'utf8').replace(/^id: .*$/m, 'id: nytt-mote'),
    );
    const shown = async () => [
      await page.locator('li[data-deck="nytt-mote"]').count(),
      await page.locator('nav button:has-text("nytt-mote")').count(),
    ];
    await expect.poll(shown, WAIT).toEqual([await slideCount('strategi'), 1]);
    rmSync(added);
    await expect.poll(shown, WAIT).toEqual([0, 0]);
  });

  it.skipIf(missingValidator())(
    'builds a deck with its PDF and downloads both; the .pptx passes the OOXML validator',
    async () => {
      await page.click('nav button:has-text("Bygg og send")');
      await page.selectOption('#action-deck', 'strategi');
      await page.check('#action-pdf');
      expect(await runAction(page, 'Bygg')).toBe('Ferdig.');
      await page.uncheck('#action-pdf');
      expect(await page.textContent('.log')).toMatch(/strategi.*\.pptx/);
      expect(await axeViolations()).toEqual([]);
      const file = path.join(root, 'downloaded.pptx');
      writeFileSync(file, await downloadOf(page, page.locator('.versions a', { hasText: /^strategi-v0\.2.*\.pptx$/ })));
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
      expect((await validatePptx(file)).filter((i) => i.severity === 'error')).toEqual([]);
      const row = page.locator('.versions tr', { hasText: /strategi-v0\.2/ });
      expect((await downloadOf(page, row.locator('a', { hasText: 'PDF' }))).subarray(0, 5).toString()).toBe('%PDF-');
    },
  );

  it('shows why a frozen (released) version cannot be rebuilt with other content', async () => {
    expect(await runAction(page, 'Frigi versjonen')).toBe('Ferdig.');
    // The CLI runs in the Studio's language (bokmål); its lines were English before issue 25's catalogue.
    expect(await page.textContent('.log')).toMatch(/frigitt/);
    writeFileSync(strategyFile(), originalStrategy.replace('Zebrastripe', 'Sebrastripe'));
    expect(await runAction(page, 'Bygg')).toBe('Stoppet.');
    expect(await page.textContent('.refusal')).toMatch(/frosset.*Ny versjon/s);
    // How it was frozen and when, in the reader's words (versions/decide.ts says it through the catalogue).
    expect(await page.textContent('.refusal')).toMatch(/ble frigitt \S+, og innholdet er endret siden/);
    expect(englishLines((await page.textContent('.refusal')) ?? '')).toEqual([]);
    expect(await axeViolations()).toEqual([]);
  });

  it("makes the Outlook draft; sends after showing the dry run's list and a confirmation", async () => {
    await page.selectOption('#action-deck', 'ansatte');
    expect(await runAction(page, 'Bygg')).toBe('Ferdig.');
    expect(await runAction(page, 'Lag Outlook-utkast')).toBe('Ferdig.');
    expect(await page.textContent('.log')).toMatch(/drafts\/.*\.eml/);
    await page.click('.actions button:has-text("Send …")');
    await page.waitForSelector('.confirm button:has-text("Send nå")', { timeout: 60_000 });
    expect(await page.textContent('.log')).toMatch(
      /Prøvekjøring: ingenting sendes\.[\s\S]*ansatte@levanger\.kommune\.no/,
    );
    expect(englishLines((await page.textContent('.log')) ?? '')).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send nå');
    expect(await axeViolations()).toEqual([]);
    await page.click('.confirm button:has-text("Avbryt")');
    expect(await page.locator('.confirm button').count()).toBe(0);
    expect(smtp.messages).toHaveLength(0);

    await page.click('.actions button:has-text("Send …")');
    await page.click('.confirm button:has-text("Send nå")');
    await page.waitForFunction(() => document.querySelector('.progress')?.textContent === 'Ferdig.');
    const delivered = smtp.messages.flatMap((m) => m.envelopeTo).sort();
    expect(delivered).toEqual(['ansatte@levanger.kommune.no', 'ansatte@verdal.kommune.no']);
    // The studio runs with TRAPPA_SMTP_PASSWORD set; the page never sees it, in any form.
    const seen = [await page.content(), await page.evaluate(() => fetch('/api/project').then((r) => r.text()))];
    for (const form of passwordForms()) expect(seen.join('\n')).not.toContain(form);
  });

  it('makes a new version with a note; the form shows it', async () => {
    await page.fill('#bump-version', '0.3');
    await page.fill('#bump-note', 'Profilen skjerpet etter storledermøtet');
    expect(await runAction(page, 'Lag ny versjon')).toBe('Ferdig.');
    expect(readFileSync(strategyFile(), 'utf8')).toMatch(/version: "?0\.3"?/);
    await page.click('nav button:text-is("Strategi")');
    // The form follows the file through the Studio's watch of the disk: give a loaded machine time.
    await expect.poll(() => page.inputValue('#f-version'), { timeout: 30_000 }).toBe('0.3');
  });

  it('can be used with the keyboard alone', async () => {
    await page.goto(studio.url.replace(/\?token=.*$/, ''));
    await page.waitForSelector('body[data-rendered]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hopp til skjemaet');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tema');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#form-h')).toBe('Tema');
    expect(await axeViolations()).toEqual([]);
    await showField(page, '#f-colors-primary');
    await page.focus('#f-colors-primary');
    // Each colour has its picker right after its text (issue #25), then the next colour.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-colors-primary__picker');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-colors-secondary');
  });

  it('reflows at 200 % zoom: one column, nothing to scroll sideways', async () => {
    // 200 % zoom of a 1280-pixel-wide window is a 640-CSS-pixel viewport.
    await page.setViewportSize({ width: 640, height: 900 });
    for (const view of ['Strategi', 'Bygg og send']) {
      await page.click(`nav button:has-text("${view}")`);
      expect(await layoutAtWidth(page), view).toEqual({ overflow: 0, stacked: true });
    }
  });

  it('asked for nothing but the studio itself: no CDN, works offline', () => {
    const origin = new URL(studio.url).origin;
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
  });
});
