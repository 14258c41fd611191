/**
 * Runs a command as a whole process and measures it: wall time (ours, to the microsecond),
 * CPU time and peak resident memory (from GNU time's -o file, since Node cannot read a
 * child's rusage). Without /usr/bin/time only the wall time is known.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(GNU_TIME);

export interface Command {
  /** Label in tables. */
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface Sample {
  wallMs: number;
  /** User + system CPU, ms; undefined without GNU time. */
  cpuMs?: number;
  /** Peak resident set size, MiB. */
  maxRssMB?: number;
}

export class CommandFailed extends Error {}

/**
 * The environment every measured command runs in: this one without NODE_EXTRA_CA_CERTS, which
 * some machines set and which costs Node 20 ~40 ms at start reading certificates (Node 22 and
 * 24 read them lazily). Unset for every command alike, pandoc's too, so no side pays it.
 */
export const benchEnv = (): NodeJS.ProcessEnv => {
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  return env;
};

export function runOnce(cmd: Command): Sample & { stdout: string } {
  const dir = hasGnuTime ? mkdtempSync(path.join(tmpdir(), 'trappa-bench-')) : undefined;
  const report = dir ? path.join(dir, 'time.txt') : undefined;
  const [command, args] = report
    ? [GNU_TIME, ['-f', '%U %S %M', '-o', report, cmd.command, ...cmd.args]]
    : [cmd.command, cmd.args];
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: cmd.cwd,
    env: cmd.env ?? benchEnv(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  try {
    if (result.error) throw new CommandFailed(`${cmd.name}: ${result.error.message}`);
    if (result.status !== 0) {
      throw new CommandFailed(
        `${cmd.name}: exit ${result.status}\n${[cmd.command, ...cmd.args].join(' ')}\n${result.stderr.slice(-2000)}`,
      );
    }
    if (!report) return { wallMs, stdout: result.stdout };
    const [user, sys, rssKB] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { wallMs, cpuMs: ((user ?? 0) + (sys ?? 0)) * 1000, maxRssMB: (rssKB ?? 0) / 1024, stdout: result.stdout };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs every command `runs` times, round robin (A B C A B C …), after `warmup` unmeasured
 * rounds. Interleaving spreads background load over all commands alike, so their ratio
 * holds even on a busy machine.
 */
export function runInterleaved(commands: Command[], runs: number, warmup = 1): Map<string, Sample[]> {
  const samples = new Map<string, Sample[]>(commands.map((c) => [c.name, []]));
  for (let round = 0; round < warmup + runs; round++) {
    for (const cmd of commands) {
      const { stdout: _, ...sample } = runOnce(cmd);
      if (round >= warmup) samples.get(cmd.name)!.push(sample);
    }
  }
  return samples;
}

export interface Stats {
  n: number;
  median: number;
  min: number;
  max: number;
  /** Median absolute deviation: the spread that one slow outlier does not blow up. */
  mad: number;
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const median = (xs: number[]): number => {
    if (xs.length === 0) return NaN;
    const mid = Math.floor(xs.length / 2);
    return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
  };
  const m = median(sorted);
  return {
    n: sorted.length,
    median: m,
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    mad: median(sorted.map((v) => Math.abs(v - m)).sort((a, b) => a - b)),
  };
}

export interface SampleStats {
  wallMs: Stats;
  cpuMs?: Stats;
  maxRssMB?: Stats;
}

export function sampleStats(samples: Sample[]): SampleStats {
  const defined = (key: 'cpuMs' | 'maxRssMB') => {
    const xs = samples.map((s) => s[key]).filter((v): v is number => v !== undefined);
    return xs.length > 0 ? stats(xs) : undefined;
  };
  return { wallMs: stats(samples.map((s) => s.wallMs)), cpuMs: defined('cpuMs'), maxRssMB: defined('maxRssMB') };
}
