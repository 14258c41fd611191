/**
 * Trappa Studio with the bundled strategy and with a strategy of about 2 MB (the input
 * limit), measured in chromium as a user meets it: edit → slide (p50, p90), the save from
 * the button until the page says "Lagret.", and the studio process's peak RSS (VmHWM).
 * Beside the wall clock (shared machine: it waits for other work), the studio process's own
 * CPU time per edit (/proc/PID/stat, every thread: request loop, worker, GC), and how long a
 * small request (the page shell, asked every 25 ms meanwhile) waited while the edits ran.
 * Run alone: npm run build:dist && npx tsx scripts/bench/studio-office.ts [--quick] [--cli <dist/cli.js>]
 * (--cli: a bundle built elsewhere, so rebuilding dist/ meanwhile does not pull chunks from under it).
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_LAUNCH, copyProjectFrom, startStudio } from '../../test/helpers/studio-process.js';
import { ms, renderTable, type Table } from './report.js';
import { writeSyntheticProject } from './synthetic.js';
import { pollOthers } from './poll-others.js';

interface Case {
  name: string;
  strategyBytes: number;
  editMs: number[];
  serverMs: number[];
  /** The studio process's CPU time per edit (user + system), but for the live check's background worker. */
  cpuMs: number[];
  /** The same with the live check's worker (it runs when typing pauses). */
  allCpuMs: number[];
  /** Answer times of the small requests made while the edits ran. */
  otherMs: number[];
  saveMs: number;
  rssMB: number;
  /** From opening the page until its form and first slides show (the project, the form, the first render). */
  loadMs: number;
}

/**
 * CPU time a process has used so far, ms (Linux /proc: utime + stime in clock ticks of 10 ms):
 * the process's (threads that ended included), and apart the live threads at the lowest
 * priority (the live check's worker; its ended helper threads count in `all` only).
 */
function cpuTime(pid: number): { all: number; background: number } {
  const ticks = (text: string): { ms: number; nice: number } => {
    const fields = text.slice(text.lastIndexOf(') ') + 2).split(' ');
    return { ms: (Number(fields[11]) + Number(fields[12])) * 10, nice: Number(fields[16]) };
  };
  let background = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const thread = ticks(readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8'));
    if (thread.nice === 19) background += thread.ms;
  }
  return { all: ticks(readFileSync(`/proc/${pid}/stat`, 'utf8')).ms, background };
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
  // The slides are searched once per render the page finishes (data-rendered), not per frame:
  // reading the text of 520 SVGs every frame would itself take the page's time.
  let seen = -1;
  await new Promise((resolve) => {
    const shown = () => [...document.querySelectorAll('li[data-deck="' + deck + '"] svg')]
      .some((svg) => (svg.textContent || '').includes(marker));
    const check = () => {
      const rendered = Number(document.body.dataset.rendered || 0);
      if (rendered !== seen) {
        seen = rendered;
        if (shown()) return resolve();
      }
      requestAnimationFrame(check);
    };
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
    const opened = performance.now();
    await page.goto(studio.url);
    await page.waitForSelector('body[data-rendered]', { timeout: 600_000 });
    const loadMs = performance.now() - opened;
    // The profile's section, as a user opens it: a large strategy's sections are built when they open.
    await page.click('nav.contents a[href="#f-sec-profile"]');
    await page.waitForSelector('#f-profile-0');
    const times: Array<[number, number, number, number]> = [];
    const others = pollOthers(studio.url);
    for (let i = 0; i < edits; i++) {
      const cpu = cpuTime(studio.child.pid!);
      // Called inside the string: a string with an argument would only be evaluated, never called.
      const [total, server] = await page.evaluate<[number, number]>(
        `(${EDIT_IN_PAGE})([${i}, ${JSON.stringify(deck)}])`,
      );
      const after = cpuTime(studio.child.pid!);
      times.push([total, server, after.all - cpu.all - (after.background - cpu.background), after.all - cpu.all]);
    }
    const otherMs = await others.stop();
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
      cpuMs: kept.map(([, , c]) => c),
      allCpuMs: kept.map(([, , , c]) => c),
      otherMs,
      saveMs,
      loadMs,
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
    const big = await measure('2 MB strategy', large, cli, deckId, edits);
    return [small, big];
  } finally {
    rmSync(bundled, { recursive: true, force: true });
    rmSync(large, { recursive: true, force: true });
  }
}

export function studioOfficeTable(cases: Case[]): Table {
  return {
    title: 'Trappa Studio: edit, save and memory by strategy size',
    headers: [
      'strategy',
      'size',
      'first load',
      'edit → slide p50',
      'p90',
      'min',
      'server p50',
      'studio CPU / edit p50',
      'p90',
      'min',
      'with the live check p50',
      'other requests meanwhile: p99',
      'max',
      'save',
      'peak RSS',
    ],
    rows: cases.map((c) => [
      c.name,
      `${(c.strategyBytes / 1024 / 1024).toFixed(2)} MB`,
      ms(c.loadMs),
      ms(quantile(c.editMs, 0.5)),
      ms(quantile(c.editMs, 0.9)),
      ms(Math.min(...c.editMs)),
      ms(quantile(c.serverMs, 0.5)),
      ms(quantile(c.cpuMs, 0.5)),
      ms(quantile(c.cpuMs, 0.9)),
      ms(Math.min(...c.cpuMs)),
      ms(quantile(c.allCpuMs, 0.5)),
      ms(quantile(c.otherMs, 0.99)),
      ms(Math.max(...c.otherMs)),
      ms(c.saveMs),
      `${c.rssMB.toFixed(0)} MB`,
    ]),
    notes: [
      `${cases.map((c) => c.editMs.length).join(' / ')} edits (the first left out), headless chromium; ` +
        `load average at the end ${os.loadavg()[0]!.toFixed(1)}. Wall-clock times on a shared machine ` +
        '(2 cores, other work running): they include waiting for a core. "studio CPU / edit" is the studio ' +
        "process's own CPU time (its threads but the live check's, 10 ms ticks) from the keystroke until the " +
        'slide showed: the figure the load does not inflate; "with the live check": all threads (a check runs ' +
        'when typing pauses, at the lowest priority). "Other requests": the page shell, asked every 25 ms while ' +
        'the edits ran (wall clock).',
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
