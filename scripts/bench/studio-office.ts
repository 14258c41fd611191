/**
 * Trappa Studio with the bundled strategy and with a strategy of about 2 MB (the input
 * limit), measured in chromium as a user meets it: edit → slide (p50, p90), the save from
 * the button until the page says "Lagret.", and the studio process's peak RSS (VmHWM).
 * Run alone: npm run build:dist && npx tsx scripts/bench/studio-office.ts [--quick] [--cli <dist/cli.js>]
 * (--cli: a bundle built elsewhere, so rebuilding dist/ meanwhile does not pull chunks from under it).
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_LAUNCH, copyProjectFrom, startStudio } from '../../test/helpers/studio-process.js';
import { ms, renderTable, type Table } from './report.js';
import { writeSyntheticProject } from './synthetic.js';

interface Case {
  name: string;
  strategyBytes: number;
  editMs: number[];
  serverMs: number[];
  saveMs: number;
  rssMB: number;
}

const quantile = (xs: number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;

/** One keystroke timed inside the page until the slide of `deck` shows it (plain JS: see studio.ts). */
const EDIT_IN_PAGE = `async ([n, deck]) => {
  const input = document.getElementById('f-profile-0');
  const marker = 'Benk' + n + 'x';
  const t0 = performance.now();
  input.value = 'Samarbeidet ' + marker + ' skal synes';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => {
    const shown = () => [...document.querySelectorAll('li[data-deck="' + deck + '"] svg')]
      .some((svg) => (svg.textContent || '').includes(marker));
    const check = () => (shown() ? resolve() : requestAnimationFrame(check));
    check();
  });
  return [performance.now() - t0, Number(document.body.dataset.serverMs)];
}`;

/** Peak resident memory of a process, MB (Linux /proc). */
function peakRss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

async function measure(name: string, root: string, cli: string, deck: string, edits: number): Promise<Case> {
  const studio = await startStudio(cli, root);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page: Page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(studio.url);
    await page.waitForSelector('body[data-rendered]', { timeout: 600_000 });
    const times: Array<[number, number]> = [];
    for (let i = 0; i < edits; i++)
      // Called inside the string: a string with an argument would only be evaluated, never called.
      times.push(await page.evaluate<[number, number]>(`(${EDIT_IN_PAGE})([${i}, ${JSON.stringify(deck)}])`));
    const kept = times.slice(1);
    const started = performance.now();
    await page.click('button:has-text("Lagre")');
    await page
      .waitForFunction(() => /^Lagret/.test(document.querySelector('.save-status')?.textContent ?? ''), null, {
        timeout: 600_000,
      })
      .catch(async (error: Error) => {
        throw new Error(
          `${name}: no "Lagret" after the save; the page says: ${await page.textContent('.save-status')}`,
          {
            cause: error,
          },
        );
      });
    const saveMs = performance.now() - started;
    return {
      name,
      strategyBytes: statSync(path.join(root, 'data/strategy.yaml')).size,
      editMs: kept.map(([t]) => t),
      serverMs: kept.map(([, s]) => s),
      saveMs,
      rssMB: peakRss(studio.child.pid!),
    };
  } finally {
    await browser.close();
    await studio.stop();
  }
}

/** The bundled project, and a synthetic one whose strategy.yaml is just under 2 MB. */
export async function measureStudioOffice(repo: string, cli: string, edits: number): Promise<Case[]> {
  const bundled = copyProjectFrom(repo, 'trappa-bench-office-');
  const large = path.join(os.tmpdir(), `trappa-bench-2mb-${process.pid}`);
  try {
    const small = await measure('bundled strategy', bundled, cli, 'strategi', edits);
    const { deckId } = await writeSyntheticProject(repo, large, 5700);
    const big = await measure('2 MB strategy', large, cli, deckId, Math.max(3, Math.round(edits / 4)));
    return [small, big];
  } finally {
    rmSync(bundled, { recursive: true, force: true });
    rmSync(large, { recursive: true, force: true });
  }
}

export function studioOfficeTable(cases: Case[]): Table {
  return {
    title: 'Trappa Studio: edit, save and memory by strategy size',
    headers: ['strategy', 'size', 'edit → slide p50', 'p90', 'server p50', 'save', 'peak RSS'],
    rows: cases.map((c) => [
      c.name,
      `${(c.strategyBytes / 1024 / 1024).toFixed(2)} MB`,
      ms(quantile(c.editMs, 0.5)),
      ms(quantile(c.editMs, 0.9)),
      ms(quantile(c.serverMs, 0.5)),
      ms(c.saveMs),
      `${c.rssMB.toFixed(0)} MB`,
    ]),
    notes: [
      `${cases.map((c) => c.editMs.length).join(' / ')} edits (the first left out), headless chromium; ` +
        `load average at the end ${os.loadavg()[0]!.toFixed(1)}. Wall-clock times on a shared machine.`,
    ],
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const cliAt = process.argv.indexOf('--cli');
  const cases = await measureStudioOffice(
    repo,
    cliAt > 0 ? path.resolve(process.argv[cliAt + 1]!) : path.join(repo, 'dist/cli.js'),
    process.argv.includes('--quick') ? 6 : 21,
  );
  console.log(renderTable(studioOfficeTable(cases)));
}
