/**
 * holdYoungGeneration (src/heap-growth.ts) stops the young generation's growth for the rest of
 * the process: right for one build that parses a large strategy (issue #27), wrong for a command
 * that runs until stopped. `preview --fast --watch` loads the project through the kept YAML on
 * every change; held there, its new space shrank to 1–2 MB between redraws and stayed there
 * (1,000 rows: 19–38 % more CPU per redraw than at the long-running 32 MB cap). Each case runs in
 * a process of its own: the flags are V8's, for the whole process.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function afterHold(...command: string[]): { before: number; after: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'heap-hold-child.ts'), ...command],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as { before: number; after: number };
}

describe('holdYoungGeneration', () => {
  it('holds a one-off build’s young generation where it is', () => {
    const { before, after } = afterHold('build', '--all');
    expect(after).toBeLessThanOrEqual(Math.max(before, 8));
  });

  it('leaves a long-running command’s young generation free to grow to its cap', () => {
    for (const command of [
      ['preview', '--fast', '--watch'],
      ['build', '--watch'],
    ]) {
      const { before, after } = afterHold(...command);
      expect(after, `${command.join(' ')}: ${before} → ${after} MB`).toBeGreaterThan(8);
    }
  });
});
