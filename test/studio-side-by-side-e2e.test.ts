/**
 * Two Studios side by side in one browser profile, as a user opens them (issue #25: "opening a
 * second Studio logs the first out", because the token was a cookie, and browsers send cookies
 * to every port of 127.0.0.1). Each page keeps its own Studio's token; each works after the
 * other opened and after a reload; the one Studio's token, sent from the page to the other
 * Studio, is refused there; the profile holds no cookie.
 */
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeOf, showField } from './helpers/studio-page.js';
import { projectCopy, removeAll, startStudioProcess, type RunningStudio } from './helpers/studio.js';
import { CHROMIUM_LAUNCH } from './helpers/studio-process.js';

let roots: string[];
let studios: RunningStudio[];
let browser: Browser;
let profile: BrowserContext;
const WAIT = { timeout: 30_000 };

beforeAll(async () => {
  roots = [projectCopy(), projectCopy()];
  studios = await Promise.all(roots.map((root) => startStudioProcess(root)));
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  profile = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
});
afterAll(async () => {
  await Promise.all([browser?.close(), ...(studios ?? []).map((s) => s.stop())]);
  removeAll(...(roots ?? []));
});

async function open(studio: RunningStudio): Promise<Page> {
  const page = await profile.newPage();
  await page.goto(studio.url);
  await page.waitForSelector('body[data-rendered]', { timeout: 120_000 });
  return page;
}

/** Types a new name into the strategy's name field and waits for the cover slide to show it. */
async function typeName(page: Page, name: string): Promise<void> {
  await showField(page, '#f-name');
  await page.fill('#f-name', name);
  await expect
    .poll(() => page.$$eval('li[data-deck="strategi"] svg', (svgs) => svgs.map((s) => s.textContent).join('|')), WAIT)
    .toContain(name);
}

/** What the page's Studio answers a request sent from the page with `token` in the header the page uses. */
function askWith(page: Page, token: string | null): Promise<number> {
  return page.evaluate(
    (t) => fetch('/api/project', { headers: t === null ? {} : { 'X-Trappa-Token': t } }).then((r) => r.status),
    token,
  );
}

const tokenOf = (studio: RunningStudio): string => new URL(studio.url).searchParams.get('token')!;

describe('two Studios side by side in one browser', () => {
  it('both work, after the other opened and after a reload', async () => {
    const [first, second] = studios as [RunningStudio, RunningStudio];
    const one = await open(first);
    const two = await open(second);
    // The first Studio's page, opened before the second, still reaches its Studio.
    await typeName(one, 'Strategi i første fane');
    await typeName(two, 'Strategi i andre fane');
    await one.reload();
    await one.waitForSelector('body[data-rendered]', WAIT);
    await typeName(one, 'Strategi etter ny innlasting');
    expect(await profile.cookies()).toEqual([]);
    expect(path.basename(roots[0]!)).not.toBe(path.basename(roots[1]!));
    expect(await axeOf(two)).toEqual([]);
  });

  it('refuses the other Studio’s token, sent from the page as the page sends its own', async () => {
    const [first, second] = studios as [RunningStudio, RunningStudio];
    const page = await open(second);
    expect(await askWith(page, tokenOf(second))).toBe(200);
    expect(await askWith(page, tokenOf(first))).toBe(403);
    expect(await askWith(page, null)).toBe(403);
  });
});
