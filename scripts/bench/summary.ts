/**
 * The benchmark's first table (issue #27): each figure as a multiple of pandoc doing the same
 * work, memory per plan row, and the interactive latencies, Node 22 and 24 side by side.
 */
import { growthExponent, mb, ms, ratio, type Row, type Table } from './report.js';
import type { StudioBench } from './studio.js';
import type { SampleStats } from './run.js';
import type { BenchResults } from './tables.js';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const p90 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.9 * xs.length))]!;

/**
 * The machine is shared (other work runs beside the bench), so process figures are CPU time
 * (user + sys) and the fastest of the repeats: the least disturbed run. Wall medians would
 * mostly measure the other work.
 */
const cpuMin = (stats: SampleStats | undefined): number | undefined => stats?.cpuMs?.min;
const rssMin = (stats: SampleStats | undefined): number | undefined => stats?.maxRssMB?.min;

export function summaryTable(r: BenchResults, studio: StudioBench | undefined): Table {
  const cold = (prefix: string) => r.cold.filter((c) => c.name.startsWith(prefix));
  const pandoc = cpuMin(r.cold.find((c) => c.name === 'pandoc strategi.md')?.stats);
  const rows: Row[] = [];
  for (const c of cold('bin/trappa build --all')) {
    const all = cpuMin(c.stats);
    const perDeck = all === undefined ? undefined : all / r.deckCount;
    const [, node = '?', how = ''] = /\(node ([^)]+)\)\s*(.*)$/.exec(c.name) ?? [];
    rows.push([
      `cold build --all, per deck (${r.deckCount} decks), node ${node}${how ? `, ${how}` : ''}`,
      ms(perDeck),
      pandoc && perDeck ? ratio(perDeck / pandoc) : undefined,
      how ? '' : '≤ 1× pandoc',
      mb(rssMin(c.stats)),
    ]);
  }
  for (const p of r.scale.filter((s) => s.n >= 1000)) {
    const versions: [string, SampleStats | undefined][] = [
      [r.env.node, p.trappa],
      ['24', p.trappa24],
    ];
    const pandocRows = cpuMin(p.pandoc);
    for (const [node, stats] of versions) {
      const cpu = cpuMin(stats);
      if (cpu === undefined) continue;
      rows.push([
        `one deck of ${p.n.toLocaleString('en')} plan rows (${p.slides} slides), node ${node}`,
        ms(cpu),
        pandocRows ? ratio(cpu / pandocRows) : undefined,
        `≤ 2× pandoc, ≤ ${p.n >= 5000 ? 600 : 250} MB`,
        mb(rssMin(stats)),
      ]);
    }
    if (p.pandoc)
      rows.push([`pandoc, the same ${p.n.toLocaleString('en')} rows`, ms(pandocRows), '1×', '', mb(rssMin(p.pandoc))]);
  }
  rows.push(...growthRows(r));
  rows.push([
    'watch: one deck file edited → saved (wall, median)',
    ms(r.warm.watch.oneDeckCached.median, 1),
    undefined,
    '< 50 ms',
    undefined,
  ]);
  if (studio && studio.editMs.length > 0) {
    rows.push([
      'studio: edit → slide updated (wall, median / p90)',
      `${ms(median(studio.editMs))} / ${ms(p90(studio.editMs))}`,
      undefined,
      'p90 < 100 ms',
      undefined,
    ]);
  }
  return {
    title: 'Summary: Trappa against pandoc on the same content (CPU time user+sys, fastest of the runs)',
    headers: ['what', 'trappa', '÷ pandoc', 'target', 'peak RSS'],
    rows,
    notes: [
      `pandoc's one deck: ${ms(pandoc) ?? 'not measured (pandoc not installed)'} CPU. Commands run without ` +
        'NODE_EXTRA_CA_CERTS (both sides). Per deck = `bin/trappa build --all` ÷ the bundled decks. ' +
        'Process figures are CPU time and peak RSS, the lowest of the runs (the machine is shared); ' +
        'watch and studio are wall times in one process.',
      `Load average ${r.env.loadAverageAtStart.join(' ')} → ${r.env.loadAverageAtEnd.join(' ')} on ${r.env.cpus} CPUs.`,
    ],
  };
}

/** Memory per plan row and how CPU time and peak RSS grow, between the smallest and largest size measured. */
function growthRows(r: BenchResults): Row[] {
  const [small, large] = [r.scale[0], r.scale.at(-1)];
  if (!small || !large || large.n <= small.n) return [];
  const [rss1, rss2] = [rssMin(small.trappa), rssMin(large.trappa)];
  const [cpu1, cpu2] = [cpuMin(small.trappa), cpuMin(large.trappa)];
  const span = `${small.n.toLocaleString('en')} → ${large.n.toLocaleString('en')} rows`;
  const rows: Row[] = [];
  if (rss1 !== undefined && rss2 !== undefined) {
    rows.push([
      `memory per plan row (peak RSS, ${span})`,
      `${(((rss2 - rss1) * 1024) / (large.n - small.n)).toFixed(0)} KB`,
      undefined,
      '',
      undefined,
    ]);
    rows.push([
      `growth exponent of peak RSS, ${span}`,
      growthExponent(small.n, rss1, large.n, rss2).toFixed(2),
      undefined,
      '≤ 1',
      undefined,
    ]);
  }
  if (cpu1 !== undefined && cpu2 !== undefined)
    rows.push([
      `growth exponent of CPU time, ${span}`,
      growthExponent(small.n, cpu1, large.n, cpu2).toFixed(2),
      undefined,
      '≈ 1',
      undefined,
    ]);
  rows.push([
    `growth exponent of in-process time, ${span}`,
    growthExponent(small.n, small.inProcess.total, large.n, large.inProcess.total).toFixed(2),
    undefined,
    '≈ 1',
    undefined,
  ]);
  return rows;
}
