/**
 * `npm test`: the type check and the default tier of the tests, side by side.
 *
 * They used to run one after the other (`tsc --noEmit && vitest run`), so the type check's
 * ~8 s were added to the suite's time on every run; run together they overlap with the tests'
 * waits on LibreOffice, browsers and child processes. The run fails when either fails, and
 * each one's output is its own (tsc prints only on errors). Arguments go to vitest
 * (`npm test -- test/build.test.ts`). Plain Node, so it runs the same on Windows.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
/** A package's command, by its package.json `bin` (packages do not export their bin files). */
function bin(pkg, name) {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin: bins } = require(manifest);
  return path.join(path.dirname(manifest), typeof bins === 'string' ? bins : bins[name]);
}
const tsc = bin('typescript', 'tsc');
const vitest = bin('vitest', 'vitest');

/** Runs `node script args` with the terminal's output; resolves to its exit code. */
function run(script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

const [types, tests] = await Promise.all([
  run(tsc, ['--noEmit']),
  run(vitest, ['run', '--project', 'default', ...process.argv.slice(2)]),
]);
if (types !== 0) console.error('npm test: the type check failed (tsc --noEmit)');
process.exitCode = types !== 0 ? types : tests;
