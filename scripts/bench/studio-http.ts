/**
 * The Studio on a 2 MB strategy over HTTP, as the page drives it but without a browser: the
 * first load (/api/project), the first render, typed edits sent as changes (the page's
 * `have` list of slide hashes with them), the live check after a pause, a save. Per step the
 * wall time, the studio process's CPU time (every thread, /proc/PID/stat) and its resident
 * memory; throughout, the page shell asked every 25 ms on fresh connections, so the longest
 * any small request waited is known. The studio runs from the bundle (dist/cli.js), alone.
 *
 *   npm run build:dist && npx tsx scripts/bench/studio-http.ts [--edits 10] [--rows 5700] [--root <project>] [--cli <dist/cli.js>]
 *     [--no-poll]   (with --root: no small requests meanwhile, so the request loop's CPU is the studio's own work)
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startStudio } from '../../test/helpers/studio-process.js';
import { ms, renderTable, type Table } from './report.js';
import { writeSyntheticProject } from './synthetic.js';
import { pollOthers } from './poll-others.js';

interface Step {
  name: string;
  wallMs: number;
  cpuMs: number;
  rssMB: number;
  /** The longest a small request waited while this step ran. */
  othersMaxMs: number;
  /**
   * CPU time of the request loop's thread during the step: no request can have been held up by
   * its work for longer (the wall times above add waiting for a core on a loaded machine).
   */
  loopCpuMs: number;
  /** The request loop's longest single block during the step (loop-probe.ts: its timer's longest delay). */
  loopBlockMs: number;
  /** The most CPU the loop's thread used between two of that timer's ticks: its own longest work. */
  loopBlockCpuMs: number;
  /** CPU of the studio's child processes (the live check, studio-thread.ts ChildHost) during the step. */
  childCpuMs: number;
  /** Their resident memory at the step's end (0: none running). */
  childRssMB: number;
}

export interface StudioHttpResult {
  strategyMB: number;
  steps: Step[];
  editWall: number[];
  editCpu: number[];
  /** Answer times of the page shell asked meanwhile. */
  othersMs: number[];
  peakRssMB: number;
  /** The check process's peak (VmHWM, the largest seen at a step's end); 0 when none was started. */
  childPeakRssMB: number;
  /** The live check was left to `trappa check` (live-check-bounds.ts). */
  checkSkipped: boolean;
  /** Each edit's longest block of the request loop, and its longest CPU between ticks. */
  editBlock: number[];
  editBlockCpu: number[];
}

const STRATEGY = 'data/strategy.yaml';

function status(pid: number, field: string): number {
  const line = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

/** The fields of /proc/PID/stat after the command's name (fields[0] is the state). */
const statFields = (file: string): string[] => {
  const text = readFileSync(file, 'utf8');
  return text.slice(text.lastIndexOf(') ') + 2).split(' ');
};

/**
 * The studio's child processes now (the live check runs in one: studio-thread.ts ChildHost), found by
 * their parent's id; a process that ends meanwhile is skipped.
 */
function childrenOf(pid: number): number[] {
  const ids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  return ids.map(Number).filter((id) => {
    try {
      return Number(statFields(`/proc/${id}/stat`)[1]) === pid;
    } catch {
      return false;
    }
  });
}

/** The CPU of the studio's children, ms: those running now, and those ended and waited for (cutime + cstime). */
function childCpuOf(pid: number): number {
  const own = statFields(`/proc/${pid}/stat`);
  const ended = (Number(own[13]) + Number(own[14])) * 10;
  return childrenOf(pid).reduce((sum, id) => sum + (safe(() => cpuOf(id)) ?? 0), ended);
}

const safe = <T>(read: () => T): T | undefined => {
  try {
    return read();
  } catch {
    return undefined;
  }
};

/** The children's resident memory now and their peaks (VmRSS, VmHWM), MB. */
function childMemory(pid: number): { rss: number; peak: number } {
  const kids = childrenOf(pid);
  const sum = (field: string) => kids.reduce((total, id) => total + (safe(() => status(id, field)) ?? 0), 0);
  return { rss: sum('VmRSS'), peak: sum('VmHWM') };
}

/**
 * utime + stime of the whole process (threads that ended included), ms; with `thread`, of that
 * thread only (the request loop is the thread whose id is the process's).
 */
function cpuOf(pid: number, thread?: number): number {
  const fields = statFields(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`);
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function call(url: URL, method: string, target: string, body?: unknown): Promise<{ status: number; json: any }> {
  const token = url.searchParams.get('token')!;
  const headers: Record<string, string> = { 'X-Trappa-Token': token, Host: url.host };
  if (body !== undefined) Object.assign(headers, { 'Content-Type': 'application/json', Origin: url.origin });
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path: target, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : {} }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

type Slides = Array<{ hash: string; svg?: string }>;

export async function measureStudioHttp(
  cli: string,
  root: string,
  deck: string,
  edits: number,
  poll = true,
): Promise<StudioHttpResult> {
  const studio = await startStudio(cli, root, { TRAPPA_STUDIO_LOOP_PROBE: '1' });
  const pid = studio.child.pid!;
  const url = new URL(studio.url);
  const steps: Step[] = [];
  let childPeak = 0;
  /** The check process's memory at a step's end; its peak is kept across steps (it may end later). */
  const children = (): number => {
    const { rss, peak } = childMemory(pid);
    childPeak = Math.max(childPeak, peak);
    return rss;
  };
  // Without the poll, the request loop's CPU time per step is the studio's own work alone.
  const others = pollOthers(url, poll);
  const loopBlock = async (): Promise<{ maxMs: number; maxCpuMs: number }> =>
    (await call(url, 'GET', '/api/loop')).json;
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    await loopBlock();
    const [t0, c0, l0, k0] = [performance.now(), cpuOf(pid), cpuOf(pid, pid), childCpuOf(pid)];
    const out = await work();
    const t1 = performance.now();
    const loopCpuMs = cpuOf(pid, pid) - l0;
    const { maxMs: loopBlockMs, maxCpuMs: loopBlockCpuMs } = await loopBlock();
    // The small requests still out when the step ended are counted once they are answered.
    await new Promise((r) => setTimeout(r, 60));
    const othersMaxMs = others.during(t0, t1);
    steps.push({
      name,
      wallMs: t1 - t0,
      cpuMs: cpuOf(pid) - c0,
      rssMB: status(pid, 'VmRSS'),
      othersMaxMs,
      loopCpuMs,
      loopBlockMs,
      loopBlockCpuMs,
      childCpuMs: childCpuOf(pid) - k0,
      childRssMB: children(),
    });
    return out;
  };
  try {
    const project = await timed('GET /api/project', () => call(url, 'GET', '/api/project'));
    const file = project.json.files.find((f: { file: string }) => f.file === STRATEGY);
    let version: string = file.version;
    const first = await timed('first render', () => call(url, 'POST', '/api/render', { decks: [deck] }));
    if (!first.json.decks?.[0]) throw new Error(`first render: ${first.status} ${JSON.stringify(first.json)}`);
    const have = new Set<string>((first.json.decks[0].slides as Slides).map((s) => s.hash));
    const editWall: number[] = [];
    const editCpu: number[] = [];
    const editBlock: number[] = [];
    const editBlockCpu: number[] = [];
    const editsStart = performance.now();
    const editsLoop = cpuOf(pid, pid);
    const editsChildren = childCpuOf(pid);
    let changes: Array<{ path: Array<string | number>; value: unknown }> = [];
    for (let i = 0; i < edits; i++) {
      changes = [{ path: ['profile', 0], value: `Samarbeidet Benk${i}x skal synes` }];
      const body = { changes: { [STRATEGY]: { version, changes } }, decks: [deck], have: [...have] };
      await loopBlock();
      const [t0, c0] = [performance.now(), cpuOf(pid)];
      const answer = await call(url, 'POST', '/api/render', body);
      editWall.push(performance.now() - t0);
      editCpu.push(cpuOf(pid) - c0);
      const block = await loopBlock();
      editBlock.push(block.maxMs);
      editBlockCpu.push(block.maxCpuMs);
      const slides = answer.json.decks[0].slides as Slides;
      if (!slides.some((s) => s.svg?.includes(`Benk${i}x`))) throw new Error(`edit ${i} is not on a slide`);
      for (const s of slides) have.add(s.hash);
    }
    await new Promise((r) => setTimeout(r, 60));
    const othersMaxMs = others.during(editsStart, performance.now());
    const loopCpuMs = cpuOf(pid, pid) - editsLoop;
    steps.push({
      name: `${edits} edits`,
      wallMs: 0,
      cpuMs: 0,
      rssMB: status(pid, 'VmRSS'),
      othersMaxMs,
      loopCpuMs,
      loopBlockMs: Math.max(...editBlock),
      loopBlockCpuMs: Math.max(...editBlockCpu),
      childCpuMs: childCpuOf(pid) - editsChildren,
      childRssMB: children(),
    });
    const check = await timed('live check', () =>
      call(url, 'POST', '/api/check', { changes: { [STRATEGY]: { version, changes } } }),
    );
    if (check.status !== 200) throw new Error(`check: ${check.status} ${JSON.stringify(check.json)}`);
    const saved = await timed('save', () => call(url, 'POST', '/api/save', { file: STRATEGY, version, changes }));
    if (!saved.json.saved) throw new Error(`save: ${JSON.stringify(saved.json)}`);
    version = saved.json.version;
    const after = await timed('edit after the save', () =>
      call(url, 'POST', '/api/render', {
        changes: { [STRATEGY]: { version, changes: [{ path: ['profile', 0], value: 'Etter lagring' }] } },
        decks: [deck],
        have: [...have],
      }),
    );
    if (after.status !== 200) throw new Error(`edit after the save: ${after.status}`);
    children();
    return {
      strategyMB: readFileSync(path.join(root, STRATEGY)).length / 2 ** 20,
      steps,
      editWall,
      editCpu,
      othersMs: await others.stop(),
      peakRssMB: status(pid, 'VmHWM'),
      childPeakRssMB: childPeak,
      checkSkipped: check.json.skipped === true,
      editBlock,
      editBlockCpu,
    };
  } finally {
    await others.stop();
    await studio.stop();
  }
}

const quantile = (xs: number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;

export function studioHttpTable(r: StudioHttpResult): Table {
  const edits = (what: string, xs: number[]) => [
    what,
    ms(Math.min(...xs)),
    ms(quantile(xs, 0.5)),
    ms(quantile(xs, 0.9)),
    '',
    '',
    '',
    '',
    '',
  ];
  return {
    title: `Trappa Studio over HTTP on a ${r.strategyMB.toFixed(2)} MB strategy (no browser)`,
    headers: [
      'step',
      'wall',
      'studio CPU',
      'p90 / RSS after',
      'others waited (max)',
      'request loop CPU',
      'loop’s longest block',
      'its longest CPU',
      'check process CPU / RSS after',
    ],
    rows: [
      ...r.steps.map((s) => [
        s.name,
        ms(s.wallMs),
        ms(s.cpuMs),
        `${s.rssMB.toFixed(0)} MB`,
        ms(s.othersMaxMs),
        ms(s.loopCpuMs),
        ms(s.loopBlockMs),
        ms(s.loopBlockCpuMs),
        s.childRssMB > 0 || s.childCpuMs > 0 ? `${ms(s.childCpuMs)} / ${s.childRssMB.toFixed(0)} MB` : 'none running',
      ]),
      ['edit → slides (min, p50, p90): wall', ...edits('', r.editWall).slice(1)],
      ['edit → slides (min, p50, p90): studio CPU', ...edits('', r.editCpu).slice(1)],
      ['edit → slides (min, p50, p90): loop’s longest block', ...edits('', r.editBlock).slice(1)],
      ['edit → slides (min, p50, p90): its longest CPU', ...edits('', r.editBlockCpu).slice(1)],
      [
        'other requests meanwhile (p50, p99, max)',
        ms(quantile(r.othersMs, 0.5)),
        ms(quantile(r.othersMs, 0.99)),
        ms(Math.max(...r.othersMs)),
        '',
        '',
        '',
        '',
        '',
      ],
      ['studio peak RSS (VmHWM, every thread)', `${r.peakRssMB.toFixed(0)} MB`, '', '', '', '', '', '', ''],
      [
        'check process peak RSS (VmHWM)',
        r.childPeakRssMB > 0 ? `${r.childPeakRssMB.toFixed(0)} MB` : 'never started',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ],
    notes: [
      `The live check ${r.checkSkipped ? 'was left to `trappa check` (above its size bound)' : 'ran'}. ` +
        `${r.editWall.length} edits; load average at the end ${os.loadavg()[0]!.toFixed(1)} (2 shared cores): ` +
        'wall times include waiting for a core, CPU time (10 ms ticks, all threads of the studio) does not. ' +
        '"Request loop CPU": the CPU time of the thread that answers every request, during the step: no ' +
        'request can have been held up by the studio’s own work for longer than that. "Loop’s longest block": the ' +
        'longest delay of a 10 ms timer on that thread (perf_hooks monitorEventLoopDelay, TRAPPA_STUDIO_LOOP_PROBE), ' +
        'which on a loaded machine includes waiting for a core; "its longest CPU": the most CPU time that thread ' +
        'used between two ticks of the timer (/proc, 10 ms ticks), its own longest work. "Studio CPU" and ' +
        '"RSS" are the studio process alone; the live check runs in a child process of its own (its heap is not ' +
        'in the studio’s RSS), reported in the last column and row.',
    ],
  };
}

/** The studio over HTTP on a synthetic strategy just under the 2 MB input limit (written, measured, removed). */
export async function measureStudioHttpLarge(
  repo: string,
  cli: string,
  edits: number,
  rows = 5700,
): Promise<StudioHttpResult> {
  const root = path.join(os.tmpdir(), `trappa-bench-http-2mb-${process.pid}`);
  try {
    const { deckId } = await writeSyntheticProject(repo, root, rows);
    return await measureStudioHttp(cli, root, deckId, edits);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({
    options: {
      edits: { type: 'string', default: '10' },
      // Fewer plan rows: a strategy under the live check's bound (~700 rows), so its process runs.
      rows: { type: 'string', default: '5700' },
      root: { type: 'string' },
      cli: { type: 'string' },
      'no-poll': { type: 'boolean', default: false },
    },
  });
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const cli = path.resolve(values.cli ?? path.join(repo, 'dist/cli.js'));
  const edits = Math.max(3, Number(values.edits));
  // --root: a synthetic project written earlier (its deck is `alt`); it is saved to, so use a copy.
  const result = values.root
    ? await measureStudioHttp(cli, values.root, 'alt', edits, !values['no-poll'])
    : await measureStudioHttpLarge(repo, cli, edits, Number(values.rows));
  process.stdout.write(renderTable(studioHttpTable(result)));
}
