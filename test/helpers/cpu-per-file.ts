/**
 * With TRAPPA_TEST_CPU=FILE, appends one line per test file to FILE: the CPU seconds its worker
 * and the worker's finished child processes (the CLI, LibreOffice, the validator) spent on it,
 * and its wall time. A worker runs one file at a time, so the differences of /proc/self/stat
 * around a file are that file's. For finding where `npm test` spends its time; off by default.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** [own, children] CPU seconds of this process so far (user + system). */
function cpuSeconds(): [number, number] {
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  // After "pid (comm) ": state is field 3, so utime…cstime (fields 14–17) are at 11–14.
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [number, number, number, number];
  return [(utime + stime) / TICKS_PER_SECOND, (cutime + cstime) / TICKS_PER_SECOND];
}

export function recordCpuPerFile(): void {
  const target = process.env.TRAPPA_TEST_CPU;
  if (!target) return;
  let start: [number, number] = [0, 0];
  let started = 0;
  let file = '';
  beforeAll(() => {
    start = cpuSeconds();
    started = performance.now();
    file = expect.getState().testPath ?? '';
  });
  afterAll(() => {
    const [own, children] = cpuSeconds();
    const row = {
      file,
      own: +(own - start[0]).toFixed(2),
      children: +(children - start[1]).toFixed(2),
      wall: +((performance.now() - started) / 1000).toFixed(2),
    };
    appendFileSync(target, `${JSON.stringify(row)}\n`);
  });
}
