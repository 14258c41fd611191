import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { LONG_TEST_FILES } from './test/tiers.js';

// Many test files spend their time waiting for child processes (the CLI, LibreOffice, a
// browser, SMTP servers), so one worker more than there are cores keeps the cores busy;
// vitest's default (cores − 1) runs the files one by one on a 2-core machine.
const workers = availableParallelism() + 1;

// Two tiers (test/tiers.ts): `npm test` runs `--project default`, `npm run test:long` the long
// one, a bare `vitest run` both. Both share this file's options and one pool of workers.
const ALL_TESTS = ['test/**/*.test.ts', 'src/**/*.test.ts'];
const longFiles = Object.keys(LONG_TEST_FILES);

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'default', include: ALL_TESTS, exclude: longFiles } },
      { extends: true, test: { name: 'long', include: longFiles } },
    ],
    globalSetup: ['test/global-setup.ts'],
    // expect.hasAssertions() before every test (test/setup.ts): no test passes vacuously.
    setupFiles: ['test/setup.ts'],
    clearMocks: true,
    restoreMocks: true,
    // A worker keeps one module graph for all the files it runs, instead of importing src/
    // (and pptxgenjs, yaml, zod, sharp …) again for each file: about 30 s less CPU per run.
    // So a test file must leave the process as it found it: environment changes through
    // vi.stubEnv (undone before each next test, below) or undone in its own afterAll, and no
    // vi.mock of a module (the mocked module would stay mocked for the next files in the worker;
    // the tests use real parts instead: servers on 127.0.0.1, LibreOffice, the CLI).
    isolate: false,
    // Child processes, not worker threads: test/helpers/in-process.ts runs the CLI's main() in the
    // worker, and a command's working folder (process.chdir) exists only per process.
    pool: 'forks',
    unstubEnvs: true,
    // The ~200 CLI processes the tests start (kill -9, concurrency, the bundle end to end) keep
    // V8's compiled code between them: the bundle's in the user's code cache (scripts/cli-entry.mjs,
    // per bundle, command and flags, so a rebuilt bundle is compiled afresh), the ES modules still
    // loaded (the studio's worker, sharp, pdf.js) in this compile cache (Node 22.1 and later).
    // LC_ALL=C.UTF-8: the CLI speaks English to the tests whatever the developer's locale (nb_NO
    // would make it Norwegian, messages/catalogue.ts languageFrom); a test of another language
    // says so with --lang.
    env: { NODE_COMPILE_CACHE: path.join(tmpdir(), 'trappa-test-compile-cache'), LC_ALL: 'C.UTF-8' },
    unstubGlobals: true,
    maxWorkers: workers,
    // As many kept as may run: with fewer, tinypool retires a worker that falls idle, and with
    // shared workers (isolate: false) that can end a run in "Unhandled Rejection: Terminating
    // worker thread" although every test passed (seen here once with 4 workers and 2 kept;
    // vitest-dev/vitest#8564 and #8133 report the same, and that keeping them avoids it).
    minWorkers: workers,
    // LibreOffice conversions and SMTP round trips take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
