/** Tables for the terminal and for output/bench/results.md. */
import type { SampleStats, Stats } from './run.js';

export type Row = (string | number | undefined)[];

export interface Table {
  title: string;
  headers: string[];
  rows: Row[];
  /** Lines printed under the table. */
  notes?: string[];
}

const cellText = (v: string | number | undefined): string => (v === undefined ? '–' : String(v));

/** A Markdown pipe table, columns padded so it also reads as plain text. */
export function renderTable(t: Table): string {
  const cells = [t.headers, ...t.rows.map((r) => r.map(cellText))];
  const widths = t.headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    `| ${r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [
    `### ${t.title}`,
    '',
    line(cells[0]!),
    rule,
    ...cells.slice(1).map(line),
    ...(t.notes ? ['', ...t.notes] : []),
    '',
  ].join('\n');
}

export const ms = (v: number | undefined, digits = 0): string | undefined =>
  v === undefined || Number.isNaN(v) ? undefined : `${v.toFixed(digits)} ms`;
export const mb = (v: number | undefined): string | undefined => (v === undefined ? undefined : `${v.toFixed(0)} MB`);
export const kb = (bytes: number | undefined): string | undefined =>
  bytes === undefined ? undefined : `${Math.round(bytes / 1024)} KB`;
export const ratio = (v: number | undefined): string | undefined =>
  v === undefined || !Number.isFinite(v) ? undefined : `${v.toFixed(2)}×`;

/** "312 ms ±9 (298–344)": median, median absolute deviation, range. */
export function spread(s: Stats | undefined, digits = 0): string | undefined {
  if (!s) return undefined;
  const n = (value: number): string => value.toFixed(digits);
  return `${n(s.median)} ms ±${n(s.mad)} (${n(s.min)}–${n(s.max)})`;
}

/** The standard cells of a measured command: wall (median ± MAD, range), CPU, peak RSS. */
export function sampleCells(s: SampleStats): Row {
  return [spread(s.wallMs), ms(s.cpuMs?.median), mb(s.maxRssMB?.median)];
}

/** Growth exponent between two sizes: 1 is linear, 2 quadratic. */
export function growthExponent(n1: number, v1: number, n2: number, v2: number): number {
  return Math.log(v2 / v1) / Math.log(n2 / n1);
}
