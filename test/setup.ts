/**
 * Every test must assert something: a test whose assertions sit in a loop over nothing, or
 * behind a condition that was false, fails instead of passing without having checked anything.
 * (A test that has nothing to check is skipped, visibly, with it.skipIf.)
 */
import { beforeEach, expect } from 'vitest';
import { recordCpuPerFile } from './helpers/cpu-per-file.js';
import { watchForStalls } from './helpers/stall-watch.js';

beforeEach(() => {
  expect.hasAssertions();
});

watchForStalls();
recordCpuPerFile();
