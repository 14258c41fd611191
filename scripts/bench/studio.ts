/**
 * Trappa Studio, measured as a user meets it:
 * - start: `node dist/cli.js studio --no-open` until the address is on standard output
 *   (the server listens), and until the page in chromium shows every deck's slides;
 * - edit → slide: in the page, from the keystroke that changes a profile point until the
 *   slide showing it holds the new text (debounce, request, layout of every deck, SVG, DOM).
 *   Measured inside the page (performance.now), so the browser driver adds nothing.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH, copyProjectFrom, startStudio } from '../../test/helpers/studio-process.js';
import { ms, type Table } from './report.js';

export interface StudioBench {
  startMs: number[];
  firstSlidesMs: number[];
  editMs: number[];
  /** Of each edit, the server's load → layout → SVG of every deck. */
  serverMs: number[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const quantile = (xs: number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export async function measureStudio(repo: string, cli: string, runs: number, edits: number): Promise<StudioBench> {
  const root = copyProjectFrom(repo, 'trappa-bench-studio-');
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const result: StudioBench = { startMs: [], firstSlidesMs: [], editMs: [], serverMs: [] };
  try {
    for (let i = 0; i < runs; i++) {
      const studio = await startStudio(cli, root);
      try {
        result.startMs.push(studio.startMs);
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        const opened = performance.now();
        await page.goto(studio.url);
        await page.waitForSelector('body[data-rendered]');
        result.firstSlidesMs.push(performance.now() - opened);
        if (i === runs - 1) ({ total: result.editMs, server: result.serverMs } = await measureEdits(page, edits));
        await page.close();
      } finally {
        await studio.stop();
      }
    }
  } finally {
    await browser.close();
    rmSync(root, { recursive: true, force: true });
  }
  return result;
}

/**
 * One edit timed inside the page. Plain JavaScript text: tsx's transform would add helpers
 * (__name) to a function passed to page.evaluate that the page does not have.
 */
const EDIT_IN_PAGE = `async (n) => {
  const input = document.getElementById('f-profile-0');
  const marker = 'Benchmark' + n + 'x';
  const t0 = performance.now();
  input.value = 'Samarbeidet ' + marker + ' skal synes';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => {
    const slides = () => [...document.querySelectorAll('li[data-deck="strategi"] svg')];
    const shown = () => slides().some((svg) => (svg.textContent || '').includes(marker));
    const check = () => (shown() ? resolve() : requestAnimationFrame(check));
    check();
  });
  return [performance.now() - t0, Number(document.body.dataset.serverMs)];
}`;

async function measureEdits(
  page: import('playwright-core').Page,
  edits: number,
): Promise<{ total: number[]; server: number[] }> {
  const times: Array<[number, number]> = [];
  for (let i = 0; i < edits; i++) times.push(await page.evaluate<[number, number]>(`(${EDIT_IN_PAGE})(${i})`));
  const kept = times.slice(2);
  return { total: kept.map(([t]) => t), server: kept.map(([, s]) => s) };
}

export function studioTable(r: StudioBench): Table {
  return {
    title: 'Trappa Studio',
    headers: ['measure', 'median', 'p90', 'target', ''],
    rows: [
      [
        'server start (`trappa studio` until the address is printed)',
        ms(median(r.startMs)),
        ms(quantile(r.startMs, 0.9)),
        '< 1 s',
        median(r.startMs) < 1000 ? 'met' : 'MISSED',
      ],
      [
        "page open → every deck's slides shown",
        ms(median(r.firstSlidesMs)),
        ms(quantile(r.firstSlidesMs, 0.9)),
        '',
        '',
      ],
      [
        'edit a point → its slide updated in the page (4 decks re-laid out)',
        ms(median(r.editMs)),
        ms(quantile(r.editMs, 0.9)),
        '< 100 ms',
        median(r.editMs) < 100 ? 'met' : 'MISSED',
      ],
      [
        '  of which the server: load → layout → SVG of 34 slides',
        ms(median(r.serverMs)),
        ms(quantile(r.serverMs, 0.9)),
        '',
        '',
      ],
    ],
    notes: [
      `${r.startMs.length} starts, ${r.editMs.length} edits (the first two, which warm up, left out); ` +
        `headless chromium; load average at the end ${os.loadavg()[0]!.toFixed(1)}.`,
      'Edits are sent at once when no request is out; keystrokes made meanwhile go as one request when it returns.',
    ],
  };
}
