/**
 * The benchmark's first table (issue #27): each figure as a multiple of pandoc doing the same
 * work, memory per plan row, and the interactive latencies, Node 20 and 24 side by side.
 */
import { growthExponent, mb, ms, ratio, type Row, type Table } from './report.js';
import type { StudioBench } from './studio.js';
import type { BenchResults } from './tables.js';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const p90 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.9 * xs.length))]!;

export function summaryTable(r: BenchResults, studio: StudioBench | undefined): Table {
  const cold = (prefix: string) => r.cold.filter((c) => c.name.startsWith(prefix));
  const pandoc = r.cold.find((c) => c.name === 'pandoc strategi.md')?.stats.wallMs.median;
  const rows: Row[] = [];
  for (const c of cold('bin/trappa build --all')) {
    const perDeck = c.stats.wallMs.median / r.deckCount;
    const node = /\(node ([^)]+)\)/.exec(c.name)?.[1] ?? '?';
    rows.push([
      `cold build --all, per deck (${r.deckCount} decks), node ${node}`,
      ms(perDeck),
      pandoc ? ratio(perDeck / pandoc) : undefined,
      '≤ 1× pandoc',
      mb(c.stats.maxRssMB?.median),
    ]);
  }
  for (const p of r.scale.filter((s) => s.n >= 1000)) {
    const versions: [string, typeof p.trappa | undefined][] = [
      [r.env.node, p.trappa],
      ['24', p.trappa24],
    ];
    for (const [node, stats] of versions) {
      if (!stats) continue;
      rows.push([
        `one deck of ${p.n.toLocaleString('en')} plan rows (${p.slides} slides), node ${node}`,
        ms(stats.wallMs.median),
        p.pandoc ? ratio(stats.wallMs.median / p.pandoc.wallMs.median) : undefined,
        `≤ 2× pandoc, ≤ ${p.n >= 5000 ? 600 : 250} MB`,
        mb(stats.maxRssMB?.median),
      ]);
    }
  }
  const [small, large] = [r.scale.find((p) => p.n === 100), r.scale.at(-1)];
  if (small && large && large.n > small.n && small.trappa.maxRssMB && large.trappa.maxRssMB) {
    const perRow = ((large.trappa.maxRssMB.median - small.trappa.maxRssMB.median) * 1024) / (large.n - small.n);
    const exponent = growthExponent(small.n, small.inProcess.total, large.n, large.inProcess.total);
    rows.push([
      `memory per plan row (peak RSS, ${small.n} → ${large.n} rows)`,
      `${perRow.toFixed(0)} KB`,
      undefined,
      '',
      undefined,
    ]);
    rows.push([
      `growth exponent of in-process time, ${small.n} → ${large.n} rows`,
      exponent.toFixed(2),
      undefined,
      '≈ 1',
      undefined,
    ]);
  }
  rows.push([
    'watch: one deck file edited → saved',
    ms(r.warm.watch.oneDeckCached.median, 1),
    undefined,
    '< 50 ms',
    undefined,
  ]);
  if (studio && studio.editMs.length > 0) {
    rows.push([
      'studio: edit → slide updated (median / p90)',
      `${ms(median(studio.editMs))} / ${ms(p90(studio.editMs))}`,
      undefined,
      'p90 < 100 ms',
      undefined,
    ]);
  }
  return {
    title: 'Summary: Trappa against pandoc on the same content (wall, medians)',
    headers: ['what', 'trappa', '÷ pandoc', 'target', 'peak RSS'],
    rows,
    notes: [
      `pandoc's one deck: ${ms(pandoc) ?? 'not measured (pandoc not installed)'}. Commands run without ` +
        'NODE_EXTRA_CA_CERTS (both sides). Per deck = `bin/trappa build --all` ÷ the bundled decks.',
      `Load average ${r.env.loadAverageAtStart.join(' ')} → ${r.env.loadAverageAtEnd.join(' ')} on ${r.env.cpus} CPUs.`,
    ],
  };
}
