/**
 * Rules the test files themselves keep, because a worker runs many files in one process
 * (vitest.config.ts `isolate: false`): what one file changes, the next one would inherit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/project.js';
import { LONG_TEST_FILES } from './tiers.js';

const testDir = path.join(REPO, 'test');
const files = (readdirSync(testDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.includes('node_modules'))
  .map((f) => ({ file: f, text: readFileSync(path.join(testDir, f), 'utf8') }));

/** Lines of the test sources matching `pattern`, as `file:line`, leaving out this file. */
function linesMatching(pattern: RegExp): string[] {
  return files.flatMap(({ file, text }) =>
    file === 'test-rules.test.ts'
      ? []
      : text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`test/${file}:${i + 1}`] : [])),
  );
}

describe('test files leave the worker as they found it', () => {
  it('reads the test sources', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.file === 'layers.test.ts')).toBe(true);
  });

  it('mock no module: a mocked module would stay mocked for the files after it', () => {
    expect(linesMatching(/\bvi\.(do)?[mM]ock\(/)).toEqual([]);
  });

  it('set the environment through vi.stubEnv, which is undone before the next test', () => {
    // Plain assignments are allowed only where the same file puts the old value back.
    const assigned = linesMatching(/\bprocess\.env(\.\w+|\[[^\]]+\])\s*=[^=]/);
    const restored = assigned.filter((at) => {
      const file = files.find((f) => `test/${f.file}` === at.slice(0, at.lastIndexOf(':')))!;
      return /delete process\.env|process\.env\.\w+ = \w+Before/.test(file.text);
    });
    expect(assigned.filter((at) => !restored.includes(at))).toEqual([]);
  });
});

describe('the two tiers (test/tiers.ts)', () => {
  it('name only test files that exist, so a renamed file cannot leave its tier unnoticed', () => {
    const missing = Object.keys(LONG_TEST_FILES).filter((file) => !files.some((f) => `test/${f.file}` === file));
    expect(missing).toEqual([]);
  });

  it('say for each long file why it is long', () => {
    const unexplained = Object.entries(LONG_TEST_FILES).filter(([, why]) => why.trim().length < 10);
    expect(unexplained).toEqual([]);
  });
});
